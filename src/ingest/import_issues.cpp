#include "ingest/import_issues.hpp"

#include <fmt/format.h>

namespace faxian::ingest {
namespace {

bool english(MessageLanguage language) {
  return language == MessageLanguage::kEnglish;
}

BatchRowIssue issue(int64_t line, std::string_view column, std::string_view code,
                    std::string message) {
  return BatchRowIssue{line, std::string(column), std::string(code), std::move(message)};
}

}  // namespace

BatchRowIssue unknown_village_issue(int64_t line, std::string_view column,
                                    std::string_view village_code, MessageLanguage language) {
  return issue(
      line, column, import_code::kUnknownVillage,
      english(language)
          ? fmt::format("village code {} is not a village of the loaded regions", village_code)
          : fmt::format("村社区代码 {} 不在已加载的行政区划中，请核对代码", village_code));
}

BatchRowIssue end_before_start_issue(int64_t line, std::string_view column,
                                     MessageLanguage language) {
  return issue(
      line, column, import_code::kEndBeforeStart,
      english(language) ? "the end date is before the start date" : "结束日期早于开始日期");
}

BatchRowIssue empty_file_issue(MessageLanguage language) {
  return issue(0, "", import_code::kEmptyFile,
               english(language) ? "the file is empty: no header row" : "文件为空：没有表头行");
}

BatchRowIssue file_issue(std::string_view code, std::string message) {
  return issue(0, "", code, std::move(message));
}

BatchRowIssue too_many_errors_issue(int64_t kept, int64_t dropped, MessageLanguage language) {
  return issue(
      0, "", import_code::kTooManyErrors,
      english(language)
          ? fmt::format("{} more row errors are not listed (only the first {} are)", dropped, kept)
          : fmt::format("另有 {} 条行错误未列出（仅列出前 {} 条）", dropped, kept));
}

}  // namespace faxian::ingest
