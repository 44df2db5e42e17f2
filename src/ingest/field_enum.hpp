#pragma once
// Enumerations from cells: the Chinese label, the English alias (ASCII case-insensitive) or the
// national code, as domain/enum_table.hpp's find_enum reads them; full-width letters and digits
// are read as ASCII; a number cell is read as its code ("15" 土家族, 2 → "02" 户主).

#include <string>
#include <string_view>

#include "common/text.hpp"
#include "domain/enum_table.hpp"
#include "ingest/field_cell.hpp"
#include "ingest/field_error.hpp"
#include "ingest/table_reader.hpp"

namespace faxian::ingest {

namespace enum_detail {

// The kUnknownEnum error for `value`, listing the accepted Chinese labels and English words.
FieldError unknown_enum_error(std::string_view value, std::string_view labels_zh,
                              std::string_view words_en);

// The accepted Chinese labels, "、"-joined; long lists (民族) end after ten with "等".
template <typename E>
std::string chinese_labels() {
  std::string list;
  int count = 0;
  for (const auto& entry : EnumTable<E>::entries()) {
    if (faxian::enum_detail::canonical(entry.value) != &entry)
      continue;
    if (++count > 10) {
      list += "等（或其代码）";
      break;
    }
    if (!list.empty())
      list += "、";
    list += entry.label;
  }
  return list;
}

// The accepted values in English: each value's alias, or its label and code when it has none.
template <typename E>
std::string english_words() {
  std::string list;
  int count = 0;
  for (const auto& entry : EnumTable<E>::entries()) {
    if (faxian::enum_detail::canonical(entry.value) != &entry)
      continue;
    if (++count > 10) {
      list += ", … (or their codes)";
      break;
    }
    if (!list.empty())
      list += ", ";
    list += entry.alias.empty() ? std::string(entry.label) : std::string(entry.alias);
    if (entry.alias.empty() && !entry.code.empty())
      list += "/" + std::string(entry.code);
  }
  return list;
}

template <typename E>
std::optional<E> find_in_text(std::string_view text) {
  if (auto value = find_enum<E>(text))
    return value;
  if (has_full_width(text))
    return find_enum<E>(to_half_width(text));
  return std::nullopt;
}

template <typename E>
std::optional<E> find_in_number(const Cell& cell) {
  const std::string code = number_text(cell);
  if (auto value = find_enum<E>(code))
    return value;
  if (code.size() == 1)
    return find_enum<E>("0" + code);  // a leading zero Excel dropped
  return std::nullopt;
}

}  // namespace enum_detail

// The value of a cell. Errors: kUnknownEnum (listing the accepted labels), kMissingValue for a
// blank cell, kCellError/kBadEncoding for an error cell.
template <typename E>
FieldResult<E> parse_enum_cell(const Cell& cell) {
  std::optional<E> value;
  switch (cell.kind) {
    case CellKind::kEmpty:
    case CellKind::kText:
      if (is_blank(cell))
        return tl::unexpected(missing_value_error());
      value = enum_detail::find_in_text<E>(cell.text);
      break;
    case CellKind::kNumber:
      value = enum_detail::find_in_number<E>(cell);
      break;
    case CellKind::kError:
      return tl::unexpected(error_cell_error(cell));
    default:
      break;
  }
  if (value)
    return *value;
  static const std::string kLabels = enum_detail::chinese_labels<E>();
  static const std::string kWords = enum_detail::english_words<E>();
  return tl::unexpected(enum_detail::unknown_enum_error(trim(cell.text), kLabels, kWords));
}

}  // namespace faxian::ingest
