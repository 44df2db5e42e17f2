#pragma once
// A feed's schema as data (one per feed, schema_<feed>.cpp): its columns — Chinese name,
// English alias, required or not — each with the field parser that fills one record field;
// the natural key of 20-feeds.md; and the feed's cross-field rules. SchemaParser<R>
// (schema_parser.hpp) runs any of them. The content hash covers every column in schema order.

#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "common/resident_id.hpp"
#include "domain/enum_table.hpp"
#include "ingest/field_cell.hpp"
#include "ingest/field_date.hpp"
#include "ingest/field_enum.hpp"
#include "ingest/field_id.hpp"
#include "ingest/field_money.hpp"
#include "ingest/field_text.hpp"
#include "ingest/record_hash.hpp"
#include "ingest/schema_row.hpp"

namespace faxian::ingest {

enum class Need { kRequired, kOptional };
inline constexpr Need kRequired = Need::kRequired;
inline constexpr Need kOptional = Need::kOptional;

template <typename R>
struct Column {
  std::string_view zh;     // the Chinese header of 20-feeds.md
  std::string_view alias;  // the English alias
  Need need = Need::kOptional;
  // Reads a cell that is not blank (or blank, in an optional column: the field takes its
  // default) into the record. On a bad cell records the issue through `row`, returns false.
  bool (*apply)(const Cell& cell, R& record, RowState& row) = nullptr;
  // Adds the column's normalised value to the content hash.
  void (*hash)(const R& record, RecordHasher& hasher) = nullptr;

  bool required() const { return need == Need::kRequired; }
};

template <typename R>
struct FeedSchema {
  std::span<const Column<R>> columns;
  // The natural key from the record; null for "row" feeds (the key is the content hash).
  void (*natural_key)(const R& record, KeyBuilder& key) = nullptr;
  // Cross-field rules after every cell was read (RowState::column_ok says which cells failed);
  // may complete the record (derived values) or record issues. May be null.
  void (*finish)(R& record, RowState& row) = nullptr;
};

namespace schema_detail {

template <typename M>
struct MemberTraits;
template <typename R, typename F>
struct MemberTraits<F R::*> {
  using Record = R;
  using Field = F;
};

template <typename T>
struct Unwrap {
  using Type = T;
  static constexpr bool kOptional = false;
};
template <typename T>
struct Unwrap<std::optional<T>> {
  using Type = T;
  static constexpr bool kOptional = true;
};

// A blank optional cell: optional fields empty, enums their listed default, text empty.
template <typename F>
void set_blank(F& field) {
  if constexpr (Unwrap<F>::kOptional) {
    field.reset();
  } else if constexpr (std::is_enum_v<F>) {
    if constexpr (EnumTable<F>::kDefault.has_value())
      field = *EnumTable<F>::kDefault;
  } else if constexpr (std::is_same_v<F, std::string>) {
    field.clear();
  }
}

}  // namespace schema_detail

template <auto Member>
using RecordOf = typename schema_detail::MemberTraits<decltype(Member)>::Record;
template <auto Member>
using FieldOf = typename schema_detail::MemberTraits<decltype(Member)>::Field;
// The field's type without std::optional.
template <auto Member>
using ValueOf = typename schema_detail::Unwrap<FieldOf<Member>>::Type;

// Parses the cell with Parse (a FieldResult-returning function) into record.*Member.
template <auto Member, auto Parse>
bool apply_cell(const Cell& cell, RecordOf<Member>& record, RowState& row) {
  if (cell.kind == CellKind::kError) {
    row.fail(error_cell_error(cell));
    return false;
  }
  if (is_blank(cell)) {
    schema_detail::set_blank(record.*Member);
    return true;
  }
  auto parsed = Parse(cell);
  if (!parsed) {
    row.fail(parsed.error());
    return false;
  }
  record.*Member = std::move(*parsed);
  return true;
}

template <auto Member>
void hash_member(const RecordOf<Member>& record, RecordHasher& hasher) {
  hasher.add(record.*Member);
}

// A column that parses its cell with Parse into record.*Member.
template <auto Member, auto Parse>
constexpr Column<RecordOf<Member>> column(std::string_view zh, std::string_view alias, Need need) {
  return {zh, alias, need, &apply_cell<Member, Parse>, &hash_member<Member>};
}

template <auto Member>
constexpr auto text_column(std::string_view zh, std::string_view alias, Need need) {
  return column<Member, &parse_text>(zh, alias, need);
}
// A required ID field is parsed in place (parse_resident_id_into); an optional one as a value.
template <auto Member>
bool apply_resident_id(const Cell& cell, RecordOf<Member>& record, RowState& row) {
  if constexpr (schema_detail::Unwrap<FieldOf<Member>>::kOptional) {
    return apply_cell<Member, &parse_resident_id>(cell, record, row);
  } else {
    auto parsed = parse_resident_id_into(cell, record.*Member);
    if (!parsed)
      row.fail(parsed.error());
    return parsed.has_value();
  }
}

template <auto Member>
constexpr auto id_column(std::string_view zh, std::string_view alias, Need need) {
  return Column<RecordOf<Member>>{zh, alias, need, &apply_resident_id<Member>,
                                  &hash_member<Member>};
}
template <auto Member>
constexpr auto date_column(std::string_view zh, std::string_view alias, Need need) {
  return column<Member, &parse_date>(zh, alias, need);
}
template <auto Member>
constexpr auto date_time_column(std::string_view zh, std::string_view alias, Need need) {
  return column<Member, &parse_date_time>(zh, alias, need);
}
template <auto Member>
constexpr auto month_column(std::string_view zh, std::string_view alias, Need need) {
  return column<Member, &parse_month>(zh, alias, need);
}
// Money that must not be negative.
template <auto Member>
constexpr auto money_column(std::string_view zh, std::string_view alias, Need need) {
  return column<Member, &parse_money_non_negative>(zh, alias, need);
}
// Money of either sign (the schema's finish() decides).
template <auto Member>
constexpr auto signed_money_column(std::string_view zh, std::string_view alias, Need need) {
  return column<Member, &parse_money_any_sign>(zh, alias, need);
}
template <auto Member>
constexpr auto enum_column(std::string_view zh, std::string_view alias, Need need) {
  return column<Member, &parse_enum_cell<ValueOf<Member>>>(zh, alias, need);
}
template <auto Member>
constexpr auto village_code_column(std::string_view zh, std::string_view alias, Need need) {
  return column<Member, &parse_village_code>(zh, alias, need);
}
template <auto Member>
constexpr auto school_year_column(std::string_view zh, std::string_view alias, Need need) {
  return column<Member, &parse_school_year>(zh, alias, need);
}

// A valid resident ID that stands in a record's required ID field until the ID cell is read
// (ResidentId has no empty value). A row whose ID cell fails is rejected, so it never leaves.
const ResidentId& placeholder_resident_id();

// The record before any cell is read.
template <typename R>
R blank_record() {
  if constexpr (std::is_default_constructible_v<R>) {
    return R{};
  } else {
    return R{.id_number = placeholder_resident_id()};
  }
}

}  // namespace faxian::ingest
