#pragma once
// The features of one household as of D (30-screening.md "Household features"): its members,
// their ages and capacities, income over the 12 months ending with D's month, medical and
// education spending, categories held, the asset test. Money in fen; per-capita comparisons
// are done by cross-multiplying (see the `below_*` helpers), never by dividing.

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <vector>

#include "domain/category.hpp"
#include "screen/feature_store.hpp"
#include "screen/screening_parameters.hpp"

namespace faxian::screen {

struct MemberView {
  uint32_t person = 0;
  int age = 0;                                 // full years on D
  bool severe = false;                         // disability grade 1–2 on D, or 失能
  bool working = false;                        // 16–59 and not severe
  bool dependent = false;                      // under 16, 70 or older, or severe
  const DisabilityRow* certificate = nullptr;  // the certificate in force on D, if any
};

// An open 不予批准 of a current member: decided in (D − 730, D] with no later approval.
struct OpenRejection {
  Day decided = 0;
  int64_t record_id = 0;
};

class HouseholdSnapshot {
 public:
  // Evaluates the features; empty() when the household has no member on D.
  HouseholdSnapshot(const FeatureStore& store, const ScreeningParameters& parameters,
                    uint32_t household);

  bool empty() const { return members_.empty(); }
  const FeatureStore& store() const { return store_; }
  const ScreeningParameters& parameters() const { return parameters_; }
  uint32_t household() const { return household_; }
  std::span<const MemberView> members() const { return members_; }
  int n() const { return static_cast<int>(members_.size()); }
  bool urban() const { return store_.households[household_].urban; }

  int64_t standard_fen() const { return standard_fen_; }
  int64_t disposable_fen() const { return disposable_fen_; }
  int64_t income_12m() const { return income_12m_; }
  int64_t medical_selfpay_12m() const { return medical_selfpay_12m_; }
  int64_t education_net_12m() const { return education_net_12m_; }
  int64_t rigid_12m() const { return medical_selfpay_12m_ + education_net_12m_; }
  bool excluded_by_assets() const { return excluded_by_assets_; }
  int working_count() const { return working_; }
  int dependent_count() const { return dependents_; }
  int severe_count() const { return severe_; }

  bool holds(CategoryKind kind) const { return categories_.test(static_cast<size_t>(kind)); }
  bool holds_any(std::initializer_list<CategoryKind> kinds) const;
  std::span<const OpenRejection> open_rejections() const { return rejections_; }

  // income_12m < multiple × standard × 12 × n (multiple in basis points).
  bool income_below(int multiple_bp) const;
  // Sum of current members' income in months [first, last] (Month indices).
  int64_t members_income(int32_t first_month, int32_t last_month) const;
  // Sum of current members' signed medical self-pay with date in (after, D].
  int64_t members_selfpay_after(Day after) const;

 private:
  void collect_members();
  void sum_income();
  void sum_spending();
  void collect_categories();
  void collect_rejections();
  void test_assets();

  const FeatureStore& store_;
  const ScreeningParameters& parameters_;
  uint32_t household_;
  std::vector<MemberView> members_;
  int64_t standard_fen_ = 0;
  int64_t disposable_fen_ = 0;
  int64_t income_12m_ = 0;
  int64_t medical_selfpay_12m_ = 0;
  int64_t education_net_12m_ = 0;
  bool excluded_by_assets_ = false;
  int working_ = 0;
  int dependents_ = 0;
  int severe_ = 0;
  std::bitset<16> categories_;
  std::vector<OpenRejection> rejections_;
};

// Full years from birth to `day` (a 29 February birthday counts on 1 March in other years).
int age_on(Day birth, Day day);

// Whether the person was a member of `household` on `day` (a membership active then) and, when
// `alive` is set, alive on it.
bool member_on(const FeatureStore& store, uint32_t household, uint32_t person, Day day);

// The rows of a date-sorted span with date in (after, up_to].
template <typename Row, typename DateOf>
std::span<const Row> rows_between(std::span<const Row> rows, Day after, Day up_to, DateOf date_of) {
  auto first = std::partition_point(rows.begin(), rows.end(),
                                    [&](const Row& r) { return date_of(r) <= after; });
  auto last =
      std::partition_point(first, rows.end(), [&](const Row& r) { return date_of(r) <= up_to; });
  return {first, last};
}

}  // namespace faxian::screen
