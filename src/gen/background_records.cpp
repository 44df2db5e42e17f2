#include "gen/background_records.hpp"

#include <algorithm>

namespace faxian::gen {
namespace {

// Annual probability of death per 100,000 by age (a rural Chongqing life table, rounded).
int64_t death_rate(int age) {
  if (age < 1)
    return 250;
  if (age < 40)
    return 60;
  if (age < 50)
    return 180;
  if (age < 60)
    return 450;
  if (age < 70)
    return 1100;
  if (age < 80)
    return 2800;
  if (age < 90)
    return 7500;
  return 17000;
}

Money target_per_capita(Rng& rng, Tier tier, Money standard) {
  int64_t lo = 210, hi = 420;  // per cent of the standard
  switch (tier) {
    case Tier::kDibao:
      lo = 20, hi = 85;
      break;
    case Tier::kTekun:
      lo = 0, hi = 0;
      break;
    case Tier::kEdge:
      lo = 100, hi = 145;
      break;
    case Tier::kPoor:
      lo = 15, hi = 92;
      break;
    case Tier::kNear:
      lo = 105, hi = 195;
      break;
    case Tier::kOrdinary:
    case Tier::kFormerDibao:
      break;
    case Tier::kWellOff:
      lo = 420, hi = 1400;
      break;
  }
  return fen(standard.fen() * rng.between(lo, hi) / 100);
}

int draw_track(Rng& rng) {
  const uint64_t roll = rng.below(100);
  int track = 0;
  if (roll < 22) {
    track = 1;
  } else if (roll < 41) {
    track = 2;
  } else if (roll < 55) {
    track = 3;
  } else if (roll < 66) {
    track = 4;
  } else if (roll < 90) {
    track = 5;
  }
  if (track == 1 && rng.chance(0.08))
    track += 10;
  return track;
}

HouseholdSketch sketch_household(UnitBuilder& b) {
  HouseholdSketch sketch;
  Unit& unit = b.unit();
  Rng& rng = b.rng();
  sketch.tier = unit.purpose.tier;
  sketch.persons.resize(unit.persons.size());
  for (size_t p = 0; p < unit.persons.size(); ++p) {
    PersonSketch& person = sketch.persons[p];
    person.present = b.present_on(static_cast<PersonIndex>(p), b.as_of());
    if (person.present && unit.persons[p].household == 0)
      ++sketch.present;
    person.track = draw_track(rng);
  }
  sketch.target_pc = target_per_capita(rng, sketch.tier, b.standard());
  sketch.has_business = sketch.tier == Tier::kWellOff    ? rng.chance(0.35)
                        : sketch.tier == Tier::kOrdinary ? rng.chance(0.06)
                                                         : false;
  return sketch;
}

void decide_earners(UnitBuilder& b, HouseholdSketch& sketch) {
  Rng& rng = b.rng();
  const bool urban = b.area() == AreaType::kUrban;
  for (size_t p = 0; p < sketch.persons.size(); ++p) {
    PersonSketch& person = sketch.persons[p];
    const PersonRecord& record = b.unit().persons[p];
    const int age = age_on(record, b.as_of());
    const bool studying = age <= 22 && person.track != 0 && person.track != 3 && person.track != 5;
    person.earner = age >= 18 && age <= 62 && !studying && person.severe_grade == 0 &&
                    sketch.tier != Tier::kTekun && rng.chance(0.86);
    person.migrant = person.earner && rng.chance(urban ? 0.2 : 0.6);
    person.employee_pension = age >= 55 && (record.hukou == HukouType::kNonAgricultural || urban) &&
                              (sketch.tier == Tier::kOrdinary || sketch.tier == Tier::kWellOff ||
                               sketch.tier == Tier::kFormerDibao) &&
                              rng.chance(0.45);
  }
}

}  // namespace

Date draw_date(Rng& rng, Date first, Date last) {
  if (last < first)
    return first;
  return first.add_days(static_cast<int32_t>(rng.below(static_cast<uint64_t>(last - first + 1))));
}

void background_life_events(UnitBuilder& b) {
  Unit& unit = b.unit();
  Rng& rng = b.rng();
  const Date window_start = years_before(b.as_of(), 3).add_days(1);
  for (size_t p = 0; p < unit.persons.size(); ++p) {
    const auto person = static_cast<PersonIndex>(p);
    const PersonRecord& record = unit.persons[p];
    const int age = age_on(record, b.as_of());
    const Date earliest =
        std::max({window_start, record.birth.add_days(1), record.joined.add_days(1)});
    if (rng.below(100000) < static_cast<uint64_t>(std::min<int64_t>(60000, 3 * death_rate(age)))) {
      const int lag = rng.chance(0.05) ? -1 : static_cast<int>(rng.between(7, 90));
      b.died(person, draw_date(rng, earliest, b.as_of()), lag);
      continue;
    }
    if (record.relation != Relation::kHead && age >= 18 && age <= 35 && rng.chance(0.05)) {
      b.moved_out(person, draw_date(rng, earliest, b.as_of()));
      continue;
    }
    if (rng.chance(0.03))
      b.updated(person, draw_date(rng, earliest, b.as_of()));
  }
  if (unit.purpose.split_person >= 0 && unit.households.size() > 1) {
    const Date date = draw_date(rng, b.days_ago(900), b.days_ago(30));
    const PersonIndex son = unit.purpose.split_person;
    if (b.present_on(son, date)) {
      b.moved_to(son, date, 1, Relation::kHead);
      if (unit.purpose.split_spouse >= 0 && b.present_on(unit.purpose.split_spouse, date)) {
        b.moved_to(unit.purpose.split_spouse, date, 1, Relation::kSpouse);
      }
    }
  }
}

void generate_background_records(UnitBuilder& b) {
  background_life_events(b);
  HouseholdSketch sketch = sketch_household(b);
  background_disability(b, sketch);
  decide_earners(b, sketch);
  background_income(b, sketch);
  background_medical(b, sketch);
  background_education(b, sketch);
  background_welfare(b, sketch);
  background_monitoring(b, sketch);
  background_assets(b, sketch);
  background_hotline(b, sketch);
  background_disasters(b);
  b.finish();
}

}  // namespace faxian::gen
