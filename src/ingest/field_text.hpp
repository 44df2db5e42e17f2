#pragma once
// Text-like fields from cells: free text (names, addresses, hotline contents — kept as written,
// formula-like strings included: neutralising them is the exporters' job), identifiers typed
// into number cells, 12-digit village codes, school years and 是/否.

#include <string>
#include <string_view>

#include "domain/school_year.hpp"
#include "ingest/field_error.hpp"
#include "ingest/table_reader.hpp"

namespace faxian::ingest {

// Text trimmed of surrounding ASCII spaces and U+3000; a number cell as its decimal text
// ("500241103000123"). Errors: kBadText for a NUL character or a number cell whose digits
// Excel lost (scientific notation beyond 2^53), kBadEncoding for invalid UTF-8, kCellError for
// an Excel error value.
FieldResult<std::string> parse_text(const Cell& cell);
// 村社区代码: exactly 12 digits (full-width digits allowed; a number cell when whole).
// Errors: kBadVillageCode.
FieldResult<std::string> parse_village_code(const Cell& cell);
// 学年 "2023-2024" (full-width digits and dash allowed). Errors: kBadSchoolYear.
FieldResult<SchoolYear> parse_school_year(const Cell& cell);
// 是/否 (also yes/no, true/false, Y/N, case-insensitive, and a boolean cell).
// Errors: kUnknownEnum.
FieldResult<bool> parse_yes_no(const Cell& cell);

}  // namespace faxian::ingest
