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
#include "screen/screening_service.hpp"
#include "store/query.hpp"
#include "store/warning_repository.hpp"

namespace faxian::cli {
namespace {

using LevelCounts = std::array<int64_t, 4>;  // red, orange, yellow, review

struct Tally {
  LevelCounts total{};
  std::map<int32_t, LevelCounts> by_township;
};

Tally tally(const screen::FeatureStore& store, const screen::ScreeningResult& result) {
  Tally counts;
  for (const WarningFinding& finding : result.findings) {
    size_t column =
        finding.kind == WarningKind::kReview ? 3 : 2 - static_cast<size_t>(*finding.level);
    ++counts.total[column];
    ++counts.by_township[store.households[finding.household_id].township][column];
  }
  return counts;
}

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
  screen::ScreeningInputs inputs;
  FAXIAN_TRY_ASSIGN(inputs, screen::load_screening_inputs(db));
  screen::ScreeningRequest request;
  request.as_of = as_of;
  screen::Screening current;
  FAXIAN_TRY_ASSIGN(current, screen::run_screening(db, inputs, request));
  screen::ScreeningParameters parameters;
  FAXIAN_TRY_ASSIGN(parameters, screen::make_screening_parameters(as_of, candidate,
                                                                  inputs.standards, current.store));
  auto proposed =
      screen::screen_households(current.store, parameters, current.store.screenable_households());
  Tally before = tally(current.store, current.result);
  Tally after = tally(current.store, proposed);
  std::map<std::string, std::string> names;
  FAXIAN_TRY_ASSIGN(names, township_names(db));

  for (const std::string& line : rule_set_diff(inputs.rules, candidate))
    fmt::print("  {}\n", line);
  fmt::print("{} {}（{} {}）\n", say(global, "试运行基准日", "dry run as of"), as_of.iso(),
             say(global, "对比现行规则版本", "compared with rule-set version"),
             inputs.rule_set_version);
  fmt::print("  {}{:>14}{:>14}{:>14}{:>14}\n", pad_display("", 16), say(global, "红", "red"),
             say(global, "橙", "orange"), say(global, "黄", "yellow"),
             say(global, "应退核查", "review"));
  print_row(say(global, "合计", "total"), before.total, after.total);
  for (size_t t = 0; t < current.store.townships.size(); ++t) {
    const std::string& code = current.store.townships[t];
    auto name = names.find(code);
    print_row(name == names.end() ? code : name->second,
              before.by_township[static_cast<int32_t>(t)],
              after.by_township[static_cast<int32_t>(t)]);
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
