#include "screen/evaluation.hpp"

#include <gtest/gtest.h>

#include "screen/evaluation_test_support.hpp"

namespace faxian::screen {
namespace {

using namespace eval_testing;

// Four households: A and C in need, B none, D only up for review (V01).
std::vector<TruthRow> four_truths() {
  return {truth("A", true, {RuleId::kR01}), truth("B", false, {}),
          truth("C", true, {RuleId::kR02, RuleId::kR03}), truth("D", false, {RuleId::kV01})};
}

std::vector<EvalPrediction> perfect_predictions() {
  return {need("A", {RuleId::kR01}), need("C", {RuleId::kR02, RuleId::kR03}), review("D")};
}

const RuleEval& rule_of(const EvalReport& report, RuleId rule) {
  return report.by_rule[static_cast<size_t>(rule)];
}

TEST(Evaluation, PerfectPrediction) {
  const EvalReport report = evaluate(perfect_predictions(), four_truths(), {});
  EXPECT_EQ(report.overall, (EvalCounts{.tp = 2, .fp = 0, .fn = 0, .tn = 2}));
  EXPECT_EQ(recall(report.overall), 1.0);
  EXPECT_EQ(precision(report.overall), 1.0);
  EXPECT_EQ(f1(report.overall), 1.0);
  ASSERT_EQ(report.by_rule.size(), 16u);
  EXPECT_EQ(rule_of(report, RuleId::kR01).counts, (EvalCounts{1, 0, 0, 3}));
  EXPECT_EQ(rule_of(report, RuleId::kR03).counts, (EvalCounts{1, 0, 0, 3}));
  EXPECT_EQ(rule_of(report, RuleId::kV01).counts, (EvalCounts{1, 0, 0, 3}));
  EXPECT_EQ(rule_of(report, RuleId::kR09).counts, (EvalCounts{0, 0, 0, 4}));
  EXPECT_EQ(report.truth_households, 4);
  EXPECT_EQ(report.predicted_households, 3);
  EXPECT_EQ(report.unknown_to_truth, 0);
}

TEST(Evaluation, OneFalsePositive) {
  auto predictions = perfect_predictions();
  predictions.push_back(need("B", {RuleId::kR04}));
  const EvalReport report = evaluate(predictions, four_truths(), {});
  EXPECT_EQ(report.overall, (EvalCounts{2, 1, 0, 1}));
  EXPECT_EQ(recall(report.overall), 1.0);
  EXPECT_DOUBLE_EQ(*precision(report.overall), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*f1(report.overall), 0.8);  // 2·2 / (2·2 + 1)
  EXPECT_EQ(rule_of(report, RuleId::kR04).counts, (EvalCounts{0, 1, 0, 3}));
  EXPECT_EQ(recall(rule_of(report, RuleId::kR04).counts), std::nullopt);
  EXPECT_EQ(precision(rule_of(report, RuleId::kR04).counts), 0.0);
  EXPECT_EQ(f1(rule_of(report, RuleId::kR04).counts), 0.0);
}

TEST(Evaluation, OneFalseNegative) {
  const std::vector<EvalPrediction> predictions = {need("A", {RuleId::kR01}), review("D")};
  const EvalReport report = evaluate(predictions, four_truths(), {});
  EXPECT_EQ(report.overall, (EvalCounts{1, 0, 1, 2}));
  EXPECT_EQ(recall(report.overall), 0.5);
  EXPECT_EQ(precision(report.overall), 1.0);
  EXPECT_DOUBLE_EQ(*f1(report.overall), 2.0 / 3.0);
  EXPECT_EQ(rule_of(report, RuleId::kR02).counts, (EvalCounts{0, 0, 1, 3}));
  EXPECT_EQ(rule_of(report, RuleId::kR03).counts, (EvalCounts{0, 0, 1, 3}));
  EXPECT_EQ(precision(rule_of(report, RuleId::kR02).counts), std::nullopt);
}

TEST(Evaluation, RulesAreCountedOneByOne) {
  // A is rightly in need but for partly the wrong reasons; D is reviewed and also in need.
  const std::vector<EvalPrediction> predictions = {
      need("A", {RuleId::kR01, RuleId::kR02}), need("C", {RuleId::kR03}),
      EvalPrediction{
          .household_no = "D", .need_rules = {RuleId::kR02}, .review_rules = {RuleId::kV01}}};
  const EvalReport report = evaluate(predictions, four_truths(), {});
  EXPECT_EQ(report.overall, (EvalCounts{2, 1, 0, 1}));
  EXPECT_EQ(rule_of(report, RuleId::kR01).counts, (EvalCounts{1, 0, 0, 3}));
  EXPECT_EQ(rule_of(report, RuleId::kR02).counts, (EvalCounts{0, 2, 1, 1}));
  EXPECT_EQ(rule_of(report, RuleId::kR03).counts, (EvalCounts{1, 0, 0, 3}));
  EXPECT_EQ(rule_of(report, RuleId::kV01).counts, (EvalCounts{1, 0, 0, 3}));
}

TEST(Evaluation, AReviewWarningIsNotANeedWarning) {
  const std::vector<EvalPrediction> predictions = {review("A"), review("B")};
  const EvalReport report = evaluate(predictions, four_truths(), {});
  EXPECT_EQ(report.overall, (EvalCounts{0, 0, 2, 2}));
  EXPECT_EQ(precision(report.overall), std::nullopt);
  EXPECT_EQ(f1(report.overall), 0.0);
  EXPECT_EQ(rule_of(report, RuleId::kV01).counts, (EvalCounts{0, 2, 1, 1}));
}

TEST(Evaluation, HouseholdsUnknownToTheTruthFileAreFalsePositivesOnly) {
  auto predictions = perfect_predictions();
  predictions.push_back(need("X", {RuleId::kR05}));
  predictions.push_back(review("Y"));
  const Attributes attributes = {{"X", attributes_in("500241101", "清溪场镇")}};
  const EvalReport report = evaluate(predictions, four_truths(), attributes);
  EXPECT_EQ(report.unknown_to_truth, 2);
  EXPECT_EQ(report.predicted_households, 5);
  EXPECT_EQ(report.overall, (EvalCounts{2, 1, 0, 2}));
  EXPECT_EQ(rule_of(report, RuleId::kR05).counts, (EvalCounts{0, 1, 0, 4}));
  EXPECT_EQ(rule_of(report, RuleId::kV01).counts, (EvalCounts{1, 1, 0, 3}));
  // X is in its township; the truth households have no attributes and are 未知.
  ASSERT_EQ(report.by_township.size(), 2u);
  EXPECT_EQ(report.by_township[0].label, "清溪场镇");
  EXPECT_EQ(report.by_township[0].counts, (EvalCounts{0, 1, 0, 0}));
  EXPECT_EQ(report.by_township[1].key, "unknown");
  EXPECT_EQ(report.by_township[1].label, "未知");
  EXPECT_EQ(report.by_township[1].counts, (EvalCounts{2, 0, 0, 2}));
  EXPECT_EQ(report.without_attributes, 4);
}

TEST(Evaluation, RepeatedPredictionsOfAHouseholdAreMerged) {
  const std::vector<EvalPrediction> predictions = {
      need("A", {RuleId::kR01}, day("2026-11-01"), day("2026-11-10")),
      EvalPrediction{.household_no = "A",
                     .need_rules = {RuleId::kR04},
                     .review_rules = {RuleId::kV01},
                     .event_date = day("2026-11-05"),
                     .first_detected = day("2026-11-08")},
      review("A")};  // no dates: leaves the latency alone
  const EvalReport report =
      evaluate(predictions, std::vector<TruthRow>{truth("A", true, {RuleId::kR01})}, {});
  EXPECT_EQ(report.predicted_households, 1);
  EXPECT_EQ(report.overall, (EvalCounts{1, 0, 0, 0}));
  EXPECT_EQ(rule_of(report, RuleId::kR04).counts, (EvalCounts{0, 1, 0, 0}));
  EXPECT_EQ(rule_of(report, RuleId::kV01).counts, (EvalCounts{0, 1, 0, 0}));
  EXPECT_EQ(report.latency.median_days, 3.0);  // 11-05 → 11-08
}

TEST(Evaluation, NothingAtAllIsUndefinedEverywhere) {
  const EvalReport report = evaluate({}, {}, {});
  EXPECT_EQ(report.overall, EvalCounts{});
  EXPECT_EQ(recall(report.overall), std::nullopt);
  EXPECT_EQ(precision(report.overall), std::nullopt);
  EXPECT_EQ(f1(report.overall), std::nullopt);
  EXPECT_TRUE(report.by_township.empty());
  EXPECT_TRUE(report.by_ethnicity.empty());
  EXPECT_TRUE(report.by_age_band.empty());
  EXPECT_EQ(report.latency.warnings, 0);
  EXPECT_EQ(report.latency.median_days, std::nullopt);
  EXPECT_EQ(report.latency.max_days, std::nullopt);
}

TEST(Evaluation, NoNeedAnywhereAndNoPredictionIsUndefinedNotPerfect) {
  const EvalReport report =
      evaluate({}, std::vector<TruthRow>{truth("A", false, {}), truth("B", false, {})}, {});
  EXPECT_EQ(report.overall, (EvalCounts{0, 0, 0, 2}));
  EXPECT_EQ(recall(report.overall), std::nullopt);
  EXPECT_EQ(precision(report.overall), std::nullopt);
  EXPECT_EQ(f1(report.overall), std::nullopt);
  ASSERT_EQ(report.by_township.size(), 1u);
  EXPECT_FALSE(report.by_township[0].flagged());
}

TEST(Evaluation, LatencyOverTruePositivesWithAnEventDate) {
  const std::vector<TruthRow> truths = {
      truth("A", true, {RuleId::kR01}), truth("B", true, {RuleId::kR01}),
      truth("C", true, {RuleId::kR01}), truth("D", true, {RuleId::kR01}),
      truth("E", true, {RuleId::kR01}), truth("F", false, {}),
      truth("G", true, {RuleId::kR01})};
  const std::vector<EvalPrediction> predictions = {
      need("A", {RuleId::kR01}, day("2026-10-01"), day("2026-10-04")),  // 3
      need("B", {RuleId::kR01}, day("2026-10-01"), day("2026-10-11")),  // 10
      need("C", {RuleId::kR01}, day("2026-10-01"), day("2026-10-06")),  // 5
      need("D", {RuleId::kR01}, day("2026-10-05"), day("2026-10-01")),  // before: 0
      need("E", {RuleId::kR01}, std::nullopt, day("2026-10-01")),       // no event: left out
      need("F", {RuleId::kR01}, day("2026-01-01"), day("2026-10-01")),  // FP: left out
  };
  const EvalReport report = evaluate(predictions, truths, {});
  EXPECT_EQ(report.latency.warnings, 4);
  EXPECT_EQ(report.latency.median_days, 4.0);  // 0 3 | 5 10 → (3 + 5) / 2
  EXPECT_EQ(report.latency.max_days, 10);

  const EvalReport odd = evaluate(std::span(predictions).first(3), truths, {});
  EXPECT_EQ(odd.latency.warnings, 3);
  EXPECT_EQ(odd.latency.median_days, 5.0);
}

TEST(Evaluation, BreakdownsByTownshipEthnicityAndAgeBand) {
  const std::vector<TruthRow> truths = {truth("A", true, {RuleId::kR01}), truth("B", false, {}),
                                        truth("C", true, {RuleId::kR01}), truth("D", false, {}),
                                        truth("E", false, {})};
  const std::vector<EvalPrediction> predictions = {need("A", {RuleId::kR01}),
                                                   need("B", {RuleId::kR01})};
  Attributes attributes = {
      {"A", attributes_in("500241101", "清溪场镇", "tujia", "土家族", AgeBand::k80Plus)},
      {"B", attributes_in("500241001", "中和街道", "miao", "苗族", AgeBand::kUnder30)},
      {"C", attributes_in("500241101", "清溪场镇", "tujia", "土家族", AgeBand::k45To59)},
      {"D", attributes_in("500241101", "清溪场镇", "han", "汉族", AgeBand::k80Plus)},
      {"E", HouseholdAttributes{}},
  };
  const EvalReport report = evaluate(predictions, truths, attributes);

  ASSERT_EQ(report.by_township.size(), 3u);  // by code, 未知 last
  EXPECT_EQ(report.by_township[0].key, "500241001");
  EXPECT_EQ(report.by_township[0].counts, (EvalCounts{0, 1, 0, 0}));
  EXPECT_EQ(report.by_township[1].key, "500241101");
  EXPECT_EQ(report.by_township[1].counts, (EvalCounts{1, 0, 1, 1}));
  EXPECT_EQ(report.by_township[2].key, "unknown");

  ASSERT_EQ(report.by_ethnicity.size(), 4u);  // most households first, 未知 last
  EXPECT_EQ(report.by_ethnicity[0].key, "tujia");
  EXPECT_EQ(report.by_ethnicity[0].label, "土家族");
  EXPECT_EQ(report.by_ethnicity[0].counts, (EvalCounts{1, 0, 1, 0}));
  EXPECT_EQ(report.by_ethnicity[1].key, "han");  // one household each: by key
  EXPECT_EQ(report.by_ethnicity[2].key, "miao");
  EXPECT_EQ(report.by_ethnicity[3].label, "未知");

  ASSERT_EQ(report.by_age_band.size(), 4u);  // youngest first, 未知 last
  EXPECT_EQ(report.by_age_band[0].key, "0-29");
  EXPECT_EQ(report.by_age_band[0].label, "30岁以下");
  EXPECT_EQ(report.by_age_band[1].key, "45-59");
  EXPECT_EQ(report.by_age_band[2].key, "80+");
  EXPECT_EQ(report.by_age_band[2].counts, (EvalCounts{1, 0, 0, 1}));
  EXPECT_EQ(report.by_age_band[3].key, "unknown");
  EXPECT_EQ(report.without_attributes, 0);
}

// Two townships of 100 positives (recall) or 100 predictions (precision) each: the overall
// figure is their mean, so T2's gap is (T1 − T2) / 2.
TEST(Evaluation, RecallExactlyFivePointsBelowIsNotFlaggedJustOverIs) {
  Scenario exact;
  exact.add("T1", {.tp = 95, .fn = 5});
  exact.add("T2", {.tp = 85, .fn = 15});  // 85% vs 90% overall: exactly 5 points
  const EvalReport at_five = exact.evaluate();
  EXPECT_EQ(recall(at_five.overall), 0.9);
  ASSERT_EQ(at_five.by_township.size(), 2u);
  EXPECT_FALSE(at_five.by_township[0].flagged());
  EXPECT_FALSE(at_five.by_township[1].recall_gap);

  Scenario over;
  over.add("T1", {.tp = 96, .fn = 4});
  over.add("T2", {.tp = 85, .fn = 15});  // 85% vs 90.5%: 5.5 points
  const EvalReport above = over.evaluate();
  EXPECT_FALSE(above.by_township[0].flagged());
  EXPECT_TRUE(above.by_township[1].recall_gap);
  EXPECT_FALSE(above.by_township[1].precision_gap);  // no FP anywhere
  EXPECT_TRUE(above.by_township[1].flagged());
}

TEST(Evaluation, PrecisionExactlyFivePointsBelowIsNotFlaggedJustOverIs) {
  Scenario exact;
  exact.add("T1", {.tp = 95, .fp = 5});
  exact.add("T2", {.tp = 85, .fp = 15});
  const EvalReport at_five = exact.evaluate();
  EXPECT_FALSE(at_five.by_township[1].precision_gap);

  Scenario over;
  over.add("T1", {.tp = 95, .fp = 5});
  over.add("T2", {.tp = 84, .fp = 16});  // 84% vs 89.5%
  const EvalReport above = over.evaluate();
  EXPECT_TRUE(above.by_township[1].precision_gap);
  EXPECT_FALSE(above.by_township[1].recall_gap);
  EXPECT_FALSE(above.by_township[0].flagged());
}

TEST(Evaluation, UndefinedSubgroupFiguresAreNeverFlagged) {
  Scenario scenario;
  scenario.add("T1", {.tp = 9, .fn = 1});
  scenario.add("T2", {.fp = 3, .tn = 5});  // no positives: recall undefined; precision 0
  const EvalReport report = scenario.evaluate();
  EXPECT_FALSE(report.by_township[1].recall_gap);
  EXPECT_TRUE(report.by_township[1].precision_gap);

  Scenario quiet;
  quiet.add("T1", {.tp = 9, .fn = 1});
  quiet.add("T2", {.tn = 5});  // neither positives nor predictions
  EXPECT_FALSE(quiet.evaluate().by_township[1].flagged());
}

TEST(Evaluation, TheGapIsConfigurable) {
  Scenario scenario;
  scenario.add("T1", {.tp = 95, .fn = 5});
  scenario.add("T2", {.tp = 85, .fn = 15});
  EXPECT_TRUE(scenario.evaluate({.gap_basis_points = 499}).by_township[1].recall_gap);
  EXPECT_FALSE(scenario.evaluate({.gap_basis_points = 500}).by_township[1].recall_gap);
}

}  // namespace
}  // namespace faxian::screen
