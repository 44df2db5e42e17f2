// Routine visit rules: the defaults and their storage.

#include "workflow/fieldwork/visit_plan.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

Result<VisitRule> read_rule(const Statement& statement) {
  RowReader row(statement);
  VisitRule rule;
  rule.target = row.enumeration<VisitTarget>();
  rule.interval_months = static_cast<int>(row.integer());
  rule.low_income_only = row.boolean();
  rule.enabled = row.boolean();
  FAXIAN_TRY(row.status());
  return rule;
}

}  // namespace

std::vector<VisitRule> default_visit_rules() {
  using T = VisitTarget;
  return {
      {T::kDibao, 3, true, true},          {T::kDibaoEdge, 3, true, true},
      {T::kTekun, 1, true, true},          {T::kChildInDifficulty, 1, true, true},
      {T::kSeriousIllness, 1, true, true}, {T::kDisabled, 3, true, true},
      {T::kNoWorkCapacity, 3, true, true}, {T::kElderlyAlone, 3, false, true},
  };
}

Result<void> check_visit_rules(std::span<const VisitRule> rules) {
  std::set<VisitTarget> seen;
  for (const VisitRule& rule : rules) {
    if (rule.interval_months < 1 || rule.interval_months > 24)
      return fail(ErrorCode::kInvalidArgument,
                  fmt::format("「{}」的走访间隔应为 1 至 24 个月", enum_label(rule.target)),
                  fmt::format("interval {} months out of range", rule.interval_months));
    if (!seen.insert(rule.target).second)
      return fail(ErrorCode::kInvalidArgument,
                  fmt::format("走访对象「{}」重复", enum_label(rule.target)),
                  fmt::format("duplicate visit target {}", enum_key(rule.target)));
  }
  return ok();
}

Result<std::vector<VisitRule>> VisitPlanRepository::load() {
  std::vector<VisitRule> rules;
  FAXIAN_TRY_ASSIGN(rules, query_rows<VisitRule>(
                               db_,
                               "SELECT target, interval_months, low_income_only, enabled "
                               "FROM visit_plan_rules",
                               [](Statement&) {}, read_rule));
  if (rules.empty())
    return default_visit_rules();
  std::sort(rules.begin(), rules.end(),
            [](const VisitRule& a, const VisitRule& b) { return a.target < b.target; });
  return rules;
}

Result<void> VisitPlanRepository::save(std::span<const VisitRule> rules,
                                       std::string_view updated_by) {
  FAXIAN_TRY(check_visit_rules(rules));
  return in_transaction(db_, [&]() -> Result<void> {
    FAXIAN_TRY(db_.run("DELETE FROM visit_plan_rules"));
    for (const VisitRule& rule : rules) {
      FAXIAN_TRY(run_bound(db_,
                           "INSERT INTO visit_plan_rules (target, interval_months, "
                           "low_income_only, enabled, updated_by, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           [&](Statement& s) {
                             ParamBinder(s)
                                 .enumeration(rule.target)
                                 .integer(rule.interval_months)
                                 .boolean(rule.low_income_only)
                                 .boolean(rule.enabled)
                                 .text(updated_by)
                                 .integer(clock_.now_unix());
                           }));
    }
    return ok();
  });
}

}  // namespace faxian::workflow
