#pragma once
// A wall-clock date and time in China Standard Time (UTC+8, no daylight saving), as a hotline
// ticket's 来电时间 is written. No time-zone arithmetic: Date plus seconds since midnight.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/date.hpp"
#include "common/error.hpp"

namespace faxian {

struct LocalDateTime {
  Date date{};
  int32_t second_of_day = 0;  // 0 … 86399

  // The time from parts; kInvalidArgument unless 0 ≤ h < 24, 0 ≤ m < 60, 0 ≤ s < 60.
  static Result<LocalDateTime> from_parts(Date date, int hour, int minute, int second);
  // Strict "YYYY-MM-DD HH:MM:SS" (also accepts "YYYY-MM-DDTHH:MM:SS"); the feeds' other forms
  // are read by the ingest field parsers.
  static Result<LocalDateTime> parse_iso(std::string_view text);
  // The instant as Unix seconds (UTC), taking the wall time as UTC+8.
  int64_t to_unix() const;
  // "YYYY-MM-DD HH:MM:SS".
  std::string iso() const;

  auto operator<=>(const LocalDateTime&) const = default;
};

}  // namespace faxian
