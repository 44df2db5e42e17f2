// Routes: changing the screening rules from the rules page (60-ui.md 预警规则; 30-screening.md):
//   POST /api/v1/rules/dry-run  {toml, as_of?}  what the candidate rules would flag, by level and
//                                               township, next to the rules in force (stores
//                                               nothing)
//   POST /api/v1/rules          {toml, note}    store the candidate as a new rule-set version
// Reading the rules (GET /api/v1/rules) is in admin_reference.cpp.

#include <map>

#include "api/admin_reference.hpp"
#include "api/routes_casework.hpp"
#include "screen/rules_trial.hpp"
#include "store/region_repository.hpp"
#include "store/rule_set_repository.hpp"
#include "store/warning_repository.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;

json level_counts_json(const screen::LevelCounts& counts) {
  return {{"red", counts[0]}, {"orange", counts[1]}, {"yellow", counts[2]}, {"review", counts[3]}};
}

// The date to try the rules on: the one asked for, else that of the last screening (the
// warnings the officers see), else today.
Result<Date> trial_date(Call& call) {
  if (optional_string(call.body(), "as_of"))
    return casework::date_or_today(call, "as_of");
  std::optional<ScreeningRun> last;
  FAXIAN_TRY_ASSIGN(last, WarningRepository(call.db, call.clock()).latest_run());
  return last ? last->as_of : call.today();
}

Result<Reply> dry_run(Call& call) {
  std::string text;
  FAXIAN_TRY_ASSIGN(text, required_string(call.body(), "toml"));
  RuleSet candidate;
  FAXIAN_TRY_ASSIGN(candidate, parse_rule_set_toml(text));
  Date as_of;
  FAXIAN_TRY_ASSIGN(as_of, trial_date(call));
  screen::RulesTrial trial;
  FAXIAN_TRY_ASSIGN(trial, screen::try_rule_set(call.db, candidate, as_of));
  std::map<std::string, std::string> names;
  FAXIAN_TRY_ASSIGN(names, RegionRepository(call.db).township_names());
  json townships = json::array();
  for (const screen::TownshipTrial& township : trial.townships) {
    auto name = names.find(township.code);
    townships.push_back({{"code", township.code},
                         {"name", name == names.end() ? township.code : name->second},
                         {"in_force", level_counts_json(township.in_force)},
                         {"candidate", level_counts_json(township.candidate)}});
  }
  call.audit_view("rules.dry_run", "rule_set", std::to_string(trial.compared_version),
                  json{{"as_of", as_of.iso()}}.dump());
  return Reply::json({{"as_of", as_of.iso()},
                      {"compared_version", trial.compared_version},
                      {"diff", trial.diff},
                      {"in_force", level_counts_json(trial.in_force)},
                      {"candidate", level_counts_json(trial.candidate)},
                      {"townships", std::move(townships)}});
}

Result<Reply> apply(Call& call) {
  std::string text;
  FAXIAN_TRY_ASSIGN(text, required_string(call.body(), "toml"));
  const std::string note = optional_string(call.body(), "note").value_or("");
  if (note.empty())
    return fail(ErrorCode::kInvalidArgument, "请填写修改说明（note）", "missing note");
  std::optional<int64_t> version;
  FAXIAN_TRY_ASSIGN(version, in_transaction(call.db, [&]() -> Result<std::optional<int64_t>> {
                      RuleSetRepository repository(call.db, call.clock());
                      std::optional<int64_t> added;
                      FAXIAN_TRY_ASSIGN(added, repository.add(text, call.actor().name, note));
                      if (added) {
                        workflow::AuditEntry entry =
                            call.audit_entry("rules.apply", "rule_set", std::to_string(*added));
                        entry.detail = json{{"note", note}}.dump();
                        FAXIAN_TRY(workflow::AuditLog(call.db, call.clock()).append(entry));
                      }
                      return added;
                    }));
  if (!version)
    return Reply::json({{"version", nullptr}, {"unchanged", true}});
  std::optional<RuleSetVersion> stored;
  FAXIAN_TRY_ASSIGN(stored, RuleSetRepository(call.db, call.clock()).get(*version));
  return Reply::json({{"version", *version},
                      {"unchanged", false},
                      {"diff", stored ? stored->diff : std::vector<std::string>()}},
                     201);
}

}  // namespace

void register_rule_routes(Router& router) {
  router.add("POST", "/api/v1/rules/dry-run",
             Access::only({Role::kCountyAdmin, Role::kCountyOfficer}), dry_run);
  router.add("POST", "/api/v1/rules", Access::only({Role::kCountyAdmin}), apply);
}

}  // namespace faxian::api
