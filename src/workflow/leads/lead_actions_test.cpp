// Lead actions: the state machine (illegal transitions), version conflicts (also from two
// connections at once), assignment to the lead's area, verification records, decisions and
// closing with their side effects (suppression, follow-up task), pending outcomes, merge,
// reopen and identify; every change in the history and the audit chain.

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "store/query.hpp"
#include "store/warning_repository.hpp"
#include "workflow/leads/audit_log.hpp"
#include "workflow/leads/lead_test_support.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

using testing_support::day;
using testing_support::LeadTest;

// An effect that stays pending (a referral waiting for its answer).
class PendingEffect final : public OutcomeEffects {
 public:
  Result<EffectResult> apply(const Actor&, const Lead&, const OutcomeDecision& decision,
                             Date) override {
    ++calls;
    return EffectResult{OutcomeState::kPending, "referral:" + std::to_string(calls)};
    (void)decision;
  }
  int calls = 0;
};

class LeadActionsTest : public LeadTest {
 protected:
  // Opens a need warning for household A (so that closing can suppress it).
  int64_t open_warning() {
    WarningRepository warnings(db(), clock_);
    auto run = warnings.begin_run(day("2026-11-20"), RunMode::kFull, 1);
    EXPECT_TRUE(run.has_value());
    WarningFinding finding;
    finding.household_id = household_a_;
    finding.kind = WarningKind::kNeed;
    finding.score = 30;
    finding.level = WarningLevel::kYellow;
    finding.rules = {FiredRule{RuleId::kR03,
                               30,
                               false,
                               {Evidence{FeedKind::kMedical, 7, day("2026-10-01"), std::nullopt}},
                               "近12个月个人自付医疗费用较高"}};
    const std::vector<int64_t> evaluated = {household_a_};
    auto applied = warnings.apply(*run, day("2026-11-20"), 1, evaluated,
                                  std::vector<WarningFinding>{finding}, SuppressionPolicy{});
    EXPECT_TRUE(applied.has_value()) << applied.error().to_string();
    return applied->opened.at(0).warning_id;
  }
  std::string warning_status(int64_t warning_id) {
    auto warning = WarningRepository(db(), clock_).find(warning_id);
    return std::string(warning_status_key(warning.value()->status));
  }
  Actor officer() const { return Actor::of(officer_); }
};

TEST_P(LeadActionsTest, OnlyLegalTransitionsAreAllowed) {
  const Lead lead = open_lead(warning_report(household_a_, WarningLevel::kRed));
  auto early = leads().start_verification(officer(), lead.lead_no, lead.version, day("2026-11-21"));
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, ErrorCode::kIllegalTransition);
  auto close =
      leads().close(officer(), lead.lead_no, lead.version, std::nullopt, "", day("2026-11-21"));
  ASSERT_FALSE(close.has_value());
  EXPECT_EQ(close.error().code, ErrorCode::kIllegalTransition);
  auto reopen = leads().reopen(officer(), lead.lead_no, lead.version, "复查");
  ASSERT_FALSE(reopen.has_value());
  EXPECT_EQ(reopen.error().code, ErrorCode::kIllegalTransition);
  auto unchanged = leads().find(lead.lead_no);
  EXPECT_EQ((*unchanged)->version, 1);
  EXPECT_EQ((*unchanged)->status, LeadStatus::kNew);
}

TEST_P(LeadActionsTest, AssignsOnlyToOfficersAndCoordinatorsOfTheLeadsArea) {
  const Lead lead = open_lead(warning_report(household_a_, WarningLevel::kRed));
  auto wrong = leads().assign(officer(), lead.lead_no, 1, other_officer_.id, "");
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalidArgument);
  auto coordinator = leads().assign(officer(), lead.lead_no, 1, coordinator_.id, "就近核实");
  ASSERT_TRUE(coordinator.has_value()) << coordinator.error().to_string();
  EXPECT_EQ(coordinator->status, LeadStatus::kAssigned);
  EXPECT_EQ(coordinator->assignee, "dong_feng");
  EXPECT_EQ(coordinator->version, 2);
}

TEST_P(LeadActionsTest, AStaleVersionIsAConflictAndChangesNothing) {
  const Lead lead = open_lead(warning_report(household_a_, WarningLevel::kRed));
  auto first = leads().assign(officer(), lead.lead_no, 1, officer_.id, "");
  ASSERT_TRUE(first.has_value());
  auto second = leads().assign(officer(), lead.lead_no, 1, coordinator_.id, "");
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  auto stored = leads().find(lead.lead_no);
  EXPECT_EQ((*stored)->assignee_id, officer_.id);
  EXPECT_EQ((*stored)->version, 2);
  auto history = leads().history(lead.id);
  EXPECT_EQ(history->size(), 2u);  // intake, assign
}

TEST_P(LeadActionsTest, TwoOfficersActingAtOnceFromTwoConnectionsExactlyOneSucceeds) {
  const Lead lead = open_lead(warning_report(household_a_, WarningLevel::kRed));
  for (int round = 0; round < 10; ++round) {
    auto current = leads().find(lead.lead_no);
    const int64_t version = (*current)->version;
    std::atomic<int> succeeded = 0;
    std::atomic<int> conflicts = 0;
    std::vector<std::thread> officers;
    for (int officer_index = 0; officer_index < 2; ++officer_index) {
      officers.emplace_back([&, officer_index] {
        auto connection = test_db_->open_again();
        LeadService service(*connection, clock_, calendar_);
        const int64_t assignee = officer_index == 0 ? officer_.id : coordinator_.id;
        auto result = service.assign(Actor::of(officer_), lead.lead_no, version, assignee, "");
        if (result)
          ++succeeded;
        else if (result.error().code == ErrorCode::kConflict)
          ++conflicts;
      });
    }
    for (std::thread& thread : officers)
      thread.join();
    EXPECT_EQ(succeeded.load(), 1) << "round " << round;
    EXPECT_EQ(conflicts.load(), 1) << "round " << round;
    EXPECT_EQ((*leads().find(lead.lead_no))->version, version + 1);
  }
}

TEST_P(LeadActionsTest, VerificationRecordsFirstContactAndTheStructuredRecord) {
  const Lead lead = verified(open_lead(warning_report(household_a_, WarningLevel::kOrange)),
                             Willingness::kYes, true);
  EXPECT_EQ(lead.status, LeadStatus::kVerifying);
  EXPECT_EQ(lead.first_contact_on, day("2026-11-23"));
  EXPECT_EQ(lead.verified_on, day("2026-11-24"));
  auto records = leads().verifications(lead.id);
  ASSERT_TRUE(records.has_value()) << records.error().to_string();
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].willingness, Willingness::kYes);
  EXPECT_EQ((*records)[0].ability, ApplyAbility::kNeedsHelp);
  EXPECT_EQ((*records)[0].conditions.food, "基本保障");
  EXPECT_EQ((*records)[0].policies, (std::vector<std::string>{"最低生活保障", "临时救助"}));
  EXPECT_EQ((*records)[0].recorded_by, "zhong_he");
}

TEST_P(LeadActionsTest, NoNeedClosesAtOnceAndSuppressesTheWarning) {
  const int64_t warning = open_warning();
  IntakeRequest request = warning_report(household_a_, WarningLevel::kYellow);
  request.warning_id = warning;
  const Lead lead = verified(open_lead(request), Willingness::kNo, false);
  auto decided = leads().decide(officer(), lead.lead_no, lead.version,
                                {OutcomeDecision{LeadOutcome::kNoNeed, "{}"}}, day("2026-11-25"),
                                nullptr, "家庭收入稳定");
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_EQ(decided->status, LeadStatus::kClosed);
  EXPECT_EQ(decided->closed_on, day("2026-11-25"));
  EXPECT_FALSE(decided->follow_up_on.has_value());
  ASSERT_EQ(decided->outcomes.size(), 1u);
  EXPECT_EQ(decided->outcomes[0].state, OutcomeState::kDone);
  EXPECT_EQ(warning_status(warning), "suppressed");
}

TEST_P(LeadActionsTest, DeclinedNeedsThePolicyExplainedThenFollowsUpIn90WorkingDays) {
  const int64_t warning = open_warning();
  const Lead unexplained = verified(open_lead(warning_report(household_a_, WarningLevel::kYellow)),
                                    Willingness::kNo, true, /*policy_explained=*/false);
  auto refused = leads().decide(officer(), unexplained.lead_no, unexplained.version,
                                {OutcomeDecision{LeadOutcome::kDeclined, "{}"}}, day("2026-11-25"),
                                nullptr, "");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kIllegalTransition);
  auto explained = leads().record_verification(
      officer(), unexplained.lead_no, unexplained.version,
      visit("2026-11-25", Willingness::kNo, true, /*policy_explained=*/true));
  ASSERT_TRUE(explained.has_value()) << explained.error().to_string();
  auto declined = leads().decide(officer(), explained->lead_no, explained->version,
                                 {OutcomeDecision{LeadOutcome::kDeclined, "{}"}}, day("2026-11-26"),
                                 nullptr, "本人表示暂不申请");
  ASSERT_TRUE(declined.has_value()) << declined.error().to_string();
  EXPECT_EQ(declined->status, LeadStatus::kClosed);
  const auto due = calendar_.add_working_days(day("2026-11-26"), 90);
  ASSERT_FALSE(due.has_value());  // 90 working days run into 2027, which has no calendar
  EXPECT_FALSE(declined->follow_up_on.has_value());
  TaskQuery query;
  query.lead_id = unexplained.id;
  auto tasks = TaskRepository(db(), clock_).list(query);
  ASSERT_EQ(tasks->size(), 1u);  // the follow-up waits, undated, for the 2027 calendar
  EXPECT_FALSE((*tasks)[0].due_on.has_value());
  EXPECT_EQ(warning_status(warning), "suppressed");
}

TEST_P(LeadActionsTest, DeclinedEarlierInTheYearGetsItsFollowUpTask) {
  const Lead lead =
      verified(open_lead(warning_report(household_a_, WarningLevel::kYellow, "2026-03-02")),
               Willingness::kNo, true);
  auto declined = leads().decide(officer(), lead.lead_no, lead.version,
                                 {OutcomeDecision{LeadOutcome::kDeclined, "{}"}}, day("2026-03-05"),
                                 nullptr, "本人表示暂不申请");
  ASSERT_TRUE(declined.has_value()) << declined.error().to_string();
  const Date expected = calendar_.add_working_days(day("2026-03-05"), 90).value();
  EXPECT_EQ(declined->follow_up_on, expected);
  TaskQuery query;
  query.lead_id = lead.id;
  auto tasks = TaskRepository(db(), clock_).list(query);
  ASSERT_TRUE(tasks.has_value());
  ASSERT_EQ(tasks->size(), 1u);
  EXPECT_EQ((*tasks)[0].kind, TaskKind::kFollowUp);
  EXPECT_EQ((*tasks)[0].due_on, expected);
  EXPECT_EQ((*tasks)[0].township_code, "500241001");
}

TEST_P(LeadActionsTest, APendingOutcomeBlocksClosingUntilItIsDone) {
  const Lead lead = verified(open_lead(warning_report(household_a_, WarningLevel::kRed)),
                             Willingness::kYes, true);
  auto missing_effects = leads().decide(officer(), lead.lead_no, lead.version,
                                        {OutcomeDecision{LeadOutcome::kReferral, "{}"}},
                                        day("2026-11-25"), nullptr, "");
  ASSERT_FALSE(missing_effects.has_value());
  EXPECT_EQ(missing_effects.error().code, ErrorCode::kInvalidArgument);
  PendingEffect effects;
  auto decided =
      leads().decide(officer(), lead.lead_no, lead.version,
                     {OutcomeDecision{LeadOutcome::kReferral, R"({"department":"医保局"})"}},
                     day("2026-11-25"), &effects, "");
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_EQ(decided->status, LeadStatus::kDecided);
  EXPECT_EQ(decided->outcomes.at(0).reference, "referral:1");
  auto blocked =
      leads().close(officer(), lead.lead_no, decided->version, std::nullopt, "", day("2026-11-26"));
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().code, ErrorCode::kIllegalTransition);
  EXPECT_NE(blocked.error().message.find("转介专项救助"), std::string::npos);
  auto done = leads().complete_outcome(Actor::system(), lead.id, LeadOutcome::kReferral, "",
                                       day("2026-11-27"));
  ASSERT_TRUE(done.has_value());
  EXPECT_TRUE(*done);
  auto again = leads().complete_outcome(Actor::system(), lead.id, LeadOutcome::kReferral, "",
                                        day("2026-11-27"));
  EXPECT_FALSE(*again);
  auto current = leads().find(lead.lead_no);
  auto closed = leads().close(officer(), lead.lead_no, (*current)->version, day("2026-12-10"),
                              "已获医疗救助", day("2026-11-30"));
  ASSERT_TRUE(closed.has_value()) << closed.error().to_string();
  EXPECT_EQ(closed->status, LeadStatus::kClosed);
  EXPECT_EQ(closed->follow_up_on, day("2026-12-10"));
}

TEST_P(LeadActionsTest, CompletingAnOutcomeFindsTheEntryByItsReference) {
  const Lead lead = verified(open_lead(warning_report(household_a_, WarningLevel::kRed)),
                             Willingness::kYes, true);
  PendingEffect effects;
  auto decided =
      leads().decide(officer(), lead.lead_no, lead.version,
                     {OutcomeDecision{LeadOutcome::kReferral, R"({"department":"医保局"})"},
                      OutcomeDecision{LeadOutcome::kReferral, R"({"department":"残联"})"}},
                     day("2026-11-25"), &effects, "");
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  auto done = leads().complete_outcome(Actor::system(), lead.id, LeadOutcome::kReferral,
                                       "referral:2", day("2026-11-27"));
  ASSERT_TRUE(done.has_value() && *done);
  auto current = leads().find(lead.lead_no);
  ASSERT_EQ((*current)->outcomes.size(), 2u);
  EXPECT_EQ((*current)->outcomes[0].state, OutcomeState::kPending);
  EXPECT_EQ((*current)->outcomes[0].reference, "referral:1");
  EXPECT_EQ((*current)->outcomes[1].state, OutcomeState::kDone);
  EXPECT_EQ((*current)->outcomes[1].done_on, day("2026-11-27"));
}

TEST_P(LeadActionsTest, MergeMovesTheSourcesAndClosesTheDuplicate) {
  IntakeRequest unidentified;
  unidentified.source = LeadSource::kSocialReport;
  unidentified.reference = "GZ-1";
  unidentified.subject.name = "张三";
  unidentified.village_code = "500241001001";
  unidentified.reported_on = day("2026-11-21");
  const Lead report = open_lead(unidentified);
  const Lead main = open_lead(warning_report(household_a_, WarningLevel::kOrange));
  auto merged = leads().decide(
      officer(), report.lead_no, report.version,
      {OutcomeDecision{LeadOutcome::kDuplicate, R"({"into":")" + main.lead_no + R"("})"}},
      day("2026-11-22"), nullptr, "同一户");
  ASSERT_TRUE(merged.has_value()) << merged.error().to_string();
  EXPECT_EQ(merged->status, LeadStatus::kClosed);
  EXPECT_EQ(merged->merged_into, main.id);
  auto target = leads().find(main.lead_no);
  ASSERT_EQ((*target)->sources.size(), 2u);
  EXPECT_EQ((*target)->sources[1].reference, "GZ-1");
  auto reopened = leads().reopen(officer(), report.lead_no, merged->version, "误合并");
  ASSERT_FALSE(reopened.has_value());
  EXPECT_EQ(reopened.error().code, ErrorCode::kIllegalTransition);
}

TEST_P(LeadActionsTest, IdentifyingASubjectWhoseHouseholdHasAnOpenLeadMergesIntoIt) {
  const Lead main = open_lead(warning_report(household_a_, WarningLevel::kOrange));
  IntakeRequest unidentified;
  unidentified.source = LeadSource::kHotline;
  unidentified.subject.name = "张三";
  unidentified.village_code = "500241001001";
  unidentified.reported_on = day("2026-11-21");
  const Lead report = open_lead(unidentified);
  auto linked = leads().identify(officer(), report.lead_no, report.version, household_a_);
  ASSERT_TRUE(linked.has_value()) << linked.error().to_string();
  EXPECT_EQ(linked->status, LeadStatus::kClosed);
  EXPECT_EQ(linked->merged_into, main.id);
  const Lead other = open_lead([&] {
    IntakeRequest request = unidentified;
    request.reference = "2";
    return request;
  }());
  auto alone = leads().identify(officer(), other.lead_no, other.version, household_b_);
  ASSERT_TRUE(alone.has_value()) << alone.error().to_string();
  EXPECT_EQ(alone->household_id, household_b_);
  EXPECT_EQ(alone->status, LeadStatus::kNew);
}

TEST_P(LeadActionsTest, ReopenNeedsAReasonAndNoOtherOpenLead) {
  const Lead lead = verified(open_lead(warning_report(household_a_, WarningLevel::kYellow)),
                             Willingness::kNo, false);
  auto closed =
      leads().decide(officer(), lead.lead_no, lead.version,
                     {OutcomeDecision{LeadOutcome::kNoNeed, "{}"}}, day("2026-11-25"), nullptr, "");
  ASSERT_TRUE(closed.has_value());
  EXPECT_FALSE(leads().reopen(officer(), lead.lead_no, closed->version, " ").has_value());
  const Lead newer = open_lead(warning_report(household_a_, WarningLevel::kRed, "2026-11-27", "5"));
  EXPECT_NE(newer.lead_no, lead.lead_no);
  auto blocked = leads().reopen(officer(), lead.lead_no, closed->version, "复核");
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().code, ErrorCode::kIllegalTransition);
}

TEST_P(LeadActionsTest, EveryChangeIsInTheHistoryAndTheAuditChainDetectsAnEditedRow) {
  const Lead lead = verified(open_lead(warning_report(household_a_, WarningLevel::kRed)),
                             Willingness::kYes, true);
  auto history = leads().history(lead.id);
  ASSERT_TRUE(history.has_value());
  std::vector<std::string> actions;
  for (const LeadEvent& event : *history)
    actions.push_back(event.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"intake", "assign", "start_verification",
                                               "record_verification"}));
  AuditLog audit(db(), clock_);
  auto intact = audit.verify();
  ASSERT_TRUE(intact.has_value()) << intact.error().to_string();
  EXPECT_EQ(intact->entries, 4);
  EXPECT_FALSE(intact->first_bad_id.has_value());
  auto entries = audit.for_object("lead", lead.lead_no);
  ASSERT_EQ(entries->size(), 4u);
  ASSERT_TRUE(db().run("UPDATE audit_log SET actor = 'someone_else' WHERE id = " +
                       std::to_string((*entries)[1].id))
                  .has_value());
  auto broken = audit.verify();
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->first_bad_id, (*entries)[1].id);
  ASSERT_TRUE(db().run("UPDATE audit_log SET actor = 'zhong_he' WHERE id = " +
                       std::to_string((*entries)[1].id))
                  .has_value());
  ASSERT_TRUE(
      db().run("DELETE FROM audit_log WHERE id = " + std::to_string((*entries)[2].id)).has_value());
  auto deleted = audit.verify();
  EXPECT_EQ(deleted->first_bad_id, (*entries)[3].id);
}

FAXIAN_INSTANTIATE_STORE_TEST(LeadActionsTest);

}  // namespace
}  // namespace faxian::workflow
