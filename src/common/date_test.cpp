#include "common/date.hpp"

#include <sstream>

#include <gtest/gtest.h>

namespace faxian {
namespace {

Date ymd(int year, int month, int day) {
  auto date = Date::from_ymd(year, month, day);
  EXPECT_TRUE(date.has_value()) << year << "-" << month << "-" << day;
  return date.value_or(Date());
}

TEST(LeapYear, FollowsGregorianRules) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2023));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2023, 4), 30);
  EXPECT_EQ(days_in_month(2023, 12), 31);
}

TEST(DateFromYmd, AcceptsRealDatesOnly) {
  EXPECT_TRUE(Date::from_ymd(2000, 2, 29));
  EXPECT_TRUE(Date::from_ymd(2024, 2, 29));
  EXPECT_FALSE(Date::from_ymd(1900, 2, 29));
  EXPECT_FALSE(Date::from_ymd(2023, 2, 29));
  EXPECT_FALSE(Date::from_ymd(1985, 2, 30));
  EXPECT_FALSE(Date::from_ymd(2023, 4, 31));
  EXPECT_FALSE(Date::from_ymd(2023, 13, 1));
  EXPECT_FALSE(Date::from_ymd(2023, 0, 1));
  EXPECT_FALSE(Date::from_ymd(2023, 1, 0));
  EXPECT_FALSE(Date::from_ymd(1799, 12, 31));
  EXPECT_TRUE(Date::from_ymd(1800, 1, 1));
  EXPECT_TRUE(Date::from_ymd(2200, 12, 31));
  EXPECT_FALSE(Date::from_ymd(2201, 1, 1));
}

TEST(DateFromYmd, ErrorSaysWhichDateInChinese) {
  auto date = Date::from_ymd(1985, 2, 30);
  ASSERT_FALSE(date);
  EXPECT_EQ(date.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(date.error().message.find("1985年2月30日"), std::string::npos);
}

TEST(DateParseIso, StrictFormat) {
  EXPECT_EQ(Date::parse_iso("2023-01-05")->iso(), "2023-01-05");
  EXPECT_FALSE(Date::parse_iso("2023-1-5"));
  EXPECT_FALSE(Date::parse_iso("2023/01/05"));
  EXPECT_FALSE(Date::parse_iso("2023-02-29"));
  EXPECT_FALSE(Date::parse_iso("+023-01-05"));
  EXPECT_FALSE(Date::parse_iso("2023-01-05 "));
  EXPECT_FALSE(Date::parse_iso(""));
}

TEST(Date, EpochAndFields) {
  EXPECT_EQ(ymd(1970, 1, 1).days_since_epoch(), 0);
  EXPECT_EQ(ymd(1969, 12, 31).days_since_epoch(), -1);
  const Date date = ymd(2024, 2, 29);
  EXPECT_EQ(date.year(), 2024);
  EXPECT_EQ(date.month(), 2);
  EXPECT_EQ(date.day(), 29);
  EXPECT_EQ(Date::from_days(date.days_since_epoch()), date);
}

TEST(Date, ArithmeticCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(ymd(2024, 2, 28).add_days(1), ymd(2024, 2, 29));
  EXPECT_EQ(ymd(2023, 2, 28).add_days(1), ymd(2023, 3, 1));
  EXPECT_EQ(ymd(2023, 12, 31).add_days(1), ymd(2024, 1, 1));
  EXPECT_EQ(ymd(2024, 3, 1) - ymd(2024, 2, 1), 29);
  EXPECT_EQ(ymd(2025, 1, 1) - ymd(2024, 1, 1), 366);
  EXPECT_EQ(ymd(1900, 3, 1) - ymd(1900, 2, 28), 1);
}

TEST(Date, Weekday) {
  EXPECT_EQ(ymd(1970, 1, 1).weekday(), 3);   // Thursday
  EXPECT_EQ(ymd(2026, 2, 12).weekday(), 3);  // Thursday
  EXPECT_EQ(ymd(2026, 2, 14).weekday(), 5);  // Saturday
  EXPECT_TRUE(ymd(2026, 2, 15).is_weekend());
  EXPECT_FALSE(ymd(2026, 2, 16).is_weekend());
  EXPECT_EQ(ymd(1969, 12, 29).weekday(), 0);  // Monday, before the epoch
  EXPECT_EQ(ymd(1800, 1, 1).weekday(), 2);    // Wednesday
}

TEST(Date, ComparisonAndIso) {
  EXPECT_LT(ymd(2023, 1, 5), ymd(2023, 1, 6));
  EXPECT_EQ(ymd(1800, 1, 1).iso(), "1800-01-01");
  EXPECT_EQ(ymd(2200, 12, 31).iso(), "2200-12-31");
}

TEST(YearsSince, CountsFullYears) {
  const Date birth = ymd(1990, 6, 15);
  EXPECT_EQ(ymd(2023, 6, 14).years_since(birth), 32);
  EXPECT_EQ(ymd(2023, 6, 15).years_since(birth), 33);
  EXPECT_EQ(ymd(1990, 6, 15).years_since(birth), 0);
}

TEST(YearsSince, TwentyNinthOfFebruaryBirthdayCountsOnFirstOfMarchInCommonYears) {
  const Date birth = ymd(2004, 2, 29);
  EXPECT_EQ(ymd(2022, 2, 28).years_since(birth), 17);
  EXPECT_EQ(ymd(2022, 3, 1).years_since(birth), 18);
  EXPECT_EQ(ymd(2024, 2, 28).years_since(birth), 19);
  EXPECT_EQ(ymd(2024, 2, 29).years_since(birth), 20);
}

TEST(Month, FromYmAndParse) {
  EXPECT_EQ(Month::from_ym(2023, 1)->iso(), "2023-01");
  EXPECT_FALSE(Month::from_ym(2023, 13));
  EXPECT_FALSE(Month::from_ym(2023, 0));
  EXPECT_EQ(Month::parse_iso("2024-02")->iso(), "2024-02");
  EXPECT_FALSE(Month::parse_iso("202402"));
  EXPECT_FALSE(Month::parse_iso("2024-2"));
}

TEST(Month, DaysAndArithmetic) {
  const Month february_2024 = *Month::from_ym(2024, 2);
  EXPECT_EQ(february_2024.first_day(), ymd(2024, 2, 1));
  EXPECT_EQ(february_2024.last_day(), ymd(2024, 2, 29));
  EXPECT_EQ(Month::from_ym(2023, 2)->last_day(), ymd(2023, 2, 28));
  EXPECT_EQ(Month::from_ym(1900, 2)->last_day(), ymd(1900, 2, 28));
  EXPECT_EQ(february_2024.add_months(11).iso(), "2025-01");
  EXPECT_EQ(february_2024.add_months(-2).iso(), "2023-12");
  EXPECT_EQ(Month::of(ymd(2023, 12, 31)).iso(), "2023-12");
  EXPECT_EQ(Month::from_ym(2024, 1)->index() - Month::from_ym(2023, 1)->index(), 12);
}

TEST(Month, DaysOfAMonthOutsideTheCheckedRangeAreStillComputed) {
  const Month far = Month::from_ym(2200, 12)->add_months(2);
  EXPECT_EQ(far.iso(), "2201-02");
  EXPECT_EQ(far.last_day() - far.first_day(), 27);
}

TEST(DateStream, PrintsIso) {
  std::ostringstream out;
  out << *Date::from_ymd(2024, 2, 29) << " " << *Month::from_ym(2024, 2);
  EXPECT_EQ(out.str(), "2024-02-29 2024-02");
}

}  // namespace
}  // namespace faxian
