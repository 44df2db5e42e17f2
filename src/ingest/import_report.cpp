#include "ingest/import_report.hpp"

#include <fmt/format.h>

namespace faxian::ingest {
namespace {

bool english(MessageLanguage language) {
  return language == MessageLanguage::kEnglish;
}

// 1234567 → "1,234,567".
std::string grouped(int64_t number) {
  std::string digits = std::to_string(number < 0 ? -number : number);
  std::string out;
  for (std::size_t index = 0; index < digits.size(); ++index) {
    if (index > 0 && (digits.size() - index) % 3 == 0)
      out += ',';
    out += digits[index];
  }
  return number < 0 ? "-" + out : out;
}

std::string issue_line(const BatchRowIssue& issue, MessageLanguage language) {
  std::string where;
  if (issue.row > 0)
    where =
        english(language) ? fmt::format("row {}", issue.row) : fmt::format("第 {} 行", issue.row);
  else
    where = english(language) ? "file" : "文件";
  if (!issue.column.empty())
    where += fmt::format(" [{}]", issue.column);
  return fmt::format("  {} {}: {}\n", where, issue.code, issue.message);
}

void append_issues(std::string& out, const std::vector<BatchRowIssue>& issues, int listed,
                   std::string_view title_zh, std::string_view title_en, MessageLanguage language) {
  if (issues.empty())
    return;
  const auto shown = std::min<std::size_t>(issues.size(), static_cast<std::size_t>(listed));
  if (english(language)) {
    out += fmt::format("{} (first {} of {}; --json lists all):\n", title_en, shown, issues.size());
  } else {
    out += fmt::format("{}（前 {} 条，共 {} 条；--json 列出全部）：\n", title_zh, shown,
                       issues.size());
  }
  for (std::size_t index = 0; index < shown; ++index)
    out += issue_line(issues[index], language);
}

nlohmann::json issues_json(const std::vector<BatchRowIssue>& issues) {
  nlohmann::json list = nlohmann::json::array();
  for (const BatchRowIssue& issue : issues) {
    list.push_back({{"row", issue.row},
                    {"column", issue.column},
                    {"code", issue.code},
                    {"message", issue.message}});
  }
  return list;
}

double rows_per_second(const ImportOutcome& outcome) {
  return outcome.seconds > 0 ? static_cast<double>(outcome.batch.rows) / outcome.seconds : 0;
}

}  // namespace

std::string format_import_report(const ImportOutcome& outcome, MessageLanguage language,
                                 int errors_listed) {
  const ImportBatch& batch = outcome.batch;
  std::string out;
  if (english(language)) {
    out += fmt::format("batch #{}  {} ({})  file {}\n", batch.id, enum_alias(batch.feed),
                       enum_label(batch.feed), batch.file_name);
    out += fmt::format("status: {}  sha256 {}  department {}  by {}\n", enum_key(batch.status),
                       batch.sha256, batch.department, batch.imported_by);
    out += fmt::format("rows {}  imported {}  duplicates {}  rejected {}  warnings {}\n",
                       grouped(batch.rows), grouped(batch.imported), grouped(batch.duplicates),
                       grouped(batch.rejected), batch.warnings.size());
    out += fmt::format(
        "new registered persons {}  new unregistered persons {}  hotline candidates {}  {:.1f} s "
        "({} rows/s)\n",
        outcome.persons_registered, outcome.persons_created, outcome.hotline_candidates,
        outcome.seconds, grouped(static_cast<int64_t>(rows_per_second(outcome))));
  } else {
    out += fmt::format("导入批次 #{}  {}（{}）  文件 {}\n", batch.id, enum_label(batch.feed),
                       enum_key(batch.feed), batch.file_name);
    out += fmt::format("状态：{}  SHA-256 {}  部门 {}  导入人 {}\n", enum_label(batch.status),
                       batch.sha256, batch.department, batch.imported_by);
    out += fmt::format("行数 {}  导入 {}  重复 {}  拒绝 {}  警告 {}\n", grouped(batch.rows),
                       grouped(batch.imported), grouped(batch.duplicates), grouped(batch.rejected),
                       batch.warnings.size());
    out += fmt::format(
        "新建户籍人员 {}  新建未登记人员 {}  热线候选人 {}  用时 {:.1f} 秒（每秒 {} 行）\n",
        outcome.persons_registered, outcome.persons_created, outcome.hotline_candidates,
        outcome.seconds, grouped(static_cast<int64_t>(rows_per_second(outcome))));
  }
  append_issues(out, batch.errors, errors_listed, "错误", "errors", language);
  append_issues(out, batch.warnings, errors_listed, "警告", "warnings", language);
  return out;
}

nlohmann::json import_report_json(const ImportOutcome& outcome) {
  const ImportBatch& batch = outcome.batch;
  nlohmann::json json = {
      {"batch_id", batch.id},
      {"feed", enum_key(batch.feed)},
      {"file_name", batch.file_name},
      {"sha256", batch.sha256},
      {"department", batch.department},
      {"imported_by", batch.imported_by},
      {"started_at", batch.started_at},
      {"status", enum_key(batch.status)},
      {"rows", batch.rows},
      {"imported", batch.imported},
      {"duplicates", batch.duplicates},
      {"rejected", batch.rejected},
      {"warnings", issues_json(batch.warnings)},
      {"errors", issues_json(batch.errors)},
      {"persons_created", outcome.persons_created},
      {"persons_registered", outcome.persons_registered},
      {"hotline_candidates", outcome.hotline_candidates},
      {"issues_not_listed", outcome.issues_dropped},
      {"seconds", outcome.seconds},
  };
  json["finished_at"] = batch.finished_at ? nlohmann::json(*batch.finished_at) : nlohmann::json();
  return json;
}

std::string format_import_line(const ImportOutcome& outcome, MessageLanguage language) {
  const ImportBatch& batch = outcome.batch;
  if (english(language)) {
    return fmt::format("  {:<20} {:>10} rows {:>10} imported {:>8} duplicates {:>6} rejected  {}\n",
                       enum_key(batch.feed), grouped(batch.rows), grouped(batch.imported),
                       grouped(batch.duplicates), grouped(batch.rejected), enum_key(batch.status));
  }
  return fmt::format("  {:<20} 行数 {:>10}  导入 {:>10}  重复 {:>8}  拒绝 {:>6}  {}\n",
                     enum_key(batch.feed), grouped(batch.rows), grouped(batch.imported),
                     grouped(batch.duplicates), grouped(batch.rejected), enum_label(batch.status));
}

}  // namespace faxian::ingest
