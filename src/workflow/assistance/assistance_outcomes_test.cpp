// The entry points of the lead outcome layer: 先行救助 (reserve fund, paperwork task, nothing
// written when it cannot be paid), 一事一议 (request, county-only decision, payment on approval,
// stale versions), and the link between a lead's pending outcome and the application that
// fulfils it.

#include "workflow/assistance/assistance_outcomes.hpp"

#include <gtest/gtest.h>

#include "workflow/assistance/application_service.hpp"
#include "workflow/assistance/assistance_test_support.hpp"
#include "workflow/assistance/reserve_fund.hpp"
#include "workflow/leads/lead_service.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

using testing_support::AssistanceTest;

// Calls the assistance layer the way the outcome layer will: the effect of each outcome.
class AssistanceEffects final : public OutcomeEffects {
 public:
  explicit AssistanceEffects(AssistanceOutcomes& outcomes) : outcomes_(outcomes) {}
  Result<EffectResult> apply(const Actor& actor, const Lead& lead, const OutcomeDecision& decision,
                             Date on) override {
    if (decision.outcome == LeadOutcome::kApplication)
      return EffectResult{OutcomeState::kPending, ""};
    if (decision.outcome == LeadOutcome::kCaseByCase) {
      CaseByCaseRequest request{*lead.household_id,
                                lead.id,
                                std::nullopt,
                                ApplicationKind::kTemporaryEmergency,
                                Money::from_yuan(6000),
                                "房屋倒塌，需重建过渡",
                                on};
      CaseByCaseOutcome outcome;
      FAXIAN_TRY_ASSIGN(outcome, outcomes_.request_case_by_case(actor, request));
      return EffectResult{OutcomeState::kPending, outcome.application.application_no};
    }
    return fail(ErrorCode::kInvalidArgument, "unsupported", "unsupported in this test");
  }

 private:
  AssistanceOutcomes& outcomes_;
};

class AssistanceOutcomesTest : public AssistanceTest {
 protected:
  void SetUp() override {
    AssistanceTest::SetUp();
    officer_ = user("xiang", Role::kTownshipOfficer, "500241002");
    county_ = user("county", Role::kCountyOfficer);
    household_ = seed_poor_household();
  }
  AssistanceOutcomes outcomes() { return AssistanceOutcomes(db(), clock_, calendar_); }
  ApplicationService applications() { return ApplicationService(db(), clock_, calendar_); }
  LeadService leads() { return LeadService(db(), clock_, calendar_); }
  Money balance() { return ReserveFund(db(), clock_).balance("500241002").value(); }
  size_t application_count() {
    ApplicationQuery query;
    query.household_id = household_;
    return applications().list(query)->size();
  }

  void fund(int64_t yuan) {
    ASSERT_TRUE(
        ReserveFund(db(), clock_)
            .top_up(officer_, "500241002", Money::from_yuan(yuan), day("2026-06-01"), "拨付")
            .has_value());
  }

  // A lead of the household, verified (willing, needs help).
  Lead verified_lead() {
    IntakeRequest intake;
    intake.source = LeadSource::kVisit;
    intake.household_id = household_;
    intake.description = "走访发现生活困难";
    intake.reported_on = day("2026-06-10");
    auto opened = leads().intake(officer_, intake);
    EXPECT_TRUE(opened.has_value()) << opened.error().to_string();
    Lead lead = opened->lead;
    auto assigned = leads().assign(officer_, lead.lead_no, lead.version, *officer_.user_id, "");
    EXPECT_TRUE(assigned.has_value()) << assigned.error().to_string();
    auto started =
        leads().start_verification(officer_, lead.lead_no, assigned->version, day("2026-06-11"));
    EXPECT_TRUE(started.has_value()) << started.error().to_string();
    VerificationRecord visit;
    visit.visited_on = day("2026-06-11");
    visit.willingness = Willingness::kYes;
    visit.policy_explained = true;
    visit.policies = {"最低生活保障", "临时救助"};
    visit.difficulty_found = true;
    auto recorded = leads().record_verification(officer_, lead.lead_no, started->version, visit);
    EXPECT_TRUE(recorded.has_value()) << recorded.error().to_string();
    return recorded.value_or(Lead{});
  }

  OutcomeState outcome_state(int64_t lead_id, LeadOutcome outcome) {
    auto lead = leads().find_by_id(lead_id)->value();
    for (const LeadOutcomeEntry& entry : lead.outcomes)
      if (entry.outcome == outcome)
        return entry.state;
    ADD_FAILURE() << "no such outcome";
    return OutcomeState::kCancelled;
  }

  CaseByCaseOutcome requested(int64_t yuan = 6000) {
    CaseByCaseRequest request{household_,
                              std::nullopt,
                              std::nullopt,
                              ApplicationKind::kTemporaryExpenditure,
                              Money::from_yuan(yuan),
                              "重病住院，自付费用远超家庭承受能力",
                              day("2026-06-15")};
    auto outcome = outcomes().request_case_by_case(officer_, request);
    EXPECT_TRUE(outcome.has_value()) << outcome.error().to_string();
    return outcome.value_or(CaseByCaseOutcome{});
  }

  Actor officer_;
  Actor county_;
  int64_t household_ = 0;
};

TEST_F(AssistanceOutcomesTest, EmergencyAidPaysFromTheReserveFundAndOpensAPaperworkTask) {
  fund(2000);
  EmergencyAidRequest request{household_};
  request.amount = Money::from_yuan(500);
  request.on = day("2026-06-15");
  request.reason = "突发火灾，基本生活无着";
  auto granted = outcomes().grant_emergency_aid(officer_, request);
  ASSERT_TRUE(granted.has_value()) << granted.error().to_string();
  EXPECT_TRUE(granted->application.fast_track);
  EXPECT_EQ(granted->application.decision, ApplicationDecision::kApproved);
  EXPECT_EQ(granted->application.status, ApplicationStatus::kInPayment);
  EXPECT_EQ(granted->payment.source, PaymentSource::kReserveFund);
  EXPECT_EQ(granted->payment.amount, Money::from_yuan(500));
  EXPECT_EQ(granted->request.track, AidTrack::kQuick);  // 500 ≤ one month of 630
  EXPECT_EQ(balance(), Money::from_yuan(1500));
  const Date due = calendar_.add_working_days(day("2026-06-15"), 5).value();
  EXPECT_EQ(granted->paperwork_due, due);
  auto task = TaskRepository(db(), clock_).find(granted->paperwork_task_id)->value();
  EXPECT_EQ(task.kind, TaskKind::kPaperwork);
  EXPECT_EQ(task.due_on, due);
  EXPECT_EQ(task.household_id, household_);
  EXPECT_EQ(task.township_code, "500241002");
}

TEST_F(AssistanceOutcomesTest, EmergencyAidAboveTheTownshipLimitNeedsCaseByCase) {
  fund(10000);
  EmergencyAidRequest request{household_};
  request.amount = Money::from_fen(252001);  // 4 × 630 + 0.01
  request.on = day("2026-06-15");
  request.reason = "房屋倒塌";
  auto refused = outcomes().grant_emergency_aid(officer_, request);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kIllegalTransition);
  EXPECT_NE(refused.error().message.find("一事一议"), std::string::npos);
  request.amount = Money::from_yuan(2520);
  auto township = outcomes().grant_emergency_aid(officer_, request);
  ASSERT_TRUE(township.has_value()) << township.error().to_string();
  EXPECT_EQ(township->request.track, AidTrack::kTownship);
}

TEST_F(AssistanceOutcomesTest, EmergencyAidThatCannotBePaidLeavesNoTrace) {
  fund(100);
  EmergencyAidRequest request{household_};
  request.amount = Money::from_yuan(500);
  request.on = day("2026-06-15");
  request.reason = "突发疾病";
  auto refused = outcomes().grant_emergency_aid(officer_, request);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(application_count(), 0u);
  EXPECT_EQ(balance(), Money::from_yuan(100));
  TaskQuery tasks;
  tasks.household_id = household_;
  EXPECT_TRUE(TaskRepository(db(), clock_).list(tasks)->empty());
}

TEST_F(AssistanceOutcomesTest, TemporaryAidRequestsGetTheirTrackAndAreSettledByTheDecision) {
  SubmitRequest submit{ApplicationKind::kTemporaryExpenditure, household_};
  submit.submitted_on = day("2026-06-15");
  Application quick = applications().submit(officer_, submit).value();
  Application township = applications().submit(officer_, submit).value();
  auto small = outcomes().request_temporary_aid(
      officer_, quick.application_no, Money::from_yuan(630), "门诊费用", day("2026-06-15"));
  ASSERT_TRUE(small.has_value()) << small.error().to_string();
  EXPECT_EQ(small->track, AidTrack::kQuick);
  EXPECT_EQ(small->decision_due, day("2026-06-18"));  // 3 calendar days
  auto larger = outcomes().request_temporary_aid(
      officer_, township.application_no, Money::from_yuan(2000), "住院费用", day("2026-06-15"));
  ASSERT_TRUE(larger.has_value()) << larger.error().to_string();
  EXPECT_EQ(larger->track, AidTrack::kTownship);
  EXPECT_FALSE(larger->decision_due.has_value());

  quick = applications().find(quick.application_no)->value();  // the request was logged
  DecisionRequest approve{ApplicationDecision::kApproved, "", day("2026-06-16"), std::nullopt,
                          Money::from_yuan(630)};
  ASSERT_TRUE(
      applications().decide(officer_, quick.application_no, quick.version, approve).has_value());
  township = applications().find(township.application_no)->value();
  DecisionRequest reject{ApplicationDecision::kRejected, "已获医疗救助", day("2026-06-16")};
  ASSERT_TRUE(applications()
                  .decide(officer_, township.application_no, township.version, reject)
                  .has_value());
  AidRequestRepository requests(db(), clock_);
  EXPECT_EQ(requests.find(small->id)->value().status, AidRequestStatus::kApproved);
  EXPECT_EQ(requests.find(larger->id)->value().status, AidRequestStatus::kRejected);
  EXPECT_EQ(requests.find(larger->id)->value().decision_reason, "已获医疗救助");

  Application dibao =
      applications().submit(officer_, SubmitRequest{ApplicationKind::kDibao, household_}).value();
  EXPECT_EQ(outcomes()
                .request_temporary_aid(officer_, dibao.application_no, Money::from_yuan(100), "x",
                                       day("2026-06-15"))
                .error()
                .code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(outcomes()
                .request_temporary_aid(officer_, quick.application_no, Money::from_yuan(100), "x",
                                       day("2026-06-17"))
                .error()
                .code,
            ErrorCode::kIllegalTransition);  // already decided
}

TEST_F(AssistanceOutcomesTest, CaseByCaseRequestWaitsForTheCountyWithADeadline) {
  CaseByCaseOutcome outcome = requested();
  EXPECT_EQ(outcome.request.status, AidRequestStatus::kRequested);
  EXPECT_EQ(outcome.request.track, AidTrack::kCaseByCase);
  EXPECT_EQ(outcome.request.decision_due, calendar_.add_working_days(day("2026-06-15"), 5).value());
  EXPECT_EQ(outcome.application.status, ApplicationStatus::kSubmitted);
  auto pending = outcomes().pending_case_by_case().value();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].id, outcome.request.id);
  AidRequestRepository requests(db(), clock_);
  EXPECT_TRUE(requests.overdue(*outcome.request.decision_due)->empty());
  EXPECT_EQ(requests.overdue(outcome.request.decision_due->add_days(1))->size(), 1u);
}

TEST_F(AssistanceOutcomesTest, CaseByCaseWithinTheTownshipLimitIsRefused) {
  CaseByCaseRequest request{household_,
                            std::nullopt,
                            std::nullopt,
                            ApplicationKind::kTemporaryExpenditure,
                            Money::from_yuan(2520),
                            "医疗支出",
                            day("2026-06-15")};
  auto refused = outcomes().request_case_by_case(officer_, request);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(application_count(), 0u);
}

TEST_F(AssistanceOutcomesTest, OnlyTheCountyDecidesCaseByCase) {
  CaseByCaseOutcome outcome = requested();
  CaseByCaseDecision approve{true, "", day("2026-06-17")};
  for (const Actor& actor :
       {officer_, Actor::system(), user("cun", Role::kVillageCoordinator, "500241002200"),
        user("audit", Role::kAuditor)}) {
    auto refused =
        outcomes().decide_case_by_case(actor, outcome.request.id, outcome.request.version, approve);
    ASSERT_FALSE(refused.has_value()) << actor.name;
    EXPECT_EQ(refused.error().code, ErrorCode::kIllegalTransition);
    EXPECT_NE(refused.error().message.find("县民政局"), std::string::npos);
  }
  EXPECT_EQ(outcomes().pending_case_by_case()->size(), 1u);
}

TEST_F(AssistanceOutcomesTest, CountyApprovalDecidesTheApplicationAndRecordsThePayment) {
  CaseByCaseOutcome outcome = requested();
  CaseByCaseDecision approve{true, "", day("2026-06-17"), Money::from_yuan(5000)};
  auto decided =
      outcomes().decide_case_by_case(county_, outcome.request.id, outcome.request.version, approve);
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_EQ(decided->request.status, AidRequestStatus::kApproved);
  EXPECT_EQ(decided->request.decided_by, county_.user_id);
  ASSERT_TRUE(decided->payment.has_value());
  EXPECT_EQ(decided->payment->source, PaymentSource::kCaseByCase);
  EXPECT_EQ(decided->payment->amount, Money::from_yuan(5000));
  EXPECT_EQ(decided->request.payment_id, decided->payment->id);
  EXPECT_EQ(decided->request.amount, Money::from_yuan(5000));  // the county approved less
  EXPECT_EQ(decided->application.status, ApplicationStatus::kInPayment);
  EXPECT_EQ(decided->application.amount, Money::from_yuan(5000));
  EXPECT_TRUE(outcomes().pending_case_by_case()->empty());
  // The same request again: stale version, then already decided.
  auto stale =
      outcomes().decide_case_by_case(county_, outcome.request.id, outcome.request.version, approve);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  auto again = outcomes().decide_case_by_case(county_, outcome.request.id, decided->request.version,
                                              approve);
  EXPECT_EQ(again.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(applications().payments(outcome.application.application_no)->size(), 1u);
}

TEST_F(AssistanceOutcomesTest, CountyRejectionNeedsAReasonAndPaysNothing) {
  CaseByCaseOutcome outcome = requested();
  const Actor admin = user("admin", Role::kCountyAdmin);
  CaseByCaseDecision reject{false, "", day("2026-06-17")};
  EXPECT_EQ(outcomes()
                .decide_case_by_case(admin, outcome.request.id, outcome.request.version, reject)
                .error()
                .code,
            ErrorCode::kInvalidArgument);
  reject.reason = "已获医疗救助 8,000 元，困难已缓解";
  auto decided =
      outcomes().decide_case_by_case(admin, outcome.request.id, outcome.request.version, reject);
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_EQ(decided->request.status, AidRequestStatus::kRejected);
  EXPECT_FALSE(decided->payment.has_value());
  EXPECT_EQ(decided->application.status, ApplicationStatus::kSubmitted);
  EXPECT_TRUE(applications().payments(outcome.application.application_no)->empty());
  // A rejected 一事一议 does not let the township grant the amount itself.
  DecisionRequest approve{ApplicationDecision::kApproved, "", day("2026-06-18"), std::nullopt,
                          Money::from_yuan(6000)};
  auto township = applications().decide(officer_, decided->application.application_no,
                                        decided->application.version, approve);
  EXPECT_EQ(township.error().code, ErrorCode::kIllegalTransition);
}

TEST_F(AssistanceOutcomesTest, SelfSubmittedApplicationCompletesTheLeadsPendingOutcome) {
  Lead lead = verified_lead();
  AssistanceOutcomes layer = outcomes();
  AssistanceEffects effects(layer);
  lead = leads()
             .decide(officer_, lead.lead_no, lead.version,
                     {OutcomeDecision{LeadOutcome::kApplication, "{}"}}, day("2026-06-12"),
                     &effects, "本人表示自行申请")
             .value();
  EXPECT_EQ(outcome_state(lead.id, LeadOutcome::kApplication), OutcomeState::kPending);
  SubmitRequest request{ApplicationKind::kDibao, household_};
  request.submitted_on = day("2026-06-15");
  auto submitted = applications().submit(officer_, request);
  ASSERT_TRUE(submitted.has_value()) << submitted.error().to_string();
  EXPECT_EQ(submitted->lead_id, lead.id);
  EXPECT_FALSE(submitted->assisted);
  EXPECT_EQ(outcome_state(lead.id, LeadOutcome::kApplication), OutcomeState::kDone);
}

TEST_F(AssistanceOutcomesTest, ApplicationAlreadyInIsLinkedWhenTheOutcomeIsDecided) {
  SubmitRequest request{ApplicationKind::kDibao, household_};
  request.submitted_on = day("2026-06-09");
  Application early = applications().submit(officer_, request).value();
  EXPECT_FALSE(early.lead_id.has_value());  // no lead yet
  Lead lead = verified_lead();
  auto linked = outcomes().link_open_application(officer_, lead.id, household_, day("2026-06-12"));
  ASSERT_TRUE(linked.has_value()) << linked.error().to_string();
  ASSERT_TRUE(linked->has_value());
  EXPECT_EQ((*linked)->application_no, early.application_no);
  EXPECT_EQ((*linked)->lead_id, lead.id);
  EXPECT_EQ((*linked)->version, early.version + 1);
}

TEST_F(AssistanceOutcomesTest, AssistedApplicationIsMarkedAndLinked) {
  Lead lead = verified_lead();
  auto opened = outcomes().open_assisted_application(
      officer_, lead.id, household_, ApplicationKind::kDibao, day("2026-06-12"), "协理员代为申请");
  ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
  EXPECT_TRUE(opened->assisted);
  EXPECT_EQ(opened->lead_id, lead.id);
  EXPECT_EQ(opened->status, ApplicationStatus::kSubmitted);
}

TEST_F(AssistanceOutcomesTest, CaseByCaseOutcomeIsDoneWhenTheCountyDecides) {
  fund(100);
  Lead lead = verified_lead();
  AssistanceOutcomes layer = outcomes();
  AssistanceEffects effects(layer);
  lead = leads()
             .decide(officer_, lead.lead_no, lead.version,
                     {OutcomeDecision{LeadOutcome::kCaseByCase, "{}"}}, day("2026-06-15"), &effects,
                     "")
             .value();
  EXPECT_EQ(outcome_state(lead.id, LeadOutcome::kCaseByCase), OutcomeState::kPending);
  AidRequest request = outcomes().pending_case_by_case()->at(0);
  EXPECT_EQ(request.lead_id, lead.id);
  auto decided = outcomes().decide_case_by_case(county_, request.id, request.version,
                                                CaseByCaseDecision{true, "", day("2026-06-16")});
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_EQ(outcome_state(lead.id, LeadOutcome::kCaseByCase), OutcomeState::kDone);
}

}  // namespace
}  // namespace faxian::workflow
