// Lead scenarios (40-workflow.md "Outcomes"), part two: the outcomes that open applications or
// move money — assisted_application (followed through the 低保 procedure to the category it
// adds), emergency_aid (先行救助 from the township reserve fund), case_by_case (一事一议 at the
// county) — and an application refused as not eligible handed back to screening. Each lead is
// walked from its source to closure through the real library; every side effect is read back
// from the store.

#include <gtest/gtest.h>

#include "store/category_repository.hpp"
#include "workflow/assistance/aid_request.hpp"
#include "workflow/assistance/assistance_outcomes.hpp"
#include "workflow/assistance/reserve_fund.hpp"
#include "workflow/lead_scenario_support.hpp"

namespace faxian::workflow {
namespace {

using testing_support::kTownship;
using testing_support::LeadScenarioTest;

using Actions = std::vector<std::string>;

class LeadMoneyScenariosTest : public LeadScenarioTest {
 protected:
  Application application(const std::string& application_no) {
    auto found = applications().find(application_no);
    EXPECT_TRUE(found.has_value() && found->has_value()) << application_no;
    return found.has_value() && found->has_value() ? **found : Application{};
  }
  // investigating → economic_check → the computed check as of 2026-06-15 → 公示 from
  // `notice_from` (7 calendar days).
  Application through_public_notice(Application a, std::string_view notice_from) {
    auto investigating = applications().start_investigation(officer_, a.application_no, a.version,
                                                            day("2026-06-16"));
    EXPECT_TRUE(investigating.has_value()) << investigating.error().to_string();
    auto checking = applications().start_economic_check(
        officer_, a.application_no, investigating.value_or(a).version, day("2026-06-17"));
    EXPECT_TRUE(checking.has_value()) << checking.error().to_string();
    auto checked = applications().run_eligibility_check(
        officer_, a.application_no, checking.value_or(a).version, day("2026-06-15"));
    EXPECT_TRUE(checked.has_value()) << checked.error().to_string();
    EXPECT_GT(checked.has_value() ? checked->stored_check_id : 0, 0);
    auto noticed = applications().start_public_notice(
        officer_, a.application_no, checked.has_value() ? checked->application.version : 0,
        day(notice_from));
    EXPECT_TRUE(noticed.has_value()) << noticed.error().to_string();
    return noticed.value_or(a);
  }
  std::vector<std::string> application_actions(const std::string& application_no) {
    std::vector<std::string> actions;
    for (const ApplicationEvent& event :
         applications().history(application_no).value_or(std::vector<ApplicationEvent>{}))
      actions.push_back(event.action);
    return actions;
  }
  Money balance() { return ReserveFund(db(), clock_).balance(kTownship).value(); }
};

TEST_F(LeadMoneyScenariosTest, AssistedApplicationOpensTheApplicationAndItsApprovalAddsDibao) {
  const Lead lead =
      verified(intake(officer_, report(LeadSource::kVisit, "2026-06-08", "走访-0608-3")),
               "2026-06-09", Willingness::kYes, true);
  auto decided = decide(officer_, lead, LeadOutcome::kAssistedApplication,
                        R"({"kind": "dibao", "description": "户主不识字，由乡镇代为申请低保"})",
                        "2026-06-15", "协助申请低保");
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  const Lead closed = stored(lead.lead_no);
  EXPECT_EQ(closed.status, LeadStatus::kClosed);  // the outcome is done: the lead closes
  EXPECT_EQ(closed.closed_on, day("2026-06-15"));
  ASSERT_EQ(closed.outcomes.size(), 1u);
  EXPECT_EQ(closed.outcomes[0].state, OutcomeState::kDone);
  EXPECT_EQ(closed.outcomes[0].reference, "SQ20260615-0001");
  EXPECT_EQ(history_actions(lead.id),
            (Actions{"intake", "assign", "start_verification", "record_verification", "decide"}));
  EXPECT_TRUE(tasks_of(lead.id).empty());

  const std::vector<Application> opened = applications_of(household_);
  ASSERT_EQ(opened.size(), 1u);
  Application a = opened[0];
  EXPECT_EQ(a.application_no, "SQ20260615-0001");
  EXPECT_EQ(a.kind, ApplicationKind::kDibao);
  EXPECT_TRUE(a.assisted);
  EXPECT_FALSE(a.fast_track);
  EXPECT_EQ(a.lead_id, lead.id);
  EXPECT_EQ(a.status, ApplicationStatus::kSubmitted);
  EXPECT_EQ(a.description, "户主不识字，由乡镇代为申请低保");
  EXPECT_EQ(a.submitted_on, day("2026-06-15"));
  EXPECT_EQ(a.created_by, "xiang");
  // 25 working days from 2026-06-15 (端午 6-19 off): 2026-07-21.
  EXPECT_EQ(a.process_due, day("2026-07-21"));

  a = through_public_notice(a, "2026-06-18");
  EXPECT_EQ(a.status, ApplicationStatus::kPublicNotice);
  EXPECT_EQ(a.recommendation, Recommendation::kEligible);  // per capita 500 < 630
  EXPECT_EQ(a.notice_until, day("2026-06-24"));            // 7 calendar days from the 18th
  DecisionRequest approve{ApplicationDecision::kApproved, "", day("2026-06-25"), day("2026-07-01"),
                          Money::from_yuan(260)};
  auto approved = decide_application(db(), clock_, calendar_, DeadlinePolicy{}, officer_,
                                     a.application_no, a.version, approve);
  ASSERT_TRUE(approved.has_value()) << approved.error().to_string();
  EXPECT_FALSE(approved->not_eligible);
  ASSERT_TRUE(approved->category_id.has_value());
  const Application stored_application = application(a.application_no);
  EXPECT_EQ(stored_application.status, ApplicationStatus::kDecided);
  EXPECT_EQ(stored_application.decision, ApplicationDecision::kApproved);
  EXPECT_EQ(stored_application.start_on, day("2026-07-01"));
  EXPECT_EQ(stored_application.amount, Money::from_yuan(260));
  EXPECT_EQ(application_actions(a.application_no).front(), "submit");
  EXPECT_EQ(application_actions(a.application_no).back(), "decide");

  CategoryRepository categories(db(), clock_);
  const std::vector<Category> held = categories.for_household(household_).value();
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].id, *approved->category_id);
  EXPECT_EQ(held[0].kind, CategoryKind::kDibao);
  EXPECT_EQ(held[0].start, day("2026-07-01"));
  EXPECT_FALSE(held[0].end.has_value());
  EXPECT_EQ(held[0].source, CategorySource::kWorkflow);
  EXPECT_EQ(held[0].source_ref, a.application_no);
  EXPECT_TRUE(categories.active_for_household(household_, day("2026-06-30"))->empty());
  EXPECT_EQ(categories.active_for_household(household_, day("2026-07-01"))->size(), 1u);
  // The closed lead is left as it was, and the approval sets up no follow-up.
  EXPECT_EQ(stored(lead.lead_no).version, closed.version);
  EXPECT_TRUE(tasks_of(lead.id).empty());
}

TEST_F(LeadMoneyScenariosTest, EmergencyAidIsPaidFromTheReserveFundWithAPaperworkTask) {
  ASSERT_TRUE(ReserveFund(db(), clock_)
                  .top_up(county_, kTownship, Money::from_yuan(2000), day("2026-06-01"),
                          "县民政局拨付备用金")
                  .has_value());
  const Lead lead =
      verified(intake(officer_, report(LeadSource::kHotline, "2026-06-12", "12345-0612-88")),
               "2026-06-12", Willingness::kYes, true);
  const size_t history_before = history_actions(lead.id).size();

  // 2,500 is within the township's limit (4 × 630) but more than the fund holds.
  auto short_of_money =
      decide(officer_, lead, LeadOutcome::kEmergencyAid,
             R"({"amount": "2500.00", "reason": "房屋失火，基本生活无着"})", "2026-06-15");
  ASSERT_FALSE(short_of_money.has_value());
  EXPECT_EQ(short_of_money.error().code, ErrorCode::kIllegalTransition);
  const Lead untouched = stored(lead.lead_no);
  EXPECT_EQ(untouched.version, lead.version);
  EXPECT_EQ(untouched.status, LeadStatus::kVerifying);
  EXPECT_TRUE(untouched.outcomes.empty());
  EXPECT_EQ(history_actions(lead.id).size(), history_before);
  EXPECT_TRUE(applications_of(household_).empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM payments"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM temporary_aid_requests"), 0);
  EXPECT_EQ(balance(), Money::from_yuan(2000));
  EXPECT_EQ(ReserveFund(db(), clock_).ledger(kTownship)->size(), 1u);
  EXPECT_TRUE(tasks_of(lead.id).empty());

  auto granted =
      decide(officer_, lead, LeadOutcome::kEmergencyAid,
             R"({"amount": "1200.00", "reason": "房屋失火，基本生活无着"})", "2026-06-15");
  ASSERT_TRUE(granted.has_value()) << granted.error().to_string();
  const Lead closed = stored(lead.lead_no);
  EXPECT_EQ(closed.status, LeadStatus::kClosed);
  EXPECT_EQ(closed.closed_on, day("2026-06-15"));
  ASSERT_EQ(closed.outcomes.size(), 1u);
  EXPECT_EQ(closed.outcomes[0].state, OutcomeState::kDone);
  EXPECT_EQ(history_actions(lead.id).size(), history_before + 1);

  const Application paid = application(closed.outcomes[0].reference);
  EXPECT_EQ(paid.lead_id, lead.id);
  EXPECT_EQ(paid.kind, ApplicationKind::kTemporaryEmergency);
  EXPECT_TRUE(paid.fast_track);
  EXPECT_EQ(paid.decision, ApplicationDecision::kApproved);
  EXPECT_EQ(paid.status, ApplicationStatus::kInPayment);
  EXPECT_EQ(paid.amount, Money::from_yuan(1200));
  auto payments = applications().payments(paid.application_no);
  ASSERT_TRUE(payments.has_value());
  ASSERT_EQ(payments->size(), 1u);
  const PaymentRecord& payment = payments->front();
  EXPECT_EQ(payment.amount, Money::from_yuan(1200));
  EXPECT_EQ(payment.source, PaymentSource::kReserveFund);
  EXPECT_EQ(payment.method, PaymentMethod::kCash);
  EXPECT_EQ(payment.paid_on, day("2026-06-15"));
  EXPECT_EQ(payment.household_id, household_);
  ASSERT_TRUE(payment.reserve_entry_id.has_value());

  EXPECT_EQ(balance(), Money::from_yuan(800));
  EXPECT_EQ(ReserveFund(db(), clock_).ledger_balance(kTownship).value(), Money::from_yuan(800));
  const std::vector<ReserveEntry> ledger = ReserveFund(db(), clock_).ledger(kTownship).value();
  ASSERT_EQ(ledger.size(), 2u);
  EXPECT_EQ(ledger[1].id, *payment.reserve_entry_id);
  EXPECT_EQ(ledger[1].kind, ReserveEntryKind::kPayment);
  EXPECT_EQ(ledger[1].amount, Money::from_yuan(1200));
  EXPECT_EQ(ledger[1].balance_after, Money::from_yuan(800));
  EXPECT_EQ(ledger[1].application_id, paid.id);
  const std::vector<AidRequest> requests =
      AidRequestRepository(db(), clock_).for_application(paid.id).value();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].track, AidTrack::kTownship);  // 630 < 1,200 ≤ 2,520
  EXPECT_EQ(requests[0].status, AidRequestStatus::kApproved);

  // 补充材料 within 5 working days: 6-16, 6-17, 6-18, (端午 6-19 off), 6-22, 6-23.
  const std::vector<Task> tasks = tasks_of(lead.id);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].kind, TaskKind::kPaperwork);
  EXPECT_EQ(tasks[0].status, TaskStatus::kOpen);
  EXPECT_EQ(tasks[0].due_on, day("2026-06-23"));
  EXPECT_EQ(tasks[0].household_id, household_);
  EXPECT_EQ(tasks[0].township_code, kTownship);
  EXPECT_NE(tasks[0].title.find(paid.application_no), std::string::npos);
}

TEST_F(LeadMoneyScenariosTest, CaseByCaseWaitsForTheCountyWhoseApprovalPaysAndCompletesIt) {
  const Lead lead =
      verified(intake(officer_, report(LeadSource::kSocialReport, "2026-06-10", "社工-0610-2")),
               "2026-06-11", Willingness::kYes, true);
  auto decided =
      decide(officer_, lead, LeadOutcome::kCaseByCase,
             R"({"amount": "6000", "reasons": "房屋倒塌，需过渡安置及重建"})", "2026-06-15");
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_EQ(decided->status, LeadStatus::kDecided);
  ASSERT_EQ(decided->outcomes.size(), 1u);
  EXPECT_EQ(decided->outcomes[0].state, OutcomeState::kPending);
  const std::string application_no = decided->outcomes[0].reference;
  EXPECT_EQ(application_no, "SQ20260615-0001");
  const Application requested = application(application_no);
  EXPECT_EQ(requested.lead_id, lead.id);
  EXPECT_EQ(requested.status, ApplicationStatus::kSubmitted);
  EXPECT_FALSE(requested.decision.has_value());

  AssistanceOutcomes outcomes(db(), clock_, calendar_);
  const std::vector<AidRequest> inbox = outcomes.pending_case_by_case().value();
  ASSERT_EQ(inbox.size(), 1u);
  const AidRequest request = inbox[0];
  EXPECT_EQ(request.application_id, requested.id);
  EXPECT_EQ(request.lead_id, lead.id);
  EXPECT_EQ(request.track, AidTrack::kCaseByCase);
  EXPECT_EQ(request.amount, Money::from_yuan(6000));
  EXPECT_EQ(request.decision_due, day("2026-06-23"));  // 5 working days; 端午 6-19 is off

  auto early =
      leads().close(officer_, lead.lead_no, decided->version, std::nullopt, "", day("2026-06-16"));
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, ErrorCode::kIllegalTransition);
  auto township = outcomes.decide_case_by_case(officer_, request.id, request.version,
                                               CaseByCaseDecision{true, "", day("2026-06-16")});
  ASSERT_FALSE(township.has_value());
  EXPECT_EQ(township.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(outcomes.pending_case_by_case()->size(), 1u);
  EXPECT_TRUE(applications().payments(application_no)->empty());
  EXPECT_EQ(stored(lead.lead_no).outcomes[0].state, OutcomeState::kPending);

  auto approved = outcomes.decide_case_by_case(county_, request.id, request.version,
                                               CaseByCaseDecision{true, "", day("2026-06-17")});
  ASSERT_TRUE(approved.has_value()) << approved.error().to_string();
  const AidRequest settled = AidRequestRepository(db(), clock_).find(request.id)->value();
  EXPECT_EQ(settled.status, AidRequestStatus::kApproved);
  EXPECT_EQ(settled.decided_by, county_.user_id);
  const std::vector<PaymentRecord> payments = applications().payments(application_no).value();
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0].amount, Money::from_yuan(6000));
  EXPECT_EQ(payments[0].source, PaymentSource::kCaseByCase);
  EXPECT_EQ(payments[0].paid_on, day("2026-06-17"));
  EXPECT_EQ(settled.payment_id, payments[0].id);
  const Application paid = application(application_no);
  EXPECT_EQ(paid.decision, ApplicationDecision::kApproved);
  EXPECT_EQ(paid.status, ApplicationStatus::kInPayment);
  EXPECT_EQ(balance(), Money::from_yuan(0));  // the county's money, not the reserve fund
  Lead completed = stored(lead.lead_no);
  EXPECT_EQ(completed.outcomes[0].state, OutcomeState::kDone);
  EXPECT_EQ(completed.outcomes[0].done_on, day("2026-06-17"));

  auto closed = leads().close(officer_, lead.lead_no, completed.version, std::nullopt,
                              "一事一议已批准发放", day("2026-06-17"));
  ASSERT_TRUE(closed.has_value()) << closed.error().to_string();
  EXPECT_EQ(stored(lead.lead_no).status, LeadStatus::kClosed);
  EXPECT_EQ(history_actions(lead.id),
            (Actions{"intake", "assign", "start_verification", "record_verification", "decide",
                     "complete_outcome", "close"}));
}

class RefusedApplicationTest : public LeadMoneyScenariosTest {
 protected:
  // The well-off household's warning and lead, verified (`difficulty`), decided as an assisted
  // 低保 application and taken to the end of its 公示 (not eligible: 4,000 a month).
  void SetUp() override {
    LeadMoneyScenariosTest::SetUp();
    if (HasFatalFailure())
      return;
    well_off_ = seed_well_off_household();
  }
  Application refused_after_notice(bool difficulty) {
    warning_ = open_need_warning(well_off_, day("2026-06-08"));
    IntakeRequest request =
        report(LeadSource::kDataWarning, "2026-06-08", std::to_string(warning_), well_off_);
    request.warning_id = warning_;
    lead_ = verified(intake(Actor::system(), request), "2026-06-09", Willingness::kYes, difficulty);
    auto decided = decide(officer_, lead_, LeadOutcome::kAssistedApplication,
                          R"({"kind": "dibao"})", "2026-06-10");
    EXPECT_TRUE(decided.has_value()) << decided.error().to_string();
    lead_ = stored(lead_.lead_no);
    EXPECT_EQ(lead_.status, LeadStatus::kClosed);
    EXPECT_EQ(warning_status(warning_), "open");  // an application is no suppression
    Application a =
        through_public_notice(application(lead_.outcomes.at(0).reference), "2026-06-18");
    EXPECT_EQ(a.recommendation, Recommendation::kNotEligible);
    DecisionRequest reject{ApplicationDecision::kRejected, "家庭人均月收入4,000元，高于低保标准",
                           day("2026-06-25")};
    auto result = decide_application(db(), clock_, calendar_, DeadlinePolicy{}, officer_,
                                     a.application_no, a.version, reject);
    EXPECT_TRUE(result.has_value()) << result.error().to_string();
    EXPECT_TRUE(result.has_value() && result->not_eligible);
    return application(a.application_no);
  }
  int64_t well_off_ = 0;
  int64_t warning_ = 0;
  Lead lead_;
};

TEST_F(RefusedApplicationTest, NotEligibleSuppressesTheWarningAndFollowsUpAHouseholdInDifficulty) {
  const Application refused = refused_after_notice(/*difficulty=*/true);
  EXPECT_EQ(refused.decision, ApplicationDecision::kRejected);
  EXPECT_EQ(refused.lead_id, lead_.id);
  EXPECT_EQ(refused.refusal_notice_due, day("2026-06-30"));  // 3 working days after 6-25

  EXPECT_EQ(warning_status(warning_), "suppressed");
  EXPECT_EQ(active_suppression(well_off_), "not_eligible@2026-06-25/30");
  const std::vector<Task> tasks = tasks_of(lead_.id);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].kind, TaskKind::kFollowUp);
  EXPECT_EQ(tasks[0].status, TaskStatus::kOpen);
  EXPECT_EQ(tasks[0].household_id, well_off_);
  EXPECT_EQ(tasks[0].due_on, calendar_.add_working_days(day("2026-06-25"), 90).value());
  EXPECT_NE(tasks[0].title.find(refused.application_no), std::string::npos);
  EXPECT_TRUE(CategoryRepository(db(), clock_).for_household(well_off_)->empty());
}

TEST_F(RefusedApplicationTest, NotEligibleWithoutDifficultyFoundSuppressesButSetsNoFollowUp) {
  const Application refused = refused_after_notice(/*difficulty=*/false);
  EXPECT_EQ(refused.decision, ApplicationDecision::kRejected);
  EXPECT_EQ(warning_status(warning_), "suppressed");
  EXPECT_EQ(active_suppression(well_off_), "not_eligible@2026-06-25/30");
  EXPECT_TRUE(tasks_of(lead_.id).empty());
}

}  // namespace
}  // namespace faxian::workflow
