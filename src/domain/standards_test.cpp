#include "domain/standards.hpp"
#include "common/source_dir_for_tests.hpp"

#include <gtest/gtest.h>

namespace faxian {
namespace {

constexpr std::string_view kTwoPeriods = R"(
[[period]]
from = "2023-09-01"
dibao_urban = 735.00
dibao_rural = 600
tekun = 955.50
source = "测试"
confirmed = false

[[period]]
from = 2024-09-01
dibao_urban = 750.01
dibao_rural = 610.00
tekun = 975.00

[[disposable_income]]
year = 2022
urban = 45509
rural = 19313.5
confirmed = false

[[disposable_income]]
year = 2023
urban = 47435
rural = 20820

[assets]
vehicle_exempt_value = 30000
deposit_months = 12

[rigid]
share_of_income = 0.75

[edge]
multiple = 1.5

[income]
excluded_types = ["其他", "pension"]

[temporary]
quick_aid_months = 1
township_aid_months = 6
)";

Date day(std::string_view iso) {
  return Date::parse_iso(iso).value();
}

TEST(StandardsTest, ParsesFiguresExactlyInFenAndBasisPoints) {
  auto standards = parse_standards_toml(kTwoPeriods);
  ASSERT_TRUE(standards.has_value()) << standards.error().to_string();
  ASSERT_EQ(standards->periods.size(), 2u);
  const StandardsPeriod& first = standards->periods[0];
  EXPECT_EQ(first.from, day("2023-09-01"));
  EXPECT_EQ(first.dibao_urban.fen(), 73500);
  EXPECT_EQ(first.dibao_rural.fen(), 60000);
  EXPECT_EQ(first.tekun.fen(), 95550);
  EXPECT_EQ(first.source, "测试");
  EXPECT_FALSE(first.confirmed);
  EXPECT_TRUE(standards->periods[1].confirmed);
  EXPECT_EQ(standards->periods[1].dibao_urban.fen(), 75001);
  EXPECT_EQ(standards->disposable_income[0].rural.fen(), 1931350);
  EXPECT_EQ(standards->vehicle_exempt_value, Money::from_yuan(30000));
  EXPECT_EQ(standards->deposit_months, 12);
  EXPECT_EQ(standards->rigid_share_bp, 7500);
  EXPECT_EQ(standards->edge_multiple_bp, 15000);
  EXPECT_EQ(standards->excluded_income_types, (std::vector<std::string>{"其他", "养老金"}));
  EXPECT_EQ(standards->quick_aid_months, 1);
  EXPECT_EQ(standards->township_aid_months, 6);
  EXPECT_EQ(standards->toml_text, kTwoPeriods);
}

TEST(StandardsTest, PeriodInForceIsTheLatestFromNotAfterTheDate) {
  auto standards = parse_standards_toml(kTwoPeriods).value();
  EXPECT_EQ(standards.period_on(day("2023-08-31")), nullptr);
  EXPECT_EQ(standards.period_on(day("2023-09-01"))->dibao_urban.fen(), 73500);
  EXPECT_EQ(standards.period_on(day("2024-08-31"))->dibao_urban.fen(), 73500);
  EXPECT_EQ(standards.period_on(day("2024-09-01"))->dibao_urban.fen(), 75001);
  EXPECT_EQ(standards.dibao_on(day("2030-01-01"), AreaType::kRural).value().fen(), 61000);
  auto missing = standards.dibao_on(day("2020-01-01"), AreaType::kUrban);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kUnavailable);
}

TEST(StandardsTest, DisposableIncomeFallsBackToAnEarlierYearAndSaysSo) {
  auto standards = parse_standards_toml(kTwoPeriods).value();
  bool gap = true;
  EXPECT_EQ(standards.disposable_for_year(2023, &gap).value().year, 2023);
  EXPECT_FALSE(gap);
  EXPECT_EQ(standards.disposable_for_year(2025, &gap).value().year, 2023);
  EXPECT_TRUE(gap);
  EXPECT_EQ(standards.disposable_for_year(2021).error().code, ErrorCode::kUnavailable);
}

TEST(StandardsTest, SectionsAreOptionalWithDefaults) {
  auto standards = parse_standards_toml(
      "[[period]]\nfrom = \"2021-09-01\"\ndibao_urban = 636\ndibao_rural = 515\ntekun = 827\n");
  ASSERT_TRUE(standards.has_value()) << standards.error().to_string();
  EXPECT_EQ(standards->deposit_months, 24);
  EXPECT_EQ(standards->rigid_share_bp, 6000);
  EXPECT_EQ(standards->edge_multiple_bp, 15000);
  EXPECT_EQ(standards->township_aid_months, 4);
  EXPECT_TRUE(standards->excluded_income_types.empty());
}

struct BadStandardsCase {
  std::string_view name;
  std::string_view toml;
  std::string_view message_part;
};

class BadStandardsTest : public testing::TestWithParam<BadStandardsCase> {};

TEST_P(BadStandardsTest, IsRejectedWithAChineseMessageNamingTheKey) {
  auto standards = parse_standards_toml(GetParam().toml);
  ASSERT_FALSE(standards.has_value());
  EXPECT_EQ(standards.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(standards.error().message.find(GetParam().message_part), std::string::npos)
      << standards.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadStandardsTest,
    testing::Values(
        BadStandardsCase{"syntax", "[[period]\nfrom = 1", "语法错误"},
        BadStandardsCase{"no_period", "[edge]\nmultiple = 1.5\n", "[[period]]"},
        BadStandardsCase{"missing_figure",
                         "[[period]]\nfrom = \"2021-09-01\"\ndibao_urban = 1\ntekun = 2\n",
                         "dibao_rural"},
        BadStandardsCase{"zero_figure",
                         "[[period]]\nfrom = \"2021-09-01\"\ndibao_urban = 0\ndibao_rural = 1\n"
                         "tekun = 1\n",
                         "dibao_urban"},
        BadStandardsCase{"three_decimals",
                         "[[period]]\nfrom = \"2021-09-01\"\ndibao_urban = 1.005\n"
                         "dibao_rural = 1\ntekun = 1\n",
                         "2 位小数"},
        BadStandardsCase{"bad_date",
                         "[[period]]\nfrom = \"2021-02-30\"\ndibao_urban = 1\ndibao_rural = 1\n"
                         "tekun = 1\n",
                         "from"},
        BadStandardsCase{"unsorted",
                         "[[period]]\nfrom = \"2022-09-01\"\ndibao_urban = 1\ndibao_rural = 1\n"
                         "tekun = 1\n[[period]]\nfrom = \"2021-09-01\"\ndibao_urban = 1\n"
                         "dibao_rural = 1\ntekun = 1\n",
                         "递增"},
        BadStandardsCase{"unknown_key",
                         "[[period]]\nfrom = \"2021-09-01\"\ndibao_urbn = 1\ndibao_urban = 1\n"
                         "dibao_rural = 1\ntekun = 1\n",
                         "dibao_urbn"},
        BadStandardsCase{"zero_ratio",
                         "[[period]]\nfrom = \"2021-09-01\"\ndibao_urban = 1\ndibao_rural = 1\n"
                         "tekun = 1\n[rigid]\nshare_of_income = 0\n",
                         "share_of_income"},
        BadStandardsCase{"negative_multiple",
                         "[[period]]\nfrom = \"2021-09-01\"\ndibao_urban = 1\ndibao_rural = 1\n"
                         "tekun = 1\n[edge]\nmultiple = -1.5\n",
                         "multiple"},
        BadStandardsCase{"unknown_income_type",
                         "[[period]]\nfrom = \"2021-09-01\"\ndibao_urban = 1\ndibao_rural = 1\n"
                         "tekun = 1\n[income]\nexcluded_types = [\"彩票\"]\n",
                         "excluded_types"},
        BadStandardsCase{"duplicate_year",
                         "[[period]]\nfrom = \"2021-09-01\"\ndibao_urban = 1\ndibao_rural = 1\n"
                         "tekun = 1\n[[disposable_income]]\nyear = 2022\nurban = 1\nrural = 1\n"
                         "[[disposable_income]]\nyear = 2022\nurban = 1\nrural = 1\n",
                         "year"},
        BadStandardsCase{"zero_months",
                         "[[period]]\nfrom = \"2021-09-01\"\ndibao_urban = 1\ndibao_rural = 1\n"
                         "tekun = 1\n[temporary]\nquick_aid_months = 0\n",
                         "quick_aid_months"}),
    [](const testing::TestParamInfo<BadStandardsCase>& info) {
      return std::string(info.param.name);
    });

TEST(StandardsTest, LoadsTheShippedChongqingFile) {
  auto standards = load_standards_file(faxian_source_dir() + "/data/standards/chongqing.toml");
  ASSERT_TRUE(standards.has_value()) << standards.error().to_string();
  EXPECT_EQ(standards->periods.size(), 5u);
  EXPECT_EQ(standards->dibao_on(day("2025-07-01"), AreaType::kUrban).value().fen(), 77000);
  EXPECT_EQ(standards->dibao_on(day("2025-06-30"), AreaType::kRural).value().fen(), 61000);
  EXPECT_EQ(standards->period_on(day("2025-12-31"))->tekun.fen(), 100100);
  EXPECT_EQ(standards->rigid_share_bp, 6000);
  EXPECT_FALSE(standards->toml_text.empty());
}

TEST(StandardsTest, MissingFileIsAnError) {
  EXPECT_FALSE(load_standards_file("/nonexistent/standards.toml").has_value());
}

}  // namespace
}  // namespace faxian
