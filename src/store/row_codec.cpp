#include "store/row_codec.hpp"

#include <fmt/format.h>

namespace faxian {
namespace {

// A valid ID (checksum and date) returned in place of a stored value that is not one; the
// caller sees status() fail and discards the row.
constexpr std::string_view kPlaceholderId = "11010519491231002X";

const char* type_name(ColumnType type) {
  switch (type) {
    case ColumnType::kNull:
      return "NULL";
    case ColumnType::kInteger:
      return "integer";
    case ColumnType::kReal:
      return "real";
    case ColumnType::kText:
      return "text";
    case ColumnType::kBlob:
      return "blob";
  }
  return "unknown";
}

}  // namespace

void RowReader::note_problem(const std::string& what) {
  if (problem_.empty())
    problem_ = fmt::format("column {}: {}", column_, what);
}

bool RowReader::expect(ColumnType type) {
  const ColumnType actual = statement_.column_type(column_);
  if (actual == type)
    return true;
  note_problem(fmt::format("expected {}, found {}", type_name(type), type_name(actual)));
  return false;
}

int64_t RowReader::integer() {
  const int64_t value = expect(ColumnType::kInteger) ? statement_.column_int64(column_) : 0;
  ++column_;
  return value;
}

std::optional<int64_t> RowReader::optional_integer() {
  if (is_null())
    return skip_null<int64_t>();
  return integer();
}

double RowReader::real() {
  const ColumnType actual = statement_.column_type(column_);
  double value = 0;
  if (actual == ColumnType::kReal || actual == ColumnType::kInteger) {
    value = statement_.column_double(column_);
  } else {
    note_problem(fmt::format("expected real, found {}", type_name(actual)));
  }
  ++column_;
  return value;
}

std::string RowReader::text() {
  std::string value;
  if (expect(ColumnType::kText))
    value = std::string(statement_.column_text(column_));
  ++column_;
  return value;
}

std::string RowReader::text_or_empty() {
  if (is_null()) {
    ++column_;
    return {};
  }
  return text();
}

Date RowReader::date() {
  const int column = column_;
  const std::string value = text();
  auto parsed = Date::parse_iso(value);
  if (parsed)
    return *parsed;
  if (problem_.empty())
    problem_ = fmt::format("column {}: bad date '{}'", column, value);
  return Date();
}

std::optional<Date> RowReader::optional_date() {
  if (is_null())
    return skip_null<Date>();
  return date();
}

Month RowReader::month() {
  const int column = column_;
  const std::string value = text();
  auto parsed = Month::parse_iso(value);
  if (parsed)
    return *parsed;
  if (problem_.empty())
    problem_ = fmt::format("column {}: bad month '{}'", column, value);
  return Month();
}

std::optional<Money> RowReader::optional_money() {
  if (is_null())
    return skip_null<Money>();
  return money();
}

ResidentId RowReader::resident_id() {
  const int column = column_;
  const std::string value = text();
  auto parsed = ResidentId::parse(value);
  if (parsed)
    return *parsed;
  if (problem_.empty())
    problem_ = fmt::format("column {}: stored resident ID is invalid", column);
  return *ResidentId::parse(kPlaceholderId);
}

std::optional<ResidentId> RowReader::optional_resident_id() {
  if (is_null())
    return skip_null<ResidentId>();
  return resident_id();
}

Result<void> RowReader::status() const {
  if (problem_.empty())
    return ok();
  return fail(ErrorCode::kCorrupt, "数据库中的数据不完整或格式错误", problem_);
}

}  // namespace faxian
