#pragma once
// 定期走访计划: how often each target group must be visited at least (40-workflow.md "Visits",
// standards.md "Visit frequencies" — practice found in 成都, a sensible default, not law).
// Configurable: the county stores its own rules (table visit_plan_rules); with none stored the
// defaults apply. A household matching several enabled rules is visited at the shortest
// interval among them.

#include <span>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/fieldwork/fieldwork_enums.hpp"

namespace faxian::workflow {

struct VisitRule {
  VisitTarget target = VisitTarget::kDibao;
  int interval_months = 3;  // at least one visit every this many calendar months (1…24)
  // For the member conditions (serious illness, disabled, no work capacity, elderly alone):
  // only households that hold a low-income category. Ignored by the category targets.
  bool low_income_only = true;
  bool enabled = true;

  bool operator==(const VisitRule&) const = default;
};

// The defaults: 低保, 低保边缘, disabled, no work capacity and 高龄独居 quarterly (3 months);
// 特困 (dispersed), children in difficulty and serious illness monthly. The member conditions
// apply to low-income households only, except 高龄独居 (any household).
std::vector<VisitRule> default_visit_rules();

// ok() when every interval is 1…24 months and no target appears twice; kInvalidArgument
// otherwise.
Result<void> check_visit_rules(std::span<const VisitRule> rules);

class VisitPlanRepository {
 public:
  VisitPlanRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The stored rules in target order, or default_visit_rules() when none is stored.
  Result<std::vector<VisitRule>> load();
  // Replaces the stored rules (checked as above) in one transaction.
  Result<void> save(std::span<const VisitRule> rules, std::string_view updated_by);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
