// Routes: warnings (30-screening.md "Warnings", 50-api-security.md) — the open warnings in the
// caller's area, filterable by kind, level, township, village and rule, and one warning by id.
//
// Access: the roles with a household area (county roles, hotline and auditor county-wide for
// lookups, a township officer its township, a coordinator its village); a department liaison
// gets 403 (its referrals carry what it needs). A township or village filter outside the area
// gives an empty list (nothing leaks, nothing to distinguish); an unknown enum value is 400. The
// explanations with figures are for the roles that handle cases; others see the rule names.
// Every list and view is audited with the 户号 it showed.

#include <fmt/format.h>

#include "api/household_access.hpp"
#include "api/server_context.hpp"
#include "api/warning_views.hpp"
#include "domain/rule_set.hpp"

namespace faxian::api {
namespace {

Result<std::optional<std::string>> rule_filter(const Call& call) {
  auto rule = call.query("rule");
  if (!rule)
    return std::optional<std::string>();
  auto id = find_rule(*rule);
  if (!id) {
    return fail(ErrorCode::kInvalidArgument, "参数 rule 应为规则编号（如 R01）",
                "unknown rule filter");
  }
  return std::optional<std::string>(std::string(rule_code(*id)));
}

Result<Reply> list(Call& call) {
  AreaScope scope;
  FAXIAN_TRY_ASSIGN(scope, require_household_scope(call));
  WarningListQuery query;
  FAXIAN_TRY_ASSIGN(query.page, call.page());
  FAXIAN_TRY_ASSIGN(query.kind, enum_filter(call, "kind", {"need", "review"}));
  FAXIAN_TRY_ASSIGN(query.level, enum_filter(call, "level", {"red", "orange", "yellow"}));
  FAXIAN_TRY_ASSIGN(query.rule, rule_filter(call));
  std::optional<std::string> township;
  FAXIAN_TRY_ASSIGN(township, region_filter(call, "township", 9));
  std::optional<std::string> village;
  FAXIAN_TRY_ASSIGN(village, region_filter(call, "village", 12));
  query.area = area_range(scope, township, village);
  const bool with_reasons = handles_cases(call.actor());
  const std::shared_ptr<const RuleSet> rules = call.server.rules.latest(call.db, call.clock());
  WarningPage page;
  FAXIAN_TRY_ASSIGN(page, list_open_warnings(call.db, query, *rules, with_reasons));
  audit_household_page(call, "warning.list", "warning", page.items, page.total);
  return Reply::json(page_body(std::move(page.items), query.page, page.total));
}

Result<Reply> one(Call& call) {
  AreaScope scope;
  FAXIAN_TRY_ASSIGN(scope, require_household_scope(call));
  const std::string& text = call.param(0);
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return fail(ErrorCode::kInvalidArgument, "预警编号格式不正确", "malformed warning id");
  }
  const std::shared_ptr<const RuleSet> rules = call.server.rules.latest(call.db, call.clock());
  std::optional<nlohmann::json> warning;
  FAXIAN_TRY_ASSIGN(
      warning, find_warning(call.db, scope, std::stoll(text), *rules, handles_cases(call.actor())));
  if (!warning) {
    return fail(ErrorCode::kNotFound, "未找到该预警（或不在您的管辖范围内）",
                "warning not found or outside the caller's area");
  }
  call.audit_view("warning.view", "warning", text,
                  nlohmann::json{{"household_no", (*warning)["household_no"]}}.dump());
  return Reply::json(std::move(*warning));
}

}  // namespace

void register_warning_routes(Router& router) {
  const Access readers = Access::only(household_reader_roles());
  router.add("GET", "/api/v1/warnings", readers, list);
  router.add("GET", "/api/v1/warnings/{warning_id}", readers, one);
}

}  // namespace faxian::api
