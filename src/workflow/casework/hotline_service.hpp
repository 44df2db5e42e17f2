#pragma once
// 热线 (40-workflow.md "Hotline"): tickets come from an operator's typed-in call or from the
// imported `hotline` feed; the operator classifies each, judges its reasonableness (合理 / 部分合理
// / 不合理 — required, with a reason) and routes it to the township, which opens a lead through
// LeadService::intake (source hotline, reference = the ticket number; the household when the
// feed or the operator identified one, otherwise an unidentified subject matched later by name +
// phone + village). Routing creates a callback task due DeadlinePolicy::hotline_callback working
// days (1) after the call date; recording a callback that reached the caller completes it.
//
// Who may act: the system, the county roles and hotline operators record and route calls; the
// callback is recorded by them or by the officers of the ticket's township. Every change is one
// transaction with an audit entry; stale versions are kConflict.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "common/work_calendar.hpp"
#include "domain/rule_set.hpp"
#include "store/database.hpp"
#include "workflow/casework/hotline_ticket.hpp"
#include "workflow/casework/hotline_ticket_repository.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/deadline_policy.hpp"

namespace faxian::workflow {

// A call as the operator types it in.
struct CallRecord {
  LocalDateTime call_time{};
  std::string caller_name;
  std::string caller_phone;
  std::string subject_name;  // the person in need when not the caller
  std::string subject_phone;
  std::string subject_address;
  std::string village_code;               // "" when unknown
  std::string township_code;              // when only the township is known
  std::optional<int64_t> household_id{};  // when the operator found the household
  std::optional<HotlineCategory> category{};
  std::string content;  // required
};

// The operator's classification, judgement and routing.
struct Triage {
  HotlineCategory category = HotlineCategory::kOther;
  std::optional<Reasonableness> reasonableness{};  // required
  std::string reason;                              // required
  std::string township_code;  // where to route when the ticket has no village or household
  std::optional<int64_t> household_id{};  // the household, when the operator identified it
  WarningLevel level = WarningLevel::kYellow;
  Date routed_on{};
};

struct CallbackRecord {
  Date called_on{};
  bool reached = true;
  std::optional<bool> satisfied{};
  std::string result;  // required
};

struct FeedIntake {
  std::vector<HotlineTicket> received;  // new tickets, by feed row id
};

class HotlineService {
 public:
  HotlineService(Database& db, const Clock& clock, const WorkCalendar& calendar,
                 DeadlinePolicy policy = {})
      : db_(db), clock_(clock), calendar_(calendar), policy_(policy) {}

  // Records a typed-in call as a received ticket numbered RX<call date>-NNNN.
  // kInvalidArgument for empty content, an unknown village or household, or neither a caller
  // nor a subject name; kIllegalTransition for a role that does not take calls.
  Result<HotlineTicket> record_call(const Actor& actor, const CallRecord& call);
  // The ticket of one stored feed_hotline row (its 工单号 kept), linked to the household of the
  // person the import linked, if any. Idempotent: a row (or 工单号) already received gives the
  // existing ticket back. kNotFound for an unknown row.
  Result<HotlineTicket> receive_from_feed(const Actor& actor, int64_t hotline_record_id);
  // Every current feed row without a ticket yet (after an import), one transaction.
  Result<FeedIntake> receive_feed(const Actor& actor);

  // Classifies, judges and routes a received ticket: opens (or joins) the lead and creates the
  // callback task. kInvalidArgument without a reasonableness or a reason, or when no township
  // can be found; kIllegalTransition when already routed; kConflict for a stale version.
  Result<HotlineTicket> triage(const Actor& actor, std::string_view ticket_no, int64_t version,
                               const Triage& triage);
  // Records a callback attempt; one that reached the caller completes the callback task and
  // the ticket (called_back). kIllegalTransition before routing or after a completed callback.
  Result<HotlineTicket> record_callback(const Actor& actor, std::string_view ticket_no,
                                        int64_t version, const CallbackRecord& callback);

  Result<HotlineTicket> get(std::string_view ticket_no);
  Result<std::vector<HotlineTicket>> list(const TicketQuery& query);
  Result<std::vector<HotlineCallback>> callbacks(std::string_view ticket_no);
  // Routed tickets whose callback deadline day is before `on`.
  Result<std::vector<HotlineTicket>> overdue_callbacks(Date on);
  // Stores a "callback_overdue" notice for the officers of each overdue ticket's township
  // (once per day); returns how many were stored.
  Result<int64_t> notify_overdue_callbacks(Date on);

 private:
  Result<HotlineTicket> record_in_transaction(const Actor& actor, const CallRecord& call);
  Result<std::optional<HotlineTicket>> receive_in_transaction(const Actor& actor,
                                                              int64_t hotline_record_id);
  Result<HotlineTicket> triage_in_transaction(const Actor& actor, std::string_view ticket_no,
                                              int64_t version, const Triage& triage);
  Result<HotlineTicket> callback_in_transaction(const Actor& actor, std::string_view ticket_no,
                                                int64_t version, const CallbackRecord& callback);
  Result<HotlineTicket> reread(int64_t ticket_id);

  Database& db_;
  const Clock& clock_;
  const WorkCalendar& calendar_;
  DeadlinePolicy policy_;
};

}  // namespace faxian::workflow
