#pragma once
// The lead state machine of 40-workflow.md "States":
//     new ─► assigned ─► verifying ─► decided ─► closed
//                                       ▲            │ reopen (back to verifying)
// Which action a status allows, and the status it leads to. Anything else is an illegal
// transition (HTTP 422 at the API).

#include <optional>
#include <string_view>

#include "domain/lead.hpp"

namespace faxian::workflow {

enum class LeadAction : uint8_t {
  kAssign,              // new/assigned/verifying: (re)assign; new → assigned
  kStartVerification,   // assigned → verifying (first contact)
  kRecordVerification,  // verifying → verifying
  kDecide,              // verifying/decided → decided (or closed when every outcome is done)
  kClose,               // decided → closed
  kReopen,              // closed → verifying
  kMerge,               // any open status → closed (duplicate)
  kIdentify,            // any open status: link the unidentified subject to a household
  kAddSource,           // any open status: another report of the same case
  kCompleteOutcome,     // decided (or closed, for effects that finish later)
};
std::string_view lead_action_key(LeadAction action);  // "assign", "start_verification", …
std::optional<LeadAction> find_lead_action(std::string_view key);

// Whether `action` is allowed in `status`.
bool action_allowed(LeadAction action, LeadStatus status);
// The status after `action` from `status` (REQUIRES: allowed). kDecide gives kDecided; the
// caller closes the lead when every outcome is done.
LeadStatus status_after(LeadAction action, LeadStatus status);

}  // namespace faxian::workflow
