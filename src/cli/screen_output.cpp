#include "cli/screen_output.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/open_store.hpp"
#include "domain/enum_table.hpp"
#include "store/query.hpp"
#include "store/region_repository.hpp"

namespace faxian::cli {
namespace {

std::string rule_ids(const WarningFinding& finding) {
  std::string ids;
  for (const FiredRule& fired : finding.rules) {
    if (!ids.empty())
      ids += ';';
    ids += rule_code(fired.rule);
  }
  return ids;
}

std::string_view kind_key(WarningKind kind) {
  return kind == WarningKind::kNeed ? "need" : "review";
}

nlohmann::json evidence_json(const Evidence& evidence) {
  nlohmann::json item = {{"feed", feed_name(evidence.feed)},
                         {"record_id", evidence.record_id},
                         {"date", evidence.date.iso()}};
  item["amount"] = evidence.amount ? nlohmann::json(evidence.amount->yuan_string()) : nullptr;
  return item;
}

nlohmann::json warning_json(const Warning& warning) {
  const WarningFinding& f = warning.finding;
  nlohmann::json rules = nlohmann::json::array();
  for (const FiredRule& fired : f.rules) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const Evidence& item : fired.evidence)
      evidence.push_back(evidence_json(item));
    rules.push_back({{"rule", rule_code(fired.rule)},
                     {"points", fired.points},
                     {"evidence", evidence},
                     {"explanation", fired.explanation}});
  }
  nlohmann::json out = {{"id", warning.id},
                        {"household", f.household_no},
                        {"kind", kind_key(f.kind)},
                        {"rules", rules},
                        {"actions", f.actions},
                        {"departments", f.departments},
                        {"as_of", warning.as_of.iso()},
                        {"first_detected", warning.first_detected.iso()},
                        {"last_changed", warning.last_changed.iso()},
                        {"rule_set_version", warning.rule_set_version},
                        {"status", warning_status_key(warning.status)}};
  out["score"] = f.kind == WarningKind::kNeed ? nlohmann::json(f.score) : nullptr;
  out["level"] = f.level ? nlohmann::json(level_key(*f.level)) : nullptr;
  return out;
}

}  // namespace

void write_warnings_csv(std::ostream& out, std::span<const Warning> warnings) {
  out << "household_no,kind,level,score,rules,first_detected\n";
  for (const Warning& warning : warnings) {
    const WarningFinding& f = warning.finding;
    bool need = f.kind == WarningKind::kNeed;
    out << f.household_no << ',' << kind_key(f.kind) << ','
        << (need && f.level ? level_key(*f.level) : "") << ','
        << (need ? std::to_string(f.score) : "") << ',' << rule_ids(f) << ','
        << warning.first_detected.iso() << '\n';
  }
}

void write_warnings_json(std::ostream& out, std::span<const Warning> warnings) {
  nlohmann::json list = nlohmann::json::array();
  for (const Warning& warning : warnings)
    list.push_back(warning_json(warning));
  out << list.dump(2) << '\n';
}

std::vector<Warning> warnings_from_findings(std::span<const WarningFinding> findings, Date as_of,
                                            int rule_set_version) {
  std::vector<Warning> warnings;
  warnings.reserve(findings.size());
  for (const WarningFinding& finding : findings) {
    Warning warning;
    warning.finding = finding;
    warning.as_of = warning.first_detected = warning.last_changed = as_of;
    warning.rule_set_version = rule_set_version;
    warnings.push_back(std::move(warning));
  }
  std::sort(warnings.begin(), warnings.end(), [](const Warning& a, const Warning& b) {
    return std::pair(a.finding.household_no, a.finding.kind) <
           std::pair(b.finding.household_no, b.finding.kind);
  });
  return warnings;
}

void print_screening_summary(const GlobalOptions& global, const screen::Screening& screening) {
  std::array<size_t, 3> need{};
  size_t review = 0;
  for (const WarningFinding& finding : screening.result.findings) {
    if (finding.kind == WarningKind::kReview)
      ++review;
    else if (finding.level)
      ++need[static_cast<size_t>(*finding.level)];
  }
  fmt::print("{} {}：{} {}\n", say(global, "筛查基准日", "as of"), screening.parameters.as_of.iso(),
             say(global, "筛查家庭", "households screened"), screening.result.screened.size());
  fmt::print("{}：{} {}，{} {}，{} {}；{}：{}\n", say(global, "需求预警", "need warnings"),
             say(global, "红色", "red"), need[2], say(global, "橙色", "orange"), need[1],
             say(global, "黄色", "yellow"), need[0], say(global, "应退核查", "review"), review);
  fmt::print("{}：{:.2f} s，{}：{:.3f} s\n", say(global, "加载数据", "load"),
             screening.timings.load_seconds, say(global, "筛查", "screen"),
             screening.timings.screen_seconds);
  if (screening.parameters.disposable_gap)
    fmt::print(
        "{}\n",
        fmt::format(fmt::runtime(say(
                        global, "注意：救助标准文件缺少 {} 年居民人均可支配收入，暂用 {} 年数据",
                        "note: no disposable income for {}; using {}")),
                    screening.parameters.as_of.year() - 1, screening.parameters.disposable_year));
}

}  // namespace faxian::cli

namespace faxian::cli {

void print_job_summary(const GlobalOptions& global, const screen::JobOutcome& job) {
  fmt::print(
      "{}：{}（{} {}）\n", say(global, "筛查方式", "mode"),
      job.mode == RunMode::kFull ? say(global, "全量", "full") : say(global, "增量", "incremental"),
      say(global, "批次", "run"), job.run_id);
  print_screening_summary(global, job.screening);
  fmt::print("{}：{} {}，{} {}，{} {}，{} {}，{} {}\n", say(global, "预警变化", "changes"),
             say(global, "新增", "opened"), job.counts.opened, say(global, "升级", "escalated"),
             job.counts.escalated, say(global, "更新", "updated"), job.counts.updated,
             say(global, "解除", "cleared"), job.counts.cleared, say(global, "抑制", "suppressed"),
             job.counts.suppressed);
  fmt::print("{}：{:.3f} s，{}：{:.2f} s\n", say(global, "保存预警", "store"), job.store_seconds,
             say(global, "合计", "total"), job.total_seconds);
}

}  // namespace faxian::cli

namespace faxian::cli {

std::string pad_display(const std::string& text, int width) {
  int columns = 0;
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    columns += length >= 3 ? 2 : 1;
    i += static_cast<size_t>(length);
  }
  return text + std::string(static_cast<size_t>(std::max(0, width - columns)), ' ');
}

Result<void> print_warnings_by_township(const GlobalOptions& global, Database& db,
                                        const screen::JobOutcome& job) {
  std::map<std::string, std::string> name_of;
  FAXIAN_TRY_ASSIGN(name_of, RegionRepository(db).township_names());
  const screen::FeatureStore& store = job.screening.store;
  std::map<std::string, std::array<int, 3>> counts;  // township code → red, orange, yellow
  for (const WarningFinding& finding : job.screening.result.findings) {
    if (finding.kind != WarningKind::kNeed || !finding.level)
      continue;
    const auto& household = store.households[finding.household_id];
    auto& row = counts[store.townships[household.township]];
    ++row[2 - static_cast<int>(*finding.level)];
  }
  fmt::print("{:<14}{:>8}{:>8}{:>8}{:>8}\n", say(global, "乡镇（街道）", "township"),
             say(global, "红", "red"), say(global, "橙", "orange"), say(global, "黄", "yellow"),
             say(global, "合计", "total"));
  for (const auto& [code, row] : counts) {
    auto found = name_of.find(code);
    std::string name = found == name_of.end() ? code : found->second;
    fmt::print("{}{:>8}{:>8}{:>8}{:>8}\n", pad_display(name, 14), row[0], row[1], row[2],
               row[0] + row[1] + row[2]);
  }
  return ok();
}

}  // namespace faxian::cli

namespace faxian::cli {

nlohmann::json job_summary_json(const screen::JobOutcome& job) {
  const RunCounts& c = job.counts;
  return {{"run_id", job.run_id},
          {"mode", run_mode_key(job.mode)},
          {"as_of", job.screening.parameters.as_of.iso()},
          {"rule_set_version", job.inputs->rule_set_version},
          {"households_screened", c.households_screened},
          {"need", {{"red", c.need_red}, {"orange", c.need_orange}, {"yellow", c.need_yellow}}},
          {"review", c.review},
          {"opened", c.opened},
          {"escalated", c.escalated},
          {"updated", c.updated},
          {"cleared", c.cleared},
          {"suppressed", c.suppressed},
          {"disposable_income_year", job.screening.parameters.disposable_year},
          {"disposable_income_gap", job.screening.parameters.disposable_gap},
          {"seconds",
           {{"load", job.screening.timings.load_seconds},
            {"screen", job.screening.timings.screen_seconds},
            {"store", job.store_seconds},
            {"total", job.total_seconds}}}};
}

}  // namespace faxian::cli
