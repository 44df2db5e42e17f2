#pragma once
// Events the rules look back at: job losses, deaths and disasters of a household (30-screening.md
// "Precise readings", R05, R06, R10–R12, V01).

#include <vector>

#include "domain/warning.hpp"
#include "screen/household_snapshot.hpp"

namespace faxian::screen {

struct JobLoss {
  uint32_t person = 0;
  const EmploymentRow* row = nullptr;
};
// 失业登记 or 社保断缴 of a member working-age on D, dated in (after, D], with no 就业登记 of
// that person strictly later and ≤ D (灵活就业登记 and 退休 do not cancel it). Oldest first.
std::vector<JobLoss> job_losses(const HouseholdSnapshot& household, Day after);

struct Death {
  uint32_t person = 0;
  Day date = 0;
  int age = 0;  // at death
};
// Deaths in (after, D] of anyone who was a member of the household on their death date.
std::vector<Death> deaths(const HouseholdSnapshot& household, Day after);

// Everyone who was a member of the household on `day` and alive on it; `also` counts even if
// their membership or life ended that day (the deceased of R06).
std::vector<uint32_t> members_on(const HouseholdSnapshot& household, Day day,
                                 uint32_t also = UINT32_MAX);
// Income of `persons` in the 12 calendar months ending with the month of `day`.
int64_t income_of(const FeatureStore& store, std::span<const uint32_t> persons, Day day);

// The record the death date comes from (the earliest death record of the person).
Evidence death_evidence(const HouseholdSnapshot& household, const Death& death);

struct DisasterHit {
  uint32_t person = 0;
  const DisasterRow* row = nullptr;
};
// Current members' `disaster` records in (after, D] with damage 房屋倒塌, 房屋严重损坏, 农作物绝收
// or 人员伤亡.
std::vector<DisasterHit> disasters(const HouseholdSnapshot& household, Day after);
bool is_red_damage(DisasterDamage damage);  // 房屋倒塌 or 人员伤亡

// The signed self-pay rows of current members dated in (after, D], for evidence.
std::vector<const MedicalRow*> medical_rows_after(const HouseholdSnapshot& household, Day after);

}  // namespace faxian::screen
