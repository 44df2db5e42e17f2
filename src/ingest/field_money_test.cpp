#include "ingest/field_money.hpp"

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

int64_t fen_of(const Cell& cell, AmountSign sign = AmountSign::kNonNegative) {
  auto money = parse_money(cell, sign);
  EXPECT_TRUE(money) << cell.text << ": " << (money ? "" : money.error().zh);
  return money ? money->fen() : -999;
}

TEST(FieldMoneyTest, EveryTextForm) {
  for (const char* text : {"1234.50", "1234.5", "1,234.50", "¥1,234.50", "￥1234.5", "1234.50元",
                           "￥1,234.50元", " 1234.50 ", "¥ 1234.50", "1234.500",
                           "\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94.5"}) {  // １２３４.5
    EXPECT_EQ(fen_of(text_cell(text)), 123450) << text;
  }
  EXPECT_EQ(fen_of(text_cell("0")), 0);
  EXPECT_EQ(fen_of(text_cell("0.07")), 7);
  EXPECT_EQ(fen_of(text_cell("1806")), 180600);
  EXPECT_EQ(fen_of(text_cell("-0.00")), 0);
}

TEST(FieldMoneyTest, TextErrors) {
  for (const char* text : {"12.345", "1000.005", "abc", "1,23.00", "12..3", "1.2e3", "¥", "元",
                           "--5", "10000000000001"}) {
    auto money = parse_money(text_cell(text), AmountSign::kAny);
    ASSERT_FALSE(money) << text;
    EXPECT_EQ(money.error().code, issue_code::kBadMoney) << text;
    EXPECT_NE(money.error().zh.find("金额"), std::string::npos) << money.error().zh;
    EXPECT_NE(money.error().en.find("amount"), std::string::npos) << money.error().en;
  }
  EXPECT_NE(parse_money(text_cell("12.345"), AmountSign::kAny).error().zh.find("两位小数"),
            std::string::npos);
}

TEST(FieldMoneyTest, NegativeAmounts) {
  auto refused = parse_money(text_cell("-500.00"), AmountSign::kNonNegative);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, issue_code::kNegativeAmount);
  EXPECT_NE(refused.error().zh.find("-500.00"), std::string::npos) << refused.error().zh;
  EXPECT_EQ(fen_of(text_cell("-500.00"), AmountSign::kAny), -50000);
  EXPECT_EQ(fen_of(text_cell("¥-1,234.50"), AmountSign::kAny), -123450);
  EXPECT_EQ(parse_money(number_cell("-1", -1), AmountSign::kNonNegative).error().code,
            issue_code::kNegativeAmount);
  EXPECT_EQ(fen_of(number_cell("-1", -1), AmountSign::kAny), -100);
}

TEST(FieldMoneyTest, NumberCellsAreExact) {
  EXPECT_EQ(fen_of(number_cell("1234.5", 1234.5)), 123450);
  EXPECT_EQ(fen_of(number_cell("81235", 81235)), 8123500);
  EXPECT_EQ(fen_of(number_cell("0.07", 0.07)), 7);
  // What a writer using %.17g stores: binary-fraction noise beyond Excel's 15 digits.
  EXPECT_EQ(fen_of(number_cell("0.07000000000000001", 0.07)), 7);
  EXPECT_EQ(fen_of(number_cell("0.30000000000000004", 0.3)), 30);
  EXPECT_EQ(fen_of(number_cell("1234.5600000000002", 1234.56)), 123456);
  EXPECT_EQ(fen_of(number_cell("1234.5599999999999", 1234.56)), 123456);
  EXPECT_EQ(fen_of(number_cell("9.9999999999999982", 10)), 1000);
  EXPECT_EQ(fen_of(number_cell("1.2345E+3", 1234.5)), 123450);
  EXPECT_EQ(fen_of(number_cell("1E-2", 0.01)), 1);
}

TEST(FieldMoneyTest, NumberCellErrors) {
  for (const Cell& cell :
       {number_cell("12.345", 12.345), number_cell("1E-3", 0.001), number_cell("1.2.3", 0),
        number_cell("", 0), number_cell("1E+99999", 0), number_cell("abc", 0), number_cell("1e", 0),
        number_cell("5E17", 5e17)}) {
    auto money = parse_money(cell, AmountSign::kAny);
    ASSERT_FALSE(money) << cell.text;
    EXPECT_EQ(money.error().code, issue_code::kBadMoney) << cell.text;
  }
  EXPECT_EQ(money_from_number_text("10000000000000").value().fen(), 1'000'000'000'000'000);
  EXPECT_FALSE(money_from_number_text("10000000000000.1"));
}

TEST(FieldMoneyTest, BoundariesAreExact) {
  EXPECT_EQ(fen_of(text_cell("0.01")), 1);
  EXPECT_EQ(fen_of(text_cell("9,999,999,999,999.99")), 999'999'999'999'999);
  EXPECT_EQ(fen_of(text_cell("10,000,000,000,000")), 1'000'000'000'000'000);
  EXPECT_EQ(fen_of(number_cell("9999.99", 9999.99)), 999999);
  EXPECT_EQ(fen_of(number_cell("4999.99", 4999.99)), 499999);
}

TEST(FieldMoneyTest, OtherCellKinds) {
  EXPECT_EQ(parse_money(empty_cell(), AmountSign::kAny).error().code, issue_code::kMissingValue);
  EXPECT_EQ(parse_money(date_cell(45000), AmountSign::kAny).error().code, issue_code::kBadMoney);
  EXPECT_EQ(parse_money(bool_cell(true), AmountSign::kAny).error().code, issue_code::kBadMoney);
  EXPECT_EQ(parse_money(error_cell("#DIV/0!"), AmountSign::kAny).error().code,
            issue_code::kCellError);
}

}  // namespace
}  // namespace faxian::ingest
