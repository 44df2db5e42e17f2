// Routes: casework (50-api-security.md resources applications, referrals, coordination cases,
// hotline tickets, campaigns and visits). Each group is in its own file
// (routes_casework_<group>.cpp) and registered here; this file holds what they share
// (routes_casework.hpp). Business rules stay in the workflow layers.

#include "api/routes_casework.hpp"

#include <httplib.h>

#include "store/calendar_repository.hpp"

namespace faxian::api {

namespace casework {

using nlohmann::json;

const std::vector<Role> kCountyRoles = {Role::kCountyAdmin, Role::kCountyOfficer};
const std::vector<Role> kCaseHandlers = {Role::kCountyAdmin, Role::kCountyOfficer,
                                         Role::kTownshipOfficer};
const std::vector<Role> kCaseReaders = {Role::kCountyAdmin, Role::kCountyOfficer,
                                        Role::kTownshipOfficer, Role::kAuditor};
const std::vector<Role> kDepartmentReaders = {Role::kCountyAdmin, Role::kCountyOfficer,
                                              Role::kTownshipOfficer, Role::kAuditor,
                                              Role::kDepartmentLiaison};
const std::vector<Role> kFieldReaders = {Role::kCountyAdmin, Role::kCountyOfficer,
                                         Role::kTownshipOfficer, Role::kAuditor,
                                         Role::kVillageCoordinator};

Result<std::unique_ptr<CaseDesk>> CaseDesk::open(Call& call) {
  auto desk = std::make_unique<CaseDesk>();
  FAXIAN_TRY_ASSIGN(desk->calendar, CalendarRepository(call.db, call.clock()).load());
  FAXIAN_TRY_ASSIGN(desk->policy, workflow::DeadlinePolicy::load(call.db));
  return desk;
}

void ListSql::where(std::string_view condition, std::vector<SqlValue> condition_values) {
  from_where += " AND ";
  from_where += condition;
  for (SqlValue& value : condition_values)
    values.push_back(std::move(value));
}

void ListSql::in_area(const AreaScope& scope, std::string_view township_column,
                      std::string_view village_column) {
  if (scope.prefix.empty())
    return;
  const std::string_view column = scope.prefix.size() > 9 ? village_column : township_column;
  where(fmt::format("{0} >= ? AND {0} < ?", column), {scope.low(), scope.high()});
}

namespace {

void bind_values(Statement& statement, const std::vector<SqlValue>& values) {
  int index = 1;
  for (const SqlValue& value : values) {
    if (const int64_t* number = std::get_if<int64_t>(&value))
      statement.bind_int64(index++, *number);
    else
      statement.bind_text(index++, std::get<std::string>(value));
  }
}

}  // namespace

Result<Reply> list_reply(Call& call, const ListSql& sql, const PageRequest& page,
                         const ListItem& item, std::string_view audit_action,
                         std::string_view entity) {
  KeyPage keys;
  FAXIAN_TRY_ASSIGN(keys, page_keys(call.db, sql, page));
  nlohmann::json items = nlohmann::json::array();
  for (const std::string& key : keys.keys) {
    nlohmann::json shown;
    FAXIAN_TRY_ASSIGN(shown, item(key));
    if (!shown.is_null())
      items.push_back(std::move(shown));
  }
  if (!audit_action.empty()) {
    call.audit_view(audit_action, entity, "", nlohmann::json{{"returned", items.size()}}.dump());
  }
  return Reply::json(page_body(std::move(items), page, keys.total));
}

Result<KeyPage> page_keys(Database& db, const ListSql& sql, const PageRequest& page) {
  KeyPage out;
  {
    StatementPtr count;
    FAXIAN_TRY_ASSIGN(count, db.prepare("SELECT COUNT(*) " + sql.from_where));
    bind_values(*count, sql.values);
    bool row = false;
    FAXIAN_TRY_ASSIGN(row, count->step());
    out.total = row ? count->column_int64(0) : 0;
  }
  StatementPtr select;
  FAXIAN_TRY_ASSIGN(select, db.prepare(fmt::format("SELECT {} {} ORDER BY {} LIMIT ? OFFSET ?",
                                                   sql.key, sql.from_where, sql.order)));
  bind_values(*select, sql.values);
  const int next = static_cast<int>(sql.values.size()) + 1;
  select->bind_int64(next, page.page_size);
  select->bind_int64(next + 1, page.offset());
  while (true) {
    bool row = false;
    FAXIAN_TRY_ASSIGN(row, select->step());
    if (!row)
      break;
    if (select->column_type(0) == ColumnType::kInteger)
      out.keys.push_back(std::to_string(select->column_int64(0)));
    else
      out.keys.emplace_back(select->column_text(0));
  }
  return out;
}

Error not_found(std::string_view what_zh, std::string_view id) {
  return Error(ErrorCode::kNotFound, fmt::format("{} {} 不存在", what_zh, id),
               "not found or outside the caller's area");
}

Error forbidden(std::string_view message_zh, std::string_view detail) {
  return Error(ErrorCode::kPermissionDenied, std::string(message_zh), std::string(detail));
}

Result<int64_t> version_of(const json& body) {
  int64_t version = 0;
  FAXIAN_TRY_ASSIGN(version, required_integer(body, "version"));
  if (version < 1)
    return fail(ErrorCode::kInvalidArgument, "字段 version 应为正整数", "version < 1");
  return version;
}

Result<std::optional<Money>> money_field(const json& body, std::string_view field) {
  auto found = body.find(field);
  if (found == body.end() || found->is_null())
    return std::optional<Money>();
  std::string text;
  if (found->is_string()) {
    text = found->get<std::string>();
  } else if (found->is_number_integer()) {
    text = std::to_string(found->get<int64_t>());
  } else if (found->is_number_float()) {
    text = fmt::format("{:.2f}", found->get<double>());
  } else {
    return fail(ErrorCode::kInvalidArgument, fmt::format("字段 {} 应为金额（元）", field),
                "money field of a wrong type");
  }
  auto money = Money::parse_yuan(text);
  if (!money || money->fen() < 0)
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("字段 {} 不是有效金额（元，最多两位小数，不能为负）", field),
                "bad money field");
  return std::optional<Money>(*money);
}

Result<std::optional<bool>> bool_field(const json& body, std::string_view field) {
  auto found = body.find(field);
  if (found == body.end() || found->is_null())
    return std::optional<bool>();
  if (!found->is_boolean())
    return fail(ErrorCode::kInvalidArgument, fmt::format("字段 {} 应为 true 或 false", field),
                "boolean field of a wrong type");
  return std::optional<bool>(found->get<bool>());
}

Result<std::string> text_field(const json& body, std::string_view field) {
  auto found = body.find(field);
  if (found == body.end() || found->is_null())
    return std::string();
  if (!found->is_string())
    return fail(ErrorCode::kInvalidArgument, fmt::format("字段 {} 应为文本", field),
                "text field of a wrong type");
  return found->get<std::string>();
}

Result<Date> date_or_today(const Call& call, std::string_view field) {
  std::optional<Date> date;
  FAXIAN_TRY_ASSIGN(date, optional_date(call.body(), field));
  return date.value_or(call.today());
}

json money_json(const std::optional<Money>& money) {
  if (!money)
    return nullptr;
  return json{{"fen", money->fen()}, {"yuan", money->yuan_string()}};
}

bool is_token(const Call& call) {
  return call.caller.kind == Caller::Kind::kToken;
}

}  // namespace casework

void register_casework_routes(Router& router) {
  casework::register_application_routes(router);
  casework::register_referral_routes(router);
  casework::register_coordination_routes(router);
  casework::register_hotline_routes(router);
  casework::register_fieldwork_routes(router);
}

}  // namespace faxian::api
