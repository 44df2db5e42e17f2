// Background assets (财产: vehicles, homes, business registrations, deposits) and disaster
// reports (受灾) from the county-wide events and the odd house fire.

#include <algorithm>
#include <array>

#include "gen/background_records.hpp"

namespace faxian::gen {
namespace {

struct AssetOdds {
  double vehicle;
  int64_t vehicle_lo, vehicle_hi;  // yuan
  double home_urban, home_rural, second_home;
  double deposit;
  int64_t deposit_lo, deposit_hi;
};

AssetOdds odds_for(Tier tier) {
  switch (tier) {
    case Tier::kDibao:
    case Tier::kTekun:
      return {0.01, 5000, 28000, 0.20, 0.0, 0.0, 0.04, 100, 5000};
    case Tier::kEdge:
    case Tier::kPoor:
      return {0.03, 6000, 30000, 0.25, 0.02, 0.0, 0.05, 100, 6000};
    case Tier::kNear:
      return {0.10, 15000, 60000, 0.40, 0.05, 0.0, 0.12, 1000, 20000};
    case Tier::kOrdinary:
    case Tier::kFormerDibao:
      return {0.28, 30000, 160000, 0.65, 0.12, 0.03, 0.22, 5000, 150000};
    case Tier::kWellOff:
      return {0.65, 80000, 400000, 0.90, 0.45, 0.30, 0.45, 50000, 800000};
  }
  return {};
}

PersonIndex owner(UnitBuilder& b) {
  for (size_t p = 0; p < b.unit().persons.size(); ++p) {
    if (b.present_on(static_cast<PersonIndex>(p), b.as_of()) &&
        age_on(b.unit().persons[p], b.as_of()) >= 18) {
      return static_cast<PersonIndex>(p);
    }
  }
  return 0;
}

Damage draw_damage(Rng& rng, DisasterType type) {
  if (type == DisasterType::kDrought) {
    return rng.chance(0.2) ? Damage::kCropTotalLoss : Damage::kCropDamage;
  }
  static constexpr std::array<uint32_t, 7> kWeights = {4, 8, 25, 12, 45, 2, 4};
  return static_cast<Damage>(rng.weighted(kWeights));
}

}  // namespace

void background_assets(UnitBuilder& b, const HouseholdSketch& sketch) {
  Rng& rng = b.rng();
  const AssetOdds odds = odds_for(sketch.tier);
  const PersonIndex who = owner(b);
  const Date long_ago = b.days_ago(3000);
  const Date recently = b.days_ago(1);
  // Recipients' assets date from before they were recognised (over 180 days ago).
  const Date latest = sketch.recipient() ? b.days_ago(400) : recently;
  if (rng.chance(odds.vehicle)) {
    b.asset(who, AssetType::kVehicle, draw_date(rng, long_ago, latest),
            yuan(rng.skewed_low(odds.vehicle_lo, odds.vehicle_hi)));
  }
  if (rng.chance(0.04)) {  // a scrapped vehicle
    b.asset(who, AssetType::kVehicle, draw_date(rng, long_ago, latest),
            yuan(rng.between(5000, 40000)), true);
  }
  const bool urban = b.area() == AreaType::kUrban;
  if (rng.chance(urban ? odds.home_urban : odds.home_rural)) {
    b.asset(who, AssetType::kRealEstate, draw_date(rng, long_ago, latest),
            yuan(rng.between(150000, 900000)));
    if (rng.chance(odds.second_home)) {
      b.asset(who, AssetType::kRealEstate, draw_date(rng, long_ago, latest),
              yuan(rng.between(150000, 600000)));
    }
  }
  if (sketch.has_business) {
    b.asset(who, AssetType::kBusiness, draw_date(rng, long_ago, recently),
            rng.chance(0.5) ? std::optional(yuan(rng.between(10000, 500000))) : std::nullopt);
  }
  if (rng.chance(odds.deposit)) {
    b.asset(who, AssetType::kDeposit, draw_date(rng, long_ago, latest),
            yuan(rng.skewed_low(odds.deposit_lo, odds.deposit_hi)));
  }
}

void background_disasters(UnitBuilder& b) {
  Rng& rng = b.rng();
  const int32_t village = b.unit().households.front().village;
  for (const DisasterEvent& event : b.context().disasters) {
    if (std::find(event.villages.begin(), event.villages.end(), village) == event.villages.end()) {
      continue;
    }
    if (rng.below(1000) >= event.report_permille)
      continue;
    const Date date = event.date.add_days(static_cast<int32_t>(rng.between(0, 2)));
    if (date > b.as_of())
      continue;
    const Damage damage = draw_damage(rng, event.type);
    for (size_t p = 0; p < b.unit().persons.size(); ++p) {
      const auto person = static_cast<PersonIndex>(p);
      if (!b.present_on(person, date) || age_on(b.person(person), date) < 18)
        continue;
      // Two events on one day in one village are reported once (rows have no other key).
      const bool reported = std::any_of(b.unit().disasters.begin(), b.unit().disasters.end(),
                                        [&](const DisasterRow& row) { return row.date == date; });
      if (!reported)
        b.disaster(person, date, damage, event.type);
      break;
    }
  }
  // A house fire: about 1 household in 2,000 a year.
  if (rng.chance(0.0015)) {
    const Date date = draw_date(rng, years_before(b.as_of(), 3).add_days(1), b.as_of());
    const PersonIndex who = owner(b);
    if (b.present_on(who, date)) {
      b.disaster(who, date, rng.chance(0.3) ? Damage::kHouseCollapsed : Damage::kHouseSevere,
                 DisasterType::kFire);
    }
  }
}

}  // namespace faxian::gen
