#include "domain/rule_set.hpp"

#include <string>

#include <gtest/gtest.h>

#include "common/file_util.hpp"
#include "common/source_dir_for_tests.hpp"

namespace faxian {
namespace {

std::string shipped_text() {
  auto text = read_file(faxian_source_dir() + "/data/rules/default.toml");
  EXPECT_TRUE(text.has_value());
  return text.value_or("");
}

RuleSet shipped() {
  auto rules = parse_rule_set_toml(shipped_text());
  EXPECT_TRUE(rules.has_value()) << rules.error().to_string();
  return rules.value_or(RuleSet{});
}

// The shipped text with `from` replaced by `to` (which must occur once).
std::string edited(const std::string& from, const std::string& to) {
  std::string text = shipped_text();
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from << " occurs twice";
  if (at != std::string::npos)
    text.replace(at, from.size(), to);
  return text;
}

std::string error_of(const std::string& text) {
  auto rules = parse_rule_set_toml(text);
  EXPECT_FALSE(rules.has_value());
  return rules ? "" : rules.error().message;
}

TEST(RuleSetTest, ShippedDefaultsAreTheSpecsTable) {
  const RuleSet rules = shipped();
  const int points[] = {60, 60, 40, 20, 30, 50, 40, 20, 25, 50, 30, 30, 20, 20, 25};
  const WarningLevel floors[] = {
      WarningLevel::kOrange, WarningLevel::kOrange, WarningLevel::kYellow, WarningLevel::kYellow,
      WarningLevel::kYellow, WarningLevel::kOrange, WarningLevel::kOrange, WarningLevel::kYellow,
      WarningLevel::kYellow, WarningLevel::kOrange, WarningLevel::kOrange, WarningLevel::kYellow,
      WarningLevel::kYellow, WarningLevel::kOrange, WarningLevel::kYellow};
  for (int index = 0; index < 15; ++index) {
    const RuleConfig& rule = rules.rules[index];
    EXPECT_EQ(rule.id, rule_at(index));
    EXPECT_EQ(rule.kind, WarningKind::kNeed);
    EXPECT_TRUE(rule.enabled);
    EXPECT_EQ(rule.points, points[index]) << rule_code(rule.id);
    EXPECT_EQ(rule.floor, floors[index]) << rule_code(rule.id);
    EXPECT_FALSE(rule.actions.empty());
    EXPECT_FALSE(rule.departments.empty());
  }
  const RuleConfig& v01 = rules.rule(RuleId::kV01);
  EXPECT_EQ(v01.kind, WarningKind::kReview);
  EXPECT_EQ(v01.floor, std::nullopt);
  EXPECT_EQ(v01.thresholds.months, 6);
  EXPECT_EQ(v01.thresholds.window_days, 180);

  const RuleThresholds& r03 = rules.rule(RuleId::kR03).thresholds;
  EXPECT_EQ(r03.min_amount, Money::from_yuan(10000));
  EXPECT_EQ(r03.income_multiple_bp, 20000);
  EXPECT_EQ(r03.share_bp, 5000);
  EXPECT_EQ(r03.window_days, 365);
  const RuleThresholds& r06 = rules.rule(RuleId::kR06).thresholds;
  EXPECT_EQ(r06.min_age, 18);
  EXPECT_EQ(r06.max_age, 59);
  EXPECT_EQ(r06.share_bp, 5000);
  EXPECT_EQ(rules.rule(RuleId::kR10).thresholds.window_days, 90);
  EXPECT_EQ(rules.rule(RuleId::kR11).thresholds.window_days, 730);
  EXPECT_EQ(rules.rule(RuleId::kR11).thresholds.share_bp, 8000);
  EXPECT_EQ(rules.rule(RuleId::kR13).thresholds.min_amount, Money::from_yuan(8000));
  EXPECT_EQ(rules.rule(RuleId::kR14).thresholds.min_count, 2);
  EXPECT_EQ(rules.rule(RuleId::kR08).thresholds.min_age, 80);
  EXPECT_EQ(rules.rule(RuleId::kR01).name, "应保未保");
  EXPECT_EQ(rules.suppress_after_no_need_days, 30);
  EXPECT_EQ(rules.suppress_after_declined_days, 90);
}

TEST(RuleSetTest, ScoreLevelsAtTheirCutOffs) {
  const RuleSet rules = shipped();
  EXPECT_EQ(rules.level_of_score(19), std::nullopt);
  EXPECT_EQ(rules.level_of_score(20), WarningLevel::kYellow);
  EXPECT_EQ(rules.level_of_score(49), WarningLevel::kYellow);
  EXPECT_EQ(rules.level_of_score(50), WarningLevel::kOrange);
  EXPECT_EQ(rules.level_of_score(79), WarningLevel::kOrange);
  EXPECT_EQ(rules.level_of_score(80), WarningLevel::kRed);
  EXPECT_EQ(rules.level_of_score(100), WarningLevel::kRed);
}

TEST(RuleSetTest, SeriousIllnessCodesAsTheSpecReadsThem) {
  const RuleSet rules = shipped();
  const SeriousIllnessCodes& codes = rules.serious_illness;
  for (const char* code : {"C00", "C34.1", "C97", "c50.9", "I60", "I64.x", "B20", "B24", "N18.5",
                           "n18.6", "I21.0", "D61.9", "F20.0", " C18 "}) {
    EXPECT_TRUE(codes.matches(code)) << code;
  }
  for (const char* code :
       {"C98", "D00", "I59", "I65", "B19", "B25", "N18.4", "N18", "I22", "D60", "F21", "", "C"}) {
    EXPECT_FALSE(codes.matches(code)) << code;
  }
}

TEST(RuleSetTest, ChangedThresholdsAreReadExactly) {
  auto rules = parse_rule_set_toml(edited("min_amount = 10000", "min_amount = 9999.99"));
  ASSERT_TRUE(rules.has_value()) << rules.error().to_string();
  EXPECT_EQ(rules->rule(RuleId::kR03).thresholds.min_amount, Money::from_fen(999999));
  auto multiple = parse_rule_set_toml(
      edited("min_age = 80\nincome_multiple = 2", "min_age = 80\nincome_multiple = 1.75"));
  ASSERT_TRUE(multiple.has_value()) << multiple.error().to_string();
  EXPECT_EQ(multiple->rule(RuleId::kR08).thresholds.income_multiple_bp, 17500);
}

TEST(RuleSetTest, BadFilesAreRefusedNamingTheKey) {
  EXPECT_NE(error_of(edited("points = 25\nfloor = \"yellow\"\nwindow_days = 365",
                            "points = 15\nfloor = \"yellow\"\nwindow_days = 365"))
                .find("rules.R09.points"),
            std::string::npos);
  EXPECT_NE(error_of(edited("[rules.R14]", "[rules.R16]")).find("rules.R16"), std::string::npos);
  EXPECT_NE(error_of(edited("min_count = 2", "min_cuont = 2")).find("rules.R14.min_cuont"),
            std::string::npos);
  EXPECT_NE(error_of(edited("min_age = 18", "min_age = 60")).find("rules.R06.max_age"),
            std::string::npos);
  EXPECT_NE(error_of(edited("red_score = 80", "red_score = 40")).find("levels"), std::string::npos);
  EXPECT_NE(error_of(edited("min_amount = 10000", "min_amount = 100.001")).find("最多 2 位小数"),
            std::string::npos);
  EXPECT_NE(error_of(edited("ranges = [\"C00-C97\"", "ranges = [\"C97-C00\"")).find("C97-C00"),
            std::string::npos);
  EXPECT_NE(error_of("[levels\n").find("第 1 行"), std::string::npos);
  // A rule left out is an error, not a rule silently off.
  std::string text = shipped_text();
  text = text.substr(0, text.find("[rules.V01]"));
  EXPECT_NE(error_of(text).find("rules.V01"), std::string::npos);
}

TEST(RuleSetTest, DiffListsEveryChangedValue) {
  const RuleSet before = shipped();
  auto after = parse_rule_set_toml(edited("min_amount = 10000", "min_amount = 8000"));
  ASSERT_TRUE(after.has_value());
  EXPECT_TRUE(rule_set_diff(before, before).empty());
  const auto diff = rule_set_diff(before, *after);
  ASSERT_EQ(diff.size(), 1u);
  EXPECT_EQ(diff[0], "R03.min_amount: 10000.00 → 8000.00");
}

TEST(RuleSetTest, RuleCodesRoundTrip) {
  for (int index = 0; index < kRuleCount; ++index)
    EXPECT_EQ(find_rule(rule_code(rule_at(index))), rule_at(index));
  EXPECT_EQ(find_rule("R16"), std::nullopt);
  EXPECT_EQ(find_level("red"), WarningLevel::kRed);
  EXPECT_EQ(find_level("purple"), std::nullopt);
}

}  // namespace
}  // namespace faxian
