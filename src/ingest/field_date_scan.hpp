#pragma once
// The text grammar of dates, times and months (20-feeds.md), without validation of the values:
// scanners that read a form at a position and say how far they got. Used by field_date.cpp.

#include <cstddef>
#include <string_view>

namespace faxian::ingest::date_scan {

struct Ymd {
  int year = 0;
  int month = 0;
  int day = 0;
};

struct Hms {
  int hour = 0;
  int minute = 0;
  int second = 0;
};

// Reads a date at `pos` (YYYYMMDD; YYYY-M-D with '-', '/' or '.' used twice; YYYY年M月D日) and
// moves pos past it. False (pos unchanged) when no form matches.
bool scan_date(std::string_view text, std::size_t& pos, Ymd& out);
// Reads H:MM or H:MM:SS (optionally with ".fff") at `pos`. False when no form matches.
bool scan_time(std::string_view text, std::size_t& pos, Hms& out);
// Reads the separator between a date and a time: one or more spaces, or 'T'. False if none.
bool scan_date_time_separator(std::string_view text, std::size_t& pos);
// Reads a month at `pos` (YYYYMM; YYYY-M with '-', '/' or '.'; YYYY年M月). False if none.
bool scan_month(std::string_view text, std::size_t& pos, int& year, int& month);

}  // namespace faxian::ingest::date_scan
