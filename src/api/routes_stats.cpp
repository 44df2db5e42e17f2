// Routes: statistics for dashboards (50-api-security.md "stats"; 60-ui.md 工作台, 督导看板).
//   GET /api/v1/stats/supervision?from=&to=&township=   督导看板 for the caller's area
//   GET /api/v1/stats/dashboard                         home-page figures for the caller's scope
//
// Supervision: county roles and auditors see the county (or one township or village with
// ?township=), a township officer its township, a village coordinator its village; ?township=
// outside the caller's area is 403. The hotline and department liaisons have no supervision
// board (403). The period defaults to the current month up to today; at most 10 years.
// Dashboard: every logged-in role; area roles get their area's counts, a department liaison its
// feeds' batches and its referral inbox.

#include <algorithm>

#include <fmt/format.h>

#include "api/feed_access.hpp"
#include "api/router.hpp"
#include "api/server_context.hpp"
#include "api/stats_dashboard.hpp"
#include "api/stats_supervision_json.hpp"
#include "store/calendar_repository.hpp"
#include "store/query.hpp"
#include "store/region_repository.hpp"
#include "workflow/casework/department.hpp"
#include "workflow/supervision/supervision_report.hpp"

namespace faxian::api {
namespace {

constexpr int kMaxPeriodDays = 3660;

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The county's own code: the prefix of a county-wide report.
Result<std::string> county_code(Database& db) {
  auto code = query_one<std::string>(
      db, "SELECT code FROM regions WHERE level = 'county' ORDER BY code LIMIT 1",
      [](Statement&) {},
      [](const Statement& s) -> Result<std::string> { return std::string(s.column_text(0)); });
  if (!code)
    return tl::unexpected(code.error());
  if (!*code)
    return fail(ErrorCode::kUnavailable, "尚未导入行政区划", "no county region");
  return **code;
}

// The region prefix of the report: the caller's area, or the township/village asked for in it.
Result<std::string> report_region(Call& call, const AreaScope& scope) {
  auto asked = call.query("township");
  if (!asked) {
    if (!scope.prefix.empty())
      return scope.prefix;
    return county_code(call.db);
  }
  if (!all_digits(*asked) || (asked->size() != 9 && asked->size() != 12)) {
    return fail(ErrorCode::kInvalidArgument, "参数 township 应为 9 位乡镇或 12 位村（社区）代码",
                "bad township");
  }
  if (!scope.covers(*asked)) {
    return fail(ErrorCode::kPermissionDenied, "无权查看该区域的统计", "township outside scope");
  }
  std::optional<Region> region;
  FAXIAN_TRY_ASSIGN(region, RegionRepository(call.db).find(*asked));
  if (!region)
    return fail(ErrorCode::kInvalidArgument, "未知的乡镇（村）代码", "unknown township");
  return *asked;
}

Result<workflow::SupervisionQuery> supervision_query(Call& call, const AreaScope& scope) {
  workflow::SupervisionQuery query;
  FAXIAN_TRY_ASSIGN(query.region_prefix, report_region(call, scope));
  query.as_of = call.today();
  std::optional<Date> from, to;
  FAXIAN_TRY_ASSIGN(from, call.query_date("from"));
  FAXIAN_TRY_ASSIGN(to, call.query_date("to"));
  query.to = to.value_or(query.as_of);
  query.from = from.value_or(Month::of(query.to).first_day());
  if (query.to < query.from)
    return fail(ErrorCode::kInvalidArgument, "结束日期不能早于开始日期", "reversed period");
  if (query.to - query.from > kMaxPeriodDays)
    return fail(ErrorCode::kInvalidArgument, "统计期间最长 10 年", "period too long");
  return query;
}

Result<Reply> supervision(Call& call) {
  auto scope = call.scope();
  if (!scope)
    return fail(ErrorCode::kPermissionDenied, "当前角色无权查看督导统计", "no area");
  workflow::SupervisionQuery query;
  FAXIAN_TRY_ASSIGN(query, supervision_query(call, *scope));
  WorkCalendar calendar;
  FAXIAN_TRY_ASSIGN(calendar, CalendarRepository(call.db, call.clock()).load());
  workflow::SupervisionReport report;
  FAXIAN_TRY_ASSIGN(report, workflow::supervision_report(call.db, calendar, query));
  return Reply::json(supervision_report_json(report));
}

Result<Reply> dashboard(Call& call) {
  if (auto scope = call.scope()) {
    const Date today = call.today();
    nlohmann::json figures;
    FAXIAN_TRY_ASSIGN(figures, call.server.dashboards.get(
                                   scope->prefix, today, casework_generation(call.db),
                                   [&] { return area_dashboard(call.db, *scope, today); }));
    return Reply::json(std::move(figures));
  }
  std::optional<std::string> department_key;
  if (auto department = workflow::department_of_account(call.actor().department))
    department_key = std::string(enum_key(*department));
  auto feeds = readable_feeds(call.caller).value_or(std::vector<FeedKind>{});
  nlohmann::json figures;
  FAXIAN_TRY_ASSIGN(figures,
                    department_dashboard(call.db, feeds, department_key, call.clock().now_unix()));
  return Reply::json(std::move(figures));
}

}  // namespace

void register_stats_routes(Router& router) {
  router.add("GET", "/api/v1/stats/supervision",
             Access::only({Role::kCountyAdmin, Role::kCountyOfficer, Role::kAuditor,
                           Role::kTownshipOfficer, Role::kVillageCoordinator}),
             supervision);
  router.add("GET", "/api/v1/stats/dashboard", Access::anyone(), dashboard);
}

}  // namespace faxian::api
