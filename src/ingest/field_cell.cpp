#include "ingest/field_cell.hpp"

#include <cmath>

#include <fmt/format.h>

#include "common/text.hpp"

namespace faxian::ingest {
namespace {

constexpr std::size_t kShownCodePoints = 40;
constexpr double kExactIntegerLimit = 9007199254740992.0;  // 2^53

// "-12", "3.50", "+7": optional sign, digits, optional '.' and digits.
bool is_plain_decimal(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+'))
    text.remove_prefix(1);
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos)
    return is_ascii_digits(text);
  return is_ascii_digits(text.substr(0, dot)) &&
         (dot + 1 == text.size() || is_ascii_digits(text.substr(dot + 1)));
}

std::string_view kind_name_zh(CellKind kind) {
  switch (kind) {
    case CellKind::kEmpty:
      return "空白";
    case CellKind::kText:
      return "文本";
    case CellKind::kNumber:
      return "数字";
    case CellKind::kDate:
      return "日期";
    case CellKind::kBool:
      return "逻辑值";
    case CellKind::kError:
      return "错误值";
  }
  return "未知";
}

std::string_view kind_name_en(CellKind kind) {
  switch (kind) {
    case CellKind::kEmpty:
      return "blank";
    case CellKind::kText:
      return "text";
    case CellKind::kNumber:
      return "number";
    case CellKind::kDate:
      return "date";
    case CellKind::kBool:
      return "boolean";
    case CellKind::kError:
      return "error";
  }
  return "unknown";
}

}  // namespace

bool is_blank(const Cell& cell) {
  if (cell.kind == CellKind::kEmpty)
    return true;
  return cell.kind == CellKind::kText && trim(cell.text).empty();
}

std::string_view trimmed_text(const Cell& cell) {
  return trim(cell.text);
}

bool has_full_width(std::string_view text) {
  for (std::size_t pos = 0; pos + 2 < text.size(); ++pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const auto second = static_cast<unsigned char>(text[pos + 1]);
    if (lead == 0xEF && (second == 0xBC || second == 0xBD))
      return true;
    if (lead == 0xE3 && second == 0x80 && static_cast<unsigned char>(text[pos + 2]) == 0x80)
      return true;
  }
  return false;
}

bool is_ascii_digits(std::string_view text) {
  if (text.empty())
    return false;
  for (char c : text) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

bool whole_number(const Cell& cell, int64_t& out) {
  const double value = cell.number;
  if (!std::isfinite(value) || std::fabs(value) >= kExactIntegerLimit ||
      std::floor(value) != value) {
    return false;
  }
  out = static_cast<int64_t>(value);
  return true;
}

std::string number_text(const Cell& cell) {
  const std::string_view stored = trim(cell.text);
  if (is_plain_decimal(stored))
    return std::string(stored);
  int64_t whole = 0;
  if (whole_number(cell, whole))
    return fmt::format("{}", whole);
  return std::string(stored);
}

FieldError error_cell_error(const Cell& cell) {
  const std::string_view text = trim(cell.text);
  if (text.starts_with("#")) {
    return {issue_code::kCellError,
            fmt::format("单元格是 Excel 错误值「{}」，请在原表中改正公式或填入数值", shown(text)),
            fmt::format("the cell holds the Excel error value “{}”", shown(text))};
  }
  return bad_encoding_error();
}

FieldError bad_encoding_error() {
  return {issue_code::kBadEncoding,
          "含有无法识别的字符（文件编码错误或内容损坏），请以 UTF-8 或 GB18030 编码重新导出",
          "the cell holds bytes that are not valid in the file's encoding"};
}

FieldError wrong_kind_error(const Cell& cell, std::string_view code, std::string_view expected_zh,
                            std::string_view expected_en) {
  if (cell.kind == CellKind::kError)
    return error_cell_error(cell);
  return {code,
          fmt::format("单元格是{}格式（{}），应为{}", kind_name_zh(cell.kind),
                      shown(trim(cell.text)), expected_zh),
          fmt::format("the cell is a {} cell (“{}”); expected {}", kind_name_en(cell.kind),
                      shown(trim(cell.text)), expected_en)};
}

std::string shown(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  std::size_t count = 0;
  while (pos < text.size()) {
    if (count == kShownCodePoints) {
      out += "…";
      break;
    }
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp == kInvalidUtf8 || cp == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else {
      out.append(text.substr(start, pos - start));
    }
    ++count;
  }
  return out;
}

std::string shown_masked(std::string_view text) {
  const std::string value = shown(text);
  std::size_t digits = 0;
  std::size_t total = 0;
  for (std::size_t pos = 0; pos < value.size(); ++total) {
    const char32_t cp = next_code_point(value, pos);
    digits += ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)) ? 1 : 0;
  }
  if (digits < 10 || total <= 10)
    return value;
  std::string out;
  std::size_t pos = 0;
  for (std::size_t index = 0; index < total; ++index) {
    const std::size_t start = pos;
    next_code_point(value, pos);
    if (index < 6 || index + 4 >= total) {
      out.append(value, start, pos - start);
    } else {
      out += '*';
    }
  }
  return out;
}

}  // namespace faxian::ingest
