#pragma once
// What a field parser says about a bad cell: a stable code and the problem in Chinese and in
// English, without the row and column (the feed parser adds those). Built only on failure, so
// the good path allocates nothing for it. Messages never hold a full resident ID.

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace faxian::ingest {

// Stable issue codes of the import report (BatchRowIssue::code).
namespace issue_code {
inline constexpr std::string_view kMissingValue = "missing_value";  // required cell blank
inline constexpr std::string_view kBadResidentId =
    "bad_resident_id";  // length, digits, date, check
inline constexpr std::string_view kScientificId =
    "scientific_id";  // Excel stored the ID as a number
inline constexpr std::string_view kBadDate = "bad_date";
inline constexpr std::string_view kBadDateTime = "bad_date_time";
inline constexpr std::string_view kBadMonth = "bad_month";
inline constexpr std::string_view kBadMoney = "bad_money";
inline constexpr std::string_view kNegativeAmount = "negative_amount";
inline constexpr std::string_view kUnknownEnum = "unknown_enum";
inline constexpr std::string_view kBadVillageCode = "bad_village_code";
inline constexpr std::string_view kBadSchoolYear = "bad_school_year";
inline constexpr std::string_view kBadText = "bad_text";          // NUL character in text
inline constexpr std::string_view kBadEncoding = "bad_encoding";  // bytes invalid in the encoding
inline constexpr std::string_view kCellError = "cell_error";      // an Excel error value (#N/A …)
inline constexpr std::string_view kBadRow = "bad_row";  // the reader could not read the row
// Header (file-level) codes.
inline constexpr std::string_view kUnknownColumn = "unknown_column";  // warning
inline constexpr std::string_view kMissingColumn = "missing_column";
inline constexpr std::string_view kDuplicateColumn = "duplicate_column";
}  // namespace issue_code

struct FieldError {
  std::string_view code;  // one of issue_code
  std::string zh;         // the problem, for a department clerk
  std::string en;         // the same in English (no full resident ID, name or phone)
};

template <typename T>
using FieldResult = tl::expected<T, FieldError>;

inline tl::unexpected<FieldError> field_fail(std::string_view code, std::string zh,
                                             std::string en) {
  return tl::unexpected<FieldError>(FieldError{code, std::move(zh), std::move(en)});
}

// The error of a blank required cell.
FieldError missing_value_error();

}  // namespace faxian::ingest
