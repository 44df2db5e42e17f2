#pragma once
// 人员: one registered (or, until the 户籍 feed knows them, unregistered) resident of the county.
// Sex and birth date come from the resident ID (GB 11643); the rest from the 户籍 feed and from
// verification and visit records.

#include <cstdint>
#include <optional>
#include <string>

#include "common/date.hpp"
#include "common/resident_id.hpp"
#include "domain/ethnicity.hpp"
#include "domain/person_enums.hpp"

namespace faxian {

struct Person {
  int64_t id = 0;  // store id; 0 until stored
  ResidentId resident_id;
  std::string name{};
  Sex sex = Sex::kMale;                // from the ID
  Date birth_date{};                   // from the ID
  std::optional<Relation> relation{};  // to the head of the household they live in now
  std::optional<Ethnicity> ethnicity{};
  std::optional<HukouType> hukou_type{};
  std::string phone{};
  std::optional<HealthStatus> health{};
  std::optional<DisabilityCategory> disability_category{};
  std::optional<DisabilityGrade> disability_grade{};
  std::optional<SelfCareAbility> self_care{};
  std::optional<EmploymentStatus> employment{};
  std::optional<Date> death_date{};
  bool unregistered = false;  // created by linkage before the 户籍 feed knew them

  // A person with sex and birth date taken from the ID and every other field empty.
  static Person from_id(ResidentId resident_id, std::string name);

  // Alive on `date`: no death date, or died after it (a person who died on D is not alive on D).
  bool alive_on(Date date) const { return !death_date || date < *death_date; }
  // Full years on `date` (a birthday on `date` counts).
  int age_on(Date date) const { return date.years_since(birth_date); }

  bool operator==(const Person&) const = default;
};

}  // namespace faxian
