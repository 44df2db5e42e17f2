#pragma once
// Calendar dates without time zones: a Date is a day number (days since 1970-01-01), cheap to
// copy, compare and subtract. A Month is a year and month. Both only ever hold real dates.

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace faxian {

class Date {
 public:
  // 1970-01-01. Prefer from_ymd/parse_iso; the default exists for containers.
  constexpr Date() = default;

  // The date y-m-d, or an error if it is not a real date (2023-02-30, month 13, year < 1800
  // or > 2200).
  static Result<Date> from_ymd(int year, int month, int day);
  // Strict ISO "YYYY-MM-DD" (the feeds' other formats are parsed by the ingest field parsers).
  static Result<Date> parse_iso(std::string_view text);
  // REQUIRES: days describes a date within the supported range.
  static constexpr Date from_days(int32_t days) { return Date(days); }

  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  // 0 = Monday … 6 = Sunday.
  int weekday() const;
  bool is_weekend() const { return weekday() >= 5; }

  constexpr int32_t days_since_epoch() const { return days_; }
  constexpr Date add_days(int32_t n) const { return Date(days_ + n); }
  // Full years from `birth` to this date; a 29 February birthday counts on 1 March in
  // non-leap years.
  int years_since(Date birth) const;
  // "YYYY-MM-DD".
  std::string iso() const;

  constexpr auto operator<=>(const Date&) const = default;
  friend constexpr int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

class Month {
 public:
  constexpr Month() = default;
  static Result<Month> from_ym(int year, int month);
  static Month of(Date date);
  // Strict "YYYY-MM".
  static Result<Month> parse_iso(std::string_view text);

  int year() const { return index_ / 12; }
  int month() const { return index_ % 12 + 1; }
  // Months since year 0; consecutive months differ by 1.
  constexpr int32_t index() const { return index_; }
  Month add_months(int n) const { return Month(index_ + n); }
  Date first_day() const;
  Date last_day() const;
  std::string iso() const;  // "YYYY-MM"

  constexpr auto operator<=>(const Month&) const = default;

 private:
  constexpr explicit Month(int32_t index) : index_(index) {}
  int32_t index_ = 0;
};

// "YYYY-MM-DD" / "YYYY-MM", for test failure output and logs.
std::ostream& operator<<(std::ostream& out, Date date);
std::ostream& operator<<(std::ostream& out, Month month);

}  // namespace faxian
