#include "ingest/field_text.hpp"

#include <fmt/format.h>

#include "common/text.hpp"
#include "domain/enum_table.hpp"
#include "ingest/field_cell.hpp"

namespace faxian::ingest {
namespace {

constexpr std::size_t kVillageCodeDigits = 12;

// Whether text is valid UTF-8 (as common/text.hpp's is_valid_utf8: no overlong forms, no
// surrogates, nothing above U+10FFFF), quickly: most cells are ASCII or 3-byte Chinese.
bool valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t pos = 0;
  while (pos < size) {
    const unsigned char lead = bytes[pos];
    if (lead < 0x80) {
      ++pos;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      low = lead == 0xE0 ? 0xA0 : 0x80;   // no overlong forms
      high = lead == 0xED ? 0x9F : 0xBF;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      low = lead == 0xF0 ? 0x90 : 0x80;
      high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      return false;
    }
    if (pos + length > size || bytes[pos + 1] < low || bytes[pos + 1] > high)
      return false;
    for (std::size_t next = 2; next < length; ++next) {
      if ((bytes[pos + next] & 0xC0) != 0x80)
        return false;
    }
    pos += length;
  }
  return true;
}

FieldResult<void> check_text(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    return field_fail(issue_code::kBadText, "含有不可见的空字符（NUL），请检查原文件",
                      "the text holds a NUL character");
  }
  if (!valid_utf8(text))
    return tl::unexpected(bad_encoding_error());
  return {};
}

FieldError bad_village_code(std::string_view value, std::size_t digits) {
  return {issue_code::kBadVillageCode,
          fmt::format("村社区代码「{}」应为12位数字（统计用区划代码），实际为{}位", shown(value),
                      digits),
          fmt::format("village code “{}” must be 12 digits (statistical division code), found {}",
                      shown(value), digits)};
}

// A number cell in a text column (户号, 联系电话, 结算单号 typed as numbers): its digits, or an
// error when Excel kept it in scientific notation with digits lost ("1.23457E+20").
FieldResult<std::string> text_of_number(const Cell& cell) {
  std::string text = number_text(cell);
  if (text.find_first_of("eE") == std::string::npos)
    return text;
  return field_fail(
      issue_code::kBadText,
      fmt::format("单元格被 Excel 存成了数字（{}），超过15位的数字已丢失，请把该列设为文本格式后"
                  "重新导出",
                  shown(text)),
      fmt::format("the cell was stored by Excel as the number {}: digits beyond the 15th are "
                  "lost; format the column as text and export again",
                  shown(text)));
}

std::size_t count_characters(std::string_view text) {
  return code_point_count(text);
}

}  // namespace

FieldResult<std::string> parse_text(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::kEmpty:
    case CellKind::kText:
    case CellKind::kDate:
    case CellKind::kBool: {
      const std::string_view text = trim(cell.text);
      auto checked = check_text(text);
      if (!checked)
        return tl::unexpected(checked.error());
      return std::string(text);
    }
    case CellKind::kNumber:
      return text_of_number(cell);
    case CellKind::kError:
      break;
  }
  return tl::unexpected(error_cell_error(cell));
}

FieldResult<std::string> parse_village_code(const Cell& cell) {
  if (cell.kind == CellKind::kNumber) {
    int64_t whole = 0;
    if (whole_number(cell, whole) && whole >= 100'000'000'000 && whole <= 999'999'999'999)
      return fmt::format("{}", whole);
    return tl::unexpected(bad_village_code(trim(cell.text), count_characters(trim(cell.text))));
  }
  if (cell.kind != CellKind::kText && cell.kind != CellKind::kEmpty) {
    return tl::unexpected(
        wrong_kind_error(cell, issue_code::kBadVillageCode, "12位数字", "12 digits"));
  }
  const std::string_view text = trim(cell.text);
  if (text.empty())
    return tl::unexpected(missing_value_error());
  std::string code = has_full_width(text) ? to_half_width(text) : std::string(text);
  if (code.size() != kVillageCodeDigits || !is_ascii_digits(code))
    return tl::unexpected(bad_village_code(text, count_characters(text)));
  return code;
}

FieldResult<SchoolYear> parse_school_year(const Cell& cell) {
  if (cell.kind == CellKind::kError)
    return tl::unexpected(error_cell_error(cell));
  const std::string_view text = trim(cell.text);
  if (text.empty())
    return tl::unexpected(missing_value_error());
  const std::string half = has_full_width(text) ? to_half_width(text) : std::string(text);
  auto year = SchoolYear::parse(trim(half));
  if (year)
    return *year;
  return field_fail(
      issue_code::kBadSchoolYear,
      fmt::format("学年「{}」无法识别，应为“2023-2024”（后一年为前一年加一）", shown(text)),
      fmt::format("school year “{}” not understood; write e.g. 2023-2024", shown(text)));
}

FieldResult<bool> parse_yes_no(const Cell& cell) {
  if (cell.kind == CellKind::kBool) {
    const std::string_view text = trim(cell.text);
    return text == "1" || faxian::enum_detail::equals_ignore_case(text, "true");
  }
  if (cell.kind == CellKind::kError)
    return tl::unexpected(error_cell_error(cell));
  const std::string_view text = trim(cell.text);
  if (text.empty())
    return tl::unexpected(missing_value_error());
  for (std::string_view yes : {"是", "yes", "y", "true"}) {
    if (text == yes || faxian::enum_detail::equals_ignore_case(text, yes))
      return true;
  }
  for (std::string_view no : {"否", "no", "n", "false"}) {
    if (text == no || faxian::enum_detail::equals_ignore_case(text, no))
      return false;
  }
  return field_fail(issue_code::kUnknownEnum,
                    fmt::format("「{}」无法识别，应为：是、否", shown(text)),
                    fmt::format("unknown value “{}”; expected 是 (yes) or 否 (no)", shown(text)));
}

}  // namespace faxian::ingest
