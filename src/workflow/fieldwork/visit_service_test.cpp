// Routine and ad hoc visits: what is stored, when a lead opens (source visit), joining an open
// lead, the checks on the form and the area, and the routine task a visit completes.

#include "workflow/fieldwork/visit_service.hpp"

#include <gtest/gtest.h>

#include "domain/user.hpp"
#include "store/user_repository.hpp"
#include "workflow/fieldwork/fieldwork_test_support.hpp"
#include "workflow/fieldwork/visit_recorder.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

using testing_support::day;
using testing_support::kTownshipA;
using testing_support::kVillageA1;
using testing_support::kVillageB1;

class VisitServiceTest : public testing_support::FieldworkTest {
 protected:
  void SetUp() override {
    FieldworkTest::SetUp();
    household_ = add_family("H01", kVillageA1, 1);
  }

  VisitForm calm_form() {
    VisitForm form;
    form.household_id = household_;
    form.visited_on = day("2026-07-18");
    form.met = "户主";
    form.answers = {{"housing_safe", ChecklistAnswer::kYes, "砖混房"},
                    {"basic_living_secure", ChecklistAnswer::kYes, ""}};
    form.notes = "一切正常";
    return form;
  }

  Actor coordinator_of(std::string_view village) {
    User user;
    user.username = "coord" + std::string(village);
    user.display_name = "协理员";
    user.role = Role::kVillageCoordinator;
    user.region_code = std::string(village);
    user.password_hash = "x";
    auto id = UserRepository(db(), clock_).insert(user);
    EXPECT_TRUE(id.has_value()) << id.error().to_string();
    user.id = id.value_or(0);
    return Actor::of(user);
  }

  int64_t household_ = 0;
};

TEST_F(VisitServiceTest, StoresAVisitWithoutDifficultyAndOpensNoLead) {
  const Actor coordinator = coordinator_of(kVillageA1);
  VisitService service(*leads_);
  auto recorded = service.record(coordinator, calm_form());
  ASSERT_TRUE(recorded.has_value()) << recorded.error().to_string();
  EXPECT_FALSE(recorded->visit.difficulty_found);
  EXPECT_FALSE(recorded->lead.has_value());

  auto stored = service.find(recorded->visit.id);
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  const Visit& visit = **stored;
  EXPECT_EQ(visit.household_no, "H01");
  EXPECT_EQ(visit.village_code, kVillageA1);
  EXPECT_EQ(visit.township_code, kTownshipA);
  EXPECT_EQ(visit.visited_on, day("2026-07-18"));
  EXPECT_EQ(visit.visitor, coordinator.name);
  EXPECT_EQ(visit.visitor_user_id, coordinator.user_id);
  EXPECT_EQ(visit.met, "户主");
  EXPECT_EQ(visit.notes, "一切正常");
  ASSERT_EQ(visit.answers.size(), 2u);  // in key order
  EXPECT_EQ(visit.answers[0].item_key, "basic_living_secure");
  EXPECT_EQ(visit.answers[1], (ChecklistEntry{"housing_safe", ChecklistAnswer::kYes, "砖混房"}));
  EXPECT_TRUE(visit.needs.empty());
  EXPECT_FALSE(visit.lead_id.has_value());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'visit.record'"), 1);
}

TEST_F(VisitServiceTest, ANeedFoundOpensAVisitLead) {
  VisitForm form = calm_form();
  form.needs = {VisitNeed::kMedical, VisitNeed::kCare, VisitNeed::kMedical};
  form.level = WarningLevel::kOrange;
  const Actor coordinator = coordinator_of(kVillageA1);
  auto recorded = VisitService(*leads_).record(coordinator, form);
  ASSERT_TRUE(recorded.has_value()) << recorded.error().to_string();
  ASSERT_TRUE(recorded->lead.has_value());
  const Lead& lead = *recorded->lead;
  EXPECT_FALSE(recorded->lead_attached);
  EXPECT_EQ(lead.household_id, household_);
  EXPECT_EQ(lead.level, WarningLevel::kOrange);
  EXPECT_EQ(lead.created_on, day("2026-07-18"));
  ASSERT_EQ(lead.sources.size(), 1u);
  EXPECT_EQ(lead.sources[0].source, LeadSource::kVisit);
  EXPECT_EQ(lead.sources[0].reference, fmt::format("visit:{}", recorded->visit.id));
  EXPECT_EQ(lead.sources[0].actor, coordinator.name);
  EXPECT_NE(lead.description.find("医疗"), std::string::npos);
  EXPECT_NE(lead.description.find("照护"), std::string::npos);
  EXPECT_EQ(recorded->visit.needs, (std::vector<VisitNeed>{VisitNeed::kMedical, VisitNeed::kCare}));

  auto stored = VisitService(*leads_).find(recorded->visit.id);
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ((*stored)->lead_id, lead.id);
  EXPECT_EQ((*stored)->lead_no, lead.lead_no);
}

TEST_F(VisitServiceTest, AConcernAnswerOrTheCoordinatorsJudgementOpensALead) {
  VisitForm concern = calm_form();
  concern.answers[0].answer = ChecklistAnswer::kNo;  // housing not safe
  EXPECT_TRUE(finds_difficulty(concern, routine_checklist()));
  VisitForm judged = calm_form();
  judged.open_lead = true;
  EXPECT_TRUE(finds_difficulty(judged, routine_checklist()));
  EXPECT_FALSE(finds_difficulty(calm_form(), routine_checklist()));

  auto recorded = VisitService(*leads_).record(Actor::system(), concern);
  ASSERT_TRUE(recorded.has_value()) << recorded.error().to_string();
  ASSERT_TRUE(recorded->lead.has_value());
  EXPECT_NE(recorded->lead->description.find("住房是否安全"), std::string::npos);
}

TEST_F(VisitServiceTest, ASecondFindingJoinsTheOpenLead) {
  VisitForm form = calm_form();
  form.needs = {VisitNeed::kBasicLiving};
  VisitService service(*leads_);
  auto first = service.record(Actor::system(), form);
  ASSERT_TRUE(first.has_value()) << first.error().to_string();
  form.visited_on = day("2026-07-19");
  auto second = service.record(Actor::system(), form);
  ASSERT_TRUE(second.has_value()) << second.error().to_string();
  ASSERT_TRUE(second->lead.has_value());
  EXPECT_TRUE(second->lead_attached);
  EXPECT_EQ(second->lead->id, first->lead->id);
  EXPECT_EQ(second->lead->sources.size(), 2u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM leads"), 1);
}

TEST_F(VisitServiceTest, RefusesABadFormAndHouseholdsOutsideTheArea) {
  VisitService service(*leads_);
  VisitForm future = calm_form();
  future.visited_on = day("2026-07-21");
  auto result = service.record(Actor::system(), future);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);

  VisitForm twice = calm_form();
  twice.answers.push_back({"housing_safe", ChecklistAnswer::kNo, ""});
  EXPECT_EQ(service.record(Actor::system(), twice).error().code, ErrorCode::kInvalidArgument);

  VisitForm nobody = calm_form();
  nobody.household_id = 9999;
  EXPECT_EQ(service.record(Actor::system(), nobody).error().code, ErrorCode::kNotFound);

  result = service.record(coordinator_of(kVillageB1), calm_form());
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(count("SELECT COUNT(*) FROM visits"), 0);
}

TEST_F(VisitServiceTest, AVisitCompletesTheHouseholdsRoutineTask) {
  TaskRepository tasks(db(), clock_);
  Task routine;
  routine.kind = TaskKind::kRoutineVisit;
  routine.household_id = household_;
  routine.township_code = std::string(kTownshipA);
  routine.village_code = std::string(kVillageA1);
  routine.title = "定期走访";
  routine.due_on = day("2026-07-31");
  routine.created_on = day("2026-07-01");
  routine.created_by = "system";
  auto task_id = tasks.create(routine);
  ASSERT_TRUE(task_id.has_value()) << task_id.error().to_string();
  Task follow_up = routine;
  follow_up.kind = TaskKind::kFollowUp;
  auto follow_up_id = tasks.create(follow_up);
  ASSERT_TRUE(follow_up_id.has_value());

  auto recorded = VisitService(*leads_).record(Actor::system(), calm_form());
  ASSERT_TRUE(recorded.has_value()) << recorded.error().to_string();
  EXPECT_EQ(recorded->tasks_completed, (std::vector<int64_t>{*task_id}));
  EXPECT_EQ(tasks.find(*task_id).value()->status, TaskStatus::kDone);
  EXPECT_EQ(tasks.find(*follow_up_id).value()->status, TaskStatus::kOpen);

  VisitForm named = calm_form();
  named.task_id = *task_id;  // no longer open
  EXPECT_EQ(VisitService(*leads_).record(Actor::system(), named).error().code,
            ErrorCode::kInvalidArgument);
}

TEST_F(VisitServiceTest, ListsVisitsByAreaAndDates) {
  const int64_t other = add_family("H02", kVillageB1, 2);
  VisitService service(*leads_);
  ASSERT_TRUE(service.record(Actor::system(), calm_form()).has_value());
  VisitForm elsewhere = calm_form();
  elsewhere.household_id = other;
  elsewhere.visited_on = day("2026-07-10");
  ASSERT_TRUE(service.record(Actor::system(), elsewhere).has_value());

  auto all = service.list(VisitQuery{});
  ASSERT_TRUE(all.has_value()) << all.error().to_string();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->front().household_no, "H01");  // newest first
  auto in_a = service.list(VisitQuery{.region_prefix = std::string(kTownshipA)});
  ASSERT_TRUE(in_a.has_value());
  ASSERT_EQ(in_a->size(), 1u);
  EXPECT_EQ(in_a->front().household_id, household_);
  auto early = service.list(VisitQuery{.to = day("2026-07-15")});
  ASSERT_TRUE(early.has_value());
  ASSERT_EQ(early->size(), 1u);
  EXPECT_EQ(early->front().household_id, other);
  EXPECT_EQ(service.list(VisitQuery{.region_prefix = "50024"}).error().code,
            ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace faxian::workflow
