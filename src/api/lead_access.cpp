#include "api/lead_access.hpp"

namespace faxian::api {

using workflow::LeadAction;

bool lead_visible(const std::optional<AreaScope>& scope, const Lead& lead) {
  if (!scope)
    return false;
  return scope->covers(lead.village_code.empty() ? lead.township_code : lead.village_code);
}

bool handles_lead(const workflow::Actor& actor, const Lead& lead) {
  if (actor.is_county())
    return true;
  return actor.role == Role::kTownshipOfficer && !actor.region_code.empty() &&
         actor.region_code == lead.township_code;
}

bool may_act(const workflow::Actor& actor, const Lead& lead, LeadAction action) {
  if (handles_lead(actor, lead))
    return true;
  const bool field_work =
      action == LeadAction::kStartVerification || action == LeadAction::kRecordVerification;
  return field_work && actor.role == Role::kVillageCoordinator && actor.user_id &&
         lead.assignee_id == actor.user_id;
}

std::vector<LeadAction> available_actions(const workflow::Actor& actor, const Lead& lead) {
  std::vector<LeadAction> actions;
  for (LeadAction action : kApiLeadActions) {
    if (!workflow::action_allowed(action, lead.status) || !may_act(actor, lead, action))
      continue;
    if (action == LeadAction::kReopen && lead.merged_into)
      continue;  // a merged duplicate stays closed
    actions.push_back(action);
  }
  return actions;
}

bool restrict_to_scope(const AreaScope& scope, workflow::LeadQuery& query) {
  if (!query.village_code.empty() && !scope.covers(query.village_code))
    return false;
  if (!query.township_code.empty()) {
    // A township filter inside a coordinator's village scope: the village's own township.
    const bool same_township = scope.prefix.starts_with(query.township_code);
    if (!scope.covers(query.township_code) && !same_township)
      return false;
  }
  if (scope.prefix.empty())
    return true;
  // Scoped roles: the township (9 digits) or village (12 digits) of the account.
  if (scope.prefix.size() <= 9) {
    query.township_code = scope.prefix;
  } else {
    query.village_code = scope.prefix;
    query.township_code.clear();
  }
  return true;
}

}  // namespace faxian::api
