#pragma once
// LeadService::act, the shape every lead action shares (internal to the lead .cpp files):
// one transaction that reads the lead, checks its version and the state machine, lets the
// action change it, saves it with a new version and records the change in the history and the
// audit log.

#include <fmt/format.h>

#include "workflow/leads/lead_journal.hpp"
#include "workflow/leads/lead_rows.hpp"
#include "workflow/leads/lead_service.hpp"
#include "workflow/leads/lead_state_machine.hpp"

namespace faxian::workflow {

inline Error stale_version(const Lead& lead, int64_t version) {
  return Error(ErrorCode::kConflict,
               fmt::format("线索 {} 已被他人更新（您看到的是第 {} 版，现为第 {} 版），请刷新后重试",
                           lead.lead_no, version, lead.version),
               fmt::format("lead {} version {} is stale (now {})", lead.id, version, lead.version));
}

inline Error illegal_action(const Lead& lead, LeadAction action) {
  return Error(
      ErrorCode::kIllegalTransition,
      fmt::format("线索 {} 当前为「{}」，不能执行此操作", lead.lead_no, enum_label(lead.status)),
      fmt::format("action {} is not allowed in status {}", lead_action_key(action),
                  enum_key(lead.status)));
}

// `change(Lead&) -> Result<std::string>` edits the lead and returns the JSON detail of the
// history row.
template <typename Change>
Result<Lead> LeadService::act(const Actor& actor, std::string_view lead_no, int64_t version,
                              LeadAction action, Date on, std::string_view reason,
                              Change&& change) {
  return in_transaction(db_, [&]() -> Result<Lead> {
    std::optional<Lead> found;
    FAXIAN_TRY_ASSIGN(found, find(lead_no));
    if (!found)
      return tl::unexpected(lead_not_found(lead_no));
    Lead lead = std::move(*found);
    if (lead.version != version)
      return tl::unexpected(stale_version(lead, version));
    if (!action_allowed(action, lead.status))
      return tl::unexpected(illegal_action(lead, action));
    const LeadStatus from = lead.status;
    lead.status = status_after(action, lead.status);
    std::string detail;
    FAXIAN_TRY_ASSIGN(detail, change(lead));
    FAXIAN_TRY(save_lead(db_, lead, clock_.now_unix()));
    FAXIAN_TRY(record_lead_change(db_, clock_, actor, lead,
                                  LeadChange{.action = std::string(lead_action_key(action)),
                                             .from = from,
                                             .to = lead.status,
                                             .reason = std::string(reason),
                                             .detail = detail.empty() ? "{}" : detail,
                                             .on = on}));
    std::optional<Lead> stored;
    FAXIAN_TRY_ASSIGN(stored, find_by_id(lead.id));
    return std::move(*stored);
  });
}

}  // namespace faxian::workflow
