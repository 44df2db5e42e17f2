#pragma once
// Internal to the casework routes (routes_casework*.cpp): what the application, referral,
// coordination, hotline, campaign and visit routes share — the calendar-aware services of one
// request, scoped paginated lists built in SQL (the caller's area in the WHERE clause, with the
// total), body and filter readers with Chinese errors, and the role lists.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "api/router.hpp"
#include "common/money.hpp"
#include "common/work_calendar.hpp"
#include "domain/enum_table.hpp"
#include "workflow/leads/deadline_policy.hpp"

namespace faxian::api::casework {

// The working-day calendar and deadline policy of one request (loaded from the store).
struct CaseDesk {
  WorkCalendar calendar;
  workflow::DeadlinePolicy policy;

  static Result<std::unique_ptr<CaseDesk>> open(Call& call);
};

// A bound value of a scoped list query.
using SqlValue = std::variant<int64_t, std::string>;

// A list query: `from_where` is "FROM … WHERE …" with `?` for `values`; `key` the column
// selected for each row (e.g. "a.application_no"); `order` the ORDER BY clause.
struct ListSql {
  std::string from_where;
  std::vector<SqlValue> values;
  std::string key;
  std::string order;

  // Adds " AND <condition>" with its values.
  void where(std::string_view condition, std::vector<SqlValue> condition_values = {});
  // Adds the area condition: `village_column` between the bounds for a village scope (12
  // digits), `township_column` otherwise; nothing for the whole county.
  void in_area(const AreaScope& scope, std::string_view township_column,
               std::string_view village_column);
};

// One page of keys and the total.
struct KeyPage {
  std::vector<std::string> keys;  // integers as decimal text
  int64_t total = 0;
};
Result<KeyPage> page_keys(Database& db, const ListSql& sql, const PageRequest& page);

// A list reply: one page of `sql`'s keys, each turned into its item by `item` (a null item is
// left out), and the view audited as `audit_action` on `entity` ("" for lists that show no
// personal data).
using ListItem = std::function<Result<nlohmann::json>(const std::string& key)>;
Result<Reply> list_reply(Call& call, const ListSql& sql, const PageRequest& page,
                         const ListItem& item, std::string_view audit_action = "",
                         std::string_view entity = "");

// kNotFound with "<what> <id> 不存在".
Error not_found(std::string_view what_zh, std::string_view id);
// kPermissionDenied (403) with a Chinese message.
Error forbidden(std::string_view message_zh, std::string_view detail);

// A query parameter read as an enum key (nullopt when absent); kInvalidArgument when unknown.
template <typename E>
Result<std::optional<E>> enum_filter(const Call& call, std::string_view name) {
  auto text = call.query(name);
  if (!text)
    return std::optional<E>();
  std::optional<E> value = enum_from_key<E>(*text);
  if (!value)
    return fail(ErrorCode::kInvalidArgument, fmt::format("筛选条件 {} 的取值无效", name),
                fmt::format("bad value of filter {}", name));
  return value;
}

// A body field read as an enum key; kInvalidArgument when missing (required) or unknown.
template <typename E>
Result<std::optional<E>> enum_field(const nlohmann::json& body, std::string_view field,
                                    bool required) {
  std::optional<std::string> text = optional_string(body, field);
  if (!text && body.contains(field) && !body.at(std::string(field)).is_null())
    return fail(ErrorCode::kInvalidArgument, fmt::format("字段 {} 应为文本", field),
                fmt::format("field {} is not a string", field));
  if (!text || text->empty()) {
    if (required)
      return fail(ErrorCode::kInvalidArgument, fmt::format("缺少字段 {}", field),
                  fmt::format("missing field {}", field));
    return std::optional<E>();
  }
  std::optional<E> value = enum_from_key<E>(*text);
  if (!value)
    return fail(ErrorCode::kInvalidArgument, fmt::format("字段 {} 的取值无效", field),
                fmt::format("bad value of field {}", field));
  return value;
}

// The required `version` of a state-changing body (≥ 1).
Result<int64_t> version_of(const nlohmann::json& body);
// An optional money field in yuan ("1200.50" or a number with at most two decimals, ≥ 0).
Result<std::optional<Money>> money_field(const nlohmann::json& body, std::string_view field);
// An optional boolean field; kInvalidArgument for another type.
Result<std::optional<bool>> bool_field(const nlohmann::json& body, std::string_view field);
// A text field that must be a string when present ("" when absent).
Result<std::string> text_field(const nlohmann::json& body, std::string_view field);
// The date field, or today when absent.
Result<Date> date_or_today(const Call& call, std::string_view field);

// {"fen": …, "yuan": "…"} or null.
nlohmann::json money_json(const std::optional<Money>& money);

// Whether the caller is a department API token.
bool is_token(const Call& call);

// Role lists.
extern const std::vector<Role> kCountyRoles;        // county_admin, county_officer
extern const std::vector<Role> kCaseHandlers;       // + township_officer
extern const std::vector<Role> kCaseReaders;        // + auditor
extern const std::vector<Role> kDepartmentReaders;  // case readers + department_liaison
extern const std::vector<Role> kFieldReaders;       // case readers + village_coordinator

void register_application_routes(Router& router);
void register_referral_routes(Router& router);
void register_coordination_routes(Router& router);
void register_hotline_routes(Router& router);
void register_fieldwork_routes(Router& router);

}  // namespace faxian::api::casework
