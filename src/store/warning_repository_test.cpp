// Persisted warnings: runs, reconciliation of findings (open, update, escalate, clear),
// suppression after a closed lead, queries and the detail JSON.

#include "store/warning_repository.hpp"

#include <memory>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/query.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::day;
using testing_support::StoreTest;

Evidence medical(int64_t record_id, std::optional<int64_t> fen = 3821000) {
  Evidence evidence{.feed = FeedKind::kMedical, .record_id = record_id, .date = day("2024-03-01")};
  if (fen)
    evidence.amount = Money::from_fen(*fen);
  return evidence;
}

FiredRule fired(RuleId rule, int points, std::vector<Evidence> evidence, bool red = false) {
  return {.rule = rule,
          .points = points,
          .red = red,
          .evidence = std::move(evidence),
          .explanation = "近12个月个人自付医疗费用 38,210 元，为家庭收入的 126%"};
}

WarningFinding need(int64_t household_id, WarningLevel level, int score,
                    std::vector<FiredRule> rules) {
  return {.household_id = household_id,
          .kind = WarningKind::kNeed,
          .score = score,
          .level = level,
          .rules = std::move(rules),
          .actions = {"入户核实"},
          .departments = {"医保局"}};
}

// A yellow need finding of R03 on the given medical records.
WarningFinding yellow_r03(int64_t household_id, std::vector<int64_t> record_ids) {
  std::vector<Evidence> evidence;
  for (int64_t record_id : record_ids)
    evidence.push_back(medical(record_id));
  return need(household_id, WarningLevel::kYellow, 30, {fired(RuleId::kR03, 30, evidence)});
}

WarningFinding review_v01(int64_t household_id) {
  return {.household_id = household_id,
          .kind = WarningKind::kReview,
          .rules = {fired(RuleId::kV01, 0, {medical(90, std::nullopt)})}};
}

std::vector<WarningEventKind> event_kinds(const std::vector<WarningEvent>& events) {
  std::vector<WarningEventKind> kinds;
  for (const WarningEvent& event : events)
    kinds.push_back(event.event);
  return kinds;
}

class WarningRepositoryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    seed_regions();
    household_a_ = seed_household("5002410010010002");
    household_b_ = seed_household("5002410010010001");
    repository_ = std::make_unique<WarningRepository>(db(), clock_);
  }

  // One screening run as of `as_of` over `households`; fails the test on an error.
  ApplyOutcome screen(std::string_view as_of, std::vector<int64_t> households,
                      std::vector<WarningFinding> findings) {
    auto run_id = repo().begin_run(day(as_of), RunMode::kIncremental, 3);
    EXPECT_TRUE(run_id.has_value()) << run_id.error().to_string();
    last_run_ = run_id.value_or(0);
    auto outcome = repo().apply(last_run_, day(as_of), 3, households, findings, policy_);
    EXPECT_TRUE(outcome.has_value()) << outcome.error().to_string();
    return outcome.value_or(ApplyOutcome{});
  }
  std::optional<Warning> open_need(int64_t household_id) {
    return repo().find_open(household_id, WarningKind::kNeed).value();
  }
  std::vector<WarningEvent> events_of(int64_t warning_id) {
    return repo().events(warning_id).value();
  }
  int64_t count(std::string_view sql) {
    return query_int(db(), sql, [](Statement&) {}).value();
  }
  void suppress_a(SuppressionReason reason, std::string_view closed_on) {
    auto suppressed =
        repo().suppress(household_a_, WarningKind::kNeed, reason, day(closed_on), policy_);
    ASSERT_TRUE(suppressed.has_value()) << suppressed.error().to_string();
  }

  WarningRepository& repo() { return *repository_; }

  std::unique_ptr<WarningRepository> repository_;
  SuppressionPolicy policy_{};
  int64_t household_a_ = 0;
  int64_t household_b_ = 0;
  int64_t last_run_ = 0;
};

TEST_P(WarningRepositoryTest, RunsRecordTheirStartFinishAndCounts) {
  EXPECT_FALSE(repo().latest_run().value().has_value());
  const int64_t run_id = repo().begin_run(day("2024-06-01"), RunMode::kFull, 7).value();
  ScreeningRun started = repo().latest_run().value().value();
  EXPECT_EQ(started.id, run_id);
  EXPECT_EQ(started.as_of, day("2024-06-01"));
  EXPECT_EQ(started.mode, RunMode::kFull);
  EXPECT_EQ(started.rule_set_version, 7);
  EXPECT_EQ(started.started_at, clock_.now_unix());
  EXPECT_FALSE(started.finished_at.has_value());

  clock_.advance_seconds(2);
  const RunCounts counts{.households_screened = 1000,
                         .need_red = 1,
                         .need_orange = 2,
                         .need_yellow = 3,
                         .review = 4,
                         .opened = 5,
                         .updated = 6,
                         .escalated = 7,
                         .cleared = 8,
                         .suppressed = 9};
  ASSERT_TRUE(repo().finish_run(run_id, counts).has_value());
  const ScreeningRun finished = repo().latest_run().value().value();
  EXPECT_EQ(finished.finished_at, clock_.now_unix());
  EXPECT_EQ(finished.counts, counts);
  EXPECT_EQ(repo().finish_run(run_id + 1, counts).error().code, ErrorCode::kNotFound);
}

TEST_P(WarningRepositoryTest, AFindingOpensAWarningWithItsHistoryFields) {
  const ApplyOutcome outcome =
      screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1})});
  ASSERT_EQ(outcome.opened.size(), 1u);
  const OpenedWarning& opened = outcome.opened[0];
  EXPECT_EQ(opened.household_id, household_a_);
  EXPECT_EQ(opened.kind, WarningKind::kNeed);
  EXPECT_EQ(opened.level, WarningLevel::kYellow);
  EXPECT_EQ(opened.rules, std::vector<RuleId>{RuleId::kR03});
  EXPECT_FALSE(opened.after_suppression);

  const Warning warning = open_need(household_a_).value();
  EXPECT_EQ(warning.id, opened.warning_id);
  EXPECT_EQ(warning.status, WarningStatus::kOpen);
  EXPECT_EQ(warning.finding.household_no, "5002410010010002");
  EXPECT_EQ(warning.first_detected, day("2024-06-01"));
  EXPECT_EQ(warning.last_changed, day("2024-06-01"));
  EXPECT_EQ(warning.as_of, day("2024-06-01"));
  EXPECT_EQ(warning.rule_set_version, 3);
  const std::vector<WarningEvent> events = events_of(warning.id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, WarningEventKind::kOpened);
  EXPECT_EQ(events[0].run_id, last_run_);
  EXPECT_FALSE(events[0].from_level.has_value());
  EXPECT_EQ(events[0].to_level, WarningLevel::kYellow);
  EXPECT_EQ(events[0].at, clock_.now_unix());
}

TEST_P(WarningRepositoryTest, OpenUpdateEscalateAndClearAreEachLogged) {
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1})});
  const int64_t id = open_need(household_a_)->id;

  const ApplyOutcome updated =
      screen("2024-06-02", {household_a_}, {yellow_r03(household_a_, {1, 2})});
  EXPECT_EQ(updated.updated, 1);
  EXPECT_TRUE(updated.opened.empty());

  WarningFinding red = yellow_r03(household_a_, {1, 2});
  red.rules.push_back(fired(RuleId::kR06, 60, {medical(3)}, true));
  red.level = WarningLevel::kRed;
  red.score = 90;
  const ApplyOutcome escalated = screen("2024-06-03", {household_a_}, {red});
  ASSERT_EQ(escalated.escalated.size(), 1u);
  EXPECT_EQ(escalated.escalated[0].warning_id, id);
  EXPECT_EQ(escalated.escalated[0].from, WarningLevel::kYellow);
  EXPECT_EQ(escalated.escalated[0].to, WarningLevel::kRed);
  EXPECT_EQ(open_need(household_a_)->last_changed, day("2024-06-03"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM warnings WHERE rules = 'R03;R06'"), 1);

  const ApplyOutcome cleared = screen("2024-06-04", {household_a_}, {});
  EXPECT_EQ(cleared.cleared, 1);
  EXPECT_FALSE(open_need(household_a_).has_value());
  const Warning after = repo().find(id).value().value();
  EXPECT_EQ(after.status, WarningStatus::kCleared);
  EXPECT_EQ(after.as_of, day("2024-06-04"));

  const std::vector<WarningEvent> events = events_of(id);
  EXPECT_EQ(event_kinds(events), (std::vector<WarningEventKind>{
                                     WarningEventKind::kOpened, WarningEventKind::kUpdated,
                                     WarningEventKind::kEscalated, WarningEventKind::kCleared}));
  EXPECT_EQ(events[2].from_level, WarningLevel::kYellow);
  EXPECT_EQ(events[2].to_level, WarningLevel::kRed);
  EXPECT_EQ(events[2].as_of, day("2024-06-03"));
  EXPECT_EQ(events[2].rules, (std::vector<RuleId>{RuleId::kR03, RuleId::kR06}));
  EXPECT_EQ(events[3].from_level, WarningLevel::kRed);
  EXPECT_FALSE(events[3].to_level.has_value());
  EXPECT_EQ(events[3].rules, (std::vector<RuleId>{RuleId::kR03, RuleId::kR06}));
}

TEST_P(WarningRepositoryTest, TheSameFindingAgainOnlyMovesAsOfAndRun) {
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1})});
  WarningFinding reworded = yellow_r03(household_a_, {1});
  reworded.rules[0].explanation = "措辞不同";
  const ApplyOutcome outcome = screen("2024-06-05", {household_a_}, {reworded});
  EXPECT_EQ(outcome.unchanged, 1);
  EXPECT_EQ(outcome.updated, 0);
  const Warning warning = open_need(household_a_).value();
  EXPECT_EQ(warning.as_of, day("2024-06-05"));
  EXPECT_EQ(warning.last_changed, day("2024-06-01"));
  EXPECT_EQ(warning.finding.rules[0].explanation, "措辞不同");
  EXPECT_EQ(events_of(warning.id).size(), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM warnings WHERE run_id = " + std::to_string(last_run_)), 1);
}

TEST_P(WarningRepositoryTest, ALowerLevelIsAnUpdateNotAnEscalation) {
  WarningFinding orange = yellow_r03(household_a_, {1});
  orange.level = WarningLevel::kOrange;
  orange.score = 55;
  screen("2024-06-01", {household_a_}, {orange});
  const ApplyOutcome outcome =
      screen("2024-06-02", {household_a_}, {yellow_r03(household_a_, {1})});
  EXPECT_TRUE(outcome.escalated.empty());
  EXPECT_EQ(outcome.updated, 1);
  const std::vector<WarningEvent> events = events_of(open_need(household_a_)->id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].event, WarningEventKind::kUpdated);
  EXPECT_EQ(events[1].from_level, WarningLevel::kOrange);
  EXPECT_EQ(events[1].to_level, WarningLevel::kYellow);
}

TEST_P(WarningRepositoryTest, AfterClearingANewFindingOpensANewRow) {
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1})});
  const int64_t first = open_need(household_a_)->id;
  screen("2024-06-02", {household_a_}, {});
  const ApplyOutcome outcome =
      screen("2024-06-03", {household_a_}, {yellow_r03(household_a_, {1})});
  ASSERT_EQ(outcome.opened.size(), 1u);
  const Warning second = open_need(household_a_).value();
  EXPECT_NE(second.id, first);
  EXPECT_EQ(second.first_detected, day("2024-06-03"));
  EXPECT_EQ(event_kinds(events_of(second.id)),
            std::vector<WarningEventKind>{WarningEventKind::kOpened});
  EXPECT_EQ(repo().find(first).value()->status, WarningStatus::kCleared);
}

TEST_P(WarningRepositoryTest, TheStoreHoldsOneOpenWarningPerHouseholdAndKind) {
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1})});
  auto insert_with_status = [&](std::string_view status) {
    return db().run(fmt::format(
        "INSERT INTO warnings (household_id, kind, status, score, level, rules, detail, as_of, "
        "first_detected, last_changed, rule_set_version, run_id, created_at, updated_at) VALUES "
        "({}, 'need', '{}', 30, 'yellow', 'R03', '{{\"rules\":[]}}', '2024-06-01', "
        "'2024-06-01', '2024-06-01', 3, {}, 0, 0)",
        household_a_, status, last_run_));
  };
  auto second_open = insert_with_status("open");
  ASSERT_FALSE(second_open.has_value());
  EXPECT_EQ(second_open.error().code, ErrorCode::kAlreadyExists);
  EXPECT_TRUE(insert_with_status("cleared").has_value());
  auto review_with_level = db().run("UPDATE warnings SET kind = 'review' WHERE status = 'cleared'");
  EXPECT_EQ(review_with_level.error().code, ErrorCode::kConstraint);
}

TEST_P(WarningRepositoryTest, NeedAndReviewWarningsAreSeparate) {
  const ApplyOutcome outcome = screen("2024-06-01", {household_a_},
                                      {yellow_r03(household_a_, {1}), review_v01(household_a_)});
  EXPECT_EQ(outcome.opened.size(), 2u);
  const Warning review = repo().find_open(household_a_, WarningKind::kReview).value().value();
  EXPECT_FALSE(review.finding.level.has_value());
  EXPECT_EQ(review.finding.score, 0);
  screen("2024-06-02", {household_a_}, {review_v01(household_a_)});
  EXPECT_FALSE(open_need(household_a_).has_value());
  EXPECT_EQ(repo().find_open(household_a_, WarningKind::kReview).value()->id, review.id);
}

TEST_P(WarningRepositoryTest, HouseholdsNotEvaluatedAreUntouched) {
  screen("2024-06-01", {household_a_, household_b_},
         {yellow_r03(household_a_, {1}), yellow_r03(household_b_, {2})});
  const int64_t first_run = last_run_;
  const ApplyOutcome outcome = screen("2024-06-02", {household_a_}, {});
  EXPECT_EQ(outcome.cleared, 1);
  const Warning untouched = open_need(household_b_).value();
  EXPECT_EQ(untouched.as_of, day("2024-06-01"));
  EXPECT_EQ(
      count("SELECT run_id FROM warnings WHERE household_id = " + std::to_string(household_b_)),
      first_run);
}

TEST_P(WarningRepositoryTest, FindingsThatDoNotMatchTheEvaluatedHouseholdsAreRefused) {
  const int64_t run_id = repo().begin_run(day("2024-06-01"), RunMode::kFull, 3).value();
  const std::vector<int64_t> only_a = {household_a_};
  auto apply = [&](std::vector<WarningFinding> findings) {
    return repo().apply(run_id, day("2024-06-01"), 3, only_a, findings, policy_);
  };
  EXPECT_EQ(apply({yellow_r03(household_b_, {1})}).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(apply({yellow_r03(household_a_, {1}), yellow_r03(household_a_, {2})}).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(apply({need(household_a_, WarningLevel::kRed, 90, {})}).error().code,
            ErrorCode::kInvalidArgument);
  WarningFinding need_without_level = yellow_r03(household_a_, {1});
  need_without_level.level.reset();
  EXPECT_EQ(apply({need_without_level}).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(count("SELECT COUNT(*) FROM warnings"), 0);
  auto unknown_run = repo().apply(run_id + 1, day("2024-06-01"), 3, only_a,
                                  std::vector{yellow_r03(household_a_, {1})}, policy_);
  EXPECT_EQ(unknown_run.error().code, ErrorCode::kConstraint);
  EXPECT_EQ(count("SELECT COUNT(*) FROM warning_events"), 0);
}

TEST_P(WarningRepositoryTest, DetailRoundTripsEveryFieldExactly) {
  Evidence income{.feed = FeedKind::kIncome,
                  .record_id = 9000000001,
                  .date = day("2023-12-31"),
                  .amount = Money::from_fen(-1)};
  Evidence death{.feed = FeedKind::kDeath, .record_id = 7, .date = day("2024-02-29")};
  WarningFinding finding = need(household_a_, WarningLevel::kRed, 100,
                                {fired(RuleId::kR03, 30, {medical(5, 123456789012)}),
                                 fired(RuleId::kR06, 60, {death, income}, true)});
  finding.rules[1].explanation = "户主于2024年2月29日死亡，\"家庭\"收入减少 100%";
  finding.actions = {"入户核实", "临时救助"};
  finding.departments = {"医保局", "民政局"};
  finding.household_no = "5002410010010002";
  screen("2024-06-01", {household_a_}, {finding});
  EXPECT_EQ(open_need(household_a_)->finding, finding);
  EXPECT_EQ(count("SELECT COUNT(*) FROM warnings WHERE rules = 'R03;R06' AND detail LIKE "
                  "'%\"amount_fen\":123456789012%' AND detail LIKE '%\"amount_fen\":null%'"),
            1);
}

TEST_P(WarningRepositoryTest, ACorruptDetailIsReportedNotGuessed) {
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1})});
  ASSERT_TRUE(db().run("UPDATE warnings SET detail = '{\"rules\":[{\"rule\":\"R99\"}]}'"));
  EXPECT_EQ(repo().find_open(household_a_, WarningKind::kNeed).error().code, ErrorCode::kCorrupt);
}

TEST_P(WarningRepositoryTest, ListFiltersByKindStatusAndHouseholdAndPagesByHouseholdNumber) {
  screen("2024-06-01", {household_a_, household_b_},
         {yellow_r03(household_a_, {1}), review_v01(household_a_), yellow_r03(household_b_, {2})});
  screen("2024-06-02", {household_b_}, {});
  auto numbers = [&](const WarningQuery& query) {
    std::vector<std::string> out;
    const std::vector<Warning> warnings = repo().list(query).value();
    for (const Warning& warning : warnings)
      out.push_back(warning.finding.household_no + "/" +
                    std::string(warning_status_key(warning.status)));
    return out;
  };
  using Strings = std::vector<std::string>;
  EXPECT_EQ(numbers({}), (Strings{"5002410010010002/open", "5002410010010002/open"}));
  EXPECT_EQ(
      numbers({.status = std::nullopt}),
      (Strings{"5002410010010001/cleared", "5002410010010002/open", "5002410010010002/open"}));
  EXPECT_EQ(numbers({.status = std::nullopt, .limit = 1, .offset = 1}),
            Strings{"5002410010010002/open"});
  EXPECT_EQ(numbers({.kind = WarningKind::kNeed, .status = WarningStatus::kCleared}),
            Strings{"5002410010010001/cleared"});
  EXPECT_EQ(numbers({.status = std::nullopt, .household_ids = {household_b_}}),
            Strings{"5002410010010001/cleared"});
  const std::vector<Warning> both = repo().list({}).value();
  EXPECT_EQ(both[0].finding.kind, WarningKind::kNeed);
  EXPECT_EQ(both[1].finding.kind, WarningKind::kReview);
  EXPECT_EQ(repo().list({.limit = -1}).error().code, ErrorCode::kInvalidArgument);
}

TEST_P(WarningRepositoryTest, SuppressingRecordsTheRulesAndEvidenceOfTheOpenWarning) {
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {12, 3})});
  const int64_t id = open_need(household_a_)->id;
  clock_.advance_seconds(60);
  suppress_a(SuppressionReason::kNoNeed, "2024-06-20");
  EXPECT_FALSE(open_need(household_a_).has_value());
  EXPECT_EQ(repo().find(id).value()->status, WarningStatus::kSuppressed);
  const std::vector<WarningEvent> events = events_of(id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].event, WarningEventKind::kSuppressed);
  EXPECT_FALSE(events[1].run_id.has_value());
  EXPECT_EQ(events[1].as_of, day("2024-06-20"));
  EXPECT_EQ(events[1].at, clock_.now_unix());
  EXPECT_EQ(count("SELECT COUNT(*) FROM warning_suppressions WHERE rules = 'R03' AND evidence = "
                  "'[\"medical:12\",\"medical:3\"]' AND reason = 'no_need' AND closed_on = "
                  "'2024-06-20' AND cooldown_days = 30 AND lifted_at IS NULL AND warning_id = " +
                  std::to_string(id)),
            1);
}

TEST_P(WarningRepositoryTest, TheSameEvidenceStaysSuppressedAfterTheCooldown) {
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1, 2})});
  suppress_a(SuppressionReason::kNoNeed, "2024-06-10");
  EXPECT_EQ(screen("2024-06-11", {household_a_}, {yellow_r03(household_a_, {1, 2})}).suppressed, 1);
  WarningFinding red_same = yellow_r03(household_a_, {2});
  red_same.level = WarningLevel::kRed;
  const ApplyOutcome later = screen("2025-06-01", {household_a_}, {red_same});
  EXPECT_EQ(later.suppressed, 1);
  EXPECT_TRUE(later.opened.empty());
  EXPECT_FALSE(open_need(household_a_).has_value());
}

TEST_P(WarningRepositoryTest, NewEvidenceBelowRedWaitsForTheNoNeedCooldown) {
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1})});
  suppress_a(SuppressionReason::kNoNeed, "2024-06-10");
  EXPECT_EQ(screen("2024-07-09", {household_a_}, {yellow_r03(household_a_, {1, 2})}).suppressed, 1);
  EXPECT_FALSE(open_need(household_a_).has_value());

  const ApplyOutcome on_the_day =
      screen("2024-07-10", {household_a_}, {yellow_r03(household_a_, {1, 2})});
  ASSERT_EQ(on_the_day.opened.size(), 1u);
  EXPECT_TRUE(on_the_day.opened[0].after_suppression);
  EXPECT_EQ(event_kinds(events_of(on_the_day.opened[0].warning_id)),
            std::vector<WarningEventKind>{WarningEventKind::kReopened});
  EXPECT_EQ(count("SELECT COUNT(*) FROM warning_suppressions WHERE lifted_at IS NULL"), 0);
}

TEST_P(WarningRepositoryTest, DeclinedWaitsNinetyDaysAndNotEligibleThirty) {
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1})});
  suppress_a(SuppressionReason::kDeclined, "2024-06-10");
  EXPECT_EQ(screen("2024-09-07", {household_a_}, {yellow_r03(household_a_, {2})}).suppressed, 1);
  EXPECT_EQ(screen("2024-09-08", {household_a_}, {yellow_r03(household_a_, {2})}).opened.size(),
            1u);

  suppress_a(SuppressionReason::kNotEligible, "2024-10-01");
  EXPECT_EQ(screen("2024-10-30", {household_a_}, {yellow_r03(household_a_, {3})}).suppressed, 1);
  EXPECT_EQ(screen("2024-10-31", {household_a_}, {yellow_r03(household_a_, {3})}).opened.size(),
            1u);
}

TEST_P(WarningRepositoryTest, RedWithNewEvidenceOpensAtOnce) {
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1})});
  suppress_a(SuppressionReason::kDeclined, "2024-06-10");
  WarningFinding red = yellow_r03(household_a_, {1});
  red.rules.push_back(fired(RuleId::kR06, 60, {medical(4)}, true));
  red.level = WarningLevel::kRed;
  const ApplyOutcome outcome = screen("2024-06-11", {household_a_}, {red});
  ASSERT_EQ(outcome.opened.size(), 1u);
  EXPECT_EQ(outcome.opened[0].level, WarningLevel::kRed);
  EXPECT_TRUE(outcome.opened[0].after_suppression);
}

TEST_P(WarningRepositoryTest, ANewRuleOnTheSameEvidenceIsNewAndWaitsForTheCooldown) {
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1})});
  suppress_a(SuppressionReason::kNoNeed, "2024-06-10");
  WarningFinding more = yellow_r03(household_a_, {1});
  more.rules.push_back(fired(RuleId::kR11, 20, {medical(1)}));
  EXPECT_EQ(screen("2024-06-20", {household_a_}, {more}).suppressed, 1);
  EXPECT_EQ(screen("2024-07-10", {household_a_}, {more}).opened.size(), 1u);
}

TEST_P(WarningRepositoryTest, SuppressingAClearedWarningKeepsItsStatus) {
  EXPECT_EQ(repo()
                .suppress(household_a_, WarningKind::kNeed, SuppressionReason::kNoNeed,
                          day("2024-06-10"), policy_)
                .error()
                .code,
            ErrorCode::kNotFound);
  screen("2024-06-01", {household_a_}, {yellow_r03(household_a_, {1})});
  screen("2024-06-05", {household_a_}, {});
  suppress_a(SuppressionReason::kNoNeed, "2024-06-10");
  EXPECT_EQ(count("SELECT COUNT(*) FROM warnings WHERE status = 'cleared'"), 1);
  EXPECT_EQ(screen("2024-06-12", {household_a_}, {yellow_r03(household_a_, {1})}).suppressed, 1);
  // Closing again replaces the active suppression instead of stacking a second one.
  suppress_a(SuppressionReason::kDeclined, "2024-06-15");
  EXPECT_EQ(count("SELECT COUNT(*) FROM warning_suppressions WHERE lifted_at IS NULL"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM warning_suppressions"), 2);
}

TEST_P(WarningRepositoryTest, ManyHouseholdsAreReconciledFromOneScan) {
  std::vector<int64_t> households = {household_a_, household_b_};
  {
    auto transaction = Transaction::begin(db());
    for (size_t index = 0; index < WarningRepository::kScanThreshold; ++index)
      households.push_back(seed_household(fmt::format("5002411012{:06}", index)));
    ASSERT_TRUE(transaction->commit().has_value());
  }
  // Household b is left out of the big runs: its warning must survive them untouched.
  screen("2024-05-01", {household_b_}, {yellow_r03(household_b_, {1})});
  households.erase(households.begin() + 1);
  std::vector<WarningFinding> findings;
  for (int64_t household_id : households)
    findings.push_back(yellow_r03(household_id, {household_id}));
  EXPECT_EQ(screen("2024-06-01", households, findings).opened.size(), households.size());

  suppress_a(SuppressionReason::kNoNeed, "2024-06-02");
  findings.pop_back();                                         // the last household: cleared
  findings[1] = yellow_r03(findings[1].household_id, {0, 1});  // the second: updated
  const ApplyOutcome outcome = screen("2024-06-03", households, findings);
  EXPECT_EQ(outcome.cleared, 1);
  EXPECT_EQ(outcome.updated, 1);
  EXPECT_EQ(outcome.suppressed, 1);  // household a
  EXPECT_EQ(outcome.unchanged, static_cast<int64_t>(households.size()) - 3);
  EXPECT_TRUE(outcome.opened.empty());
  EXPECT_EQ(open_need(household_b_)->as_of, day("2024-05-01"));
}

FAXIAN_INSTANTIATE_STORE_TEST(WarningRepositoryTest);

}  // namespace
}  // namespace faxian
