// Routing hotline tickets to a township lead, callbacks and their deadlines
// (hotline_service.hpp). Arrival of tickets is in hotline_intake.cpp.

#include "workflow/casework/hotline_service.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "common/text.hpp"
#include "workflow/casework/casework_support.hpp"
#include "workflow/leads/lead_service.hpp"
#include "workflow/leads/notification_repository.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

using nlohmann::json;

Error ticket_not_found() {
  return Error(ErrorCode::kNotFound, "热线工单不存在", "hotline ticket not found");
}

Error stale(int64_t read, int64_t stored) {
  return Error(ErrorCode::kConflict, "该工单已被他人修改，请刷新后重试",
               fmt::format("version {} read, {} stored", read, stored));
}

Result<void> check_triage(const Triage& triage) {
  if (!triage.reasonableness)
    return fail(ErrorCode::kInvalidArgument, "请先判定诉求合理性（合理、部分合理或不合理）",
                "reasonableness missing");
  if (trim(triage.reason).empty())
    return fail(ErrorCode::kInvalidArgument, "请写明合理性判定的理由", "reason missing");
  return ok();
}

// The lead's subject: the person in need, or the caller when no one else is named; the
// caller's phone only when the caller is that person.
UnidentifiedSubject subject_of(const HotlineTicket& ticket) {
  const bool caller_is_subject =
      ticket.subject_name.empty() || ticket.subject_name == ticket.caller_name;
  UnidentifiedSubject subject;
  subject.name = caller_is_subject ? ticket.caller_name : ticket.subject_name;
  subject.phone = !ticket.subject_phone.empty() ? ticket.subject_phone
                                                : (caller_is_subject ? ticket.caller_phone : "");
  subject.address = ticket.subject_address;
  return subject;
}

std::string lead_description(const HotlineTicket& ticket, const Triage& triage) {
  return fmt::format("热线工单{}（{}，{}：{}）：{}", ticket.ticket_no, enum_label(triage.category),
                     enum_label(*triage.reasonableness), trim(triage.reason), ticket.content);
}

bool may_call_back(const Actor& actor, const HotlineTicket& ticket) {
  return actor.is_county() || actor.role == Role::kHotlineOperator ||
         (actor.role == Role::kTownshipOfficer && actor.region_code == ticket.township_code);
}

}  // namespace

Result<HotlineTicket> HotlineService::triage(const Actor& actor, std::string_view ticket_no,
                                             int64_t version, const Triage& triage) {
  return in_transaction(db_,
                        [&] { return triage_in_transaction(actor, ticket_no, version, triage); });
}

Result<HotlineTicket> HotlineService::triage_in_transaction(const Actor& actor,
                                                            std::string_view ticket_no,
                                                            int64_t version, const Triage& triage) {
  if (!actor.is_county() && actor.role != Role::kHotlineOperator)
    return fail(ErrorCode::kIllegalTransition, "只有热线接线员或县民政局可以研判和转办热线工单",
                "role does not route hotline tickets");
  HotlineTicketRepository tickets(db_, clock_);
  std::optional<HotlineTicket> found;
  FAXIAN_TRY_ASSIGN(found, tickets.find(ticket_no));
  if (!found)
    return tl::unexpected(ticket_not_found());
  HotlineTicket ticket = std::move(*found);
  if (ticket.version != version)
    return tl::unexpected(stale(version, ticket.version));
  if (ticket.status != TicketStatus::kReceived)
    return fail(ErrorCode::kIllegalTransition, "该工单已转办", "ticket already routed");
  FAXIAN_TRY(check_triage(triage));

  if (triage.household_id) {
    Place place;
    FAXIAN_TRY_ASSIGN(place, place_of_household(db_, clock_, *triage.household_id));
    ticket.household_id = triage.household_id;
    ticket.township_code = place.township_code;
    ticket.village_code = place.village_code;
  } else if (ticket.township_code.empty() && !triage.township_code.empty()) {
    FAXIAN_TRY(check_township(db_, triage.township_code));
    ticket.township_code = triage.township_code;
  }
  if (ticket.township_code.empty())
    return fail(ErrorCode::kInvalidArgument, "无法确定求助人所在乡镇（街道），请指定转办乡镇",
                "no township for the ticket");

  IntakeRequest intake;
  intake.source = LeadSource::kHotline;
  intake.reference = ticket.ticket_no;
  intake.household_id = ticket.household_id;
  if (!ticket.household_id)
    intake.subject = subject_of(ticket);
  intake.village_code = ticket.village_code;
  intake.township_code = ticket.township_code;
  intake.level = triage.level;
  intake.description = lead_description(ticket, triage);
  intake.reported_on = ticket.call_time.date;
  LeadService leads(db_, clock_, calendar_, policy_);
  IntakeResult opened;
  FAXIAN_TRY_ASSIGN(opened, leads.intake(actor, intake));

  ticket.callback_due =
      working_days_after(calendar_, ticket.call_time.date, policy_.hotline_callback);
  Task task;
  task.kind = TaskKind::kCallback;
  task.household_id = ticket.household_id;
  task.lead_id = opened.lead.id;
  task.township_code = ticket.township_code;
  task.village_code = ticket.village_code;
  task.title = fmt::format("热线回访：工单{}", ticket.ticket_no);
  task.due_on = ticket.callback_due;
  task.created_on = triage.routed_on;
  task.created_by = actor.name;
  int64_t task_id = 0;
  FAXIAN_TRY_ASSIGN(task_id, TaskRepository(db_, clock_).create(task));

  ticket.category = triage.category;
  ticket.reasonableness = triage.reasonableness;
  ticket.reasonableness_reason = std::string(trim(triage.reason));
  ticket.lead_id = opened.lead.id;
  ticket.callback_task_id = task_id;
  ticket.routed_by = actor.name;
  bool written = false;
  FAXIAN_TRY_ASSIGN(written, tickets.write_routed(ticket, version));
  if (!written)
    return tl::unexpected(stale(version, ticket.version));
  const json detail = {{"lead_no", opened.lead.lead_no},
                       {"attached", opened.attached},
                       {"reasonableness", enum_key(*triage.reasonableness)},
                       {"category", enum_key(triage.category)},
                       {"callback_due", ticket.callback_due ? ticket.callback_due->iso() : ""}};
  FAXIAN_TRY(audit_change(db_, clock_, actor, "hotline.route", "hotline_ticket", ticket.ticket_no,
                          ticket.reasonableness_reason, detail.dump()));
  return reread(ticket.id);
}

Result<HotlineTicket> HotlineService::record_callback(const Actor& actor,
                                                      std::string_view ticket_no, int64_t version,
                                                      const CallbackRecord& callback) {
  return in_transaction(
      db_, [&] { return callback_in_transaction(actor, ticket_no, version, callback); });
}

Result<HotlineTicket> HotlineService::callback_in_transaction(const Actor& actor,
                                                              std::string_view ticket_no,
                                                              int64_t version,
                                                              const CallbackRecord& callback) {
  HotlineTicketRepository tickets(db_, clock_);
  std::optional<HotlineTicket> found;
  FAXIAN_TRY_ASSIGN(found, tickets.find(ticket_no));
  if (!found)
    return tl::unexpected(ticket_not_found());
  if (!may_call_back(actor, *found))
    return fail(ErrorCode::kIllegalTransition,
                "只有热线接线员、所在乡镇民政办或县民政局可以登记回访",
                "role may not record callbacks for this ticket");
  if (found->version != version)
    return tl::unexpected(stale(version, found->version));
  if (found->status == TicketStatus::kReceived)
    return fail(ErrorCode::kIllegalTransition, "工单尚未研判转办，不能登记回访", "not routed");
  if (found->status == TicketStatus::kCalledBack)
    return fail(ErrorCode::kIllegalTransition, "该工单已完成回访", "already called back");
  if (trim(callback.result).empty())
    return fail(ErrorCode::kInvalidArgument, "请填写回访结果", "empty callback result");

  HotlineCallback attempt;
  attempt.called_on = callback.called_on;
  attempt.reached = callback.reached;
  attempt.satisfied = callback.satisfied;
  attempt.result = std::string(trim(callback.result));
  attempt.recorded_by = actor.name;
  FAXIAN_TRY(tickets.insert_callback(found->id, attempt, actor.user_id));
  const auto done_on = callback.reached ? std::optional<Date>(callback.called_on) : std::nullopt;
  bool written = false;
  FAXIAN_TRY_ASSIGN(written, tickets.write_callback(found->id, version, done_on));
  if (!written)
    return tl::unexpected(stale(version, found->version));
  if (callback.reached && found->callback_task_id)
    FAXIAN_TRY(TaskRepository(db_, clock_)
                   .complete(*found->callback_task_id, callback.called_on, attempt.result));
  const json detail = {{"reached", callback.reached},
                       {"satisfied", callback.satisfied ? json(*callback.satisfied) : json()}};
  FAXIAN_TRY(audit_change(db_, clock_, actor, "hotline.callback", "hotline_ticket",
                          found->ticket_no, attempt.result, detail.dump()));
  return reread(found->id);
}

Result<HotlineTicket> HotlineService::reread(int64_t ticket_id) {
  std::optional<HotlineTicket> found;
  FAXIAN_TRY_ASSIGN(found, HotlineTicketRepository(db_, clock_).find_by_id(ticket_id));
  if (!found)
    return fail(ErrorCode::kInternal, "热线工单保存失败", "ticket vanished");
  return std::move(*found);
}

Result<HotlineTicket> HotlineService::get(std::string_view ticket_no) {
  std::optional<HotlineTicket> found;
  FAXIAN_TRY_ASSIGN(found, HotlineTicketRepository(db_, clock_).find(ticket_no));
  if (!found)
    return tl::unexpected(ticket_not_found());
  return std::move(*found);
}

Result<std::vector<HotlineTicket>> HotlineService::list(const TicketQuery& query) {
  return HotlineTicketRepository(db_, clock_).list(query);
}

Result<std::vector<HotlineCallback>> HotlineService::callbacks(std::string_view ticket_no) {
  HotlineTicket ticket;
  FAXIAN_TRY_ASSIGN(ticket, get(ticket_no));
  return HotlineTicketRepository(db_, clock_).callbacks_of(ticket.id);
}

Result<std::vector<HotlineTicket>> HotlineService::overdue_callbacks(Date on) {
  TicketQuery query;
  query.callback_overdue_on = on;
  return HotlineTicketRepository(db_, clock_).list(query);
}

Result<int64_t> HotlineService::notify_overdue_callbacks(Date on) {
  return in_transaction(db_, [&]() -> Result<int64_t> {
    std::vector<HotlineTicket> late;
    FAXIAN_TRY_ASSIGN(late, overdue_callbacks(on));
    NotificationRepository notices(db_, clock_);
    int64_t stored = 0;
    for (const HotlineTicket& ticket : late) {
      Notification notice;
      notice.kind = "callback_overdue";
      notice.region_code = ticket.township_code;
      notice.role = std::string(enum_key(Role::kTownshipOfficer));
      notice.subject_type = "hotline_ticket";
      notice.subject_id = ticket.id;
      notice.message =
          fmt::format("热线工单{}已超过回访期限（{}），尚未回访来电人", ticket.ticket_no,
                      ticket.callback_due ? ticket.callback_due->iso() : "未知");
      notice.on_date = on;
      bool fresh = false;
      FAXIAN_TRY_ASSIGN(fresh, notices.notify(notice));
      stored += fresh ? 1 : 0;
    }
    return stored;
  });
}

}  // namespace faxian::workflow
