// Routes: reference data for the settings pages (see admin_reference.hpp).

#include "api/admin_reference.hpp"

#include <charconv>

#include <fmt/format.h>

#include "store/calendar_repository.hpp"
#include "store/rule_set_repository.hpp"
#include "store/standards_repository.hpp"
#include "workflow/leads/audit_log.hpp"
#include "workflow/leads/deadline_policy.hpp"

namespace faxian::api {
namespace {

nlohmann::json yuan(Money money) {
  if (money.fen() % 100 == 0)
    return money.fen() / 100;
  return static_cast<double>(money.fen()) / 100.0;
}

nlohmann::json period_json(const StandardsPeriod& period) {
  return {{"from", period.from.iso()},
          {"dibao_urban", yuan(period.dibao_urban)},
          {"dibao_rural", yuan(period.dibao_rural)},
          {"tekun", yuan(period.tekun)},
          {"source", period.source},
          {"confirmed", period.confirmed}};
}

Result<Reply> standards(Call& call) {
  StandardsRepository repository(call.db, call.clock());
  std::optional<StandardsVersion> latest;
  FAXIAN_TRY_ASSIGN(latest, repository.latest());
  if (!latest)
    return fail(ErrorCode::kUnavailable, "尚未载入救助标准", "no standards version");
  Standards parsed;
  FAXIAN_TRY_ASSIGN(parsed, parse_standards_toml(latest->toml_text));
  nlohmann::json periods = nlohmann::json::array();
  for (const StandardsPeriod& period : parsed.periods)
    periods.push_back(period_json(period));
  nlohmann::json income = nlohmann::json::array();
  for (const DisposableIncome& row : parsed.disposable_income) {
    income.push_back({{"year", row.year},
                      {"urban", yuan(row.urban)},
                      {"rural", yuan(row.rural)},
                      {"source", row.source},
                      {"confirmed", row.confirmed}});
  }
  const StandardsPeriod* current = parsed.period_on(call.today());
  return Reply::json({{"version", latest->version},
                      {"loaded_at", latest->loaded_at},
                      {"loaded_by", latest->loaded_by},
                      {"note", latest->note},
                      {"in_force", current ? period_json(*current) : nlohmann::json(nullptr)},
                      {"periods", std::move(periods)},
                      {"disposable_income", std::move(income)},
                      {"vehicle_exempt_value", yuan(parsed.vehicle_exempt_value)},
                      {"deposit_months", parsed.deposit_months},
                      {"rigid_share", parsed.rigid_share_bp / 10000.0},
                      {"edge_multiple", parsed.edge_multiple_bp / 10000.0},
                      {"excluded_income_types", parsed.excluded_income_types},
                      {"quick_aid_months", parsed.quick_aid_months},
                      {"township_aid_months", parsed.township_aid_months},
                      {"toml", latest->toml_text}});
}

// The {year} path parameter: four digits, 2000…2100; kInvalidArgument otherwise.
Result<int> path_year(const Call& call) {
  const std::string& text = call.param(0);
  int year = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc() || end != text.data() + text.size() || year < 2000 || year > 2100)
    return fail(ErrorCode::kInvalidArgument, "年份应为 2000 到 2100 之间的四位数", "bad year");
  return year;
}

Result<Reply> calendar(Call& call) {
  int year = 0;
  FAXIAN_TRY_ASSIGN(year, path_year(call));
  std::optional<std::string> stored;
  FAXIAN_TRY_ASSIGN(stored, CalendarRepository(call.db, call.clock()).get_json(year));
  if (!stored) {
    return fail(ErrorCode::kNotFound, fmt::format("{} 年的工作日历尚未载入", year),
                fmt::format("no calendar for {}", year));
  }
  nlohmann::json body = nlohmann::json::parse(*stored, nullptr, false);
  if (body.is_discarded())
    return fail(ErrorCode::kCorrupt, "存储的工作日历已损坏", "stored calendar is not json");
  return Reply::json(std::move(body));
}

Result<Reply> put_calendar(Call& call) {
  int year = 0;
  FAXIAN_TRY_ASSIGN(year, path_year(call));
  if (call.body().value("year", 0) != year) {
    return fail(ErrorCode::kInvalidArgument, "请求内容中的 year 须与路径中的年份一致",
                "year mismatch");
  }
  FAXIAN_TRY(in_transaction(call.db, [&]() -> Result<int> {
    int stored = 0;
    FAXIAN_TRY_ASSIGN(
        stored,
        CalendarRepository(call.db, call.clock()).put_json(call.body().dump(), call.actor().name));
    workflow::AuditEntry entry = call.audit_entry("calendar.put", "calendar", std::to_string(year));
    FAXIAN_TRY(workflow::AuditLog(call.db, call.clock()).append(entry));
    return stored;
  }));
  return calendar(call);
}

nlohmann::json rule_version_json(const RuleSetVersion& version, bool with_text) {
  nlohmann::json body = {{"version", version.version},
                         {"created_at", version.created_at},
                         {"created_by", version.created_by},
                         {"note", version.note},
                         {"diff", version.diff}};
  if (with_text)
    body["toml"] = version.toml_text;
  return body;
}

nlohmann::json rule_json(const RuleConfig& rule) {
  return {{"id", rule_code(rule.id)},
          {"kind", rule.kind == WarningKind::kNeed ? "need" : "review"},
          {"name", rule.name},
          {"enabled", rule.enabled},
          {"points", rule.points},
          {"floor", rule.floor ? nlohmann::json(level_key(*rule.floor)) : nlohmann::json(nullptr)},
          {"actions", rule.actions},
          {"departments", rule.departments}};
}

Result<Reply> rules(Call& call) {
  std::vector<RuleSetVersion> versions;
  FAXIAN_TRY_ASSIGN(versions, RuleSetRepository(call.db, call.clock()).list());
  if (versions.empty())
    return fail(ErrorCode::kUnavailable, "尚未载入预警规则", "no rule set version");
  RuleSet in_force;
  FAXIAN_TRY_ASSIGN(in_force, parse_rule_set_toml(versions.front().toml_text));
  nlohmann::json rules = nlohmann::json::array();
  for (const RuleConfig& rule : in_force.rules)
    rules.push_back(rule_json(rule));
  nlohmann::json history = nlohmann::json::array();
  for (const RuleSetVersion& version : versions)
    history.push_back(rule_version_json(version, false));
  return Reply::json({{"in_force", rule_version_json(versions.front(), true)},
                      {"rules", std::move(rules)},
                      {"levels",
                       {{"red", in_force.levels.red},
                        {"orange", in_force.levels.orange},
                        {"yellow", in_force.levels.yellow},
                        {"max_score", in_force.levels.max_score}}},
                      {"versions", std::move(history)}});
}

Result<Reply> deadlines(Call& call) {
  workflow::DeadlinePolicy policy;
  FAXIAN_TRY_ASSIGN(policy, workflow::DeadlinePolicy::load(call.db));
  nlohmann::json items = nlohmann::json::array();
  auto add = [&](std::string key, std::string label, int value, std::string_view unit) {
    items.push_back({{"key", key}, {"label", label}, {"value", value}, {"unit", unit}});
  };
  constexpr const char* kLevels[] = {"yellow", "orange", "red"};
  constexpr const char* kLevelLabels[] = {"黄色", "橙色", "红色"};
  for (size_t level = 0; level < 3; ++level) {
    add(fmt::format("deadline.first_contact.{}", kLevels[level]),
        fmt::format("{}预警首次联系时限", kLevelLabels[level]), policy.first_contact[level],
        "working_days");
    add(fmt::format("deadline.verification.{}", kLevels[level]),
        fmt::format("{}预警核实完成时限", kLevelLabels[level]), policy.verification[level],
        "working_days");
  }
  add("deadline.hotline_callback", "热线回访时限", policy.hotline_callback, "working_days");
  add("deadline.referral_answer", "部门转介答复时限", policy.referral_answer, "working_days");
  add("deadline.emergency_paperwork", "先行救助补办手续时限", policy.emergency_paperwork,
      "working_days");
  add("deadline.case_by_case_decision", "一事一议审批时限", policy.case_by_case_decision,
      "working_days");
  add("deadline.dibao_process", "低保办理时限", policy.dibao_process, "working_days");
  add("deadline.dibao_process_special", "低保办理时限（特殊情况）", policy.dibao_process_special,
      "working_days");
  add("deadline.county_decision", "县级审批时限", policy.county_decision, "working_days");
  add("deadline.public_notice_calendar_days", "公示期", policy.public_notice_calendar_days,
      "calendar_days");
  add("deadline.refusal_notice", "不予批准书面告知时限", policy.refusal_notice, "working_days");
  add("deadline.quick_aid_calendar_days", "小额快救办理时限", policy.quick_aid_calendar_days,
      "calendar_days");
  add("deadline.follow_up", "回访跟进间隔", policy.follow_up, "working_days");
  return Reply::json(
      {{"items", std::move(items)},
       {"note", "时限为本县工作配置，不是法定时限（未找到官方的预警等级或核实时限）"}});
}

}  // namespace

void register_reference_routes(Router& router) {
  router.add("GET", "/api/v1/standards", Access::anyone(), standards);
  router.add("GET", "/api/v1/calendar/{year}", Access::anyone(), calendar);
  router.add("PUT", "/api/v1/calendar/{year}", Access::only({Role::kCountyAdmin}), put_calendar);
  router.add("GET", "/api/v1/rules", Access::anyone(), rules);
  router.add("GET", "/api/v1/settings/deadlines", Access::anyone(), deadlines);
}

}  // namespace faxian::api
