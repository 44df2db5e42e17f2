#include "common/money.hpp"

#include <gtest/gtest.h>

namespace faxian {
namespace {

int64_t fen_of(std::string_view text) {
  auto money = Money::parse_yuan(text);
  EXPECT_TRUE(money.has_value()) << text << ": " << (money ? "" : money.error().to_string());
  return money ? money->fen() : INT64_MIN;
}

void expect_rejected(std::string_view text) {
  auto money = Money::parse_yuan(text);
  ASSERT_FALSE(money.has_value()) << text << " parsed as " << money->fen();
  EXPECT_EQ(money.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(money.error().message.empty());
}

TEST(MoneyParse, PlainAndThousandsSeparators) {
  EXPECT_EQ(fen_of("1,234.56"), 123456);
  EXPECT_EQ(fen_of("1234.56"), 123456);
  EXPECT_EQ(fen_of("1,234.5"), 123450);
  EXPECT_EQ(fen_of("1,234,567"), 123456700);
  EXPECT_EQ(fen_of("0"), 0);
  EXPECT_EQ(fen_of("0.05"), 5);
  EXPECT_EQ(fen_of("735"), 73500);
}

TEST(MoneyParse, CurrencySignsAndYuanSuffix) {
  EXPECT_EQ(fen_of("¥12"), 1200);
  EXPECT_EQ(fen_of("￥12.5元"), 1250);
  EXPECT_EQ(fen_of("12元"), 1200);
  EXPECT_EQ(fen_of(" ￥ 1,000.00 元 "), 100000);
}

TEST(MoneyParse, SignsAndSurroundingSpace) {
  EXPECT_EQ(fen_of("-3.00"), -300);
  EXPECT_EQ(fen_of("+3"), 300);
  EXPECT_EQ(fen_of("-¥3.5"), -350);
  EXPECT_EQ(fen_of("¥-3.5"), -350);
  EXPECT_EQ(fen_of("\t 42 \xE3\x80\x80"), 4200);
  EXPECT_EQ(fen_of("-0.00"), 0);
}

TEST(MoneyParse, FullWidthDigitsAreAccepted) {
  EXPECT_EQ(fen_of("１，２３４．５"), 123450);
}

TEST(MoneyParse, TrailingZerosBeyondTwoDecimalsAreExactSoAccepted) {
  EXPECT_EQ(fen_of("12.500"), 1250);
  EXPECT_EQ(fen_of("12.0000"), 1200);
}

TEST(MoneyParse, TooManyDecimalsIsAnError) {
  expect_rejected("1.234");
  expect_rejected("0.001");
  auto money = Money::parse_yuan("1.234");
  ASSERT_FALSE(money);
  EXPECT_NE(money.error().message.find("两位小数"), std::string::npos);
}

TEST(MoneyParse, GarbageIsAnError) {
  for (std::string_view text :
       {"",       "   ",    "abc",   "12a", "1.2.3",     "12.",       ".5",
        "--3",    "-¥-3",   "¥",     "元",  "1,23",      "12,345,67", ",123",
        "1,,234", "1.5E+4", "12 34", "NaN", "1,234.5,6", "¥¥12"}) {
    expect_rejected(text);
  }
}

TEST(MoneyParse, AmountsBeyondTenToTheThirteenYuanAreErrors) {
  EXPECT_EQ(fen_of("10000000000000"), 1'000'000'000'000'000);
  expect_rejected("10000000000001");
  expect_rejected("99999999999999999999999999");
}

TEST(MoneyFormat, YuanStringIsPlain) {
  EXPECT_EQ(Money::from_fen(123450).yuan_string(), "1234.50");
  EXPECT_EQ(Money::from_fen(-1200).yuan_string(), "-12.00");
  EXPECT_EQ(Money::from_fen(-5).yuan_string(), "-0.05");
  EXPECT_EQ(Money::from_fen(0).yuan_string(), "0.00");
}

TEST(MoneyFormat, YuanDisplayGroupsThousands) {
  EXPECT_EQ(Money::from_fen(123450).yuan_display(), "1,234.50");
  EXPECT_EQ(Money::from_fen(-123456789).yuan_display(), "-1,234,567.89");
  EXPECT_EQ(Money::from_fen(99999).yuan_display(), "999.99");
  EXPECT_EQ(Money::from_fen(100000).yuan_display(), "1,000.00");
}

TEST(MoneyFormat, DisplayRoundTripsThroughParse) {
  for (int64_t fen : {int64_t{0}, int64_t{1}, int64_t{-99}, int64_t{123456789012}}) {
    EXPECT_EQ(fen_of(Money::from_fen(fen).yuan_display()), fen);
    EXPECT_EQ(fen_of(Money::from_fen(fen).yuan_string()), fen);
  }
}

TEST(MoneyArithmetic, IsExactInFen) {
  Money total = Money::from_yuan(735);
  total += Money::from_fen(1);
  total -= Money::from_fen(2);
  EXPECT_EQ(total.fen(), 73499);
  EXPECT_EQ((Money::from_yuan(600) * 3).fen(), 180000);
  EXPECT_EQ((-Money::from_fen(5)).fen(), -5);
  EXPECT_LT(Money::from_fen(1), Money::from_fen(2));
  EXPECT_EQ(Money::from_yuan(1) + Money::from_fen(50), Money::from_fen(150));
}

}  // namespace
}  // namespace faxian
