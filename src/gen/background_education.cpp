// Background students (教育): one row per school year (the last three that have started) with
// 学费住宿费 by stage and 已获资助 for poor households.

#include <optional>

#include "gen/background_records.hpp"

namespace faxian::gen {
namespace {

std::optional<SchoolStage> stage_at(int age, int track) {
  const int base_track = track % 10;
  if (age >= 3 && age <= 5)
    return SchoolStage::kPreschool;
  if (age >= 6 && age <= 11)
    return SchoolStage::kPrimary;
  if (age >= 12 && age <= 14)
    return SchoolStage::kJuniorMiddle;
  if (age >= 15 && age <= 17) {
    if (base_track >= 1 && base_track <= 3)
      return SchoolStage::kSeniorHigh;
    if (base_track == 4 || base_track == 5)
      return SchoolStage::kSecondaryVocational;
    return std::nullopt;
  }
  if (age >= 18 && age <= 21) {
    if (base_track == 1)
      return SchoolStage::kUndergraduate;
    if (base_track == 2 || base_track == 4) {
      return age <= 20 ? std::optional(SchoolStage::kHigherVocational) : std::nullopt;
    }
    return std::nullopt;
  }
  if (age >= 22 && age <= 24 && track >= 10)
    return SchoolStage::kPostgraduate;
  return std::nullopt;
}

// Yearly 学费住宿费 in yuan.
int64_t fees_for(Rng& rng, SchoolStage stage) {
  switch (stage) {
    case SchoolStage::kPreschool:
      return rng.between(1800, 4800);
    case SchoolStage::kPrimary:
    case SchoolStage::kJuniorMiddle:
      return rng.chance(0.4) ? rng.between(300, 800) : 0;  // boarding only; tuition is free
    case SchoolStage::kSeniorHigh:
      return rng.chance(0.05) ? rng.between(6000, 12000) : rng.between(1600, 3600);
    case SchoolStage::kSecondaryVocational:
      return rng.between(0, 2500);
    case SchoolStage::kHigherVocational:
      return rng.between(5500, 10500);
    case SchoolStage::kUndergraduate:
      return rng.between(5000, 13000);
    case SchoolStage::kPostgraduate:
      return rng.between(8000, 12000);
  }
  return 0;
}

std::optional<Money> aid_for(Rng& rng, SchoolStage stage, bool poor, int64_t fees) {
  if (!poor || fees == 0 || !rng.chance(0.7))
    return std::nullopt;
  int64_t aid = 0;
  switch (stage) {
    case SchoolStage::kPreschool:
      aid = 1000;
      break;
    case SchoolStage::kSeniorHigh:
    case SchoolStage::kSecondaryVocational:
      aid = 2000;
      break;
    case SchoolStage::kHigherVocational:
    case SchoolStage::kUndergraduate:
      aid = rng.between(3000, 4000);
      break;
    case SchoolStage::kPostgraduate:
      aid = 6000;
      break;
    default:
      aid = 0;
  }
  return yuan(std::min(aid, fees));
}

}  // namespace

void background_education(UnitBuilder& b, const HouseholdSketch& sketch) {
  Rng& rng = b.rng();
  const int current = b.current_school_year();
  for (size_t p = 0; p < b.unit().persons.size(); ++p) {
    const auto person = static_cast<PersonIndex>(p);
    const PersonRecord& record = b.person(person);
    for (int year = current - 2; year <= current; ++year) {
      const Date start = *Date::from_ymd(year, 9, 1);
      if (start > b.as_of() || !b.present_on(person, start))
        continue;
      const int age = start.years_since(record.birth);
      const auto stage = stage_at(age, sketch.persons[p].track);
      if (!stage)
        continue;
      if (*stage == SchoolStage::kPreschool && rng.chance(0.15))
        continue;
      const int64_t fees = fees_for(rng, *stage);
      b.education(person, *stage, year, yuan(fees), aid_for(rng, *stage, sketch.poor(), fees));
    }
  }
}

}  // namespace faxian::gen
