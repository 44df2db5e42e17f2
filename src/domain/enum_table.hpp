#pragma once
// Enumerations of the feeds (20-feeds.md) and of the domain as data: every value has a stable
// English key (what the store and JSON write), the Chinese label departments write, the English
// alias the feed spec lists in brackets (empty when it lists none) and the national code where
// a standard names one (GB/T 4761, GB 3304, disability grades 1–4). One value may have several
// entries — synonyms such as 支出型困难 for 刚性支出困难 — and the first entry of a value is its
// canonical one.
//
// Each enum E specialises EnumTable<E> with:
//   static std::span<const EnumEntry<E>> entries();
//   static constexpr std::string_view kName;             // Chinese name of the field, for errors
//   static constexpr std::optional<E> kDefault;          // value of a blank optional cell
// and may add `static std::optional<E> code_fallback(std::string_view)` for codes beyond the
// table (GB/T 4761 sub-codes).

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "common/error.hpp"
#include "common/text.hpp"

namespace faxian {

template <typename E>
struct EnumEntry {
  E value;
  std::string_view key;    // stable English identifier (storage, JSON); unique per value
  std::string_view label;  // Chinese label as departments write it
  std::string_view alias;  // English alias of 20-feeds.md; may be empty
  std::string_view code;   // national code; may be empty
};

template <typename E>
struct EnumTable;  // specialised next to each enum

namespace enum_detail {

// ASCII case-insensitive equality.
bool equals_ignore_case(std::string_view a, std::string_view b);

template <typename E>
const EnumEntry<E>* canonical(E value) {
  for (const auto& entry : EnumTable<E>::entries()) {
    if (entry.value == value)
      return &entry;
  }
  return nullptr;
}

}  // namespace enum_detail

// The stable English key of a value ("expenditure_hardship"); empty for an unlisted value.
template <typename E>
std::string_view enum_key(E value) {
  const auto* entry = enum_detail::canonical(value);
  return entry ? entry->key : std::string_view();
}

// The canonical Chinese label ("刚性支出困难").
template <typename E>
std::string_view enum_label(E value) {
  const auto* entry = enum_detail::canonical(value);
  return entry ? entry->label : std::string_view();
}

// The English alias of 20-feeds.md; empty when the spec lists none.
template <typename E>
std::string_view enum_alias(E value) {
  const auto* entry = enum_detail::canonical(value);
  return entry ? entry->alias : std::string_view();
}

// The national code; empty when there is none.
template <typename E>
std::string_view enum_code(E value) {
  const auto* entry = enum_detail::canonical(value);
  return entry ? entry->code : std::string_view();
}

// The value with this stable key (exact match), as written by the store.
template <typename E>
std::optional<E> enum_from_key(std::string_view key) {
  for (const auto& entry : EnumTable<E>::entries()) {
    if (entry.key == key)
      return entry.value;
  }
  return std::nullopt;
}

// The value with this Chinese label (any synonym), after trimming.
template <typename E>
std::optional<E> enum_from_label(std::string_view text) {
  text = trim(text);
  for (const auto& entry : EnumTable<E>::entries()) {
    if (!entry.label.empty() && entry.label == text)
      return entry.value;
  }
  return std::nullopt;
}

// The value with this English alias, ASCII case-insensitive, after trimming.
template <typename E>
std::optional<E> enum_from_alias(std::string_view text) {
  text = trim(text);
  for (const auto& entry : EnumTable<E>::entries()) {
    if (!entry.alias.empty() && enum_detail::equals_ignore_case(entry.alias, text)) {
      return entry.value;
    }
  }
  return std::nullopt;
}

// The value with this national code, after trimming (plus the table's code_fallback, if any).
template <typename E>
std::optional<E> enum_from_code(std::string_view text) {
  text = trim(text);
  if (text.empty())
    return std::nullopt;
  for (const auto& entry : EnumTable<E>::entries()) {
    if (!entry.code.empty() && entry.code == text)
      return entry.value;
  }
  if constexpr (requires { EnumTable<E>::code_fallback(text); }) {
    return EnumTable<E>::code_fallback(text);
  }
  return std::nullopt;
}

// A cell as a feed writes it: Chinese label, English alias (case-insensitive) or national code.
// nullopt for blank or unknown text (blank cells take EnumTable<E>::kDefault in the parsers).
template <typename E>
std::optional<E> find_enum(std::string_view text) {
  if (auto by_label = enum_from_label<E>(text))
    return by_label;
  if (auto by_alias = enum_from_alias<E>(text))
    return by_alias;
  return enum_from_code<E>(text);
}

// The Chinese labels of every value, "、"-joined, for error messages ("户主、配偶、…").
template <typename E>
std::string enum_label_list() {
  std::string list;
  for (const auto& entry : EnumTable<E>::entries()) {
    if (enum_detail::canonical(entry.value) != &entry)
      continue;  // synonyms once
    if (!list.empty())
      list += "、";
    list += entry.label;
  }
  return list;
}

// As find_enum, but an unknown or blank cell is an error (kInvalidArgument) whose Chinese
// message names the field and lists the accepted labels.
template <typename E>
Result<E> parse_enum(std::string_view text) {
  if (auto value = find_enum<E>(text))
    return *value;
  const std::string_view shown = trim(text);
  return fail(
      ErrorCode::kInvalidArgument,
      fmt::format("{}「{}」无法识别，应为：{}", EnumTable<E>::kName, shown, enum_label_list<E>()),
      fmt::format("unknown value for enumeration ({} characters)", shown.size()));
}

}  // namespace faxian

// Declares EnumTable<E> (inside namespace faxian) with its Chinese field name and the default of a
// blank optional cell (std::nullopt when there is none); entries() is defined in a .cpp file.
#define FAXIAN_DECLARE_ENUM_TABLE(E, name_zh, default_value)    \
  template <>                                                   \
  struct EnumTable<E> {                                         \
    static std::span<const EnumEntry<E>> entries();             \
    static constexpr std::string_view kName = name_zh;          \
    static constexpr std::optional<E> kDefault = default_value; \
  }
