#include "store/warning_reconciliation.hpp"

#include <algorithm>

#include "store/warning_codec.hpp"

namespace faxian {
namespace {

bool same_fired_rule(const FiredRule& a, const FiredRule& b) {
  return a.rule == b.rule && a.points == b.points && a.red == b.red && a.evidence == b.evidence;
}

// Whether every element of sorted `part` is in sorted `whole`.
template <typename T>
bool sorted_subset(const std::vector<T>& part, const std::vector<T>& whole) {
  return std::includes(whole.begin(), whole.end(), part.begin(), part.end());
}

}  // namespace

bool finding_changed(const WarningFinding& before, const WarningFinding& after) {
  if (before.score != after.score || before.level != after.level)
    return true;
  return !std::equal(before.rules.begin(), before.rules.end(), after.rules.begin(),
                     after.rules.end(), same_fired_rule);
}

bool level_rose(std::optional<WarningLevel> before, std::optional<WarningLevel> after) {
  return before && after && *after > *before;
}

bool suppression_holds(const ActiveSuppression& suppression, const WarningFinding& finding,
                       Date as_of) {
  const bool nothing_new =
      sorted_subset(warning_codec::rule_ids(finding), suppression.rules) &&
      sorted_subset(warning_codec::evidence_keys(finding), suppression.evidence);
  if (nothing_new)
    return true;
  if (finding.level == WarningLevel::kRed)
    return false;
  return as_of < suppression.closed_on.add_days(suppression.cooldown_days);
}

Reconciliation reconcile(const WarningFinding* finding, const WarningFinding* open,
                         const ActiveSuppression* suppression, Date as_of) {
  if (finding == nullptr)
    return open != nullptr ? Reconciliation::kClear : Reconciliation::kNothing;
  if (open != nullptr) {
    if (!finding_changed(*open, *finding))
      return Reconciliation::kRefresh;
    return level_rose(open->level, finding->level) ? Reconciliation::kEscalate
                                                   : Reconciliation::kUpdate;
  }
  if (suppression == nullptr)
    return Reconciliation::kOpen;
  return suppression_holds(*suppression, *finding, as_of) ? Reconciliation::kSuppressed
                                                          : Reconciliation::kReopen;
}

}  // namespace faxian
