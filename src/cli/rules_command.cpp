// faxian rules show            — print the rule set in force (its TOML) and its version
// faxian rules apply FILE      — validate FILE and store it as a new rule-set version, printing
//                                the diff against the previous one (nothing stored if equal)
// faxian rules dry-run FILE    — what FILE's rules would flag, by level and township
//                                (rules_dry_run.cpp)

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "cli/rules_dry_run.hpp"
#include "common/clock.hpp"
#include "common/file_util.hpp"
#include "store/rule_set_repository.hpp"

namespace faxian::cli {
namespace {

int run_rules_show(const GlobalOptions& global) {
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  auto latest = RuleSetRepository(**db, clock).latest();
  if (!latest)
    return report_error(global, latest.error());
  if (!*latest) {
    return report_error(global, Error(ErrorCode::kUnavailable,
                                      "尚未加载筛查规则，请先运行 faxian init", "no rule set"));
  }
  std::cout << fmt::format("# {} {}\n", say(global, "筛查规则版本", "rule-set version"),
                           (*latest)->version)
            << (*latest)->toml_text;
  return kExitOk;
}

int run_rules_apply(const GlobalOptions& global, const std::string& file, const std::string& note) {
  auto text = read_file(file);
  if (!text)
    return report_error(global, text.error());
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  RuleSetRepository repository(**db, clock);
  const char* user = std::getenv("USER");
  auto version = repository.add(*text, fmt::format("cli:{}", user ? user : "unknown"), note);
  if (!version)
    return report_error(global, version.error());
  if (!*version) {
    fmt::print("{}\n", say(global, "规则与当前版本相同，未新建版本",
                           "the rules equal the version in force: nothing stored"));
    return kExitOk;
  }
  auto stored = repository.get(**version);
  if (!stored || !*stored)
    return report_error(global, stored
                                    ? Error(ErrorCode::kInternal, "数据库内部错误", "lost version")
                                    : stored.error());
  fmt::print("{} {}\n", say(global, "已应用为筛查规则版本", "applied as rule-set version"),
             **version);
  for (const std::string& line : (*stored)->diff)
    fmt::print("  {}\n", line);
  return kExitOk;
}

}  // namespace

void register_rules_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  CLI::App* command = app.add_subcommand("rules", "筛查规则 (screening rules)");
  command->require_subcommand(1);
  CLI::App* show = command->add_subcommand("show", "显示当前规则集 / print the rule set in force");
  show->callback([&global, &exit_code] { exit_code = run_rules_show(global); });
  auto file = std::make_shared<std::string>();
  auto note = std::make_shared<std::string>();
  CLI::App* apply =
      command->add_subcommand("apply", "应用规则文件为新版本 / store FILE as a new version");
  apply->add_option("FILE", *file, "规则 TOML 文件")->required()->check(CLI::ExistingFile);
  apply->add_option("--note", *note, "修改说明 / why");
  auto dry_file = std::make_shared<std::string>();
  auto dry_as_of = std::make_shared<std::string>();
  CLI::App* dry = command->add_subcommand(
      "dry-run", "试运行：新规则会产生多少预警（按等级和乡镇）/ counts FILE would produce");
  dry->add_option("FILE", *dry_file, "规则 TOML 文件")->required()->check(CLI::ExistingFile);
  dry->add_option("--as-of", *dry_as_of, "基准日 YYYY-MM-DD（默认：最近一次筛查的基准日）");
  dry->callback([&global, &exit_code, dry_file, dry_as_of] {
    exit_code = run_rules_dry_run(global, *dry_file, *dry_as_of);
  });
  apply->callback(
      [&global, &exit_code, file, note] { exit_code = run_rules_apply(global, *file, *note); });
}

}  // namespace faxian::cli
