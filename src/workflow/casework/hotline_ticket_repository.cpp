// Rows of hotline_tickets and hotline_callbacks ↔ HotlineTicket (hotline_ticket_repository.hpp).

#include "workflow/casework/hotline_ticket_repository.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr EnumEntry<Reasonableness> kReasonableness[] = {
    {Reasonableness::kReasonable, "reasonable", "合理", "", ""},
    {Reasonableness::kPartlyReasonable, "partly_reasonable", "部分合理", "", ""},
    {Reasonableness::kUnreasonable, "unreasonable", "不合理", "", ""},
};
constexpr EnumEntry<TicketStatus> kTicketStatuses[] = {
    {TicketStatus::kReceived, "received", "待研判", "", ""},
    {TicketStatus::kRouted, "routed", "已转办", "", ""},
    {TicketStatus::kCalledBack, "called_back", "已回访", "", ""},
};

}  // namespace

std::span<const EnumEntry<Reasonableness>> EnumTable<Reasonableness>::entries() {
  return kReasonableness;
}
std::span<const EnumEntry<TicketStatus>> EnumTable<TicketStatus>::entries() {
  return kTicketStatuses;
}

}  // namespace faxian

namespace faxian::workflow {
namespace {

constexpr std::string_view kColumns =
    "id, ticket_no, feed_record_id, call_time, caller_name, caller_phone, subject_name, "
    "subject_phone, subject_address, village_code, township_code, household_id, person_id, "
    "category, content, reasonableness, reasonableness_reason, status, lead_id, "
    "callback_task_id, callback_due, called_back_on, recorded_by, routed_by, version";

Result<HotlineTicket> read_ticket(const Statement& statement) {
  RowReader row(statement);
  HotlineTicket ticket;
  ticket.id = row.integer();
  ticket.ticket_no = row.text();
  ticket.feed_record_id = row.optional_integer();
  const std::string call_time = row.text();
  ticket.caller_name = row.text();
  ticket.caller_phone = row.text();
  ticket.subject_name = row.text();
  ticket.subject_phone = row.text();
  ticket.subject_address = row.text();
  ticket.village_code = row.text_or_empty();
  ticket.township_code = row.text_or_empty();
  ticket.household_id = row.optional_integer();
  ticket.person_id = row.optional_integer();
  ticket.category = row.optional_enumeration<HotlineCategory>();
  ticket.content = row.text();
  ticket.reasonableness = row.optional_enumeration<Reasonableness>();
  ticket.reasonableness_reason = row.text();
  ticket.status = row.enumeration<TicketStatus>();
  ticket.lead_id = row.optional_integer();
  ticket.callback_task_id = row.optional_integer();
  ticket.callback_due = row.optional_date();
  ticket.called_back_on = row.optional_date();
  ticket.recorded_by = row.text();
  ticket.routed_by = row.text();
  ticket.version = row.integer();
  FAXIAN_TRY(row.status());
  FAXIAN_TRY_ASSIGN(ticket.call_time, LocalDateTime::parse_iso(call_time));
  return ticket;
}

Result<HotlineCallback> read_callback(const Statement& statement) {
  RowReader row(statement);
  HotlineCallback callback;
  callback.id = row.integer();
  callback.called_on = row.date();
  callback.reached = row.boolean();
  const auto satisfied = row.optional_integer();
  if (satisfied)
    callback.satisfied = *satisfied != 0;
  callback.result = row.text();
  callback.recorded_by = row.text();
  FAXIAN_TRY(row.status());
  return callback;
}

ParamBinder& code_or_null(ParamBinder& binder, const std::string& code) {
  return code.empty() ? binder.null() : binder.text(code);
}

}  // namespace

Result<int64_t> HotlineTicketRepository::insert(const HotlineTicket& ticket,
                                                std::optional<int64_t> recorded_by_id) {
  const int64_t now = clock_.now_unix();
  auto id = returning_id(
      db_,
      "INSERT INTO hotline_tickets (ticket_no, feed_record_id, call_time, call_date, "
      "caller_name, caller_phone, subject_name, subject_phone, subject_address, village_code, "
      "township_code, household_id, person_id, category, content, status, recorded_by, "
      "recorded_by_id, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, 1, ?, ?) "
      "ON CONFLICT (ticket_no) DO NOTHING RETURNING id",
      [&](Statement& statement) {
        ParamBinder binder(statement);
        binder.text(ticket.ticket_no)
            .integer(ticket.feed_record_id)
            .text(ticket.call_time.iso())
            .date(ticket.call_time.date)
            .text(ticket.caller_name)
            .text(ticket.caller_phone)
            .text(ticket.subject_name)
            .text(ticket.subject_phone)
            .text(ticket.subject_address);
        code_or_null(binder, ticket.village_code);
        code_or_null(binder, ticket.township_code)
            .integer(ticket.household_id)
            .integer(ticket.person_id)
            .enumeration(ticket.category)
            .text(ticket.content)
            .text(ticket.recorded_by)
            .integer(recorded_by_id)
            .integer(now)
            .integer(now);
      });
  if (!id)
    return tl::unexpected(id.error());
  if (!id->has_value())
    return fail(ErrorCode::kAlreadyExists, fmt::format("工单号「{}」已存在", ticket.ticket_no),
                "ticket number taken");
  return **id;
}

Result<std::optional<HotlineTicket>> HotlineTicketRepository::find_where(
    std::string_view where, const std::function<void(Statement&)>& bind) {
  const std::string sql = fmt::format("SELECT {} FROM hotline_tickets WHERE {}", kColumns, where);
  return query_one<HotlineTicket>(db_, sql, bind, read_ticket);
}

Result<std::optional<HotlineTicket>> HotlineTicketRepository::find(std::string_view ticket_no) {
  return find_where("ticket_no = ?",
                    [&](Statement& statement) { statement.bind_text(1, ticket_no); });
}

Result<std::optional<HotlineTicket>> HotlineTicketRepository::find_by_id(int64_t id) {
  return find_where("id = ?", [&](Statement& statement) { statement.bind_int64(1, id); });
}

Result<std::optional<HotlineTicket>> HotlineTicketRepository::find_by_feed_record(
    int64_t feed_record_id) {
  return find_where("feed_record_id = ?",
                    [&](Statement& statement) { statement.bind_int64(1, feed_record_id); });
}

Result<std::vector<HotlineTicket>> HotlineTicketRepository::list(const TicketQuery& query) {
  std::vector<std::string> clauses{"1 = 1"};
  std::vector<std::function<void(ParamBinder&)>> binds;
  if (query.status) {
    clauses.emplace_back("status = ?");
    binds.emplace_back([&](ParamBinder& binder) { binder.enumeration(*query.status); });
  }
  if (!query.township_code.empty()) {
    clauses.emplace_back("township_code = ?");
    binds.emplace_back([&](ParamBinder& binder) { binder.text(query.township_code); });
  }
  if (query.callback_overdue_on) {
    clauses.emplace_back("status = 'routed' AND callback_due IS NOT NULL AND callback_due < ?");
    binds.emplace_back([&](ParamBinder& binder) { binder.date(*query.callback_overdue_on); });
  }
  const std::string sql =
      fmt::format("SELECT {} FROM hotline_tickets WHERE {} ORDER BY call_time, id LIMIT ? OFFSET ?",
                  kColumns, fmt::join(clauses, " AND "));
  return query_rows<HotlineTicket>(
      db_, sql,
      [&](Statement& statement) {
        ParamBinder binder(statement);
        for (const auto& bind : binds)
          bind(binder);
        binder.integer(query.limit).integer(query.offset);
      },
      read_ticket);
}

Result<std::vector<int64_t>> HotlineTicketRepository::feed_rows_without_ticket() {
  return query_rows<int64_t>(
      db_,
      "SELECT f.id FROM feed_hotline f WHERE f.superseded_at IS NULL AND NOT EXISTS "
      "(SELECT 1 FROM hotline_tickets t WHERE t.ticket_no = f.ticket_no) ORDER BY f.id",
      [](Statement&) {},
      [](const Statement& statement) -> Result<int64_t> { return statement.column_int64(0); });
}

Result<bool> HotlineTicketRepository::write_routed(const HotlineTicket& ticket, int64_t version) {
  FAXIAN_TRY(run_bound(
      db_,
      "UPDATE hotline_tickets SET category = ?, reasonableness = ?, reasonableness_reason = ?, "
      "township_code = ?, household_id = ?, status = 'routed', lead_id = ?, "
      "callback_task_id = ?, callback_due = ?, routed_by = ?, version = version + 1, "
      "updated_at = ? WHERE id = ? AND version = ?",
      [&](Statement& statement) {
        ParamBinder binder(statement);
        binder.enumeration(ticket.category)
            .enumeration(ticket.reasonableness)
            .text(ticket.reasonableness_reason)
            .text(ticket.township_code)
            .integer(ticket.household_id)
            .integer(ticket.lead_id)
            .integer(ticket.callback_task_id)
            .date(ticket.callback_due)
            .text(ticket.routed_by)
            .integer(clock_.now_unix())
            .integer(ticket.id)
            .integer(version);
      }));
  return db_.changes() == 1;
}

Result<bool> HotlineTicketRepository::write_callback(int64_t ticket_id, int64_t version,
                                                     std::optional<Date> called_back_on) {
  const int64_t now = clock_.now_unix();
  if (called_back_on) {
    FAXIAN_TRY(run_bound(db_,
                         "UPDATE hotline_tickets SET status = 'called_back', called_back_on = ?, "
                         "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                         [&](Statement& statement) {
                           ParamBinder(statement)
                               .date(*called_back_on)
                               .integer(now)
                               .integer(ticket_id)
                               .integer(version);
                         }));
  } else {
    FAXIAN_TRY(run_bound(db_,
                         "UPDATE hotline_tickets SET version = version + 1, updated_at = ? "
                         "WHERE id = ? AND version = ?",
                         [&](Statement& statement) {
                           ParamBinder(statement).integer(now).integer(ticket_id).integer(version);
                         }));
  }
  return db_.changes() == 1;
}

Result<int64_t> HotlineTicketRepository::insert_callback(int64_t ticket_id,
                                                         const HotlineCallback& callback,
                                                         std::optional<int64_t> recorded_by_id) {
  auto id =
      returning_id(db_,
                   "INSERT INTO hotline_callbacks (ticket_id, called_on, reached, "
                   "satisfied, result, recorded_by, recorded_by_id, at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   [&](Statement& statement) {
                     ParamBinder binder(statement);
                     binder.integer(ticket_id).date(callback.called_on).boolean(callback.reached);
                     if (callback.satisfied)
                       binder.boolean(*callback.satisfied);
                     else
                       binder.null();
                     binder.text(callback.result)
                         .text(callback.recorded_by)
                         .integer(recorded_by_id)
                         .integer(clock_.now_unix());
                   });
  if (!id)
    return tl::unexpected(id.error());
  return id->value_or(0);
}

Result<std::vector<HotlineCallback>> HotlineTicketRepository::callbacks_of(int64_t ticket_id) {
  return query_rows<HotlineCallback>(
      db_,
      "SELECT id, called_on, reached, satisfied, result, recorded_by FROM hotline_callbacks "
      "WHERE ticket_id = ? ORDER BY id",
      [&](Statement& statement) { statement.bind_int64(1, ticket_id); }, read_callback);
}

}  // namespace faxian::workflow
