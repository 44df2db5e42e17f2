#pragma once
// The Chinese working-day calendar: weekends are off except make-up working days (调休上班);
// public holidays are off. It is data, one entry per year; a year without data is never
// guessed from plain weekends — any question about it is an error (kUnavailable).

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"

namespace faxian {

struct CalendarYear {
  int year = 0;
  std::vector<Date> holidays;  // days off that would otherwise be working days (or any holiday)
  std::vector<Date> workdays;  // weekend days that are working days (调休上班)
};

class WorkCalendar {
 public:
  // Parses the JSON of `faxian calendar load`:
  // {"year":2027,"holidays":["2027-01-01",…],"workdays":["2027-02-07",…]}.
  // Errors on malformed JSON, a date outside the stated year, or a date in both lists.
  // Also errors on a make-up workday that is not a Saturday or Sunday (it would mean nothing,
  // so it is a data mistake). Other keys (e.g. "source") are ignored. Lists come back sorted
  // and without duplicates.
  static Result<CalendarYear> parse_year_json(std::string_view json);
  // The JSON of parse_year_json for `year` (sorted lists, one date per line).
  static std::string to_year_json(const CalendarYear& year);

  // Adds or replaces a year.
  void add_year(const CalendarYear& year);
  bool has_year(int year) const;
  std::vector<int> years() const;
  // The stored data of `year`, sorted; kUnavailable if the year has no calendar.
  Result<CalendarYear> year_data(int year) const;
  // Whether county_admin must be warned that next year's calendar is missing: from
  // 1 November of today's year while next year has no calendar (10-domain.md).
  bool next_year_missing(Date today) const;

  // Whether `date` is a working day; kUnavailable if its year has no calendar.
  Result<bool> is_working_day(Date date) const;
  // The date `n` working days after `start` (start itself not counted; n ≥ 0; n = 0 gives
  // start). kUnavailable, with a message naming the year, when the walk enters a year with
  // no calendar. Example: 5 working days after 2026-02-12 is 2026-02-26.
  Result<Date> add_working_days(Date start, int n) const;
  // Working days in (from, to]; kUnavailable as above. When to < from, minus the working days
  // in (to, from], so the result reads like a subtraction (e.g. days overdue).
  Result<int> working_days_between(Date from, Date to) const;

 private:
  std::set<int> years_;
  std::set<Date> holidays_;
  std::set<Date> workdays_;
};

// Reads one year file (see parse_year_json); errors name the file.
Result<CalendarYear> load_calendar_file(const std::string& path);
// Loads every "*.json" year file in `dir` (e.g. data/calendar). Errors name the file; also an
// error when the folder has no year files, when two files give the same year, or when a file
// named "YYYY.json" holds another year.
Result<WorkCalendar> load_calendar_dir(const std::string& dir);

}  // namespace faxian
