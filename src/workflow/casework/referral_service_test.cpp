// Referrals: sending with a masked summary and a working-day deadline, department inboxes,
// answers that complete the lead's outcome, escalation of overdue referrals, and the referrals
// of a new need warning (idempotent).

#include "workflow/casework/referral_service.hpp"

#include <gtest/gtest.h>

#include "workflow/casework/casework_outcomes.hpp"
#include "workflow/casework/casework_test_support.hpp"
#include "workflow/leads/notification_repository.hpp"

namespace faxian::workflow::testing_support {
namespace {

class ReferralServiceTest : public CaseworkTest {
 protected:
  ReferralRequest medical_request() {
    ReferralRequest request;
    request.department = Department::kMedicalSecurity;
    request.household_id = household_a_;
    request.reason = "近12个月个人自付医疗费用较高，请核查医疗救助";
    request.sent_on = day("2026-11-20");  // a Friday
    return request;
  }
  Referral sent(const Actor& actor, const ReferralRequest& request) {
    auto referral = referrals().send(actor, request);
    EXPECT_TRUE(referral.has_value()) << referral.error().to_string();
    return referral.value_or(Referral{});
  }
  static ReferralAnswer paid(std::string_view on) {
    return ReferralAnswer{ReferralStatus::kAccepted, "已审核，医疗救助支付12,300元",
                          Money::from_yuan(12300), day(on)};
  }
};

TEST_P(ReferralServiceTest, SendsToTheInboxWithAMaskedSummaryAndAFiveWorkingDayDeadline) {
  const Referral referral = sent(officer(), medical_request());
  EXPECT_EQ(referral.referral_no, "ZJ20261120-0001");
  EXPECT_EQ(referral.status, ReferralStatus::kPending);
  EXPECT_EQ(referral.due_on, day("2026-11-27"));
  EXPECT_EQ(referral.township_code, "500241001");
  EXPECT_EQ(referral.village_code, "500241001001");
  EXPECT_EQ(referral.created_by, "zhong_he");
  EXPECT_EQ(sent(officer(), medical_request()).referral_no, "ZJ20261120-0002");

  const HouseholdSummary& summary = referral.summary;
  EXPECT_EQ(summary.household_no, "5002410010010001");
  EXPECT_EQ(summary.village_name, "东风社区");
  ASSERT_EQ(summary.members.size(), 2u);
  EXPECT_EQ(summary.members[0].name, "王建国");
  EXPECT_EQ(summary.members[0].masked_id, "500241********001X");
  EXPECT_EQ(summary.members[0].masked_phone, "138****5678");
  EXPECT_EQ(summary.members[0].relation, "户主");
  EXPECT_EQ(summary.members[1].masked_phone, "");
  const std::string stored = summary_to_json(summary);
  EXPECT_EQ(stored.find(std::string(kIdMan1980)), std::string::npos);
  EXPECT_EQ(stored.find("13812345678"), std::string::npos);

  EXPECT_EQ(audit_actions("referral", referral.referral_no),
            std::vector<std::string>{"referral.send"});
}

TEST_P(ReferralServiceTest, OnlyTheDepartmentAndTheCountySeeAReferral) {
  const Referral referral = sent(officer(), medical_request());
  auto inbox = referrals().inbox(medical(), Department::kMedicalSecurity);
  ASSERT_TRUE(inbox.has_value()) << inbox.error().to_string();
  ASSERT_EQ(inbox->size(), 1u);
  EXPECT_EQ(inbox->front().referral_no, referral.referral_no);
  EXPECT_TRUE(referrals().inbox(county(), Department::kMedicalSecurity).has_value());

  auto other_inbox = referrals().inbox(hr(), Department::kMedicalSecurity);
  ASSERT_FALSE(other_inbox.has_value());
  EXPECT_EQ(other_inbox.error().code, ErrorCode::kNotFound);
  auto own_inbox = referrals().inbox(hr(), Department::kHumanResources);
  ASSERT_TRUE(own_inbox.has_value());
  EXPECT_TRUE(own_inbox->empty());
  auto peek = referrals().get(hr(), referral.referral_no);
  ASSERT_FALSE(peek.has_value());
  EXPECT_EQ(peek.error().code, ErrorCode::kNotFound);
  auto answer =
      referrals().answer(hr(), referral.referral_no, referral.version, paid("2026-11-23"));
  ASSERT_FALSE(answer.has_value());
  EXPECT_EQ(answer.error().code, ErrorCode::kNotFound);
}

TEST_P(ReferralServiceTest, OnlyTheHouseholdsTownshipOrTheCountyRefers) {
  auto refused = referrals().send(Actor::of(other_officer_), medical_request());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kIllegalTransition);
  ReferralRequest no_reason = medical_request();
  no_reason.reason = "  ";
  auto empty = referrals().send(officer(), no_reason);
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(referrals().send(county(), medical_request()).has_value());
}

TEST_P(ReferralServiceTest, AnsweringCompletesTheLeadsReferralOutcome) {
  const Lead lead = verified(open_lead(warning_report(household_a_, WarningLevel::kOrange)),
                             Willingness::kYes, true);
  CaseworkOutcomes effects(referrals(), coordination());
  auto decided =
      leads().decide(officer(), lead.lead_no, lead.version,
                     {OutcomeDecision{LeadOutcome::kReferral,
                                      R"({"department": "医疗保障局", "reason": "申请医疗救助"})"}},
                     day("2026-11-25"), &effects, "转介医保局");
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_EQ(outcome_state(lead.id, LeadOutcome::kReferral), OutcomeState::kPending);
  auto for_lead = referrals().for_lead(lead.id);
  ASSERT_TRUE(for_lead.has_value());
  ASSERT_EQ(for_lead->size(), 1u);
  const Referral referral = for_lead->front();
  EXPECT_EQ(referral.department, Department::kMedicalSecurity);
  EXPECT_EQ(referral.due_on, day("2026-12-02"));

  auto stale =
      referrals().answer(medical(), referral.referral_no, referral.version + 1, paid("2026-11-26"));
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(outcome_state(lead.id, LeadOutcome::kReferral), OutcomeState::kPending);

  auto answered =
      referrals().answer(medical(), referral.referral_no, referral.version, paid("2026-11-26"));
  ASSERT_TRUE(answered.has_value()) << answered.error().to_string();
  EXPECT_EQ(answered->status, ReferralStatus::kAccepted);
  EXPECT_EQ(answered->amount, Money::from_fen(1230000));
  EXPECT_EQ(answered->answered_by, "yibao");
  EXPECT_EQ(answered->version, referral.version + 1);
  EXPECT_EQ(outcome_state(lead.id, LeadOutcome::kReferral), OutcomeState::kDone);

  auto again =
      referrals().answer(medical(), referral.referral_no, answered->version, paid("2026-11-27"));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(audit_actions("referral", referral.referral_no),
            (std::vector<std::string>{"referral.send", "referral.answer"}));
}

TEST_P(ReferralServiceTest, AnswersAreValidated) {
  const Referral referral = sent(officer(), medical_request());
  ReferralAnswer with_amount{ReferralStatus::kNotApplicable, "不符合医疗救助条件",
                             Money::from_yuan(10), day("2026-11-23")};
  ReferralAnswer no_result{ReferralStatus::kAccepted, " ", std::nullopt, day("2026-11-23")};
  ReferralAnswer negative{ReferralStatus::kAccepted, "已支付", Money::from_fen(-1),
                          day("2026-11-23")};
  ReferralAnswer pending{ReferralStatus::kPending, "处理中", std::nullopt, day("2026-11-23")};
  for (const ReferralAnswer& bad : {with_amount, no_result, negative, pending}) {
    auto refused = referrals().answer(medical(), referral.referral_no, referral.version, bad);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument) << bad.result;
  }
  ReferralAnswer not_applicable{ReferralStatus::kNotApplicable, "不符合医疗救助条件", std::nullopt,
                                day("2026-11-23")};
  auto answered =
      referrals().answer(medical(), referral.referral_no, referral.version, not_applicable);
  ASSERT_TRUE(answered.has_value()) << answered.error().to_string();
  EXPECT_EQ(answered->status, ReferralStatus::kNotApplicable);
  EXPECT_EQ(answered->amount, std::nullopt);
}

TEST_P(ReferralServiceTest, OverdueReferralsNotifyTheDepartmentAndTheTownshipOncePerDay) {
  const Referral referral = sent(officer(), medical_request());  // due 2026-11-27
  auto on_due_day = referrals().escalate_overdue(Actor::system(), day("2026-11-27"));
  ASSERT_TRUE(on_due_day.has_value()) << on_due_day.error().to_string();
  EXPECT_EQ(*on_due_day, 0);
  EXPECT_TRUE(referrals().overdue(day("2026-11-27"))->empty());

  auto late = referrals().escalate_overdue(Actor::system(), day("2026-11-30"));
  ASSERT_TRUE(late.has_value()) << late.error().to_string();
  EXPECT_EQ(*late, 2);
  EXPECT_EQ(*referrals().escalate_overdue(Actor::system(), day("2026-11-30")), 0);

  NotificationRepository notices(db(), clock_);
  auto township = notices.list("500241001", std::nullopt, true);
  ASSERT_TRUE(township.has_value());
  ASSERT_EQ(township->size(), 1u);
  EXPECT_EQ(township->front().kind, "referral_overdue");
  EXPECT_EQ(township->front().role, "township_officer");
  EXPECT_EQ(township->front().subject_id, referral.id);
  EXPECT_NE(township->front().message.find(referral.referral_no), std::string::npos);
  auto county_wide = notices.list("500241", std::nullopt, true);
  ASSERT_TRUE(county_wide.has_value());
  ASSERT_EQ(county_wide->size(), 2u);
  bool department_told = false;
  for (const Notification& notice : *county_wide)
    department_told |=
        notice.role == "department_liaison" && notice.message.find("医保局") != std::string::npos;
  EXPECT_TRUE(department_told);
  auto escalated = referrals().get(county(), referral.referral_no);
  EXPECT_EQ(escalated->escalated_on, day("2026-11-30"));
  EXPECT_EQ(escalated->version, referral.version);  // a pending answer does not conflict

  ASSERT_TRUE(referrals()
                  .answer(medical(), referral.referral_no, referral.version, paid("2026-12-01"))
                  .has_value());
  EXPECT_TRUE(referrals().overdue(day("2026-12-02"))->empty());
}

TEST_P(ReferralServiceTest, ANewNeedWarningRefersEachListedDepartmentOnce) {
  const Warning warning = open_warning({"乡镇（街道）", "医保局", "残联", "住建委", "财政局"});
  const Lead lead = open_lead(warning_report(household_a_, WarningLevel::kYellow, "2026-11-20",
                                             std::to_string(warning.id)));
  auto first = referrals().send_for_warning(Actor::system(), warning, lead.id, day("2026-11-20"));
  ASSERT_TRUE(first.has_value()) << first.error().to_string();
  ASSERT_EQ(first->sent.size(), 3u);
  EXPECT_EQ(first->sent[0].department, Department::kMedicalSecurity);
  EXPECT_EQ(first->sent[1].department, Department::kDisabledFederation);
  EXPECT_EQ(first->sent[2].department, Department::kHousing);
  EXPECT_EQ(first->unknown_departments, std::vector<std::string>{"财政局"});
  for (const Referral& referral : first->sent) {
    EXPECT_EQ(referral.warning_id, warning.id);
    EXPECT_EQ(referral.lead_id, lead.id);
    EXPECT_NE(referral.reason.find("38,210"), std::string::npos);
  }

  auto again = referrals().send_for_warning(Actor::system(), warning, lead.id, day("2026-11-21"));
  ASSERT_TRUE(again.has_value()) << again.error().to_string();
  EXPECT_TRUE(again->sent.empty());
  EXPECT_EQ(again->already_sent.size(), 3u);
  auto all = referrals().for_lead(lead.id);
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ(all->size(), 3u);

  Warning review = warning;
  review.finding.kind = WarningKind::kReview;
  auto refused = referrals().send_for_warning(Actor::system(), review, lead.id, day("2026-11-20"));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(ReferralServiceTest, ListsKeepToTheActorsScope) {
  sent(officer(), medical_request());
  ReferralRequest employment = medical_request();
  employment.department = Department::kHumanResources;
  employment.reason = "家庭成员失业，请提供就业援助";
  sent(officer(), employment);
  ReferralRequest elsewhere = medical_request();
  auto other = HouseholdRepository(db(), clock_)
                   .insert({.household_no = "5002411012000001", .village_code = "500241101200"});
  ASSERT_TRUE(other.has_value()) << other.error().to_string();
  elsewhere.household_id = *other;
  sent(county(), elsewhere);

  EXPECT_EQ(referrals().list(county(), ReferralQuery{})->size(), 3u);
  auto medical_only = referrals().list(medical(), ReferralQuery{});
  ASSERT_TRUE(medical_only.has_value());
  EXPECT_EQ(medical_only->size(), 2u);
  ReferralQuery asks_for_hr;
  asks_for_hr.department = Department::kHumanResources;
  auto overridden = referrals().list(medical(), asks_for_hr);  // the liaison's department wins
  ASSERT_TRUE(overridden.has_value());
  for (const Referral& referral : *overridden)
    EXPECT_EQ(referral.department, Department::kMedicalSecurity);
  auto township = referrals().list(officer(), ReferralQuery{});
  ASSERT_TRUE(township.has_value());
  EXPECT_EQ(township->size(), 2u);
  EXPECT_EQ(referrals().list(Actor::of(other_officer_), ReferralQuery{})->size(), 1u);
  auto coordinator = referrals().list(Actor::of(coordinator_), ReferralQuery{});
  ASSERT_FALSE(coordinator.has_value());
  EXPECT_EQ(coordinator.error().code, ErrorCode::kNotFound);
}

TEST_P(ReferralServiceTest, AnUnidentifiedSubjectIsReferredWithAMaskedPhone) {
  IntakeRequest report;
  report.source = LeadSource::kSocialReport;
  report.subject = UnidentifiedSubject{"孙大爷", "13900001111", "东风社区3组"};
  report.village_code = "500241001001";
  report.description = "独居老人患病无人照料";
  report.reported_on = day("2026-11-20");
  const Lead lead = open_lead(report);
  ReferralRequest request;
  request.department = Department::kHealth;
  request.lead_id = lead.id;
  request.reason = "请安排家庭医生上门";
  request.sent_on = day("2026-11-20");
  const Referral referral = sent(officer(), request);
  EXPECT_EQ(referral.household_id, std::nullopt);
  EXPECT_EQ(referral.township_code, "500241001");
  EXPECT_EQ(referral.summary.subject_name, "孙大爷");
  EXPECT_EQ(referral.summary.subject_masked_phone, "139****1111");
  EXPECT_EQ(referral.summary.village_name, "东风社区");
  EXPECT_TRUE(referral.summary.members.empty());
}

FAXIAN_INSTANTIATE_STORE_TEST(ReferralServiceTest);

}  // namespace
}  // namespace faxian::workflow::testing_support
