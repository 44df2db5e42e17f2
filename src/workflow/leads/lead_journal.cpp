#include "workflow/leads/lead_journal.hpp"

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::workflow {

Result<void> record_lead_change(Database& db, const Clock& clock, const Actor& actor,
                                const Lead& lead, const LeadChange& change) {
  const std::string role = actor.is_system() ? "" : std::string(enum_key(actor.role));
  FAXIAN_TRY(run_bound(db,
                       "INSERT INTO lead_events (lead_id, action, from_status, to_status, actor, "
                       "actor_role, reason, detail, on_date, at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [&](Statement& statement) {
                         ParamBinder(statement)
                             .integer(lead.id)
                             .text(change.action)
                             .enumeration(change.from)
                             .enumeration(change.to)
                             .text(actor.name)
                             .text(role)
                             .text(change.reason)
                             .text(change.detail)
                             .date(change.on)
                             .integer(clock.now_unix());
                       }));
  AuditLog audit(db, clock);
  auto appended = audit.append(AuditEntry{.actor = actor.name,
                                          .actor_role = role,
                                          .source_address = actor.source_address,
                                          .action = "lead." + change.action,
                                          .object_type = "lead",
                                          .object_id = lead.lead_no,
                                          .reason = change.reason,
                                          .detail = change.detail});
  if (!appended)
    return tl::unexpected(appended.error());
  return ok();
}

}  // namespace faxian::workflow
