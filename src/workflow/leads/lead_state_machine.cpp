#include "workflow/leads/lead_state_machine.hpp"

#include <array>
#include <utility>

namespace faxian::workflow {
namespace {

using A = LeadAction;
constexpr std::array<std::pair<LeadAction, std::string_view>, 10> kKeys = {{
    {A::kAssign, "assign"},
    {A::kStartVerification, "start_verification"},
    {A::kRecordVerification, "record_verification"},
    {A::kDecide, "decide"},
    {A::kClose, "close"},
    {A::kReopen, "reopen"},
    {A::kMerge, "merge"},
    {A::kIdentify, "identify"},
    {A::kAddSource, "add_source"},
    {A::kCompleteOutcome, "complete_outcome"},
}};

bool is_open(LeadStatus status) {
  return status != LeadStatus::kClosed;
}

}  // namespace

std::string_view lead_action_key(LeadAction action) {
  for (const auto& [value, key] : kKeys) {
    if (value == action)
      return key;
  }
  return "";
}

std::optional<LeadAction> find_lead_action(std::string_view key) {
  for (const auto& [value, name] : kKeys) {
    if (name == key)
      return value;
  }
  return std::nullopt;
}

bool action_allowed(LeadAction action, LeadStatus status) {
  using S = LeadStatus;
  switch (action) {
    case A::kAssign:
      return status == S::kNew || status == S::kAssigned || status == S::kVerifying;
    case A::kStartVerification:
      return status == S::kAssigned;
    case A::kRecordVerification:
      return status == S::kVerifying;
    case A::kDecide:
      return status == S::kVerifying || status == S::kDecided;
    case A::kClose:
      return status == S::kDecided;
    case A::kReopen:
      return status == S::kClosed;
    case A::kMerge:
    case A::kIdentify:
    case A::kAddSource:
      return is_open(status);
    case A::kCompleteOutcome:
      return status == S::kDecided || status == S::kClosed;
  }
  return false;
}

LeadStatus status_after(LeadAction action, LeadStatus status) {
  using S = LeadStatus;
  switch (action) {
    case A::kAssign:
      return status == S::kNew ? S::kAssigned : status;
    case A::kStartVerification:
      return S::kVerifying;
    case A::kDecide:
      return S::kDecided;
    case A::kClose:
    case A::kMerge:
      return S::kClosed;
    case A::kReopen:
      return S::kVerifying;
    case A::kRecordVerification:
    case A::kIdentify:
    case A::kAddSource:
    case A::kCompleteOutcome:
      return status;
  }
  return status;
}

}  // namespace faxian::workflow
