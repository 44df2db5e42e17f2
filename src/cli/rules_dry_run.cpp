// faxian rules dry-run FILE [--as-of DATE] — what a changed rule set would flag, by level and
// township, next to the rule set in force, before it is saved (30-screening.md). Nothing is
// stored.

#include <array>
#include <map>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "cli/rules_dry_run.hpp"
#include "cli/screen_dates.hpp"
#include "cli/screen_output.hpp"
#include "common/clock.hpp"
#include "common/file_util.hpp"
#include "screen/rules_trial.hpp"
#include "store/query.hpp"
#include "store/region_repository.hpp"
#include "store/warning_repository.hpp"

namespace faxian::cli {
namespace {

using screen::LevelCounts;

std::string cell(int64_t before, int64_t after) {
  if (before == after)
    return fmt::format("{}", after);
  return fmt::format("{}({:+})", after, after - before);
}

void print_row(const std::string& label, const LevelCounts& before, const LevelCounts& after) {
  fmt::print("  {}", pad_display(label, 16));
  for (size_t i = 0; i < 4; ++i)
    fmt::print("{:>14}", cell(before[i], after[i]));
  fmt::print("\n");
}

Result<void> dry_run(const GlobalOptions& global, Database& db, const Clock& clock,
                     const std::string& file, const std::string& as_of_text) {
  std::string text;
  FAXIAN_TRY_ASSIGN(text, read_file(file));
  RuleSet candidate;
  FAXIAN_TRY_ASSIGN(candidate, parse_rule_set_toml(text));
  Date as_of;
  FAXIAN_TRY_ASSIGN(as_of, as_of_or_last_run(db, clock, as_of_text));
  screen::RulesTrial trial;
  FAXIAN_TRY_ASSIGN(trial, screen::try_rule_set(db, candidate, as_of));
  std::map<std::string, std::string> names;
  FAXIAN_TRY_ASSIGN(names, RegionRepository(db).township_names());

  for (const std::string& line : trial.diff)
    fmt::print("  {}\n", line);
  fmt::print("{} {}（{} {}）\n", say(global, "试运行基准日", "dry run as of"), as_of.iso(),
             say(global, "对比现行规则版本", "compared with rule-set version"),
             trial.compared_version);
  fmt::print("  {}{:>14}{:>14}{:>14}{:>14}\n", pad_display("", 16), say(global, "红", "red"),
             say(global, "橙", "orange"), say(global, "黄", "yellow"),
             say(global, "应退核查", "review"));
  print_row(say(global, "合计", "total"), trial.in_force, trial.candidate);
  for (const screen::TownshipTrial& township : trial.townships) {
    auto name = names.find(township.code);
    print_row(name == names.end() ? township.code : name->second, township.in_force,
              township.candidate);
  }
  return ok();
}

}  // namespace

int run_rules_dry_run(const GlobalOptions& global, const std::string& file,
                      const std::string& as_of) {
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  auto done = dry_run(global, **db, clock, file, as_of);
  if (!done)
    return report_error(global, done.error());
  return kExitOk;
}

}  // namespace faxian::cli
