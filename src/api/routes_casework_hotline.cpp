// Routes: hotline tickets (热线, 40-workflow.md "Hotline"):
//   GET  /api/v1/hotline/tickets?status=&mine=&page=&page_size=
//   POST /api/v1/hotline/tickets                          (record a call)
//   POST /api/v1/hotline/tickets/{ticket_no}/triage       {reasonableness, reason, version, ...}
//   POST /api/v1/hotline/tickets/{ticket_no}/callback     {reached, satisfied?, result, version}
// Who (00-overview.md "whole county, own tickets"): a hotline operator sees the tickets it
// recorded or routed and every ticket still waiting for a judgement (imported ones wait for any
// operator); the county roles and the auditor see all; a township officer its township's tickets
// once routed to it (routing is what hands a ticket to the township). Recording and triage:
// operators and the county roles; callbacks also the township officer of the ticket's township.
// Phones are always masked; a caller's name is masked in lists.

#include "api/lead_json.hpp"
#include "api/routes_casework.hpp"
#include "common/text.hpp"
#include "domain/rule_set.hpp"
#include "store/household_repository.hpp"
#include "workflow/casework/hotline_service.hpp"

namespace faxian::api::casework {
namespace {

using nlohmann::json;
using workflow::HotlineTicket;

const std::vector<Role> kTicketReaders = {Role::kCountyAdmin, Role::kCountyOfficer,
                                          Role::kTownshipOfficer, Role::kHotlineOperator,
                                          Role::kAuditor};
const std::vector<Role> kCallTakers = {Role::kCountyAdmin, Role::kCountyOfficer,
                                       Role::kHotlineOperator};

bool ticket_visible(const Call& call, const HotlineTicket& t) {
  const workflow::Actor& actor = call.actor();
  switch (actor.role) {
    case Role::kCountyAdmin:
    case Role::kCountyOfficer:
    case Role::kAuditor:
      return true;
    case Role::kTownshipOfficer:
      return t.status != TicketStatus::kReceived && t.township_code == actor.region_code;
    case Role::kHotlineOperator:
      return t.status == TicketStatus::kReceived || t.recorded_by == actor.name ||
             t.routed_by == actor.name;
    default:
      return false;
  }
}

Result<HotlineTicket> visible_ticket(Call& call, std::string_view ticket_no) {
  std::optional<HotlineTicket> found;
  FAXIAN_TRY_ASSIGN(found,
                    workflow::HotlineTicketRepository(call.db, call.clock()).find(ticket_no));
  if (!found || !ticket_visible(call, *found))
    return tl::unexpected(not_found("热线工单", ticket_no));
  return std::move(*found);
}

json optional_text(const std::string& text) {
  return text.empty() ? json(nullptr) : json(text);
}

json ticket_json(const HotlineTicket& t, bool in_list) {
  auto name = [&](const std::string& text) {
    return in_list && !text.empty() ? mask_name(text) : text;
  };
  return {{"ticket_no", t.ticket_no},
          {"call_time", t.call_time.iso()},
          {"caller_name", name(t.caller_name)},
          {"caller_masked_phone", mask_phone(t.caller_phone)},
          {"subject_name", name(t.subject_name)},
          {"subject_masked_phone", mask_phone(t.subject_phone)},
          {"subject_address", in_list ? std::string() : t.subject_address},
          {"township", optional_text(t.township_code)},
          {"village", optional_text(t.village_code)},
          {"category", t.category ? json(enum_key(*t.category)) : json(nullptr)},
          {"content", t.content},
          {"reasonableness", t.reasonableness ? json(enum_key(*t.reasonableness)) : json(nullptr)},
          {"reasonableness_reason", t.reasonableness_reason},
          {"status", enum_key(t.status)},
          {"status_label", enum_label(t.status)},
          {"callback_due", date_json(t.callback_due)},
          {"called_back_on", date_json(t.called_back_on)},
          {"recorded_by", t.recorded_by},
          {"routed_by", t.routed_by},
          {"version", t.version}};
}

Result<Reply> list_tickets(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  std::optional<TicketStatus> status;
  FAXIAN_TRY_ASSIGN(status, enum_filter<TicketStatus>(call, "status"));
  const std::optional<std::string> mine = call.query("mine");
  if (mine && *mine != "true" && *mine != "false")
    return fail(ErrorCode::kInvalidArgument, "筛选条件 mine 的取值无效", "bad mine filter");
  ListSql sql;
  sql.from_where = "FROM hotline_tickets t WHERE 1 = 1";
  sql.key = "t.ticket_no";
  sql.order = "t.call_time DESC, t.id DESC";
  const workflow::Actor& actor = call.actor();
  if (actor.role == Role::kTownshipOfficer)
    sql.where("t.status <> 'received' AND t.township_code = ?", {actor.region_code});
  if (actor.role == Role::kHotlineOperator)
    sql.where("(t.status = 'received' OR t.recorded_by = ? OR t.routed_by = ?)",
              {actor.name, actor.name});
  if (mine && *mine == "true")
    sql.where("(t.recorded_by = ? OR t.routed_by = ?)", {actor.name, actor.name});
  if (status)
    sql.where("t.status = ?", {std::string(enum_key(*status))});
  return list_reply(
      call, sql, page,
      [&](const std::string& no) -> Result<json> {
        HotlineTicket ticket;
        FAXIAN_TRY_ASSIGN(ticket, visible_ticket(call, no));
        return ticket_json(ticket, true);
      },
      "hotline.list", "hotline_ticket");
}

Result<std::optional<int64_t>> household_of(Call& call, std::string_view field) {
  std::string number;
  FAXIAN_TRY_ASSIGN(number, text_field(call.body(), field));
  if (number.empty())
    return std::optional<int64_t>();
  std::optional<Household> household;
  FAXIAN_TRY_ASSIGN(household, HouseholdRepository(call.db, call.clock()).find_by_number(number));
  if (!household)
    return fail(ErrorCode::kInvalidArgument, fmt::format("户号 {} 不存在", number),
                "unknown household");
  return std::optional<int64_t>(household->id);
}

Result<LocalDateTime> call_time_of(const Call& call) {
  std::string text;
  FAXIAN_TRY_ASSIGN(text, text_field(call.body(), "call_time"));
  if (text.empty()) {
    const int64_t local = call.clock().now_unix() + 8 * 3600;
    const int64_t second = ((local % 86400) + 86400) % 86400;
    return LocalDateTime::from_parts(call.today(), static_cast<int>(second / 3600),
                                     static_cast<int>(second / 60 % 60),
                                     static_cast<int>(second % 60));
  }
  auto time = LocalDateTime::parse_iso(text);
  if (!time)
    return fail(ErrorCode::kInvalidArgument, "字段 call_time 应为 YYYY-MM-DD HH:MM:SS",
                "bad call time");
  return *time;
}

Result<workflow::CallRecord> call_record(Call& call) {
  const json& body = call.body();
  workflow::CallRecord record;
  FAXIAN_TRY_ASSIGN(record.call_time, call_time_of(call));
  FAXIAN_TRY_ASSIGN(record.caller_name, text_field(body, "caller_name"));
  FAXIAN_TRY_ASSIGN(record.caller_phone, text_field(body, "caller_phone"));
  FAXIAN_TRY_ASSIGN(record.subject_name, text_field(body, "subject_name"));
  FAXIAN_TRY_ASSIGN(record.subject_phone, text_field(body, "subject_phone"));
  FAXIAN_TRY_ASSIGN(record.subject_address, text_field(body, "subject_address"));
  FAXIAN_TRY_ASSIGN(record.village_code, text_field(body, "village"));
  FAXIAN_TRY_ASSIGN(record.township_code, text_field(body, "township"));
  FAXIAN_TRY_ASSIGN(record.household_id, household_of(call, "household_no"));
  FAXIAN_TRY_ASSIGN(record.category, enum_field<HotlineCategory>(body, "category", false));
  FAXIAN_TRY_ASSIGN(record.content, text_field(body, "content"));
  return record;
}

Result<Reply> record_call(Call& call) {
  workflow::CallRecord record;
  FAXIAN_TRY_ASSIGN(record, call_record(call));
  std::unique_ptr<CaseDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, CaseDesk::open(call));
  workflow::HotlineService service(call.db, call.clock(), desk->calendar, desk->policy);
  HotlineTicket ticket;
  FAXIAN_TRY_ASSIGN(ticket, service.record_call(call.actor(), record));
  return Reply::json(ticket_json(ticket, false), 201);
}

// The optional `level` (red, orange, yellow; yellow when absent).
Result<WarningLevel> level_field(const json& body) {
  std::string text;
  FAXIAN_TRY_ASSIGN(text, text_field(body, "level"));
  if (text.empty())
    return WarningLevel::kYellow;
  std::optional<WarningLevel> level = find_level(text);
  if (!level)
    return fail(ErrorCode::kInvalidArgument, "字段 level 的取值无效", "bad level");
  return *level;
}

Result<workflow::Triage> triage_of(Call& call) {
  const json& body = call.body();
  workflow::Triage triage;
  // "reasonable" is accepted as a short name of the field.
  const char* field = body.contains("reasonableness") ? "reasonableness" : "reasonable";
  FAXIAN_TRY_ASSIGN(triage.reasonableness, enum_field<Reasonableness>(body, field, true));
  FAXIAN_TRY_ASSIGN(triage.reason, text_field(body, "reason"));
  std::optional<HotlineCategory> category;
  FAXIAN_TRY_ASSIGN(category, enum_field<HotlineCategory>(body, "category", false));
  triage.category = category.value_or(HotlineCategory::kOther);
  FAXIAN_TRY_ASSIGN(triage.township_code, text_field(body, "township"));
  FAXIAN_TRY_ASSIGN(triage.household_id, household_of(call, "household_no"));
  FAXIAN_TRY_ASSIGN(triage.level, level_field(body));
  FAXIAN_TRY_ASSIGN(triage.routed_on, date_or_today(call, "routed_on"));
  return triage;
}

Result<Reply> triage_ticket(Call& call) {
  HotlineTicket ticket;
  FAXIAN_TRY_ASSIGN(ticket, visible_ticket(call, call.param(0)));
  int64_t version = 0;
  FAXIAN_TRY_ASSIGN(version, version_of(call.body()));
  workflow::Triage triage;
  FAXIAN_TRY_ASSIGN(triage, triage_of(call));
  std::unique_ptr<CaseDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, CaseDesk::open(call));
  workflow::HotlineService service(call.db, call.clock(), desk->calendar, desk->policy);
  FAXIAN_TRY_ASSIGN(ticket, service.triage(call.actor(), ticket.ticket_no, version, triage));
  return Reply::json(ticket_json(ticket, false));
}

Result<Reply> record_callback(Call& call) {
  HotlineTicket ticket;
  FAXIAN_TRY_ASSIGN(ticket, visible_ticket(call, call.param(0)));
  const json& body = call.body();
  int64_t version = 0;
  FAXIAN_TRY_ASSIGN(version, version_of(body));
  workflow::CallbackRecord callback;
  FAXIAN_TRY_ASSIGN(callback.called_on, date_or_today(call, "called_on"));
  std::optional<bool> reached;
  FAXIAN_TRY_ASSIGN(reached, bool_field(body, "reached"));
  callback.reached = reached.value_or(true);
  FAXIAN_TRY_ASSIGN(callback.satisfied, bool_field(body, "satisfied"));
  FAXIAN_TRY_ASSIGN(callback.result, text_field(body, "result"));
  std::unique_ptr<CaseDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, CaseDesk::open(call));
  workflow::HotlineService service(call.db, call.clock(), desk->calendar, desk->policy);
  FAXIAN_TRY_ASSIGN(ticket,
                    service.record_callback(call.actor(), ticket.ticket_no, version, callback));
  return Reply::json(ticket_json(ticket, false));
}

}  // namespace

void register_hotline_routes(Router& router) {
  router.add("GET", "/api/v1/hotline/tickets", Access::only(kTicketReaders), list_tickets);
  router.add("POST", "/api/v1/hotline/tickets", Access::only(kCallTakers), record_call);
  router.add("POST", "/api/v1/hotline/tickets/{ticket_no}/triage", Access::only(kCallTakers),
             triage_ticket);
  router.add("POST", "/api/v1/hotline/tickets/{ticket_no}/callback",
             Access::only({Role::kCountyAdmin, Role::kCountyOfficer, Role::kHotlineOperator,
                           Role::kTownshipOfficer}),
             record_callback);
}

}  // namespace faxian::api::casework
