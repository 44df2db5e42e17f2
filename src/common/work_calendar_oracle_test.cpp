// The shipped data/calendar/*.json loaded into WorkCalendar against chinese-days@1.5.7 itself
// (tests/oracles/check_workdays.mjs): isWorkday for every day of 2022–2026 and findWorkday(n)
// for n = 1, 5, 10, 20 from every one of those days. Where chinese-days' answer lies in 2027 —
// a year it silently treats as plain weeks — WorkCalendar must refuse (kUnavailable).

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/node_oracle_for_tests.hpp"
#include "common/source_dir_for_tests.hpp"
#include "common/work_calendar.hpp"

namespace faxian {
namespace {

constexpr int kSteps[] = {1, 5, 10, 20};

Date d(std::string_view iso) {
  return *Date::parse_iso(iso);
}

WorkCalendar shipped_calendar() {
  auto calendar = load_calendar_dir(faxian_source_dir() + "/data/calendar");
  EXPECT_TRUE(calendar) << calendar.error().to_string();
  return calendar ? *calendar : WorkCalendar();
}

struct OracleDay {
  Date date;
  bool working = false;
  std::vector<Date> after;  // findWorkday(n) for each of kSteps
};

std::vector<OracleDay> chinese_days_oracle(std::string_view first, std::string_view last) {
  auto lines = testing_support::run_node_oracle(
      "check_workdays.mjs", std::string(first) + " " + std::string(last), "chinese-days");
  if (!lines)
    return {};
  std::vector<OracleDay> days;
  for (const std::string& line : *lines) {
    std::istringstream fields(line);
    std::string date, working;
    fields >> date >> working;
    OracleDay day{d(date), working == "1", {}};
    for (std::string after; fields >> after;)
      day.after.push_back(d(after));
    days.push_back(day);
  }
  return days;
}

TEST(WorkCalendarOracle, EveryDayOf2022To2026MatchesChineseDays) {
  const WorkCalendar calendar = shipped_calendar();
  const std::vector<OracleDay> days = chinese_days_oracle("2022-01-01", "2026-12-31");
  ASSERT_EQ(days.size(), 1826u);  // 5 years, one of them (2024) leap
  int mismatches = 0;
  int working_days = 0;
  for (const OracleDay& day : days) {
    auto working = calendar.is_working_day(day.date);
    ASSERT_TRUE(working) << working.error().to_string();
    working_days += *working ? 1 : 0;
    if (*working != day.working && ++mismatches <= 10) {
      ADD_FAILURE() << day.date << ": WorkCalendar says " << *working << ", chinese-days "
                    << day.working;
    }
  }
  EXPECT_EQ(mismatches, 0);
  EXPECT_GT(working_days, 1200);  // about 249 a year: the comparison is not vacuous
  EXPECT_LT(working_days, 1300);
}

TEST(WorkCalendarOracle, AddWorkingDaysMatchesFindWorkdayOrRefusesIn2027) {
  const WorkCalendar calendar = shipped_calendar();
  const std::vector<OracleDay> days = chinese_days_oracle("2022-01-01", "2026-12-31");
  ASSERT_EQ(days.size(), 1826u);
  int mismatches = 0;
  int refusals = 0;
  for (const OracleDay& day : days) {
    ASSERT_EQ(day.after.size(), std::size(kSteps));
    for (std::size_t idx = 0; idx < day.after.size(); ++idx) {
      auto ours = calendar.add_working_days(day.date, kSteps[idx]);
      const bool expect_refusal = day.after[idx].year() == 2027;
      const bool agrees = expect_refusal ? !ours && ours.error().code == ErrorCode::kUnavailable
                                         : ours && *ours == day.after[idx];
      refusals += expect_refusal ? 1 : 0;
      if (!agrees && ++mismatches <= 10) {
        ADD_FAILURE() << kSteps[idx] << " working days after " << day.date << ": chinese-days "
                      << day.after[idx] << ", WorkCalendar "
                      << (ours ? ours->iso() : ours.error().to_string());
      }
    }
  }
  EXPECT_EQ(mismatches, 0);
  EXPECT_GT(refusals, 20);
}

TEST(WorkCalendarOracle, FiveWorkingDaysAfter12February2026Is26February) {
  const WorkCalendar calendar = shipped_calendar();
  EXPECT_EQ(*calendar.add_working_days(d("2026-02-12"), 5), d("2026-02-26"));
  EXPECT_EQ(*calendar.working_days_between(d("2026-02-12"), d("2026-02-26")), 5);
}

TEST(WorkCalendarOracle, DeadlineEntering2027IsUnavailableAndNamesTheYear) {
  const WorkCalendar calendar = shipped_calendar();
  auto deadline = calendar.add_working_days(d("2026-12-25"), 10);
  ASSERT_FALSE(deadline);
  EXPECT_EQ(deadline.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(deadline.error().message.find("2027"), std::string::npos) << deadline.error().message;
  EXPECT_NE(deadline.error().detail.find("2027"), std::string::npos);
}

TEST(WorkCalendarOracle, SpringFestival2026MakeUpWorkdaysAreWorkingDays) {
  const WorkCalendar calendar = shipped_calendar();
  // State Council 2026: 春节 15–23 February off; Saturdays 14 and 28 February are worked.
  const CalendarYear year = *calendar.year_data(2026);
  for (std::string_view make_up : {"2026-02-14", "2026-02-28"}) {
    EXPECT_TRUE(d(make_up).is_weekend()) << make_up;
    EXPECT_TRUE(*calendar.is_working_day(d(make_up))) << make_up;
    EXPECT_NE(std::find(year.workdays.begin(), year.workdays.end(), d(make_up)),
              year.workdays.end());
  }
  for (Date day = d("2026-02-15"); day <= d("2026-02-23"); day = day.add_days(1)) {
    EXPECT_FALSE(*calendar.is_working_day(day)) << day;
  }
  EXPECT_TRUE(*calendar.is_working_day(d("2026-02-24")));
}

}  // namespace
}  // namespace faxian
