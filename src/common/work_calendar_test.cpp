#include "common/work_calendar.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "common/file_util.hpp"
#include "common/source_dir_for_tests.hpp"

namespace faxian {
namespace {

Date d(std::string_view iso) {
  return *Date::parse_iso(iso);
}

// 2026 as the State Council published it (a subset is enough for the unit tests; the oracle
// test checks the shipped files day by day).
constexpr std::string_view k2026 = R"({
  "year": 2026,
  "source": "test",
  "holidays": ["2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16",
               "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
               "2026-02-22", "2026-02-23", "2026-10-01", "2026-10-02", "2026-10-03",
               "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
  "workdays": ["2026-01-04", "2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10"]
})";

WorkCalendar calendar_2026() {
  WorkCalendar calendar;
  auto year = WorkCalendar::parse_year_json(k2026);
  EXPECT_TRUE(year) << year.error().to_string();
  if (year)
    calendar.add_year(*year);
  return calendar;
}

Error parse_error(std::string_view json) {
  auto year = WorkCalendar::parse_year_json(json);
  EXPECT_FALSE(year) << json;
  return year ? Error() : year.error();
}

TEST(WorkCalendarParse, ReadsYearAndSortedLists) {
  auto year = WorkCalendar::parse_year_json(
      R"({"year":2027,"holidays":["2027-01-02","2027-01-01","2027-01-01"],"workdays":[]})");
  ASSERT_TRUE(year) << year.error().to_string();
  EXPECT_EQ(year->year, 2027);
  ASSERT_EQ(year->holidays.size(), 2u);
  EXPECT_EQ(year->holidays[0], d("2027-01-01"));
  EXPECT_TRUE(year->workdays.empty());
}

TEST(WorkCalendarParse, RejectsBadInput) {
  EXPECT_EQ(parse_error("not json").code, ErrorCode::kInvalidArgument);
  parse_error("[]");
  parse_error(R"({"holidays":[],"workdays":[]})");
  parse_error(R"({"year":"2026","holidays":[],"workdays":[]})");
  parse_error(R"({"year":2026,"workdays":[]})");
  parse_error(R"({"year":2026,"holidays":[1],"workdays":[]})");
  parse_error(R"({"year":2026,"holidays":["2026-02-30"],"workdays":[]})");
  parse_error(R"({"year":1700,"holidays":[],"workdays":[]})");
}

TEST(WorkCalendarParse, RejectsDateOutsideTheYear) {
  const Error error = parse_error(R"({"year":2026,"holidays":["2025-12-31"],"workdays":[]})");
  EXPECT_NE(error.message.find("2025-12-31"), std::string::npos) << error.message;
}

TEST(WorkCalendarParse, RejectsDateInBothLists) {
  const Error error =
      parse_error(R"({"year":2026,"holidays":["2026-02-14"],"workdays":["2026-02-14"]})");
  EXPECT_NE(error.message.find("同时"), std::string::npos) << error.message;
}

TEST(WorkCalendarParse, RejectsMakeUpWorkdayOnAWeekday) {
  parse_error(R"({"year":2026,"holidays":[],"workdays":["2026-02-16"]})");
}

TEST(WorkCalendarParse, ToYearJsonRoundTrips) {
  const CalendarYear year = *WorkCalendar::parse_year_json(k2026);
  auto again = WorkCalendar::parse_year_json(WorkCalendar::to_year_json(year));
  ASSERT_TRUE(again) << again.error().to_string();
  EXPECT_EQ(again->holidays, year.holidays);
  EXPECT_EQ(again->workdays, year.workdays);
  EXPECT_TRUE(
      WorkCalendar::parse_year_json(WorkCalendar::to_year_json(CalendarYear{2030, {}, {}})));
}

TEST(WorkCalendar, WorkingDaysFollowWeekendsHolidaysAndMakeUpDays) {
  const WorkCalendar calendar = calendar_2026();
  EXPECT_TRUE(*calendar.is_working_day(d("2026-02-12")));   // Thursday
  EXPECT_FALSE(*calendar.is_working_day(d("2026-02-16")));  // 春节, Monday
  EXPECT_TRUE(*calendar.is_working_day(d("2026-02-14")));   // Saturday, 调休上班
  EXPECT_TRUE(*calendar.is_working_day(d("2026-02-28")));   // Saturday, 调休上班
  EXPECT_FALSE(*calendar.is_working_day(d("2026-03-01")));  // plain Sunday
  EXPECT_FALSE(*calendar.is_working_day(d("2026-02-15")));  // Sunday inside 春节
}

TEST(WorkCalendar, YearWithoutDataIsUnavailableAndNamesTheYear) {
  const WorkCalendar calendar = calendar_2026();
  auto working = calendar.is_working_day(d("2027-01-04"));
  ASSERT_FALSE(working);
  EXPECT_EQ(working.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(working.error().message.find("2027"), std::string::npos);
  EXPECT_FALSE(calendar.is_working_day(d("2025-06-03")));
}

TEST(WorkCalendar, AddWorkingDays) {
  const WorkCalendar calendar = calendar_2026();
  EXPECT_EQ(*calendar.add_working_days(d("2026-02-12"), 5), d("2026-02-26"));
  EXPECT_EQ(*calendar.add_working_days(d("2026-02-12"), 0), d("2026-02-12"));
  EXPECT_EQ(*calendar.add_working_days(d("2026-02-12"), 1), d("2026-02-13"));
  EXPECT_EQ(*calendar.add_working_days(d("2026-02-13"), 1), d("2026-02-14"));  // 调休 Saturday
  EXPECT_EQ(*calendar.add_working_days(d("2026-09-30"), 1), d("2026-10-08"));
  EXPECT_EQ(calendar.add_working_days(d("2026-02-12"), -1).error().code,
            ErrorCode::kInvalidArgument);
}

TEST(WorkCalendar, AddWorkingDaysIntoAMissingYearIsUnavailable) {
  const WorkCalendar calendar = calendar_2026();
  EXPECT_EQ(*calendar.add_working_days(d("2026-12-29"), 2), d("2026-12-31"));
  auto deadline = calendar.add_working_days(d("2026-12-29"), 3);
  ASSERT_FALSE(deadline);
  EXPECT_EQ(deadline.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(deadline.error().message.find("2027"), std::string::npos);
}

TEST(WorkCalendar, StartInAMissingYearNeedsNoDataForTheStartItself) {
  const WorkCalendar calendar = calendar_2026();
  // 1–3 January are 元旦 holidays; Sunday 4 January is a make-up working day.
  EXPECT_EQ(*calendar.add_working_days(d("2025-12-31"), 1), d("2026-01-04"));
}

TEST(WorkCalendar, WorkingDaysBetween) {
  const WorkCalendar calendar = calendar_2026();
  EXPECT_EQ(*calendar.working_days_between(d("2026-02-12"), d("2026-02-26")), 5);
  EXPECT_EQ(*calendar.working_days_between(d("2026-02-12"), d("2026-02-12")), 0);
  EXPECT_EQ(*calendar.working_days_between(d("2026-02-26"), d("2026-02-12")), -5);
  EXPECT_EQ(*calendar.working_days_between(d("2026-02-13"), d("2026-02-15")), 1);
  EXPECT_EQ(calendar.working_days_between(d("2026-12-01"), d("2027-01-10")).error().code,
            ErrorCode::kUnavailable);
}

TEST(WorkCalendar, AddYearReplacesThatYearOnly) {
  WorkCalendar calendar = calendar_2026();
  calendar.add_year(CalendarYear{2025, {d("2025-01-01")}, {}});
  calendar.add_year(CalendarYear{2026, {d("2026-03-02")}, {}});
  EXPECT_EQ(calendar.years(), (std::vector<int>{2025, 2026}));
  EXPECT_TRUE(*calendar.is_working_day(d("2026-02-16")));
  EXPECT_FALSE(*calendar.is_working_day(d("2026-03-02")));
  EXPECT_FALSE(*calendar.is_working_day(d("2025-01-01")));
  EXPECT_EQ(calendar.year_data(2026)->holidays, (std::vector<Date>{d("2026-03-02")}));
  EXPECT_EQ(calendar.year_data(2024).error().code, ErrorCode::kUnavailable);
}

TEST(WorkCalendar, WarnsFromFirstOfNovemberWhenNextYearIsMissing) {
  const WorkCalendar calendar = calendar_2026();
  EXPECT_FALSE(calendar.next_year_missing(d("2026-10-31")));
  EXPECT_TRUE(calendar.next_year_missing(d("2026-11-01")));
  EXPECT_FALSE(calendar.next_year_missing(d("2025-11-01")));  // 2026 is loaded
}

class CalendarDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "faxian_calendar_XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, std::string_view text) {
    ASSERT_TRUE(write_file_atomic(dir_ + "/" + name, text));
  }
  std::string dir_;
};

TEST_F(CalendarDirTest, LoadsEveryJsonFile) {
  write("2026.json", k2026);
  write("2027.json", R"({"year":2027,"holidays":["2027-01-01"],"workdays":[]})");
  write("README.md", "not a calendar");
  auto calendar = load_calendar_dir(dir_);
  ASSERT_TRUE(calendar) << calendar.error().to_string();
  EXPECT_EQ(calendar->years(), (std::vector<int>{2026, 2027}));
  EXPECT_FALSE(*calendar->is_working_day(d("2027-01-01")));
}

TEST_F(CalendarDirTest, ErrorsNameTheBadFile) {
  write("2026.json", R"({"year":2026,"holidays":["2026-13-01"],"workdays":[]})");
  auto calendar = load_calendar_dir(dir_);
  ASSERT_FALSE(calendar);
  EXPECT_NE(calendar.error().message.find("2026.json"), std::string::npos);
}

TEST_F(CalendarDirTest, FileNameMustMatchTheYearInside) {
  write("2025.json", k2026);
  EXPECT_EQ(load_calendar_dir(dir_).error().code, ErrorCode::kCorrupt);
}

TEST_F(CalendarDirTest, SameYearTwiceIsAnError) {
  write("a.json", k2026);
  write("b.json", k2026);
  EXPECT_EQ(load_calendar_dir(dir_).error().code, ErrorCode::kCorrupt);
}

TEST_F(CalendarDirTest, EmptyOrMissingFolderIsNotFound) {
  EXPECT_EQ(load_calendar_dir(dir_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(load_calendar_dir(dir_ + "/missing").error().code, ErrorCode::kNotFound);
}

TEST(ShippedCalendar, LoadsAndCoversTheShippedYears) {
  auto calendar = load_calendar_dir(faxian_source_dir() + "/data/calendar");
  ASSERT_TRUE(calendar) << calendar.error().to_string();
  EXPECT_EQ(calendar->years(), (std::vector<int>{2022, 2023, 2024, 2025, 2026}));
}

}  // namespace
}  // namespace faxian
