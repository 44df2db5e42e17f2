// Lead scenarios (40-workflow.md "Outcomes"), part one: a lead walked from its source to
// closure through the real library for the outcomes that pay nothing — no_need, declined,
// application (自行申请), referral, coordination and duplicate — checking every side effect in
// the store: the lead and its history, the suppression handed back to screening, follow-up
// tasks, the referral in the department's inbox, the county's coordination case. The outcomes
// that open applications or move money are in lead_scenarios_money_test.cpp.

#include <gtest/gtest.h>

#include "workflow/casework/coordination_service.hpp"
#include "workflow/casework/referral_service.hpp"
#include "workflow/lead_scenario_support.hpp"

namespace faxian::workflow {
namespace {

using testing_support::kTownship;
using testing_support::kVillage;
using testing_support::LeadScenarioTest;

using Actions = std::vector<std::string>;

class LeadScenariosTest : public LeadScenarioTest {
 protected:
  // A data-warning lead: the need warning screening opened on `as_of`, and the lead for it.
  Lead warning_lead(std::string_view as_of, int64_t& warning) {
    warning = open_need_warning(household_, day(as_of));
    IntakeRequest request =
        report(LeadSource::kDataWarning, as_of, std::to_string(warning), household_);
    request.warning_id = warning;
    return intake(Actor::system(), request);
  }
  ReferralService referrals() { return ReferralService(db(), clock_, calendar_); }
  CoordinationService coordination() { return CoordinationService(db(), clock_, calendar_); }
};

TEST_F(LeadScenariosTest, NoNeedClosesAtOnceAndSuppressesTheNeedWarning) {
  int64_t warning = 0;
  const Lead lead =
      verified(warning_lead("2026-06-08", warning), "2026-06-09", Willingness::kNo, false);
  EXPECT_EQ(lead.warning_id, warning);
  EXPECT_EQ(warning_status(warning), "open");

  auto decided = decide(officer_, lead, LeadOutcome::kNoNeed, "{}", "2026-06-10", "家庭收入稳定");
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  const Lead closed = stored(lead.lead_no);
  EXPECT_EQ(closed.status, LeadStatus::kClosed);
  EXPECT_EQ(closed.version, lead.version + 1);  // decided and closed in one change
  EXPECT_EQ(closed.decided_on, day("2026-06-10"));
  EXPECT_EQ(closed.closed_on, day("2026-06-10"));
  EXPECT_FALSE(closed.follow_up_on.has_value());
  ASSERT_EQ(closed.outcomes.size(), 1u);
  EXPECT_EQ(closed.outcomes[0].outcome, LeadOutcome::kNoNeed);
  EXPECT_EQ(closed.outcomes[0].state, OutcomeState::kDone);
  EXPECT_EQ(closed.outcomes[0].done_on, day("2026-06-10"));

  // Handed back to screening: the warning is suppressed for the no-need cool-down (30 days).
  EXPECT_EQ(warning_status(warning), "suppressed");
  EXPECT_EQ(active_suppression(household_), "no_need@2026-06-10/30");
  auto events = WarningRepository(db(), clock_).events(warning);
  ASSERT_TRUE(events.has_value());
  ASSERT_FALSE(events->empty());
  EXPECT_EQ(events->back().event, WarningEventKind::kSuppressed);

  EXPECT_EQ(history_actions(lead.id),
            (Actions{"intake", "assign", "start_verification", "record_verification", "decide"}));
  const LeadEvent last = last_event(lead.id);
  EXPECT_EQ(last.from_status, LeadStatus::kVerifying);
  EXPECT_EQ(last.to_status, LeadStatus::kClosed);
  EXPECT_EQ(last.actor, "xiang");
  EXPECT_EQ(last.actor_role, "township_officer");
  EXPECT_EQ(last.reason, "家庭收入稳定");
  EXPECT_EQ(last.on_date, day("2026-06-10"));
  EXPECT_TRUE(tasks_of(lead.id).empty());  // no follow-up for a household without difficulty
  EXPECT_FALSE(leads().open_lead_of(household_)->has_value());
}

TEST_F(LeadScenariosTest, DeclinedNeedsThePolicyExplainedAndIsFollowedUp90WorkingDaysLater) {
  int64_t warning = 0;
  const Lead unexplained = verified(warning_lead("2026-02-24", warning), "2026-02-26",
                                    Willingness::kNo, true, /*policy_explained=*/false);
  auto refused = decide(officer_, unexplained, LeadOutcome::kDeclined, "{}", "2026-02-27");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kIllegalTransition);
  Lead unchanged = stored(unexplained.lead_no);
  EXPECT_EQ(unchanged.version, unexplained.version);
  EXPECT_EQ(unchanged.status, LeadStatus::kVerifying);
  EXPECT_TRUE(unchanged.outcomes.empty());
  EXPECT_EQ(warning_status(warning), "open");
  EXPECT_TRUE(tasks_of(unexplained.id).empty());

  // The officer goes back, explains 低保 and 临时救助; the person still does not want to apply.
  auto explained = leads().record_verification(officer_, unexplained.lead_no, unexplained.version,
                                               visit("2026-03-02", Willingness::kNo, true, true));
  ASSERT_TRUE(explained.has_value()) << explained.error().to_string();
  auto declined = decide(officer_, *explained, LeadOutcome::kDeclined, "{}", "2026-03-02",
                         "本人表示暂不申请，尊重本人意愿");
  ASSERT_TRUE(declined.has_value()) << declined.error().to_string();

  // 90 working days after Monday 2026-03-02, counted by hand on the 2026 calendar: March 21
  // (3-3…3-31), April 21 (清明 4-6 off), May 19 (劳动节 5-1…5-5 off, Saturday 5-9 worked),
  // June 21 (端午 6-19 off) — 82 by 30 June — then July 1-3 and 6-10: Friday 2026-07-10.
  const Date follow_up = day("2026-07-10");
  EXPECT_EQ(calendar_.add_working_days(day("2026-03-02"), 90).value(), follow_up);
  const Lead closed = stored(unexplained.lead_no);
  EXPECT_EQ(closed.status, LeadStatus::kClosed);
  EXPECT_EQ(closed.closed_on, day("2026-03-02"));
  EXPECT_EQ(closed.follow_up_on, follow_up);
  ASSERT_EQ(closed.outcomes.size(), 1u);
  EXPECT_EQ(closed.outcomes[0].outcome, LeadOutcome::kDeclined);
  EXPECT_EQ(closed.outcomes[0].state, OutcomeState::kDone);
  auto records = leads().verifications(closed.id);
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_TRUE(records->back().policy_explained);
  EXPECT_EQ(records->back().policies, (std::vector<std::string>{"最低生活保障", "临时救助"}));
  EXPECT_EQ(records->back().willingness, Willingness::kNo);

  const std::vector<Task> tasks = tasks_of(closed.id);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].kind, TaskKind::kFollowUp);
  EXPECT_EQ(tasks[0].status, TaskStatus::kOpen);
  EXPECT_EQ(tasks[0].due_on, follow_up);
  EXPECT_EQ(tasks[0].household_id, household_);
  EXPECT_EQ(tasks[0].township_code, kTownship);
  EXPECT_EQ(tasks[0].village_code, kVillage);
  EXPECT_EQ(tasks[0].created_on, day("2026-03-02"));

  // Respected for the declined cool-down (90 days), not the no-need one.
  EXPECT_EQ(warning_status(warning), "suppressed");
  EXPECT_EQ(active_suppression(household_), "declined@2026-03-02/90");
  EXPECT_EQ(history_actions(closed.id),
            (Actions{"intake", "assign", "start_verification", "record_verification",
                     "record_verification", "decide"}));
  EXPECT_EQ(last_event(closed.id).to_status, LeadStatus::kClosed);
}

TEST_F(LeadScenariosTest, ApplicationStaysPendingUntilTheHouseholdsOwnApplicationArrives) {
  const Lead lead =
      verified(intake(officer_, report(LeadSource::kSelfReport, "2026-06-08", "窗口求助-0608")),
               "2026-06-09", Willingness::kYes, true);
  auto decided =
      decide(officer_, lead, LeadOutcome::kApplication, "{}", "2026-06-10", "本人将自行申请低保");
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_EQ(decided->status, LeadStatus::kDecided);
  ASSERT_EQ(decided->outcomes.size(), 1u);
  EXPECT_EQ(decided->outcomes[0].state, OutcomeState::kPending);
  EXPECT_FALSE(decided->outcomes[0].done_on.has_value());
  EXPECT_TRUE(applications_of(household_).empty());  // nothing opened on their behalf

  auto blocked =
      leads().close(officer_, lead.lead_no, decided->version, std::nullopt, "", day("2026-06-11"));
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().code, ErrorCode::kIllegalTransition);
  EXPECT_NE(blocked.error().message.find("自行申请"), std::string::npos);
  EXPECT_EQ(stored(lead.lead_no).version, decided->version);
  EXPECT_EQ(stored(lead.lead_no).status, LeadStatus::kDecided);

  // The household applies at the office; the application finds the open lead by itself.
  SubmitRequest own{ApplicationKind::kDibao, household_};
  own.submitted_on = day("2026-06-12");
  own.description = "本人申请低保";
  auto submitted = applications().submit(officer_, own);
  ASSERT_TRUE(submitted.has_value()) << submitted.error().to_string();
  EXPECT_EQ(submitted->lead_id, lead.id);
  EXPECT_FALSE(submitted->assisted);
  Lead linked = stored(lead.lead_no);
  EXPECT_EQ(linked.status, LeadStatus::kDecided);
  ASSERT_EQ(linked.outcomes.size(), 1u);
  EXPECT_EQ(linked.outcomes[0].state, OutcomeState::kDone);
  EXPECT_EQ(linked.outcomes[0].done_on, day("2026-06-12"));
  EXPECT_EQ(linked.outcomes[0].reference, submitted->application_no);

  auto closed = leads().close(officer_, lead.lead_no, linked.version, std::nullopt, "已受理申请",
                              day("2026-06-12"));
  ASSERT_TRUE(closed.has_value()) << closed.error().to_string();
  EXPECT_EQ(stored(lead.lead_no).status, LeadStatus::kClosed);
  EXPECT_EQ(stored(lead.lead_no).closed_on, day("2026-06-12"));
  EXPECT_TRUE(tasks_of(lead.id).empty());
  EXPECT_EQ(history_actions(lead.id),
            (Actions{"intake", "assign", "start_verification", "record_verification", "decide",
                     "complete_outcome", "close"}));
}

TEST_F(LeadScenariosTest, ReferralGoesToTheDepartmentsInboxMaskedAndItsAnswerLetsTheLeadClose) {
  const Actor medical = liaison("yibao", "医保局");
  const Actor employment = liaison("renshe", "人社局");
  const Lead lead =
      verified(intake(county_, report(LeadSource::kSuperior, "2026-06-08", "县局交办-0608")),
               "2026-06-09", Willingness::kYes, true);
  auto decided = decide(
      officer_, lead, LeadOutcome::kReferral,
      R"({"department": "医保局", "reason": "配偶慢性病长期服药，请核查医疗救助"})", "2026-06-15");
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_EQ(decided->status, LeadStatus::kDecided);
  ASSERT_EQ(decided->outcomes.size(), 1u);
  EXPECT_EQ(decided->outcomes[0].state, OutcomeState::kPending);
  const std::string referral_no = decided->outcomes[0].reference;
  EXPECT_EQ(referral_no, "ZJ20260615-0001");

  auto inbox = referrals().inbox(medical, Department::kMedicalSecurity);
  ASSERT_TRUE(inbox.has_value()) << inbox.error().to_string();
  ASSERT_EQ(inbox->size(), 1u);
  const Referral referral = inbox->front();
  EXPECT_EQ(referral.referral_no, referral_no);
  EXPECT_EQ(referral.lead_id, lead.id);
  EXPECT_EQ(referral.household_id, household_);
  EXPECT_EQ(referral.township_code, kTownship);
  EXPECT_EQ(referral.status, ReferralStatus::kPending);
  EXPECT_EQ(referral.reason, "配偶慢性病长期服药，请核查医疗救助");
  EXPECT_EQ(referral.due_on, day("2026-06-23"));  // 5 working days; 端午 6-19 is off
  EXPECT_EQ(referral.created_by, "xiang");
  const HouseholdSummary& summary = referral.summary;
  EXPECT_EQ(summary.household_no, "500241002200201");
  EXPECT_EQ(summary.village_name, "大田坝村");
  ASSERT_EQ(summary.members.size(), 2u);
  EXPECT_EQ(summary.members[0].name, "向德明");
  EXPECT_EQ(summary.members[0].masked_id, "500241********0031");
  EXPECT_EQ(summary.members[0].relation, "户主");
  EXPECT_EQ(summary.members[1].masked_id, "500241********0041");
  const std::string shown = summary_to_json(summary);
  EXPECT_EQ(shown.find("500241197001010031"), std::string::npos);
  EXPECT_EQ(shown.find("500241197202020041"), std::string::npos);
  auto elsewhere = referrals().inbox(employment, Department::kMedicalSecurity);
  ASSERT_FALSE(elsewhere.has_value());  // another department does not see it
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);

  auto early =
      leads().close(officer_, lead.lead_no, decided->version, std::nullopt, "", day("2026-06-16"));
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, ErrorCode::kIllegalTransition);

  const ReferralAnswer answer{ReferralStatus::kAccepted, "已审核，医疗救助支付12,300元",
                              Money::from_yuan(12300), day("2026-06-18")};
  auto answered = referrals().answer(medical, referral_no, referral.version, answer);
  ASSERT_TRUE(answered.has_value()) << answered.error().to_string();
  auto reread = referrals().get(medical, referral_no);
  ASSERT_TRUE(reread.has_value()) << reread.error().to_string();
  EXPECT_EQ(reread->status, ReferralStatus::kAccepted);
  EXPECT_EQ(reread->amount, Money::from_yuan(12300));
  EXPECT_EQ(reread->answered_on, day("2026-06-18"));
  EXPECT_EQ(reread->answered_by, "yibao");
  EXPECT_TRUE(referrals().inbox(medical, Department::kMedicalSecurity)->empty());
  Lead answered_lead = stored(lead.lead_no);
  EXPECT_EQ(answered_lead.outcomes[0].state, OutcomeState::kDone);
  EXPECT_EQ(answered_lead.outcomes[0].done_on, day("2026-06-18"));
  EXPECT_EQ(answered_lead.outcomes[0].reference, referral_no);

  auto closed = leads().close(officer_, lead.lead_no, answered_lead.version, std::nullopt,
                              "医保局已支付医疗救助", day("2026-06-22"));
  ASSERT_TRUE(closed.has_value()) << closed.error().to_string();
  EXPECT_EQ(stored(lead.lead_no).status, LeadStatus::kClosed);
  EXPECT_EQ(history_actions(lead.id),
            (Actions{"intake", "assign", "start_verification", "record_verification", "decide",
                     "complete_outcome", "close"}));
}

TEST_F(LeadScenariosTest, CoordinationIsOpenedByTheCountyAndClosesWithEveryDepartmentsResult) {
  const Actor employment = liaison("renshe", "人社局");
  const Actor medical = liaison("yibao", "医保局");
  const Lead lead =
      verified(intake(officer_, report(LeadSource::kCampaign, "2026-06-08", "排查-大田坝村-12")),
               "2026-06-09", Willingness::kYes, true);
  const std::string parameters = R"({"reason": "因病致贫且户主失业，需多部门联合帮扶",
      "departments": [{"department": "人社局", "task": "公益性岗位安置"},
                      {"department": "医保局", "task": "医疗救助及慢病报销"}],
      "meeting_on": "2026-06-17", "measures": "人社局安置岗位，医保局落实医疗救助"})";

  auto township = decide(officer_, lead, LeadOutcome::kCoordination, parameters, "2026-06-15");
  ASSERT_FALSE(township.has_value());
  EXPECT_EQ(township.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(stored(lead.lead_no).version, lead.version);
  EXPECT_EQ(stored(lead.lead_no).status, LeadStatus::kVerifying);
  EXPECT_TRUE(stored(lead.lead_no).outcomes.empty());
  EXPECT_TRUE(coordination().for_lead(lead.id)->empty());

  auto decided = decide(county_, lead, LeadOutcome::kCoordination, parameters, "2026-06-15");
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_EQ(decided->status, LeadStatus::kDecided);
  ASSERT_EQ(decided->outcomes.size(), 1u);
  EXPECT_EQ(decided->outcomes[0].state, OutcomeState::kPending);
  auto cases = coordination().for_lead(lead.id);
  ASSERT_TRUE(cases.has_value()) << cases.error().to_string();
  ASSERT_EQ(cases->size(), 1u);
  const CoordinationCase opened = cases->front();
  EXPECT_EQ(opened.case_no, decided->outcomes[0].reference);
  EXPECT_EQ(opened.status, CoordinationStatus::kOpen);
  EXPECT_EQ(opened.household_id, household_);
  EXPECT_EQ(opened.township_code, kTownship);
  EXPECT_EQ(opened.opened_by, "county");
  EXPECT_EQ(opened.meeting_on, day("2026-06-17"));
  EXPECT_EQ(opened.measures, "人社局安置岗位，医保局落实医疗救助");
  ASSERT_EQ(opened.tasks.size(), 2u);
  EXPECT_EQ(opened.tasks[0].department, Department::kHumanResources);
  EXPECT_EQ(opened.tasks[0].task, "公益性岗位安置");
  EXPECT_EQ(opened.tasks[1].department, Department::kMedicalSecurity);
  for (const CoordinationTask& task : opened.tasks) {
    EXPECT_FALSE(task.done);
    EXPECT_EQ(task.due_on, day("2026-06-25"));  // 5 working days after the meeting
  }

  auto jobs = coordination().record_result(
      employment, opened.case_no, Department::kHumanResources, opened.tasks[0].version,
      DepartmentResult{"已安置村保洁公益性岗位", Money::from_yuan(1200), day("2026-06-22")});
  ASSERT_TRUE(jobs.has_value()) << jobs.error().to_string();
  auto too_soon = coordination().close(county_, opened.case_no, jobs->version, "联合帮扶到位",
                                       day("2026-06-22"));
  ASSERT_FALSE(too_soon.has_value());
  EXPECT_EQ(too_soon.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(stored(lead.lead_no).outcomes[0].state, OutcomeState::kPending);
  auto health = coordination().record_result(
      medical, opened.case_no, Department::kMedicalSecurity, opened.tasks[1].version,
      DepartmentResult{"医疗救助支付8,600元", Money::from_yuan(8600), day("2026-06-24")});
  ASSERT_TRUE(health.has_value()) << health.error().to_string();
  EXPECT_TRUE(health->pending_departments().empty());
  EXPECT_EQ(health->task_of(Department::kMedicalSecurity)->answered_by, "yibao");

  auto concluded = coordination().close(county_, opened.case_no, health->version,
                                        "岗位与医疗救助均已落实", day("2026-06-26"));
  ASSERT_TRUE(concluded.has_value()) << concluded.error().to_string();
  const CoordinationCase done = coordination().for_lead(lead.id)->front();
  EXPECT_EQ(done.status, CoordinationStatus::kClosed);
  EXPECT_EQ(done.closed_on, day("2026-06-26"));
  EXPECT_EQ(done.conclusion, "岗位与医疗救助均已落实");
  Lead completed = stored(lead.lead_no);
  EXPECT_EQ(completed.status, LeadStatus::kDecided);
  EXPECT_EQ(completed.outcomes[0].state, OutcomeState::kDone);
  EXPECT_EQ(completed.outcomes[0].done_on, day("2026-06-26"));

  auto closed = leads().close(officer_, lead.lead_no, completed.version, std::nullopt,
                              "县级协调办结", day("2026-06-26"));
  ASSERT_TRUE(closed.has_value()) << closed.error().to_string();
  EXPECT_EQ(stored(lead.lead_no).status, LeadStatus::kClosed);
  EXPECT_EQ(history_actions(lead.id),
            (Actions{"intake", "assign", "start_verification", "record_verification", "decide",
                     "complete_outcome", "close"}));
}

TEST_F(LeadScenariosTest, DuplicateMergesItsSourcesIntoTheOtherLeadAndCloses) {
  int64_t warning = 0;
  const Lead main = warning_lead("2026-06-08", warning);
  IntakeRequest call;
  call.source = LeadSource::kHotline;
  call.reference = "RX-0609-01";
  call.subject = UnidentifiedSubject{"向德明", "13800001111", "大田坝村5组"};
  call.village_code = kVillage;
  call.level = WarningLevel::kRed;
  call.description = "邻居来电：老向家房子漏雨，老人生病";
  call.reported_on = day("2026-06-09");
  const Lead duplicate = intake(officer_, call);
  EXPECT_FALSE(duplicate.household_id.has_value());
  EXPECT_NE(duplicate.lead_no, main.lead_no);

  // Decided on the 12th (recorded on the 15th, today): the decision date is the officer's.
  auto merged = decide(officer_, duplicate, LeadOutcome::kDuplicate,
                       R"({"into": ")" + main.lead_no + R"("})", "2026-06-12", "同一户");
  ASSERT_TRUE(merged.has_value()) << merged.error().to_string();
  const Lead closed = stored(duplicate.lead_no);
  EXPECT_EQ(closed.status, LeadStatus::kClosed);
  EXPECT_EQ(closed.merged_into, main.id);
  ASSERT_EQ(closed.outcomes.size(), 1u);
  EXPECT_EQ(closed.outcomes[0].outcome, LeadOutcome::kDuplicate);
  EXPECT_EQ(closed.outcomes[0].state, OutcomeState::kDone);
  EXPECT_EQ(closed.outcomes[0].reference, main.lead_no);
  EXPECT_EQ(history_actions(closed.id), (Actions{"intake", "merge"}));
  EXPECT_EQ(last_event(closed.id).to_status, LeadStatus::kClosed);
  EXPECT_EQ(last_event(closed.id).reason, "同一户");

  const Lead target = stored(main.lead_no);
  EXPECT_EQ(target.status, LeadStatus::kNew);
  ASSERT_EQ(target.sources.size(), 2u);
  EXPECT_EQ(target.sources[0].source, LeadSource::kDataWarning);
  EXPECT_EQ(target.sources[1].source, LeadSource::kHotline);
  EXPECT_EQ(target.sources[1].reference, "RX-0609-01");
  EXPECT_EQ(target.sources[1].description, "邻居来电：老向家房子漏雨，老人生病");
  EXPECT_EQ(warning_status(warning), "open");  // the case goes on under the other lead
  EXPECT_EQ(active_suppression(household_), "");
  EXPECT_TRUE(tasks_of(closed.id).empty());
  auto reopened = leads().reopen(officer_, duplicate.lead_no, closed.version, "误合并");
  ASSERT_FALSE(reopened.has_value());
  EXPECT_EQ(reopened.error().code, ErrorCode::kIllegalTransition);

  // The decision date given is the one recorded (not the day it was typed in).
  EXPECT_EQ(closed.decided_on, day("2026-06-12"));
  EXPECT_EQ(closed.closed_on, day("2026-06-12"));
  EXPECT_EQ(closed.outcomes[0].decided_on, day("2026-06-12"));
  EXPECT_EQ(last_event(closed.id).on_date, day("2026-06-12"));
}

// Parameters of the wrong JSON type are refused like any other bad input (kInvalidArgument)
// and change nothing; a Result-returning API does not throw.
TEST_F(LeadScenariosTest, OutcomeParametersOfTheWrongTypeAreRefusedAndChangeNothing) {
  const Lead lead =
      verified(intake(officer_, report(LeadSource::kSelfReport, "2026-06-08", "窗口求助-0608")),
               "2026-06-09", Willingness::kYes, true);
  const std::vector<std::pair<LeadOutcome, std::string>> cases = {
      {LeadOutcome::kDuplicate, R"({"into": 12})"},
      {LeadOutcome::kDuplicate, "[]"},
      {LeadOutcome::kAssistedApplication, R"({"kind": 1})"},
      {LeadOutcome::kEmergencyAid, R"({"amount": "100", "reason": 5})"},
      {LeadOutcome::kCaseByCase, R"({"amount": "6000", "reasons": ["房屋倒塌"]})"},
  };
  for (const auto& [outcome, parameters] : cases) {
    SCOPED_TRACE(parameters);
    std::optional<Result<Lead>> result;
    EXPECT_NO_THROW(result = decide(officer_, lead, outcome, parameters, "2026-06-15"));
    if (result.has_value()) {
      ASSERT_FALSE(result->has_value());
      EXPECT_EQ(result->error().code, ErrorCode::kInvalidArgument);
    }
  }
  const Lead unchanged = stored(lead.lead_no);
  EXPECT_EQ(unchanged.version, lead.version);
  EXPECT_EQ(unchanged.status, LeadStatus::kVerifying);
  EXPECT_TRUE(unchanged.outcomes.empty());
  EXPECT_TRUE(applications_of(household_).empty());
}

}  // namespace
}  // namespace faxian::workflow
