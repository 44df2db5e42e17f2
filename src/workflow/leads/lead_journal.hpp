#pragma once
// Every change to a lead leaves a row in its history (lead_events: who, when, what, why) and an
// entry in the audit log, written in the same transaction as the change.

#include <optional>
#include <string>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/lead.hpp"
#include "store/database.hpp"
#include "workflow/leads/actor.hpp"

namespace faxian::workflow {

struct LeadChange {
  std::string action;  // "intake", "add_source", "assign", … (lead_action_key)
  std::optional<LeadStatus> from{};
  std::optional<LeadStatus> to{};
  std::string reason;
  std::string detail = "{}";  // JSON
  Date on{};
};

Result<void> record_lead_change(Database& db, const Clock& clock, const Actor& actor,
                                const Lead& lead, const LeadChange& change);

}  // namespace faxian::workflow
