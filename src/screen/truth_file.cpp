#include "screen/truth_file.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_set>

#include <fmt/format.h>

#include "common/text.hpp"
#include "ingest/table_reader.hpp"

namespace faxian::screen {
namespace {

constexpr std::array<std::string_view, 3> kHeader = {"household_no", "in_need", "reasons"};

tl::unexpected<Error> line_error(int64_t line, std::string_view zh, std::string_view en) {
  return fail(ErrorCode::kInvalidArgument, fmt::format("真值文件第 {} 行：{}", line, zh),
              fmt::format("truth file line {}: {}", line, en));
}

std::string_view cell_text(const ingest::TableRow& row, size_t column) {
  return column < row.cells.size() ? trim(row.cells[column].text) : std::string_view();
}

Result<void> check_header(const ingest::TableRow& row) {
  bool matches = row.problem.empty() && row.cells.size() == kHeader.size();
  for (size_t column = 0; matches && column < kHeader.size(); ++column)
    matches = cell_text(row, column) == kHeader[column];
  if (matches)
    return ok();
  return line_error(row.line, "表头应为 household_no,in_need,reasons",
                    "the header must be household_no,in_need,reasons");
}

Result<bool> parse_in_need(const ingest::TableRow& row) {
  const std::string_view text = cell_text(row, 1);
  if (text == "1")
    return true;
  if (text == "0")
    return false;
  return line_error(row.line, fmt::format("in_need「{}」应为 1 或 0", text),
                    "in_need must be 1 or 0");
}

// "R01;R03;V01" → ascending ids without repeats; empty pieces (a trailing ';') are ignored.
Result<std::vector<RuleId>> parse_reasons(const ingest::TableRow& row) {
  std::vector<RuleId> reasons;
  std::string_view rest = cell_text(row, 2);
  while (!rest.empty()) {
    const size_t end = std::min(rest.find(';'), rest.size());
    const std::string_view piece = trim(rest.substr(0, end));
    rest = end < rest.size() ? rest.substr(end + 1) : std::string_view();
    if (piece.empty())
      continue;
    auto rule = find_rule(piece);
    if (!rule) {
      return line_error(row.line, fmt::format("规则编号「{}」不存在（应为 R01–R15 或 V01）", piece),
                        fmt::format("unknown rule id '{}'", piece));
    }
    reasons.push_back(*rule);
  }
  std::sort(reasons.begin(), reasons.end());
  reasons.erase(std::unique(reasons.begin(), reasons.end()), reasons.end());
  return reasons;
}

Result<TruthRow> parse_row(const ingest::TableRow& row) {
  if (!row.problem.empty())
    return line_error(row.line, row.problem, "the row could not be read");
  for (size_t column = kHeader.size(); column < row.cells.size(); ++column) {
    if (!cell_text(row, column).empty())
      return line_error(row.line, "列数多于表头（3 列）", "more cells than the header");
  }
  TruthRow truth;
  truth.household_no = std::string(cell_text(row, 0));
  if (truth.household_no.empty())
    return line_error(row.line, "户号（household_no）为空", "empty household_no");
  FAXIAN_TRY_ASSIGN(truth.in_need, parse_in_need(row));
  FAXIAN_TRY_ASSIGN(truth.reasons, parse_reasons(row));
  return truth;
}

Result<std::vector<TruthRow>> read_truth(ingest::TableReader& reader) {
  ingest::TableRow row;
  auto has_header = reader.next(row);
  if (!has_header)
    return tl::unexpected(has_header.error());
  if (!*has_header)
    return fail(ErrorCode::kInvalidArgument, "真值文件为空", "the truth file is empty");
  FAXIAN_TRY(check_header(row));
  std::vector<TruthRow> rows;
  std::unordered_set<std::string> seen;
  while (true) {
    auto has_row = reader.next(row);
    if (!has_row)
      return tl::unexpected(has_row.error());
    if (!*has_row)
      return rows;
    auto truth = parse_row(row);
    if (!truth)
      return tl::unexpected(truth.error());
    if (!seen.insert(truth->household_no).second) {
      return line_error(row.line, fmt::format("户号 {} 重复出现", truth->household_no),
                        "a household is listed twice");
    }
    rows.push_back(std::move(*truth));
  }
}

}  // namespace

Result<std::vector<TruthRow>> parse_truth_csv(std::string_view text) {
  auto reader = ingest::open_table_bytes(text);
  if (!reader)
    return tl::unexpected(reader.error());
  return read_truth(**reader);
}

Result<std::vector<TruthRow>> load_truth_file(const std::string& path) {
  auto reader = ingest::open_table_file(path);
  if (!reader)
    return tl::unexpected(reader.error());
  return read_truth(**reader);
}

}  // namespace faxian::screen
