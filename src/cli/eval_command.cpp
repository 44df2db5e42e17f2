// faxian eval --truth FILE [--as-of DATE] [--out DIR]
// Screens as of D (default: the last run's date, else today), compares the need warnings with
// a ground-truth file and prints recall, precision and F1 overall, per rule, per township,
// ethnicity and age band of the head, and the days from event to first warning.

#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "cli/screen_dates.hpp"
#include "common/clock.hpp"
#include "screen/evaluation.hpp"
#include "screen/household_attributes.hpp"
#include "screen/screening_service.hpp"
#include "screen/truth_file.hpp"
#include "store/warning_repository.hpp"

namespace faxian::cli {
namespace {

struct EvalArgs {
  std::string truth;
  std::string as_of;
  std::string out;
};

// When the stored warnings are of the same date, their first-detected dates; else D.
Result<std::map<std::pair<std::string, WarningKind>, Date>> first_detected_dates(Database& db,
                                                                                 const Clock& clock,
                                                                                 Date as_of) {
  std::map<std::pair<std::string, WarningKind>, Date> dates;
  WarningRepository repository(db, clock);
  std::optional<ScreeningRun> last;
  FAXIAN_TRY_ASSIGN(last, repository.latest_run());
  if (!last || last->as_of != as_of)
    return dates;
  std::vector<Warning> stored;
  FAXIAN_TRY_ASSIGN(stored, repository.list(WarningQuery{}));
  for (const Warning& warning : stored)
    dates[{warning.finding.household_no, warning.finding.kind}] = warning.first_detected;
  return dates;
}

std::vector<screen::EvalPrediction> predictions_of(
    std::span<const WarningFinding> findings, Date as_of,
    const std::map<std::pair<std::string, WarningKind>, Date>& first_detected) {
  std::vector<screen::EvalPrediction> predictions;
  for (const WarningFinding& finding : findings) {
    screen::EvalPrediction prediction;
    prediction.household_no = finding.household_no;
    auto found = first_detected.find({finding.household_no, finding.kind});
    prediction.first_detected = found == first_detected.end() ? as_of : found->second;
    for (const FiredRule& fired : finding.rules) {
      (finding.kind == WarningKind::kNeed ? prediction.need_rules : prediction.review_rules)
          .push_back(fired.rule);
      // The event that created the need: the latest record that made a need rule fire.
      if (finding.kind == WarningKind::kNeed)
        for (const Evidence& evidence : fired.evidence)
          if (!prediction.event_date || evidence.date > *prediction.event_date)
            prediction.event_date = evidence.date;
    }
    predictions.push_back(std::move(prediction));
  }
  return predictions;
}

Result<screen::EvalReport> evaluate_against_truth(Database& db, const Clock& clock,
                                                  const EvalArgs& args, Date as_of) {
  std::vector<screen::TruthRow> truth;
  FAXIAN_TRY_ASSIGN(truth, screen::load_truth_file(args.truth));
  screen::ScreeningInputs inputs;
  FAXIAN_TRY_ASSIGN(inputs, screen::load_screening_inputs(db));
  screen::ScreeningRequest request;
  request.as_of = as_of;
  screen::Screening screening;
  FAXIAN_TRY_ASSIGN(screening, screen::run_screening(db, inputs, request));
  std::map<std::pair<std::string, WarningKind>, Date> first_detected;
  FAXIAN_TRY_ASSIGN(first_detected, first_detected_dates(db, clock, as_of));
  auto predictions = predictions_of(screening.result.findings, as_of, first_detected);
  std::unordered_map<std::string, screen::HouseholdAttributes> attributes;
  FAXIAN_TRY_ASSIGN(attributes, screen::load_household_attributes(db, as_of));
  return screen::evaluate(predictions, truth, attributes);
}

int run_eval(const GlobalOptions& global, const EvalArgs& args) {
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  auto as_of = as_of_or_last_run(**db, clock, args.as_of);
  if (!as_of)
    return report_error(global, as_of.error());
  auto report = evaluate_against_truth(**db, clock, args, *as_of);
  if (!report)
    return report_error(global, report.error());
  fmt::print("{} {}\n", say(global, "评估基准日", "evaluated as of"), as_of->iso());
  std::cout << screen::format_eval_table(*report, message_language(global));
  if (!args.out.empty()) {
    auto written = screen::write_eval_csv(*report, args.out);
    if (!written)
      return report_error(global, written.error());
    fmt::print("{} {}\n", say(global, "评估结果已写入", "CSV written to"), args.out);
  }
  return kExitOk;
}

}  // namespace

void register_eval_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* command =
      app.add_subcommand("eval", "评估预警与真值文件的一致性 (recall / precision / F1)");
  command->add_option("--truth", args->truth, "真值文件 truth.csv")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--as-of", args->as_of, "评估基准日 YYYY-MM-DD");
  command->add_option("--out", args->out, "CSV 输出目录");
  command->callback([&global, &exit_code, args] { exit_code = run_eval(global, *args); });
}

}  // namespace faxian::cli
