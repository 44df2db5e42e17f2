#include "common/work_calendar.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/file_util.hpp"

namespace faxian {
namespace {

using nlohmann::json;

tl::unexpected<Error> calendar_error(std::string zh, std::string en) {
  return fail(ErrorCode::kInvalidArgument, "工作日历数据有误：" + std::move(zh), std::move(en));
}

tl::unexpected<Error> missing_year_error(int year) {
  return fail(
      ErrorCode::kUnavailable,
      fmt::format("缺少 {} 年的工作日历（国务院当年的节假日安排尚未导入），无法按工作日计算；"
                  "请县民政局管理员导入 {} 年日历",
                  year, year),
      fmt::format("no working-day calendar for {}", year));
}

// The dates of array `key`, checked to lie in `year`, sorted and without duplicates.
Result<std::vector<Date>> parse_date_list(const json& root, const char* key, int year) {
  const auto found = root.find(key);
  if (found == root.end() || !found->is_array()) {
    return calendar_error(fmt::format("缺少日期列表「{}」", key),
                          fmt::format("missing array \"{}\"", key));
  }
  std::vector<Date> dates;
  for (const json& item : *found) {
    if (!item.is_string()) {
      return calendar_error(fmt::format("「{}」中有不是日期的值", key),
                            fmt::format("non-string in \"{}\"", key));
    }
    auto date = Date::parse_iso(item.get<std::string>());
    if (!date)
      return calendar_error(date.error().message, date.error().detail);
    if (date->year() != year) {
      return calendar_error(fmt::format("{} 不在 {} 年内", date->iso(), year),
                            fmt::format("{} is outside {}", date->iso(), year));
    }
    dates.push_back(*date);
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  return dates;
}

Result<int> parse_year_number(const json& root) {
  const auto found = root.find("year");
  if (found == root.end() || !found->is_number_integer()) {
    return calendar_error("缺少整数年份「year」", "missing integer \"year\"");
  }
  const auto year = found->get<int64_t>();
  if (year < 1800 || year > 2200) {
    return calendar_error(fmt::format("年份 {} 超出范围", year), fmt::format("year {}", year));
  }
  return static_cast<int>(year);
}

Result<void> check_lists_consistent(const CalendarYear& year) {
  for (Date workday : year.workdays) {
    if (std::binary_search(year.holidays.begin(), year.holidays.end(), workday)) {
      return calendar_error(fmt::format("{} 同时是节假日和调休上班日", workday.iso()),
                            fmt::format("{} is both a holiday and a workday", workday.iso()));
    }
    if (!workday.is_weekend()) {
      return calendar_error(fmt::format("调休上班日 {} 不是周六或周日", workday.iso()),
                            fmt::format("make-up workday {} is not a weekend", workday.iso()));
    }
  }
  return ok();
}

std::string json_date_list(const std::vector<Date>& dates) {
  std::string out = "[";
  for (std::size_t idx = 0; idx < dates.size(); ++idx) {
    out += fmt::format("{}\n    \"{}\"", idx == 0 ? "" : ",", dates[idx].iso());
  }
  return out + (dates.empty() ? "]" : "\n  ]");
}

std::vector<Date> dates_in_year(const std::set<Date>& dates, int year) {
  const auto begin = dates.lower_bound(*Date::from_ymd(year, 1, 1));
  const auto end = dates.upper_bound(*Date::from_ymd(year, 12, 31));
  return std::vector<Date>(begin, end);
}

void erase_year(std::set<Date>& dates, int year) {
  dates.erase(dates.lower_bound(*Date::from_ymd(year, 1, 1)),
              dates.upper_bound(*Date::from_ymd(year, 12, 31)));
}

}  // namespace

Result<CalendarYear> WorkCalendar::parse_year_json(std::string_view text) {
  const json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return calendar_error("不是有效的 JSON 对象", "malformed JSON");
  }
  CalendarYear year;
  auto year_number = parse_year_number(root);
  if (!year_number)
    return tl::unexpected(year_number.error());
  year.year = *year_number;
  auto holidays = parse_date_list(root, "holidays", year.year);
  if (!holidays)
    return tl::unexpected(holidays.error());
  auto workdays = parse_date_list(root, "workdays", year.year);
  if (!workdays)
    return tl::unexpected(workdays.error());
  year.holidays = std::move(*holidays);
  year.workdays = std::move(*workdays);
  FAXIAN_TRY(check_lists_consistent(year));
  return year;
}

std::string WorkCalendar::to_year_json(const CalendarYear& year) {
  return fmt::format("{{\n  \"year\": {},\n  \"holidays\": {},\n  \"workdays\": {}\n}}\n",
                     year.year, json_date_list(year.holidays), json_date_list(year.workdays));
}

void WorkCalendar::add_year(const CalendarYear& year) {
  erase_year(holidays_, year.year);
  erase_year(workdays_, year.year);
  years_.insert(year.year);
  holidays_.insert(year.holidays.begin(), year.holidays.end());
  workdays_.insert(year.workdays.begin(), year.workdays.end());
}

bool WorkCalendar::has_year(int year) const {
  return years_.contains(year);
}

std::vector<int> WorkCalendar::years() const {
  return std::vector<int>(years_.begin(), years_.end());
}

Result<CalendarYear> WorkCalendar::year_data(int year) const {
  if (!has_year(year))
    return missing_year_error(year);
  return CalendarYear{year, dates_in_year(holidays_, year), dates_in_year(workdays_, year)};
}

bool WorkCalendar::next_year_missing(Date today) const {
  return today.month() >= 11 && !has_year(today.year() + 1);
}

Result<bool> WorkCalendar::is_working_day(Date date) const {
  if (!has_year(date.year()))
    return missing_year_error(date.year());
  if (workdays_.contains(date))
    return true;
  return !date.is_weekend() && !holidays_.contains(date);
}

Result<Date> WorkCalendar::add_working_days(Date start, int n) const {
  if (n < 0) {
    return fail(ErrorCode::kInvalidArgument, "工作日天数不能为负数",
                fmt::format("add_working_days: n = {}", n));
  }
  Date date = start;
  for (int counted = 0; counted < n;) {
    date = date.add_days(1);
    auto working = is_working_day(date);
    if (!working)
      return tl::unexpected(working.error());
    if (*working)
      ++counted;
  }
  return date;
}

Result<int> WorkCalendar::working_days_between(Date from, Date to) const {
  if (to < from) {
    auto reversed = working_days_between(to, from);
    if (!reversed)
      return reversed;
    return -*reversed;
  }
  int count = 0;
  for (Date date = from.add_days(1); date <= to; date = date.add_days(1)) {
    auto working = is_working_day(date);
    if (!working)
      return tl::unexpected(working.error());
    if (*working)
      ++count;
  }
  return count;
}

Result<CalendarYear> load_calendar_file(const std::string& path) {
  auto text = read_file(path);
  if (!text)
    return tl::unexpected(text.error());
  auto year = WorkCalendar::parse_year_json(*text);
  if (!year) {
    return fail(year.error().code, fmt::format("日历文件「{}」：{}", path, year.error().message),
                fmt::format("{}: {}", path, year.error().detail));
  }
  return year;
}

namespace {

// "2026.json" must hold 2026; other names are not checked.
Result<void> check_file_name_matches(const std::string& path, int year) {
  const std::string stem = std::filesystem::path(path).stem().string();
  if (stem.size() == 4 &&
      std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      std::stoi(stem) != year) {
    return fail(ErrorCode::kCorrupt,
                fmt::format("日历文件「{}」的文件名与其中的年份 {} 不一致", path, year),
                fmt::format("{} holds year {}", path, year));
  }
  return ok();
}

}  // namespace

Result<WorkCalendar> load_calendar_dir(const std::string& dir) {
  auto paths = list_files(dir, ".json");
  if (!paths)
    return tl::unexpected(paths.error());
  if (paths->empty()) {
    return fail(ErrorCode::kNotFound, fmt::format("文件夹「{}」中没有工作日历文件（*.json）", dir),
                fmt::format("no *.json in {}", dir));
  }
  WorkCalendar calendar;
  for (const std::string& path : *paths) {
    auto year = load_calendar_file(path);
    if (!year)
      return tl::unexpected(year.error());
    FAXIAN_TRY(check_file_name_matches(path, year->year));
    if (calendar.has_year(year->year)) {
      return fail(ErrorCode::kCorrupt,
                  fmt::format("文件夹「{}」中有两个 {} 年的日历文件", dir, year->year),
                  fmt::format("year {} given twice in {}", year->year, dir));
    }
    calendar.add_year(*year);
  }
  return calendar;
}

}  // namespace faxian
