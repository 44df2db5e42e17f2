#pragma once
// Typed parameter binding and column reading on top of Statement, shared by the repositories.
// Storage conventions (the same in every dialect): dates as ISO text "YYYY-MM-DD", months
// "YYYY-MM", money as integer fen, booleans as 0/1, enumerations as their stable English key
// (enum_key), instants as Unix seconds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.hpp"
#include "common/error.hpp"
#include "common/money.hpp"
#include "common/resident_id.hpp"
#include "domain/enum_table.hpp"
#include "store/database.hpp"

namespace faxian {

// Binds parameters in order, starting at `first_index`.
class ParamBinder {
 public:
  explicit ParamBinder(Statement& statement, int first_index = 1)
      : statement_(statement), index_(first_index) {}

  ParamBinder& null() {
    statement_.bind_null(index_++);
    return *this;
  }
  ParamBinder& integer(int64_t value) {
    statement_.bind_int64(index_++, value);
    return *this;
  }
  ParamBinder& integer(std::optional<int64_t> value) { return value ? integer(*value) : null(); }
  ParamBinder& boolean(bool value) { return integer(value ? 1 : 0); }
  ParamBinder& real(double value) {
    statement_.bind_double(index_++, value);
    return *this;
  }
  ParamBinder& text(std::string_view value) {
    statement_.bind_text(index_++, value);
    return *this;
  }
  ParamBinder& date(Date value) { return text(value.iso()); }
  ParamBinder& date(std::optional<Date> value) { return value ? date(*value) : null(); }
  ParamBinder& month(Month value) { return text(value.iso()); }
  ParamBinder& money(Money value) { return integer(value.fen()); }
  ParamBinder& money(std::optional<Money> value) { return value ? money(*value) : null(); }
  ParamBinder& resident_id(const ResidentId& value) { return text(value.str()); }
  template <typename E>
  ParamBinder& enumeration(E value) {
    return text(enum_key(value));
  }
  template <typename E>
  ParamBinder& enumeration(std::optional<E> value) {
    return value ? enumeration(*value) : null();
  }

  int next_index() const { return index_; }

 private:
  Statement& statement_;
  int index_;
};

// Reads columns of the current row in order, starting at `first_column`. A malformed stored
// value (NULL where one is required, a bad date, an unknown enum key, a wrong type) does not
// stop reading: a neutral value is returned and status() reports the first problem (kCorrupt).
class RowReader {
 public:
  explicit RowReader(const Statement& statement, int first_column = 0)
      : statement_(statement), column_(first_column) {}

  int64_t integer();
  std::optional<int64_t> optional_integer();
  bool boolean() { return integer() != 0; }
  double real();
  std::string text();
  // Text; NULL reads as empty.
  std::string text_or_empty();
  Date date();
  std::optional<Date> optional_date();
  Month month();
  Money money() { return Money::from_fen(integer()); }
  std::optional<Money> optional_money();
  // A stored resident ID; on a bad value returns a placeholder and records the problem.
  ResidentId resident_id();
  std::optional<ResidentId> optional_resident_id();
  template <typename E>
  E enumeration() {
    const std::string key = text();
    if (auto value = enum_from_key<E>(key))
      return *value;
    note_problem("unknown enum key '" + key + "'");
    return EnumTable<E>::entries()[0].value;
  }
  template <typename E>
  std::optional<E> optional_enumeration() {
    if (is_null())
      return skip_null<E>();
    return enumeration<E>();
  }

  void skip(int columns = 1) { column_ += columns; }
  int next_column() const { return column_; }
  // ok(), or kCorrupt naming the first malformed column.
  Result<void> status() const;

 private:
  bool is_null() const { return statement_.column_is_null(column_); }
  template <typename T>
  std::optional<T> skip_null() {
    ++column_;
    return std::nullopt;
  }
  void note_problem(const std::string& what);
  bool expect(ColumnType type);

  const Statement& statement_;
  int column_;
  std::string problem_;
};

}  // namespace faxian
