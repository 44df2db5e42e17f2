#pragma once
// Dates, date-times and months from cells, in every form of 20-feeds.md: 2023-01-05, 2023/1/5,
// 2023.1.5, 20230105, 2023年1月5日 (full-width digits too); date-times add HH:MM[:SS]; months
// 2023-01, 202301, 2023年1月; and Excel serial numbers (1900 date system) in date and number
// cells. A date that does not exist (2023-02-30) is an error naming it. No allocation on the
// good path of ASCII or Chinese-format text.

#include <string_view>

#include "common/date.hpp"
#include "domain/local_date_time.hpp"
#include "ingest/field_error.hpp"
#include "ingest/table_reader.hpp"

namespace faxian::ingest {

// A date. Text in any listed form (a trailing time is allowed and ignored); a date cell's
// serial; a number cell as YYYYMMDD when it has 8 digits, else as a serial. Errors: kBadDate,
// kMissingValue for a blank cell, kCellError/kBadEncoding for an error cell.
FieldResult<Date> parse_date(const Cell& cell);
// A date and time: a date in any listed form, then spaces or 'T' and H:MM or H:MM:SS (a
// fraction of a second is ignored; a date alone is midnight); or a serial with a fraction of
// a day (rounded to the second). Errors: kBadDateTime (a date that does not exist: kBadDate).
FieldResult<LocalDateTime> parse_date_time(const Cell& cell);
// A month: 2023-01 (also 2023-1, 2023/1, 2023.1), 202301, 2023年1月, or a whole date in any
// listed form (its month); a date cell's month; a number cell as YYYYMM, YYYYMMDD or a serial.
// Errors: kBadMonth.
FieldResult<Month> parse_month(const Cell& cell);

// The same for text.
FieldResult<Date> parse_date_text(std::string_view text);
FieldResult<LocalDateTime> parse_date_time_text(std::string_view text);
FieldResult<Month> parse_month_text(std::string_view text);

// Excel's 1900 date system: serial 1 is 1900-01-01, 59 is 1900-02-28, 60 is the 1900-02-29
// that never was (Lotus 1-2-3's leap-year bug, kept by Excel: an error), 61 is 1900-03-01. The
// fraction (time of day) is dropped. Errors (kBadDate): not finite, below 1, after 2200.
FieldResult<Date> date_from_excel_serial(double serial);
// As above, keeping the time of day (rounded to the nearest second).
FieldResult<LocalDateTime> date_time_from_excel_serial(double serial);

}  // namespace faxian::ingest
