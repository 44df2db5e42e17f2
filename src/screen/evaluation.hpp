#pragma once
// `faxian eval`: the engine's warnings against a ground-truth file (30-screening.md
// "Evaluation and fairness"). Recall, precision and F1 of need warnings overall, per rule, per
// township, per ethnicity and per age band of the household head, with subgroups whose recall
// or precision falls well below the overall figure flagged (差距较大); and the days from the
// event that created a need to its first warning. Pure computation: the caller reads the
// warnings, the truth file (truth_file.hpp) and the attributes (household_attributes.hpp).
//
// Counting. A household is a positive when its truth row says in_need = 1 and is predicted when
// it has a need warning (need_rules not empty); a rule is a positive when the truth row lists
// it and predicted when it fired. Households with a warning but no truth row count only as
// false positives (every rule they fired; the need when they have a need warning) and are
// reported in `unknown_to_truth`; they add nothing to TN. A household without attributes is in
// the 未知 subgroup of each breakdown.
//
// Ratios whose denominator is 0 are undefined (nullopt, printed "—", an empty CSV cell):
// recall without positives, precision without predictions, F1 with neither (F1 is
// 2·TP / (2·TP + FP + FN), so it is 0, not undefined, when only one side is empty).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/rule_set.hpp"
#include "ingest/feed_parser.hpp"
#include "screen/household_attributes.hpp"
#include "screen/truth_file.hpp"

namespace faxian::screen {

// What screening says about one household that has any open warning.
struct EvalPrediction {
  std::string household_no{};
  std::vector<RuleId> need_rules{};    // fired need rules (R01–R15); empty: no need warning
  std::vector<RuleId> review_rules{};  // fired review rules (V01)
  // Latest evidence date of the fired rules: the event that created the need.
  std::optional<Date> event_date{};
  Date first_detected{};  // as-of date of the run that first raised the need warning
};

struct EvalCounts {
  int64_t tp = 0;
  int64_t fp = 0;
  int64_t fn = 0;
  int64_t tn = 0;

  int64_t total() const { return tp + fp + fn + tn; }
  bool operator==(const EvalCounts&) const = default;
};

// TP / (TP + FN); nullopt when there are no positives.
std::optional<double> recall(const EvalCounts& counts);
// TP / (TP + FP); nullopt when nothing was predicted.
std::optional<double> precision(const EvalCounts& counts);
// 2·TP / (2·TP + FP + FN); nullopt when there are neither positives nor predictions.
std::optional<double> f1(const EvalCounts& counts);

struct RuleEval {
  RuleId rule = RuleId::kR01;
  EvalCounts counts;
};

// The household need metrics of one subgroup.
struct GroupEval {
  std::string key;    // township code, ethnicity key, age band key, or "unknown"
  std::string label;  // Chinese: township name, 土家族, 60-69岁, 未知
  EvalCounts counts;
  // Recall / precision more than EvalOptions::gap_basis_points below the overall figure
  // (never when either figure is undefined).
  bool recall_gap = false;
  bool precision_gap = false;

  bool flagged() const { return recall_gap || precision_gap; }
};

// Days from the event that created a need to the first warning, over true-positive need
// warnings that have an event date (a warning raised before its latest evidence counts 0).
struct EvalLatency {
  int64_t warnings = 0;
  std::optional<double> median_days;  // the mean of the two middle values for an even count
  std::optional<int> max_days;
};

struct EvalOptions {
  // A subgroup is flagged when its recall or precision is more than this far below the
  // overall figure; 500 = 5 percentage points (exactly 5 points is not flagged).
  int gap_basis_points = 500;
};

struct EvalReport {
  EvalCounts overall;
  std::vector<RuleEval> by_rule;        // R01 … R15, V01
  std::vector<GroupEval> by_township;   // by code, 未知 last
  std::vector<GroupEval> by_ethnicity;  // most households first, 未知 last
  std::vector<GroupEval> by_age_band;   // youngest first, 未知 last
  EvalLatency latency;
  int64_t truth_households = 0;
  int64_t predicted_households = 0;  // distinct households with any warning
  int64_t unknown_to_truth = 0;      // of those, households the truth file does not list
  int64_t without_attributes =
      0;  // households counted in a breakdown as 未知 for want of attributes
  int gap_basis_points = 500;
};

// Compares predictions (at most one per household is expected; repeats are merged: rules
// united, and over the entries with need rules the latest event date and the earliest first
// detection) with the truth rows.
EvalReport evaluate(std::span<const EvalPrediction> predictions, std::span<const TruthRow> truth,
                    const std::unordered_map<std::string, HouseholdAttributes>& attributes,
                    const EvalOptions& options = {});

// The report as an aligned text table: a summary line, overall, per rule, per township,
// ethnicity and age band (flagged rows marked 差距较大 / "large gap"), then the latency.
// Chinese by default; English headings with --lang en (township names stay Chinese).
std::string format_eval_table(const EvalReport& report,
                              ingest::MessageLanguage language = ingest::MessageLanguage::kChinese);

// Writes overall.csv, by_rule.csv, by_township.csv, by_ethnicity.csv, by_age_band.csv
// (header `group,key,label,tp,fp,fn,tn,recall,precision,f1,flag`; ratios with 4 decimals,
// undefined ones empty; flag "recall", "precision", "recall;precision" or empty) and
// latency.csv (`warnings,median_days,max_days`) into `dir`, creating it if needed. Each file
// is replaced atomically. kIo on failure.
Result<void> write_eval_csv(const EvalReport& report, const std::string& dir);

}  // namespace faxian::screen
