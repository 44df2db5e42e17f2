#pragma once
// 工作日历 in the store: one row per year (holidays and make-up working days as JSON), replaced
// when county_admin loads or edits that year.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "common/work_calendar.hpp"
#include "store/database.hpp"

namespace faxian {

class CalendarRepository {
 public:
  CalendarRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Validates `json` (WorkCalendar::parse_year_json) and stores it as written, replacing any
  // stored data for its year; returns the year. The validation error when it does not parse.
  Result<int> put_json(std::string_view json, std::string_view loaded_by);
  // Stores a parsed year (as WorkCalendar::to_year_json), replacing any stored data for it.
  Result<void> put(const CalendarYear& year, std::string_view loaded_by);
  // The JSON stored for `year`; nullopt when the year has no calendar.
  Result<std::optional<std::string>> get_json(int year);
  // Years with a calendar, ascending.
  Result<std::vector<int>> years();
  // A WorkCalendar holding every stored year (kCorrupt if a stored year no longer parses).
  Result<WorkCalendar> load();

 private:
  Result<void> store(int year, std::string_view json, std::string_view loaded_by);

  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian
