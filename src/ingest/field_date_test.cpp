#include "ingest/field_date.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "ingest/field_test_cells.hpp"

namespace faxian::ingest {
namespace {

using testing::bool_cell;
using testing::date_cell;
using testing::empty_cell;
using testing::error_cell;
using testing::number_cell;
using testing::text_cell;

Date ymd(int y, int m, int d) {
  return *Date::from_ymd(y, m, d);
}

TEST(FieldDateTest, EveryTextFormat) {
  for (const char* text :
       {"2023-01-05", "2023/1/5", "2023.1.5", "20230105", "2023年1月5日", "2023-1-5", "2023/01/05",
        "2023.01.05", "2023年01月05日", " 2023-01-05 ",
        "\xE3\x80\x80"
        "2023/1/5",
        "2023-01-05 00:00:00", "2023-01-05 14:30", "2023-01-05T14:30:00",
        "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x93-\xEF\xBC\x90\xEF\xBC\x91-"
        "\xEF\xBC\x90\xEF\xBC\x95",  // ２０２３-０１-０５
        "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x93年\xEF\xBC\x91月\xEF\xBC\x95日"}) {
    auto date = parse_date(text_cell(text));
    ASSERT_TRUE(date) << text << ": " << date.error().zh;
    EXPECT_EQ(*date, ymd(2023, 1, 5)) << text;
  }
}

TEST(FieldDateTest, DatesThatDoNotExistNameTheDate) {
  for (const char* text : {"2023-02-30", "2023/2/30", "2023.2.30", "20230230", "2023年2月30日"}) {
    auto date = parse_date(text_cell(text));
    ASSERT_FALSE(date) << text;
    EXPECT_EQ(date.error().code, issue_code::kBadDate);
    EXPECT_NE(date.error().zh.find(text), std::string::npos) << date.error().zh;
    EXPECT_NE(date.error().zh.find("2023年2月只有28天"), std::string::npos) << date.error().zh;
    EXPECT_NE(date.error().en.find(text), std::string::npos) << date.error().en;
  }
  EXPECT_TRUE(parse_date(text_cell("2024-02-29")));
  EXPECT_FALSE(parse_date(text_cell("2023-02-29")));
  EXPECT_NE(parse_date(text_cell("2023-13-01")).error().zh.find("月份应为1至12"),
            std::string::npos);
  EXPECT_NE(parse_date(text_cell("2023-00-10")).error().zh.find("月份应为1至12"),
            std::string::npos);
  EXPECT_NE(parse_date(text_cell("2023-01-00")).error().zh.find("日应为1至31"), std::string::npos);
  EXPECT_NE(parse_date(text_cell("1799-12-31")).error().zh.find("1800"), std::string::npos);
}

TEST(FieldDateTest, UnreadableForms) {
  for (const char* text :
       {"2023-1/5", "23-01-05", "2023-001-05", "abc", "2023-01-05x", "2023.1.5.", "45292",
        "2023年1月5", "2023 01 05", "2023-01", "2023-01-05 25", "2023-01-05 9:5", "１"}) {
    auto date = parse_date(text_cell(text));
    ASSERT_FALSE(date) << text;
    EXPECT_EQ(date.error().code, issue_code::kBadDate) << text;
    EXPECT_NE(date.error().zh.find("无法识别"), std::string::npos) << text;
  }
}

TEST(FieldDateTest, ExcelSerials) {
  EXPECT_EQ(*date_from_excel_serial(1), ymd(1900, 1, 1));
  EXPECT_EQ(*date_from_excel_serial(59), ymd(1900, 2, 28));
  EXPECT_EQ(*date_from_excel_serial(61), ymd(1900, 3, 1));
  EXPECT_EQ(*date_from_excel_serial(25569), ymd(1970, 1, 1));
  EXPECT_EQ(*date_from_excel_serial(44931), ymd(2023, 1, 5));
  EXPECT_EQ(*date_from_excel_serial(45292.75), ymd(2024, 1, 1));
  auto bug_day = date_from_excel_serial(60);
  ASSERT_FALSE(bug_day);
  EXPECT_NE(bug_day.error().zh.find("1900年2月29日"), std::string::npos);
  for (double bad : {0.0, 0.5, -1.0, 1e9, std::nan(""), std::numeric_limits<double>::infinity(),
                     -std::numeric_limits<double>::infinity()}) {
    auto date = date_from_excel_serial(bad);
    ASSERT_FALSE(date) << bad;
    EXPECT_EQ(date.error().code, issue_code::kBadDate);
  }
  EXPECT_EQ(*date_from_excel_serial(109'939), ymd(2200, 12, 31));
  EXPECT_FALSE(date_from_excel_serial(109'940));
}

TEST(FieldDateTest, CellKinds) {
  EXPECT_EQ(*parse_date(date_cell(44931)), ymd(2023, 1, 5));
  EXPECT_EQ(*parse_date(number_cell("44931", 44931)), ymd(2023, 1, 5));
  EXPECT_EQ(*parse_date(number_cell("20230105", 20230105)), ymd(2023, 1, 5));
  EXPECT_EQ(parse_date(number_cell("20230230", 20230230)).error().code, issue_code::kBadDate);
  EXPECT_EQ(parse_date(empty_cell()).error().code, issue_code::kMissingValue);
  EXPECT_EQ(parse_date(bool_cell(true)).error().code, issue_code::kBadDate);
  EXPECT_EQ(parse_date(error_cell("#VALUE!")).error().code, issue_code::kCellError);
}

TEST(FieldDateTimeTest, TextForms) {
  const LocalDateTime half_past_nine{ymd(2023, 1, 5), 9 * 3600 + 30 * 60};
  for (const char* text : {"2023-01-05 09:30", "2023-01-05 09:30:00", "2023/1/5 9:30",
                           "2023.1.5 09:30", "20230105 09:30", "2023年1月5日 09:30:00",
                           "2023-01-05T09:30:00", "2023-01-05  09:30", "2023-01-05 09:30:00.000",
                           "2023-01-05 09\xEF\xBC\x9A"
                           "30"}) {  // full-width colon
    auto time = parse_date_time(text_cell(text));
    ASSERT_TRUE(time) << text << ": " << time.error().zh;
    EXPECT_EQ(*time, half_past_nine) << text;
  }
  EXPECT_EQ(*parse_date_time(text_cell("2023-01-05 09:30:15")),
            (LocalDateTime{ymd(2023, 1, 5), 9 * 3600 + 30 * 60 + 15}));
  EXPECT_EQ(*parse_date_time(text_cell("2023-01-05")), (LocalDateTime{ymd(2023, 1, 5), 0}));
}

TEST(FieldDateTimeTest, Errors) {
  auto no_such_day = parse_date_time(text_cell("2026-02-30 10:00"));
  ASSERT_FALSE(no_such_day);
  EXPECT_EQ(no_such_day.error().code, issue_code::kBadDate);
  EXPECT_NE(no_such_day.error().zh.find("2026-02-30 10:00"), std::string::npos);
  for (const char* text : {"2023-01-05 24:00", "2023-01-05 12:60", "2023-01-05 12:00:60"}) {
    auto time = parse_date_time(text_cell(text));
    ASSERT_FALSE(time) << text;
    EXPECT_EQ(time.error().code, issue_code::kBadDateTime) << text;
    EXPECT_NE(time.error().zh.find("不存在"), std::string::npos) << text;
  }
  for (const char* text : {"09:30", "2023-01-05 9", "2023-01-05 9:5", "2023-01-05 09:30:1",
                           "2023-01-05 09:30 PM", "2023-01-05 09:30:00."}) {
    auto time = parse_date_time(text_cell(text));
    ASSERT_FALSE(time) << text;
    EXPECT_EQ(time.error().code, issue_code::kBadDateTime) << text;
  }
}

TEST(FieldDateTimeTest, Serials) {
  EXPECT_EQ(*parse_date_time(date_cell(44931.5)), (LocalDateTime{ymd(2023, 1, 5), 12 * 3600}));
  EXPECT_EQ(*parse_date_time(number_cell("44931.395833333336", 44931.395833333336)),
            (LocalDateTime{ymd(2023, 1, 5), 9 * 3600 + 30 * 60}));
  EXPECT_EQ(*parse_date_time(date_cell(44931.9999999999)), (LocalDateTime{ymd(2023, 1, 6), 0}));
  EXPECT_EQ(*parse_date_time(number_cell("20230105", 20230105)),
            (LocalDateTime{ymd(2023, 1, 5), 0}));
  EXPECT_FALSE(date_time_from_excel_serial(59.9999999999));  // rounds up into 1900-02-29
  EXPECT_FALSE(date_time_from_excel_serial(std::nan("")));
}

TEST(FieldMonthTest, Forms) {
  const Month january = *Month::from_ym(2023, 1);
  for (const char* text : {"2023-01", "2023-1", "202301", "2023年1月", "2023年01月", "2023/01",
                           "2023.1", " 2023-01 ", "2023-01-05", "2023年1月5日", "20230131"}) {
    auto month = parse_month(text_cell(text));
    ASSERT_TRUE(month) << text << ": " << month.error().zh;
    EXPECT_EQ(*month, january) << text;
  }
  EXPECT_EQ(*parse_month(date_cell(44931)), january);
  EXPECT_EQ(*parse_month(number_cell("202301", 202301)), january);
  EXPECT_EQ(*parse_month(number_cell("20230105", 20230105)), january);
  EXPECT_EQ(*parse_month(number_cell("44931", 44931)), january);
}

TEST(FieldMonthTest, Errors) {
  for (const char* text : {"2026-13", "202613", "2026年13月", "2026-00", "2023-02-30"}) {
    auto month = parse_month(text_cell(text));
    ASSERT_FALSE(month) << text;
    EXPECT_EQ(month.error().code, issue_code::kBadMonth) << text;
    EXPECT_NE(month.error().zh.find("不存在"), std::string::npos) << month.error().zh;
  }
  for (const char* text : {"2023", "23-01", "2023-001", "2023年1", "一月", "2023-01-"}) {
    auto month = parse_month(text_cell(text));
    ASSERT_FALSE(month) << text;
    EXPECT_EQ(month.error().code, issue_code::kBadMonth) << text;
    EXPECT_NE(month.error().zh.find("无法识别"), std::string::npos) << text;
  }
  EXPECT_EQ(parse_month(number_cell("202613", 202613)).error().code, issue_code::kBadMonth);
  EXPECT_EQ(parse_month(bool_cell(false)).error().code, issue_code::kBadMonth);
  EXPECT_EQ(parse_month(date_cell(60)).error().code, issue_code::kBadMonth);
}

}  // namespace
}  // namespace faxian::ingest
