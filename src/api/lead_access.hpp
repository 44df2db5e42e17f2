#pragma once
// Who may see and act on which lead over the API (00-overview.md roles, 40-workflow.md, decided
// for the API where the spec is silent):
// * seeing: a lead is visible when its village (its township when the village is unknown) is in
//   the caller's area scope; otherwise it is "not found" (404), never 403.
// * handling (assign, decide, close, reopen, merge): county_admin, county_officer, and the
//   township_officer of the lead's township.
// * field work (start_verification, record_verification): the handlers above, and the
//   village_coordinator the lead is assigned to (40-workflow.md: a lead is assigned "to a
//   township officer or village coordinator", who then contacts and visits).
// * hotline_operator, auditor, department_liaison never act on a lead.
// Health, disability and income details are shown only to the handlers.

#include <optional>
#include <string>
#include <vector>

#include "api/area_scope.hpp"
#include "common/error.hpp"
#include "domain/lead.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/lead_service.hpp"
#include "workflow/leads/lead_state_machine.hpp"

namespace faxian::api {

// The actions of POST /api/v1/leads/{lead_no}/actions, in the order the UI shows them.
inline constexpr workflow::LeadAction kApiLeadActions[] = {
    workflow::LeadAction::kAssign,
    workflow::LeadAction::kStartVerification,
    workflow::LeadAction::kRecordVerification,
    workflow::LeadAction::kDecide,
    workflow::LeadAction::kClose,
    workflow::LeadAction::kReopen,
    workflow::LeadAction::kMerge};

// Whether the lead lies in `scope` (nullopt scope: nothing is visible).
bool lead_visible(const std::optional<AreaScope>& scope, const Lead& lead);

// Whether the actor handles cases where the lead is (and may see health and income details).
bool handles_lead(const workflow::Actor& actor, const Lead& lead);

// Whether the actor's role may take `action` on this lead (not whether its status allows it).
bool may_act(const workflow::Actor& actor, const Lead& lead, workflow::LeadAction action);

// The actions this caller may take now: permitted to the role and valid in the lead's status.
std::vector<workflow::LeadAction> available_actions(const workflow::Actor& actor, const Lead& lead);

// Limits `query` to the scope and the caller's own township/village filters. False when the
// filters fall outside the scope (the answer is then empty).
bool restrict_to_scope(const AreaScope& scope, workflow::LeadQuery& query);

}  // namespace faxian::api
