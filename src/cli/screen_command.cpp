// faxian screen [--as-of DATE] [--full]   — run screening, print counts by kind and level
// faxian warnings [--as-of DATE] [--kind need|review] [--format csv|json]
//                                          — the open warnings (80-cli.md's exact CSV)

#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "cli/screen_dates.hpp"
#include "cli/screen_output.hpp"
#include "cli/warning_leads_step.hpp"
#include "common/clock.hpp"
#include "domain/local_date_time.hpp"
#include "screen/screening_job.hpp"
#include "screen/screening_service.hpp"
#include "store/warning_repository.hpp"

namespace faxian::cli {
namespace {

struct ScreenOptions {
  std::string as_of;
  bool full = false;
  std::string kind;
  std::string format = "csv";
  std::string known_at;
};

// "YYYY-MM-DD HH:MM:SS" (China time) or a date (its last second).
Result<std::optional<int64_t>> parse_known_at(const std::string& text) {
  if (text.empty())
    return std::optional<int64_t>();
  if (auto time = LocalDateTime::parse_iso(text))
    return std::optional<int64_t>(time->to_unix());
  if (auto date = Date::parse_iso(text)) {
    auto end_of_day = LocalDateTime::from_parts(*date, 23, 59, 59);
    if (end_of_day)
      return std::optional<int64_t>(end_of_day->to_unix());
  }
  return fail(ErrorCode::kInvalidArgument,
              fmt::format("--known-at 时间“{}”无效，应为 YYYY-MM-DD HH:MM:SS 或 YYYY-MM-DD", text),
              fmt::format("bad --known-at '{}'", text));
}

struct Evaluated {
  screen::ScreeningInputs inputs;
  screen::Screening screening;
};

Result<std::unique_ptr<Evaluated>> evaluate(Database& db, Date as_of,
                                            std::optional<int64_t> known_at) {
  auto evaluated = std::make_unique<Evaluated>();
  FAXIAN_TRY_ASSIGN(evaluated->inputs, screen::load_screening_inputs(db));
  screen::ScreeningRequest request;
  request.as_of = as_of;
  request.known_at = known_at;
  FAXIAN_TRY_ASSIGN(evaluated->screening, screen::run_screening(db, evaluated->inputs, request));
  return evaluated;
}

int run_screen(const GlobalOptions& global, const ScreenOptions& options) {
  SystemClock clock;
  auto as_of = as_of_or_today(options.as_of, clock);
  if (!as_of)
    return report_error(global, as_of.error());
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  auto job = screen::screen_and_store(
      **db, clock, *as_of, options.full ? screen::JobMode::kFull : screen::JobMode::kAuto);
  if (!job)
    return report_error(global, job.error());
  if (global.json)
    std::cout << job_summary_json(*job).dump(2) << "\n";
  else
    print_job_summary(global, *job);
  // 30-screening.md: a new need warning opens a lead in the township's inbox.
  if (auto leads = open_warning_leads(global, **db, clock); !leads)
    return report_error(global, leads.error());
  return kExitOk;
}

// The stored open warnings when the last run was as of `as_of`; otherwise a fresh evaluation
// as of that date (not stored; first detected on it).
Result<std::vector<Warning>> warnings_as_of(Database& db, const Clock& clock,
                                            std::optional<Date> as_of,
                                            std::optional<WarningKind> kind,
                                            std::optional<int64_t> known_at) {
  WarningRepository repository(db, clock);
  std::optional<ScreeningRun> last;
  FAXIAN_TRY_ASSIGN(last, repository.latest_run());
  if (last && !known_at && (!as_of || *as_of == last->as_of)) {
    WarningQuery query;
    query.kind = kind;
    return repository.list(query);
  }
  auto evaluated = evaluate(db, as_of.value_or(clock.today()), known_at);
  if (!evaluated)
    return tl::unexpected(evaluated.error());
  std::vector<WarningFinding> findings;
  for (WarningFinding& finding : (*evaluated)->screening.result.findings)
    if (!kind || finding.kind == *kind)
      findings.push_back(std::move(finding));
  return warnings_from_findings(findings, as_of.value_or(clock.today()),
                                (*evaluated)->inputs.rule_set_version);
}

int run_warnings(const GlobalOptions& global, const ScreenOptions& options) {
  SystemClock clock;
  std::optional<Date> as_of;
  if (!options.as_of.empty()) {
    auto parsed = as_of_or_today(options.as_of, clock);
    if (!parsed)
      return report_error(global, parsed.error());
    as_of = *parsed;
  }
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  std::optional<WarningKind> kind;
  if (!options.kind.empty())
    kind = options.kind == "need" ? WarningKind::kNeed : WarningKind::kReview;
  auto known_at = parse_known_at(options.known_at);
  if (!known_at)
    return report_error(global, known_at.error());
  auto warnings = warnings_as_of(**db, clock, as_of, kind, *known_at);
  if (!warnings)
    return report_error(global, warnings.error());
  if (options.format == "json")
    write_warnings_json(std::cout, *warnings);
  else
    write_warnings_csv(std::cout, *warnings);
  return kExitOk;
}

}  // namespace

void register_screen_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto options = std::make_shared<ScreenOptions>();
  CLI::App* screen = app.add_subcommand("screen", "风险筛查 (run screening)");
  screen->add_option("--as-of", options->as_of, "筛查基准日 YYYY-MM-DD（默认今天）");
  screen->add_flag("--full", options->full, "全量筛查 / re-evaluate every household");
  screen->callback([&global, &exit_code, options] { exit_code = run_screen(global, *options); });

  auto list = std::make_shared<ScreenOptions>();
  CLI::App* warnings = app.add_subcommand("warnings", "输出预警 (write open warnings)");
  warnings->add_option("--as-of", list->as_of, "筛查基准日 YYYY-MM-DD（默认今天）");
  warnings->add_option("--kind", list->kind, "need | review")
      ->check(CLI::IsMember({"need", "review"}));
  warnings->add_option(
      "--known-at", list->known_at,
      "只用此时刻前已导入的数据 / replay what was known at \"YYYY-MM-DD HH:MM:SS\"");
  warnings->add_option("--format", list->format, "csv | json")
      ->check(CLI::IsMember({"csv", "json"}));
  warnings->callback([&global, &exit_code, list] { exit_code = run_warnings(global, *list); });
}

}  // namespace faxian::cli
