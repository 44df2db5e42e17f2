#include "store/calendar_repository.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {

Result<void> CalendarRepository::store(int year, std::string_view json,
                                       std::string_view loaded_by) {
  return run_bound(
      db_,
      "INSERT INTO calendar_years (year, json, loaded_at, loaded_by) "
      "VALUES (?, ?, ?, ?) ON CONFLICT (year) DO UPDATE SET json = excluded.json, "
      "loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by",
      [&](Statement& s) {
        ParamBinder(s).integer(year).text(json).integer(clock_.now_unix()).text(loaded_by);
      });
}

Result<int> CalendarRepository::put_json(std::string_view json, std::string_view loaded_by) {
  auto year = WorkCalendar::parse_year_json(json);
  if (!year)
    return tl::unexpected(year.error());
  FAXIAN_TRY(store(year->year, json, loaded_by));
  return year->year;
}

Result<void> CalendarRepository::put(const CalendarYear& year, std::string_view loaded_by) {
  return store(year.year, WorkCalendar::to_year_json(year), loaded_by);
}

Result<std::optional<std::string>> CalendarRepository::get_json(int year) {
  return query_one<std::string>(
      db_, "SELECT json FROM calendar_years WHERE year = ?",
      [&](Statement& s) { s.bind_int64(1, year); },
      [](const Statement& s) -> Result<std::string> { return std::string(s.column_text(0)); });
}

Result<std::vector<int>> CalendarRepository::years() {
  return query_rows<int>(
      db_, "SELECT year FROM calendar_years ORDER BY year", [](Statement&) {},
      [](const Statement& s) -> Result<int> { return static_cast<int>(s.column_int64(0)); });
}

Result<WorkCalendar> CalendarRepository::load() {
  auto stored = query_rows<std::string>(
      db_, "SELECT json FROM calendar_years ORDER BY year", [](Statement&) {},
      [](const Statement& s) -> Result<std::string> { return std::string(s.column_text(0)); });
  if (!stored)
    return tl::unexpected(stored.error());
  WorkCalendar calendar;
  for (const std::string& json : *stored) {
    auto year = WorkCalendar::parse_year_json(json);
    if (!year) {
      return fail(ErrorCode::kCorrupt, "数据库中的工作日历无法解析",
                  fmt::format("stored calendar year does not parse: {}", year.error().detail));
    }
    calendar.add_year(*year);
  }
  return calendar;
}

}  // namespace faxian
