#pragma once
// Household features of 30-screening.md for one household as of D, computed straight from
// the unit's rows. Used only by the truth oracle.

#include <optional>
#include <vector>

#include "domain/standards.hpp"
#include "gen/model.hpp"
#include "gen/oracle_timeline.hpp"

namespace faxian::gen {

// Whether `date` lies in the window (end − days, end].
inline bool in_window(Date date, Date end, int days) {
  return date > end.add_days(-days) && date <= end;
}

class HouseholdView {
 public:
  HouseholdView(const Unit& unit, const std::vector<PersonTimeline>& timelines, int household,
                const Standards& standards, AreaType area, Date as_of);

  Date as_of() const { return as_of_; }
  const Unit& unit() const { return unit_; }
  const std::vector<PersonIndex>& members() const { return members_; }
  int n() const { return static_cast<int>(members_.size()); }
  bool is_member(PersonIndex person) const;
  const PersonTimeline& timeline(PersonIndex person) const {
    return timelines_[static_cast<size_t>(person)];
  }
  int household() const { return household_; }
  int age(PersonIndex person) const;
  Money standard() const { return standard_; }
  const Standards& standards() const { return standards_; }
  AreaType area() const { return area_; }

  // Persons who are members (and alive) on `date`.
  std::vector<PersonIndex> members_on(Date date) const;
  // Income of `persons` over the 12 calendar months ending with the month of `date`.
  Money income_12m(const std::vector<PersonIndex>& persons, Date date) const;
  // Income of `persons` in one month.
  Money income_in(const std::vector<PersonIndex>& persons, Month month) const;
  Money income_12m() const { return income_12m_; }
  // Members' self-pay settled in (from, to] (reversals subtract their absolute value).
  Money self_paid_between(Date from_exclusive, Date to_inclusive) const;
  Money medical_selfpay_12m() const;
  Money education_net_12m() const;
  // The disability grade in force on `date` (most recent certificate; 注销 = none), or 0.
  int disability_grade(PersonIndex person, Date date) const;
  bool is_working_age(PersonIndex person) const;
  bool is_dependent(PersonIndex person) const;
  bool has_working_age_member() const;
  bool has_dependent() const;
  // income_12m < multiple × standard × 12 × n (multiple in basis points).
  bool income_below(int64_t multiple_bp) const;

  // Categories held on D.
  bool holds(RegistryCategory category) const;
  bool holds_monitoring() const;          // 防返贫监测
  bool holds_alleviated() const;          // 脱贫
  bool holds_rejected_applicant() const;  // 曾申请未获批
  bool holds_low_income_category() const;

  bool excluded_by_assets() const;
  // Whether an active asset row of a member registered in (D − 180, D] sets excluded_by_assets.
  bool recent_excluding_asset() const;
  // R05's event: a 失业登记/社保断缴 of a member working-age on D dated in (from, D] with no
  // later 就业登记 of that person on or before D.
  bool job_loss_after(Date from_exclusive) const;
  // A death in (from, D] of someone who was a member of this household on the death date.
  bool member_death_after(Date from_exclusive) const;

 private:
  bool counts(IncomeType type) const;
  bool asset_active(const AssetRow& row) const;

  const Unit& unit_;
  const std::vector<PersonTimeline>& timelines_;
  int household_;
  const Standards& standards_;
  AreaType area_;
  Date as_of_;
  Money standard_;
  std::vector<PersonIndex> members_;
  Money income_12m_;
};

}  // namespace faxian::gen
