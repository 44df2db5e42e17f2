#include "cli/init_steps.hpp"

#include <iostream>

#include <fmt/format.h>

#include "cli/open_store.hpp"
#include "common/file_util.hpp"
#include "common/password_hash.hpp"
#include "store/calendar_repository.hpp"
#include "store/migrations/migrations.hpp"
#include "store/rule_set_repository.hpp"
#include "store/user_repository.hpp"

namespace faxian::cli {
namespace {

constexpr std::string_view kAdminUsername = "admin";

// Creates the county admin unless an `admin` user exists. Returns the generated password
// (empty when a password was given or the user already existed) through `summary`.
Result<void> ensure_admin(Database& db, const Clock& clock, const InitRequest& request,
                          InitSummary& summary) {
  UserRepository users(db, clock);
  auto existing = users.find_by_username(kAdminUsername);
  if (!existing)
    return tl::unexpected(existing.error());
  if (*existing)
    return ok();
  const std::string password = request.admin_password ? *request.admin_password : random_password();
  auto hash = hash_password(password);
  if (!hash)
    return tl::unexpected(hash.error());
  User admin;
  admin.username = std::string(kAdminUsername);
  admin.display_name = "县民政局管理员";
  admin.role = Role::kCountyAdmin;
  admin.password_hash = *hash;
  admin.must_change_password = true;
  auto id = users.insert(admin);
  if (!id)
    return tl::unexpected(id.error());
  summary.admin_created = true;
  if (!request.admin_password)
    summary.generated_admin_password = password;
  return ok();
}

// The rule-set version in force: the stored latest, else `path` stored as the first version.
Result<int64_t> ensure_rules(Database& db, const Clock& clock, const std::string& path) {
  RuleSetRepository repository(db, clock);
  auto latest = repository.latest();
  if (!latest)
    return tl::unexpected(latest.error());
  if (*latest)
    return (*latest)->version;
  auto text = read_file(path);
  if (!text)
    return tl::unexpected(text.error());
  auto added = repository.add(*text, "init", "默认规则集 / default rule set");
  if (!added)
    return tl::unexpected(added.error());
  return added->value_or(0);
}

Result<InitSummary> load_everything(Database& db, const Clock& clock, const InitRequest& request) {
  InitSummary summary;
  auto regions = load_regions(db, request.regions_file);
  if (!regions)
    return tl::unexpected(regions.error());
  summary.regions = *regions;
  auto standards = load_standards(db, clock, request.standards_file, "init", true);
  if (!standards)
    return tl::unexpected(standards.error());
  summary.standards_version = *standards;
  auto added = load_missing_calendar_years(db, clock, request.calendar_dir, "init");
  if (!added)
    return tl::unexpected(added.error());
  summary.calendar_years_added = *added;
  auto years = CalendarRepository(db, clock).years();
  if (!years)
    return tl::unexpected(years.error());
  summary.calendar_years = *years;
  auto rules = ensure_rules(db, clock, request.rules_file);
  if (!rules)
    return tl::unexpected(rules.error());
  summary.rule_set_version = *rules;
  FAXIAN_TRY(ensure_admin(db, clock, request, summary));
  return summary;
}

}  // namespace

Result<InitSummary> initialise_database(Database& db, const Clock& clock,
                                        const InitRequest& request) {
  auto summary = in_transaction(db, [&] { return load_everything(db, clock, request); });
  if (!summary)
    return summary;
  auto version = schema_version(db);
  if (!version)
    return tl::unexpected(version.error());
  summary->schema_version = *version;
  return summary;
}

void print_init_summary(const GlobalOptions& global, Database& db, const InitSummary& summary) {
  const bool en = global.lang == "en";
  const std::string years =
      summary.calendar_years.empty()
          ? std::string("-")
          : fmt::format("{}–{}", summary.calendar_years.front(), summary.calendar_years.back());
  if (en) {
    fmt::print("database {} (schema version {})\n", db.location(), summary.schema_version);
    fmt::print("regions: {} townships, {} villages ({} urban, {} rural)\n",
               summary.regions.townships, summary.regions.villages, summary.regions.urban_villages,
               summary.regions.villages - summary.regions.urban_villages);
    fmt::print("standards: version {}\n", summary.standards_version);
    fmt::print("screening rules: version {}\n", summary.rule_set_version);
    fmt::print("working-day calendar: {} ({} year(s) added)\n", years,
               summary.calendar_years_added);
  } else {
    fmt::print("数据库 {}（结构版本 {}）\n", db.location(), summary.schema_version);
    fmt::print("行政区划：{} 个乡镇（街道），{} 个村（社区）（城镇 {}，农村 {}）\n",
               summary.regions.townships, summary.regions.villages, summary.regions.urban_villages,
               summary.regions.villages - summary.regions.urban_villages);
    fmt::print("救助标准：第 {} 版\n", summary.standards_version);
    fmt::print("筛查规则：第 {} 版\n", summary.rule_set_version);
    fmt::print("工作日历：{}（本次新增 {} 年）\n", years, summary.calendar_years_added);
  }
  if (!summary.admin_created)
    return;
  if (summary.generated_admin_password.empty()) {
    fmt::print("{}\n", say(global, "已创建管理员 admin（首次登录须修改密码）",
                           "created user admin (must change the password at first login)"));
  } else {
    fmt::print("{}: admin / {}\n",
               say(global, "已创建管理员（首次登录须修改密码，此密码只显示一次）",
                   "created user admin (change at first login; shown once)"),
               summary.generated_admin_password);
  }
}

}  // namespace faxian::cli
