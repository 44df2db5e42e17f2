// County coordination: permissions, the lifecycle from the lead's coordination outcome to the
// closed case, department results, deadlines that follow the meeting, stale versions.

#include "workflow/casework/coordination_service.hpp"

#include <gtest/gtest.h>

#include "workflow/casework/casework_outcomes.hpp"
#include "workflow/casework/casework_test_support.hpp"
#include "workflow/leads/notification_repository.hpp"

namespace faxian::workflow::testing_support {
namespace {

class CoordinationServiceTest : public CaseworkTest {
 protected:
  void SetUp() override {
    CaseworkTest::SetUp();
    if (HasFatalFailure())
      return;
    lead_ = verified(open_lead(warning_report(household_a_, WarningLevel::kRed)), Willingness::kYes,
                     true);
  }
  OpenCoordinationRequest request() const {
    OpenCoordinationRequest request;
    request.lead_no = lead_.lead_no;
    request.reason = "因病致贫且主要劳动力失业，需多部门联合帮扶";
    request.departments = {{Department::kMedicalSecurity, "核定医疗救助"},
                           {Department::kHumanResources, "安排公益性岗位"}};
    request.meeting_on = day("2026-11-27");
    request.measures = "医疗救助与就业援助同步推进";
    request.opened_on = day("2026-11-25");
    return request;
  }
  static DepartmentResult result(std::string text, std::string_view on) {
    return DepartmentResult{std::move(text), std::nullopt, day(on)};
  }

  Lead lead_;
};

TEST_P(CoordinationServiceTest, OnlyTheCountyOpensAndClosesCases) {
  auto by_township = coordination().open(officer(), request());
  ASSERT_FALSE(by_township.has_value());
  EXPECT_EQ(by_township.error().code, ErrorCode::kIllegalTransition);
  EXPECT_NE(by_township.error().message.find("县民政局"), std::string::npos);
  auto by_department = coordination().open(medical(), request());
  ASSERT_FALSE(by_department.has_value());

  auto opened = coordination().open(county(), request());
  ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
  for (const Actor& actor : {officer(), medical()}) {
    auto closed =
        coordination().close(actor, opened->case_no, opened->version, "已办结", day("2026-12-04"));
    ASSERT_FALSE(closed.has_value());
    EXPECT_EQ(closed.error().code, ErrorCode::kIllegalTransition);
    auto meeting = coordination().set_meeting(actor, opened->case_no, opened->version,
                                              day("2026-12-01"), "改期");
    ASSERT_FALSE(meeting.has_value());
    EXPECT_EQ(meeting.error().code, ErrorCode::kIllegalTransition);
  }
}

TEST_P(CoordinationServiceTest, ClosingAfterEveryResultCompletesTheLeadsOutcome) {
  CaseworkOutcomes effects(referrals(), coordination());
  auto decided =
      leads().decide(county(), lead_.lead_no, lead_.version,
                     {OutcomeDecision{LeadOutcome::kCoordination,
                                      R"({"reason": "多部门联合帮扶", "meeting_on": "2026-11-27",
                           "departments": [{"department": "医保局", "task": "核定医疗救助"},
                                           {"department": "人社局", "task": "安排公益性岗位"}]})"}},
                     day("2026-11-25"), &effects, "提请县级协调");
  ASSERT_TRUE(decided.has_value()) << decided.error().to_string();
  EXPECT_EQ(outcome_state(lead_.id, LeadOutcome::kCoordination), OutcomeState::kPending);
  auto cases = coordination().for_lead(lead_.id);
  ASSERT_TRUE(cases.has_value());
  ASSERT_EQ(cases->size(), 1u);
  CoordinationCase opened = cases->front();
  EXPECT_EQ(opened.case_no, "XT20261125-01");
  EXPECT_EQ(opened.township_code, "500241001");
  ASSERT_EQ(opened.tasks.size(), 2u);
  EXPECT_EQ(opened.tasks[0].due_on, day("2026-12-04"));  // 5 working days after the meeting

  auto early =
      coordination().close(county(), opened.case_no, opened.version, "已办结", day("2026-12-01"));
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, ErrorCode::kIllegalTransition);
  EXPECT_NE(early.error().message.find("医保局、人社局"), std::string::npos);

  auto wrong =
      coordination().record_result(hr(), opened.case_no, Department::kMedicalSecurity,
                                   opened.tasks[0].version, result("已支付", "2026-12-01"));
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().code, ErrorCode::kNotFound);
  DepartmentResult medical_result = result("医疗救助支付8,000元", "2026-12-01");
  medical_result.amount = Money::from_yuan(8000);
  auto medical_done =
      coordination().record_result(medical(), opened.case_no, Department::kMedicalSecurity,
                                   opened.tasks[0].version, medical_result);
  ASSERT_TRUE(medical_done.has_value()) << medical_done.error().to_string();
  EXPECT_TRUE(medical_done->tasks[0].done);
  EXPECT_EQ(medical_done->tasks[0].amount, Money::from_fen(800000));
  EXPECT_EQ(medical_done->pending_departments(),
            std::vector<Department>{Department::kHumanResources});
  auto twice = coordination().record_result(medical(), opened.case_no, Department::kMedicalSecurity,
                                            medical_done->tasks[0].version,
                                            result("再次登记", "2026-12-02"));
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kIllegalTransition);
  auto stale_task = coordination().record_result(hr(), opened.case_no, Department::kHumanResources,
                                                 opened.tasks[1].version + 1,
                                                 result("已安排公益性岗位", "2026-12-02"));
  ASSERT_FALSE(stale_task.has_value());
  EXPECT_EQ(stale_task.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(coordination()
                  .record_result(hr(), opened.case_no, Department::kHumanResources,
                                 opened.tasks[1].version, result("已安排公益性岗位", "2026-12-02"))
                  .has_value());

  auto stale_case = coordination().close(county(), opened.case_no, opened.version + 1, "已办结",
                                         day("2026-12-03"));
  ASSERT_FALSE(stale_case.has_value());
  EXPECT_EQ(stale_case.error().code, ErrorCode::kConflict);
  EXPECT_EQ(outcome_state(lead_.id, LeadOutcome::kCoordination), OutcomeState::kPending);
  auto closed = coordination().close(county(), opened.case_no, opened.version,
                                     "医疗救助已支付，已安排公益性岗位", day("2026-12-03"));
  ASSERT_TRUE(closed.has_value()) << closed.error().to_string();
  EXPECT_EQ(closed->status, CoordinationStatus::kClosed);
  EXPECT_EQ(closed->closed_on, day("2026-12-03"));
  EXPECT_EQ(outcome_state(lead_.id, LeadOutcome::kCoordination), OutcomeState::kDone);
  EXPECT_EQ(audit_actions("coordination", opened.case_no),
            (std::vector<std::string>{"coordination.open", "coordination.result",
                                      "coordination.result", "coordination.close"}));
  auto after = coordination().record_result(county(), opened.case_no, Department::kMedicalSecurity,
                                            1, result("补登", "2026-12-04"));
  ASSERT_FALSE(after.has_value());
}

TEST_P(CoordinationServiceTest, TheMeetingDateMovesPendingDeadlines) {
  OpenCoordinationRequest without_meeting = request();
  without_meeting.meeting_on.reset();
  auto opened = coordination().open(county(), without_meeting);
  ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
  EXPECT_EQ(opened->tasks[0].due_on, day("2026-12-02"));  // 5 working days after opening
  auto moved = coordination().set_meeting(county(), opened->case_no, opened->version,
                                          day("2026-12-07"), "12月7日召开协调会");
  ASSERT_TRUE(moved.has_value()) << moved.error().to_string();
  EXPECT_EQ(moved->meeting_on, day("2026-12-07"));
  EXPECT_EQ(moved->measures, "12月7日召开协调会");
  EXPECT_EQ(moved->version, opened->version + 1);
  EXPECT_EQ(moved->tasks[1].due_on, day("2026-12-14"));
  auto stale = coordination().set_meeting(county(), opened->case_no, opened->version,
                                          day("2026-12-08"), "再改");
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
}

TEST_P(CoordinationServiceTest, RequestsAreValidatedAndALeadHasOneOpenCase) {
  OpenCoordinationRequest twice = request();
  twice.departments.push_back({Department::kMedicalSecurity, "再次列出"});
  auto duplicate = coordination().open(county(), twice);
  ASSERT_FALSE(duplicate.has_value());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kInvalidArgument);
  OpenCoordinationRequest none = request();
  none.departments.clear();
  EXPECT_FALSE(coordination().open(county(), none).has_value());
  OpenCoordinationRequest unknown_lead = request();
  unknown_lead.lead_no = "XS20991231-9999";
  auto missing = coordination().open(county(), unknown_lead);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(coordination().open(county(), request()).has_value());
  auto second = coordination().open(county(), request());
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(CoordinationServiceTest, DepartmentsSeeOnlyTheirCases) {
  OpenCoordinationRequest medical_only = request();
  medical_only.departments = {{Department::kMedicalSecurity, "核定医疗救助"}};
  auto opened = coordination().open(county(), medical_only);
  ASSERT_TRUE(opened.has_value());
  auto mine = coordination().for_department(medical(), Department::kMedicalSecurity);
  ASSERT_TRUE(mine.has_value());
  EXPECT_EQ(mine->size(), 1u);
  EXPECT_TRUE(coordination().get(medical(), opened->case_no).has_value());
  auto hidden = coordination().get(hr(), opened->case_no);
  ASSERT_FALSE(hidden.has_value());
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(coordination().for_department(hr(), Department::kMedicalSecurity).has_value());
}

TEST_P(CoordinationServiceTest, LateDepartmentsAreReportedToTheCounty) {
  auto opened = coordination().open(county(), request());  // tasks due 2026-12-04
  ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
  EXPECT_TRUE(coordination().overdue(day("2026-12-04"))->empty());
  ASSERT_TRUE(coordination()
                  .record_result(medical(), opened->case_no, Department::kMedicalSecurity,
                                 opened->tasks[0].version, result("已支付", "2026-12-03"))
                  .has_value());
  auto late = coordination().overdue(day("2026-12-07"));
  ASSERT_TRUE(late.has_value());
  ASSERT_EQ(late->size(), 1u);
  EXPECT_EQ(*coordination().notify_overdue(day("2026-12-07")), 1);
  EXPECT_EQ(*coordination().notify_overdue(day("2026-12-07")), 0);
  auto notices = NotificationRepository(db(), clock_).list("500241", std::nullopt, true);
  ASSERT_EQ(notices->size(), 1u);
  EXPECT_EQ(notices->front().role, "county_officer");
  EXPECT_NE(notices->front().message.find("人社局"), std::string::npos);
  EXPECT_EQ(notices->front().message.find("医保局"), std::string::npos);
}

FAXIAN_INSTANTIATE_STORE_TEST(CoordinationServiceTest);

}  // namespace
}  // namespace faxian::workflow::testing_support
