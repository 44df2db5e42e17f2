#include "ingest/header_match.hpp"

#include <fmt/format.h>

#include "common/text.hpp"
#include "domain/enum_table.hpp"
#include "ingest/field_cell.hpp"
#include "ingest/field_error.hpp"

namespace faxian::ingest {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

// The schema column a header names, or -1.
int find_column(std::span<const ColumnName> columns, std::string_view text) {
  for (std::size_t index = 0; index < columns.size(); ++index) {
    const ColumnName& column = columns[index];
    if (text == column.zh || faxian::enum_detail::equals_ignore_case(text, column.alias))
      return static_cast<int>(index);
  }
  return -1;
}

// "身份证号（id_number）、姓名（name）" / "身份证号 (id_number), 姓名 (name)".
std::string column_list(std::span<const ColumnName> columns, std::span<const std::size_t> which,
                        MessageLanguage language) {
  std::string list;
  for (std::size_t index : which) {
    if (!list.empty())
      list += language == MessageLanguage::kEnglish ? ", " : "、";
    const ColumnName& column = columns[index];
    list += language == MessageLanguage::kEnglish
                ? fmt::format("{} ({})", column.alias, column.zh)
                : fmt::format("{}（{}）", column.zh, column.alias);
  }
  return list;
}

}  // namespace

std::string_view normalise_header_text(std::string_view text) {
  for (;;) {
    const std::string_view before = text;
    text = trim(text);
    while (text.starts_with(kBom))
      text.remove_prefix(kBom.size());
    while (text.starts_with(kNoBreakSpace))
      text.remove_prefix(kNoBreakSpace.size());
    while (text.ends_with(kNoBreakSpace))
      text.remove_suffix(kNoBreakSpace.size());
    if (text == before)
      return text;
  }
}

HeaderMatch match_header(std::span<const ColumnName> columns, const TableRow& header) {
  HeaderMatch match;
  match.file_index.assign(columns.size(), -1);
  for (const ColumnName& column : columns)
    match.written.emplace_back(column.zh);
  std::vector<bool> counted_twice(columns.size(), false);
  for (std::size_t cell_index = 0; cell_index < header.cells.size(); ++cell_index) {
    const std::string_view text = normalise_header_text(header.cells[cell_index].text);
    if (text.empty())
      continue;
    const int column = find_column(columns, text);
    if (column < 0) {
      match.unknown.emplace_back(static_cast<int>(cell_index), std::string(text));
      continue;
    }
    const auto index = static_cast<std::size_t>(column);
    if (match.file_index[index] >= 0) {
      if (!counted_twice[index])
        match.duplicated.push_back(index);
      counted_twice[index] = true;
      continue;
    }
    match.file_index[index] = static_cast<int>(cell_index);
    match.written[index] = std::string(text);
  }
  for (std::size_t index = 0; index < columns.size(); ++index) {
    if (columns[index].required && match.file_index[index] < 0)
      match.missing.push_back(index);
  }
  return match;
}

Result<void> header_error(std::span<const ColumnName> columns, const HeaderMatch& match,
                          const TableRow& header, MessageLanguage language) {
  const bool english = language == MessageLanguage::kEnglish;
  if (!header.problem.empty()) {
    return fail(ErrorCode::kInvalidArgument,
                english ? "the header row could not be read: " + header.problem
                        : "表头（第1行）无法读取：" + header.problem,
                "bad_row: header row unreadable");
  }
  if (match.missing.empty() && match.duplicated.empty())
    return ok();
  std::vector<std::string> parts_zh;
  std::vector<std::string> parts_en;
  if (!match.missing.empty()) {
    parts_zh.push_back("缺少必填列：" + column_list(columns, match.missing, language));
    parts_en.push_back("missing required columns: " +
                       column_list(columns, match.missing, MessageLanguage::kEnglish));
  }
  if (!match.duplicated.empty()) {
    parts_zh.push_back("列重复出现：" + column_list(columns, match.duplicated, language));
    parts_en.push_back("columns given more than once: " +
                       column_list(columns, match.duplicated, MessageLanguage::kEnglish));
  }
  const std::string code = std::string(match.missing.empty() ? issue_code::kDuplicateColumn
                                                             : issue_code::kMissingColumn);
  const std::string english_text = fmt::format("{}", fmt::join(parts_en, "; "));
  std::string message = english ? english_text : fmt::format("{}", fmt::join(parts_zh, "；"));
  if (!english)
    message += "。请检查表头（第1行）的列名，可用中文列名或英文别名";
  return fail(ErrorCode::kInvalidArgument, std::move(message), code + ": " + english_text);
}

std::vector<BatchRowIssue> header_warnings(const HeaderMatch& match, const TableRow& header,
                                           MessageLanguage language) {
  std::vector<BatchRowIssue> warnings;
  const int64_t row = header.line > 0 ? header.line : 1;
  for (const auto& [index, name] : match.unknown) {
    const std::string message =
        language == MessageLanguage::kEnglish
            ? fmt::format("column {} “{}” is not a column of this feed and was ignored", index + 1,
                          shown(name))
            : fmt::format("第 {} 列「{}」不是该数据类型的列，已忽略", index + 1, shown(name));
    warnings.push_back(BatchRowIssue{row, name, std::string(issue_code::kUnknownColumn), message});
  }
  return warnings;
}

}  // namespace faxian::ingest
