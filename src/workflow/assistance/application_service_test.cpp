// ApplicationService: acceptance with deadlines and numbering, the 低保 procedure end to end,
// illegal moves and stale versions (nothing written), the check a decision relies on, decisions
// against the recommendation, the category an approval adds, rejections, payments.

#include "workflow/assistance/application_service.hpp"

#include <gtest/gtest.h>

#include "store/category_repository.hpp"
#include "workflow/assistance/assistance_test_support.hpp"
#include "workflow/assistance/eligibility_service.hpp"
#include "workflow/assistance/reserve_fund.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::workflow {
namespace {

using testing_support::AssistanceTest;

class ApplicationServiceTest : public AssistanceTest {
 protected:
  void SetUp() override {
    AssistanceTest::SetUp();
    officer_ = user("xiang", Role::kTownshipOfficer, "500241002");
  }
  ApplicationService service() { return ApplicationService(db(), clock_, calendar_); }

  Application submit(int64_t household, ApplicationKind kind = ApplicationKind::kDibao,
                     std::string special_reason = "") {
    SubmitRequest request;
    request.kind = kind;
    request.household_id = household;
    request.submitted_on = day("2026-06-15");
    request.special_reason = std::move(special_reason);
    auto submitted = service().submit(officer_, request);
    EXPECT_TRUE(submitted.has_value()) << submitted.error().to_string();
    return submitted.value_or(Application{});
  }

  // Submitted → investigating → economic_check → checked as of 2026-06-15.
  Application checked(int64_t household, ApplicationKind kind = ApplicationKind::kDibao) {
    Application a = submit(household, kind);
    a = service()
            .start_investigation(officer_, a.application_no, a.version, day("2026-06-16"))
            .value();
    a = service()
            .start_economic_check(officer_, a.application_no, a.version, day("2026-06-17"))
            .value();
    auto check =
        service().run_eligibility_check(officer_, a.application_no, a.version, day("2026-06-15"));
    EXPECT_TRUE(check.has_value()) << check.error().to_string();
    return check->application;
  }

  // Checked, then 公示 from 2026-06-18 (its last day 2026-06-24).
  Application noticed(int64_t household, ApplicationKind kind = ApplicationKind::kDibao) {
    Application a = checked(household, kind);
    return service()
        .start_public_notice(officer_, a.application_no, a.version, day("2026-06-18"))
        .value();
  }

  size_t history_size(const Application& a) { return service().history(a.application_no)->size(); }
  size_t audit_size(const Application& a) {
    return AuditLog(db(), clock_).for_object("application", a.application_no)->size();
  }

  Actor officer_;
};

TEST_F(ApplicationServiceTest, SubmitNumbersDailyAndSetsThe25WorkingDayLimit) {
  const int64_t household = seed_poor_household();
  Application first = submit(household);
  Application second = submit(household, ApplicationKind::kMedical);
  EXPECT_EQ(first.application_no, "SQ20260615-0001");
  EXPECT_EQ(second.application_no, "SQ20260615-0002");
  EXPECT_EQ(first.status, ApplicationStatus::kSubmitted);
  EXPECT_EQ(first.township_code, "500241002");
  EXPECT_EQ(first.version, 1);
  ASSERT_TRUE(first.process_due.has_value());
  EXPECT_EQ(*first.process_due, calendar_.add_working_days(day("2026-06-15"), 25).value());
  EXPECT_FALSE(second.process_due.has_value());  // only 低保/特困 have the 25-day limit
  EXPECT_EQ(history_size(first), 1u);
  EXPECT_EQ(audit_size(first), 1u);
}

TEST_F(ApplicationServiceTest, SpecialReasonGives40WorkingDays) {
  const int64_t household = seed_poor_household();
  Application a = submit(household, ApplicationKind::kTekun, "人户分离");
  EXPECT_EQ(*a.process_due, calendar_.add_working_days(day("2026-06-15"), 40).value());
  Application b = submit(household);
  auto extended =
      service().record_special_reason(officer_, b.application_no, b.version, "异地申办");
  ASSERT_TRUE(extended.has_value()) << extended.error().to_string();
  EXPECT_EQ(*extended->process_due, calendar_.add_working_days(day("2026-06-15"), 40).value());
  EXPECT_EQ(extended->version, 2);
  auto empty = service().record_special_reason(officer_, b.application_no, extended->version, "");
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(ApplicationServiceTest, DibaoProcedureEndToEndAddsTheCategory) {
  const int64_t household = seed_poor_household();
  Application a = noticed(household);
  EXPECT_EQ(a.status, ApplicationStatus::kPublicNotice);
  EXPECT_EQ(*a.notice_until, day("2026-06-24"));
  EXPECT_EQ(a.recommendation, Recommendation::kEligible);

  DecisionRequest too_early{ApplicationDecision::kApproved, "", day("2026-06-24"), std::nullopt,
                            Money::from_yuan(260)};
  auto early = service().decide(officer_, a.application_no, a.version, too_early);
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, ErrorCode::kIllegalTransition);

  DecisionRequest approve{ApplicationDecision::kApproved, "", day("2026-06-25"), day("2026-07-01"),
                          Money::from_yuan(260)};
  auto decided = service().decide(officer_, a.application_no, a.version, approve);
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_FALSE(decided->not_eligible);
  EXPECT_FALSE(decided->application.against_recommendation);
  ASSERT_TRUE(decided->category_id.has_value());
  CategoryRepository categories(db(), clock_);
  auto on_start = categories.active_for_household(household, day("2026-07-01")).value();
  auto before = categories.active_for_household(household, day("2026-06-30")).value();
  ASSERT_EQ(on_start.size(), 1u);
  EXPECT_EQ(on_start[0].kind, CategoryKind::kDibao);
  EXPECT_EQ(on_start[0].source, CategorySource::kWorkflow);
  EXPECT_EQ(on_start[0].source_ref, a.application_no);
  EXPECT_TRUE(before.empty());

  PaymentRequest july{Money::from_yuan(260), day("2026-07-10"), PaymentMethod::kBankTransfer,
                      PaymentSource::kRegular, Month::from_ym(2026, 7).value()};
  auto paid =
      service().record_payment(officer_, a.application_no, decided->application.version, july);
  ASSERT_TRUE(paid.has_value()) << paid.error().to_string();
  auto after_payment = service().find(a.application_no)->value();
  EXPECT_EQ(after_payment.status, ApplicationStatus::kInPayment);
  auto ended = service().end(officer_, a.application_no, after_payment.version, day("2026-12-31"),
                             "家庭收入增加，退出低保");
  ASSERT_TRUE(ended.has_value()) << ended.error().to_string();
  EXPECT_EQ(ended->status, ApplicationStatus::kEnded);
  // submit, investigation, economic check, check, notice, decide, payment, end
  EXPECT_EQ(history_size(*ended), 8u);
  EXPECT_EQ(audit_size(*ended), 8u);
  const auto history = service().history(a.application_no).value();
  EXPECT_EQ(history[5].action, "decide");
  EXPECT_EQ(history[5].from_status, ApplicationStatus::kPublicNotice);
  EXPECT_EQ(history[5].to_status, ApplicationStatus::kDecided);
  EXPECT_EQ(history[5].actor, "xiang");
  EXPECT_EQ(history[5].actor_role, "township_officer");
  EXPECT_EQ(history[5].on_date, day("2026-06-25"));
  auto chain = AuditLog(db(), clock_).verify();
  ASSERT_TRUE(chain.has_value()) << chain.error().to_string();
  EXPECT_FALSE(chain->first_bad_id.has_value()) << chain->problem;
  EXPECT_EQ(service().payments(a.application_no)->size(), 1u);
}

TEST_F(ApplicationServiceTest, IllegalMoveWritesNothing) {
  Application a = submit(seed_poor_household());
  auto skipped =
      service().start_public_notice(officer_, a.application_no, a.version, day("2026-06-16"));
  ASSERT_FALSE(skipped.has_value());
  EXPECT_EQ(skipped.error().code, ErrorCode::kIllegalTransition);
  auto stored = service().find(a.application_no)->value();
  EXPECT_EQ(stored.version, 1);
  EXPECT_EQ(stored.status, ApplicationStatus::kSubmitted);
  EXPECT_EQ(history_size(a), 1u);
  EXPECT_EQ(audit_size(a), 1u);
}

TEST_F(ApplicationServiceTest, StaleVersionConflictsAndWritesNothing) {
  Application a = submit(seed_poor_household());
  auto first =
      service().start_investigation(officer_, a.application_no, a.version, day("2026-06-16"));
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->version, 2);
  auto stale = service().end(officer_, a.application_no, a.version, day("2026-06-16"), "本人撤回");
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  auto stored = service().find(a.application_no)->value();
  EXPECT_EQ(stored.status, ApplicationStatus::kInvestigating);
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(history_size(a), 2u);
  EXPECT_EQ(audit_size(a), 2u);
}

TEST_F(ApplicationServiceTest, DibaoDecisionNeedsAStoredCheck) {
  Application a = submit(seed_poor_household());
  a = service()
          .start_investigation(officer_, a.application_no, a.version, day("2026-06-16"))
          .value();
  a = service()
          .start_economic_check(officer_, a.application_no, a.version, day("2026-06-17"))
          .value();
  a = service()
          .start_public_notice(officer_, a.application_no, a.version, day("2026-06-18"))
          .value();
  DecisionRequest approve{ApplicationDecision::kApproved, "", day("2026-06-25")};
  auto decided = service().decide(officer_, a.application_no, a.version, approve);
  ASSERT_FALSE(decided.has_value());
  EXPECT_EQ(decided.error().code, ErrorCode::kIllegalTransition);
}

TEST_F(ApplicationServiceTest, CheckIsStoredWithItsFiguresAndRecommendation) {
  Application a = checked(seed_well_off_household());
  EXPECT_EQ(a.recommendation, Recommendation::kNotEligible);
  ASSERT_TRUE(a.eligibility_check_id.has_value());
  auto stored = EligibilityService(db(), clock_).find(*a.eligibility_check_id)->value();
  EXPECT_EQ(stored.application_id, a.id);
  EXPECT_EQ(stored.recommendation, Recommendation::kNotEligible);
  EXPECT_NE(stored.figures.find("\"total\":{\"fen\":4800000"), std::string::npos) << stored.figures;
}

TEST_F(ApplicationServiceTest, ApprovalAgainstTheRecommendationNeedsAReason) {
  Application a = noticed(seed_well_off_household());
  DecisionRequest approve{ApplicationDecision::kApproved, "", day("2026-06-25")};
  auto refused = service().decide(officer_, a.application_no, a.version, approve);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(service().find(a.application_no)->value().version, a.version);
  approve.reason = "入户调查发现养老金已停发，收入数据滞后";
  auto decided = service().decide(officer_, a.application_no, a.version, approve);
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_TRUE(decided->application.against_recommendation);
  EXPECT_EQ(decided->application.decision_reason, approve.reason);
}

TEST_F(ApplicationServiceTest, RejectionNeedsAReasonSetsTheNoticeDeadlineAndMeansNotEligible) {
  const int64_t household = seed_poor_household();
  Application a = noticed(household);
  DecisionRequest reject{ApplicationDecision::kRejected, "", day("2026-06-25")};
  auto no_reason = service().decide(officer_, a.application_no, a.version, reject);
  EXPECT_EQ(no_reason.error().code, ErrorCode::kInvalidArgument);
  reject.reason = "入户调查发现有稳定经营收入";  // against an eligible recommendation
  auto decided = service().decide(officer_, a.application_no, a.version, reject);
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_TRUE(decided->not_eligible);
  EXPECT_TRUE(decided->application.against_recommendation);
  EXPECT_FALSE(decided->category_id.has_value());
  EXPECT_EQ(*decided->application.refusal_notice_due,
            calendar_.add_working_days(day("2026-06-25"), 3).value());
  EXPECT_TRUE(CategoryRepository(db(), clock_).for_household(household)->empty());
  PaymentRequest pay{Money::from_yuan(100), day("2026-07-01")};
  auto paid =
      service().record_payment(officer_, a.application_no, decided->application.version, pay);
  EXPECT_EQ(paid.error().code, ErrorCode::kIllegalTransition);
}

TEST_F(ApplicationServiceTest, ApprovedTekunAndEdgeAddTheirCategories) {
  const int64_t household = seed_poor_household();
  Application edge = checked(household, ApplicationKind::kDibaoEdge);  // no 公示 for the edge
  EXPECT_EQ(edge.recommendation, Recommendation::kNotEligible);        // below the standard
  DecisionRequest approve{ApplicationDecision::kApproved, "按低保边缘认定，已与低保申请合并审查",
                          day("2026-06-20")};
  auto decided = service().decide(officer_, edge.application_no, edge.version, approve);
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  auto held = CategoryRepository(db(), clock_).active_for_household(household, day("2026-06-20"));
  ASSERT_EQ(held->size(), 1u);
  EXPECT_EQ((*held)[0].kind, CategoryKind::kDibaoEdge);
}

TEST_F(ApplicationServiceTest, ReserveFundPaymentShortOfMoneyWritesNothing) {
  const int64_t household = seed_poor_household();
  SubmitRequest request{ApplicationKind::kTemporaryEmergency, household};
  request.submitted_on = day("2026-06-15");
  Application a = service().submit(officer_, request).value();
  DecisionRequest approve{ApplicationDecision::kApproved, "", day("2026-06-15"), std::nullopt,
                          Money::from_yuan(500)};
  Application decided =
      service().decide(officer_, a.application_no, a.version, approve)->application;
  ReserveFund fund(db(), clock_);
  ASSERT_TRUE(
      fund.top_up(officer_, "500241002", Money::from_yuan(300), day("2026-06-01"), "").has_value());
  PaymentRequest pay{Money::from_yuan(500), day("2026-06-15"), PaymentMethod::kCash,
                     PaymentSource::kReserveFund};
  auto short_of = service().record_payment(officer_, a.application_no, decided.version, pay);
  ASSERT_FALSE(short_of.has_value());
  EXPECT_EQ(short_of.error().code, ErrorCode::kIllegalTransition);
  EXPECT_NE(short_of.error().message.find("余额不足"), std::string::npos);
  EXPECT_EQ(fund.balance("500241002").value(), Money::from_yuan(300));
  EXPECT_EQ(fund.ledger("500241002")->size(), 1u);
  EXPECT_TRUE(service().payments(a.application_no)->empty());
  EXPECT_EQ(service().find(a.application_no)->value().status, ApplicationStatus::kDecided);

  ASSERT_TRUE(
      fund.top_up(officer_, "500241002", Money::from_yuan(200), day("2026-06-15"), "").has_value());
  auto paid = service().record_payment(officer_, a.application_no, decided.version, pay);
  ASSERT_TRUE(paid.has_value()) << paid.error().to_string();
  EXPECT_TRUE(paid->reserve_entry_id.has_value());
  EXPECT_EQ(fund.balance("500241002").value(), Money());
  EXPECT_EQ(paid->period_from, Month::from_ym(2026, 6).value());
}

TEST_F(ApplicationServiceTest, TownshipCannotApproveTemporaryAidAboveItsLimit) {
  SubmitRequest request{ApplicationKind::kTemporaryExpenditure, seed_poor_household()};
  request.submitted_on = day("2026-06-15");
  Application a = service().submit(officer_, request).value();
  DecisionRequest approve{ApplicationDecision::kApproved, "", day("2026-06-16")};
  EXPECT_EQ(service().decide(officer_, a.application_no, a.version, approve).error().code,
            ErrorCode::kInvalidArgument);    // no amount
  approve.amount = Money::from_fen(252001);  // 4 × 630 + 0.01: 一事一议 only
  auto above = service().decide(officer_, a.application_no, a.version, approve);
  ASSERT_FALSE(above.has_value());
  EXPECT_EQ(above.error().code, ErrorCode::kIllegalTransition);
  EXPECT_NE(above.error().message.find("一事一议"), std::string::npos);
  EXPECT_EQ(service().find(a.application_no)->value().version, a.version);
  approve.amount = Money::from_yuan(2520);
  auto within = service().decide(officer_, a.application_no, a.version, approve);
  ASSERT_TRUE(within.has_value()) << within.error().to_string();
  EXPECT_EQ(within->application.amount, Money::from_yuan(2520));
}

TEST_F(ApplicationServiceTest, ObjectionDuringNoticeReturnsToInvestigationWith40Days) {
  Application a = noticed(seed_poor_household());
  EXPECT_EQ(service()
                .record_objection(officer_, a.application_no, a.version, "", day("2026-06-20"))
                .error()
                .code,
            ErrorCode::kInvalidArgument);
  auto objected = service().record_objection(officer_, a.application_no, a.version,
                                             "邻居反映其有外出务工收入", day("2026-06-20"));
  ASSERT_TRUE(objected.has_value()) << objected.error().to_string();
  EXPECT_EQ(objected->status, ApplicationStatus::kInvestigating);
  EXPECT_FALSE(objected->notice_until.has_value());
  EXPECT_NE(objected->special_reason.find("异议"), std::string::npos);
  EXPECT_EQ(*objected->process_due, calendar_.add_working_days(day("2026-06-15"), 40).value());
}

TEST_F(ApplicationServiceTest, ListFiltersByHouseholdKindStatusAndTownship) {
  const int64_t poor = seed_poor_household();
  const int64_t well_off = seed_well_off_household();
  Application dibao = submit(poor);
  submit(poor, ApplicationKind::kMedical);
  submit(well_off);
  service()
      .start_investigation(officer_, dibao.application_no, dibao.version, day("2026-06-16"))
      .value();
  ApplicationQuery query;
  EXPECT_EQ(service().list(query)->size(), 3u);
  query.household_id = poor;
  EXPECT_EQ(service().list(query)->size(), 2u);
  query.kind = ApplicationKind::kDibao;
  auto found = service().list(query).value();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].application_no, dibao.application_no);
  query = ApplicationQuery{};
  query.status = ApplicationStatus::kSubmitted;
  query.township_code = "500241002";
  EXPECT_EQ(service().list(query)->size(), 2u);
  query.township_code = "500241003";
  EXPECT_TRUE(service().list(query)->empty());
}

TEST_F(ApplicationServiceTest, OverdueListsUndecidedApplicationsPastTheirLimit) {
  const int64_t household = seed_poor_household();
  Application late = submit(household);
  Application decided = noticed(household);
  ASSERT_TRUE(service()
                  .decide(officer_, decided.application_no, decided.version,
                          {ApplicationDecision::kApproved, "", day("2026-06-25")})
                  .has_value());
  ApplicationQuery query;
  query.overdue_on = *late.process_due;  // due that day: not yet overdue
  EXPECT_TRUE(service().list(query)->empty());
  query.overdue_on = late.process_due->add_days(1);
  auto overdue = service().list(query).value();
  ASSERT_EQ(overdue.size(), 1u);  // the decided one is not overdue
  EXPECT_EQ(overdue[0].application_no, late.application_no);
}

TEST_F(ApplicationServiceTest, FastTrackOnlyForTemporaryAid) {
  SubmitRequest request{ApplicationKind::kDibao, seed_poor_household()};
  request.fast_track = true;
  request.submitted_on = day("2026-06-15");
  EXPECT_EQ(service().submit(officer_, request).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace faxian::workflow
