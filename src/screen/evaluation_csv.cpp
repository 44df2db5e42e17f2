// write_eval_csv: the evaluation report as CSV files, one per breakdown.

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "common/file_util.hpp"
#include "screen/evaluation.hpp"

namespace faxian::screen {
namespace {

constexpr std::string_view kHeader = "group,key,label,tp,fp,fn,tn,recall,precision,f1,flag\n";

// RFC 4180: quoted when the text holds a comma, a quote or a line break.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string ratio_field(std::optional<double> value) {
  return value ? fmt::format("{:.4f}", *value) : "";
}

std::string flag_field(bool recall_gap, bool precision_gap) {
  if (recall_gap && precision_gap)
    return "recall;precision";
  if (recall_gap)
    return "recall";
  return precision_gap ? "precision" : "";
}

std::string csv_row(std::string_view group, std::string_view key, std::string_view label,
                    const EvalCounts& counts, std::string_view flag) {
  return fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", group, csv_field(key), csv_field(label),
                     counts.tp, counts.fp, counts.fn, counts.tn, ratio_field(recall(counts)),
                     ratio_field(precision(counts)), ratio_field(f1(counts)), flag);
}

std::string groups_csv(std::string_view group, const std::vector<GroupEval>& groups) {
  std::string text(kHeader);
  for (const GroupEval& entry : groups) {
    text += csv_row(group, entry.key, entry.label, entry.counts,
                    flag_field(entry.recall_gap, entry.precision_gap));
  }
  return text;
}

std::string rules_csv(const std::vector<RuleEval>& rules) {
  std::string text(kHeader);
  for (const RuleEval& rule : rules)
    text += csv_row("rule", rule_code(rule.rule), rule_code(rule.rule), rule.counts, "");
  return text;
}

std::string latency_csv(const EvalLatency& latency) {
  const std::string median = latency.median_days ? fmt::format("{:g}", *latency.median_days) : "";
  const std::string max = latency.max_days ? std::to_string(*latency.max_days) : "";
  return fmt::format("warnings,median_days,max_days\n{},{},{}\n", latency.warnings, median, max);
}

Result<void> make_folder(const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return fail(ErrorCode::kIo, fmt::format("无法创建输出目录 {}", dir),
                fmt::format("cannot create {}: {}", dir, error.message()));
  }
  return ok();
}

}  // namespace

Result<void> write_eval_csv(const EvalReport& report, const std::string& dir) {
  FAXIAN_TRY(make_folder(dir));
  const std::vector<std::pair<std::string, std::string>> files = {
      {"overall.csv", std::string(kHeader) + csv_row("overall", "all", "总体", report.overall, "")},
      {"by_rule.csv", rules_csv(report.by_rule)},
      {"by_township.csv", groups_csv("township", report.by_township)},
      {"by_ethnicity.csv", groups_csv("ethnicity", report.by_ethnicity)},
      {"by_age_band.csv", groups_csv("age_band", report.by_age_band)},
      {"latency.csv", latency_csv(report.latency)},
  };
  for (const auto& [name, text] : files)
    FAXIAN_TRY(write_file_atomic((std::filesystem::path(dir) / name).string(), text));
  return ok();
}

}  // namespace faxian::screen
