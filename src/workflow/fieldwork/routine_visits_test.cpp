// Routine visit plans: who is in the plan, due and overdue as of a date from the last visit,
// monthly vs quarterly, never-visited households, configured rules, area scope and the tasks.

#include "workflow/fieldwork/routine_visits.hpp"

#include <map>

#include <gtest/gtest.h>

#include "workflow/fieldwork/fieldwork_test_support.hpp"
#include "workflow/fieldwork/visit_plan.hpp"
#include "workflow/fieldwork/visit_service.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

using testing_support::day;
using testing_support::kTownshipA;
using testing_support::kTownshipB;
using testing_support::kVillageA1;
using testing_support::kVillageA2;
using testing_support::kVillageB1;

class RoutineVisitsTest : public testing_support::FieldworkTest {
 protected:
  void visit(int64_t household_id, std::string_view on) {
    VisitForm form;
    form.household_id = household_id;
    form.visited_on = day(on);
    auto recorded = VisitService(*leads_).record(Actor::system(), form);
    ASSERT_TRUE(recorded.has_value()) << recorded.error().to_string();
  }

  int64_t dibao_household(std::string_view no, std::string_view village, int serial,
                          std::string_view since = "2025-01-01") {
    const int64_t household = add_family(no, village, serial);
    add_category(CategoryKind::kDibao, household, std::nullopt, day(since));
    return household;
  }

  std::map<std::string, RoutineVisitStatus> statuses(RoutineVisitQuery query,
                                                     std::vector<VisitRule> rules = {}) {
    if (rules.empty())
      rules = default_visit_rules();
    auto found = routine_visit_statuses(db(), rules, query);
    EXPECT_TRUE(found.has_value()) << found.error().to_string();
    std::map<std::string, RoutineVisitStatus> by_no;
    for (const RoutineVisitStatus& status : found.value_or(std::vector<RoutineVisitStatus>{}))
      by_no[status.household_no] = status;
    return by_no;
  }

  RoutineVisitQuery all_on(std::string_view as_of) {
    return RoutineVisitQuery{
        .as_of = day(as_of), .region_prefix = "500241", .include_not_due = true};
  }
};

TEST_F(RoutineVisitsTest, MonthlyAndQuarterlyFromTheLastVisit) {
  const int64_t dibao = dibao_household("D1", kVillageA1, 1);
  const int64_t tekun = add_family("T1", kVillageA1, 2);
  add_category(CategoryKind::kTekun, tekun, std::nullopt, day("2025-01-01"));
  visit(dibao, "2026-05-15");
  visit(tekun, "2026-05-15");

  auto found = statuses(all_on("2026-07-20"));
  ASSERT_EQ(found.size(), 2u);
  const RoutineVisitStatus& quarterly = found["D1"];
  EXPECT_EQ(quarterly.interval_months, 3);
  EXPECT_EQ(quarterly.targets, (std::vector<VisitTarget>{VisitTarget::kDibao}));
  EXPECT_EQ(quarterly.last_visit, day("2026-05-15"));
  EXPECT_EQ(quarterly.due_on, day("2026-08-15"));
  EXPECT_EQ(quarterly.state, VisitDueState::kNotDue);
  EXPECT_EQ(quarterly.days_overdue, 0);
  const RoutineVisitStatus& monthly = found["T1"];
  EXPECT_EQ(monthly.interval_months, 1);
  EXPECT_EQ(monthly.due_on, day("2026-06-15"));
  EXPECT_EQ(monthly.state, VisitDueState::kOverdue);
  EXPECT_EQ(monthly.days_overdue, 35);
}

TEST_F(RoutineVisitsTest, DueWithinTheLookAheadAndOverdueAfterTheDueDate) {
  const int64_t household = dibao_household("D1", kVillageA1, 1);
  visit(household, "2026-05-01");  // due 2026-08-01
  RoutineVisitQuery query{.as_of = day("2026-07-20"), .region_prefix = "500241"};
  EXPECT_TRUE(statuses(query).empty());
  query.due_within_days = 11;  // up to 2026-07-31
  EXPECT_TRUE(statuses(query).empty());
  query.due_within_days = 12;  // up to 2026-08-01
  auto found = statuses(query);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found["D1"].state, VisitDueState::kDue);
  query.as_of = day("2026-08-01");
  query.due_within_days = 0;
  EXPECT_EQ(statuses(query)["D1"].state, VisitDueState::kDue);
  query.as_of = day("2026-08-02");
  EXPECT_EQ(statuses(query)["D1"].state, VisitDueState::kOverdue);
  EXPECT_EQ(statuses(query)["D1"].days_overdue, 1);
}

TEST_F(RoutineVisitsTest, TheShortestIntervalOfTheMatchedRulesApplies) {
  const int64_t household = dibao_household("D1", kVillageA1, 1);
  const int64_t ill = add_person("19600101", 9);
  add_member(household, ill);
  run(fmt::format("UPDATE persons SET health_status = 'serious_illness' WHERE id = {}", ill));
  visit(household, "2026-06-10");
  auto found = statuses(all_on("2026-07-20"));
  EXPECT_EQ(found["D1"].targets,
            (std::vector<VisitTarget>{VisitTarget::kDibao, VisitTarget::kSeriousIllness}));
  EXPECT_EQ(found["D1"].interval_months, 1);
  EXPECT_EQ(found["D1"].due_on, day("2026-07-10"));
  EXPECT_EQ(found["D1"].state, VisitDueState::kOverdue);
}

TEST_F(RoutineVisitsTest, NeverVisitedHouseholdsAreDueAnIntervalAfterJoiningTheGroup) {
  dibao_household("NEW", kVillageA1, 1, "2026-06-01");
  dibao_household("OLD", kVillageA1, 2, "2026-01-10");
  auto found = statuses(all_on("2026-07-20"));
  EXPECT_FALSE(found["NEW"].last_visit.has_value());
  EXPECT_EQ(found["NEW"].due_on, day("2026-09-01"));
  EXPECT_EQ(found["NEW"].state, VisitDueState::kNotDue);
  EXPECT_EQ(found["OLD"].due_on, day("2026-04-10"));
  EXPECT_EQ(found["OLD"].state, VisitDueState::kOverdue);
  EXPECT_EQ(found["OLD"].days_overdue, 101);
}

TEST_F(RoutineVisitsTest, MemberConditionsCountForLowIncomeHouseholdsOnly) {
  const int64_t plain = add_household("PLAIN", kVillageA1);
  const int64_t disabled = add_person("19700101", 1);
  add_member(plain, disabled);
  run(fmt::format("UPDATE persons SET disability_grade = 2 WHERE id = {}", disabled));
  const int64_t edge = add_household("EDGE", kVillageA1);
  const int64_t unable = add_person("19700101", 2);
  add_member(edge, unable, day("2010-05-01"));
  run(fmt::format("UPDATE persons SET employment_status = 'no_work_capacity' WHERE id = {}",
                  unable));
  add_category(CategoryKind::kTempAssisted, edge, std::nullopt, day("2026-01-01"));
  auto found = statuses(all_on("2026-07-20"));
  EXPECT_FALSE(found.contains("PLAIN"));
  EXPECT_FALSE(found.contains("EDGE"));  // 临时救助对象 is not a low-income category

  add_category(CategoryKind::kExpenditureHardship, edge, std::nullopt, day("2026-03-01"));
  found = statuses(all_on("2026-07-20"));
  ASSERT_TRUE(found.contains("EDGE"));
  EXPECT_EQ(found["EDGE"].targets, (std::vector<VisitTarget>{VisitTarget::kNoWorkCapacity}));
  EXPECT_EQ(found["EDGE"].due_on, day("2026-06-01"));  // entered with the category

  std::vector<VisitRule> everyone = default_visit_rules();
  for (VisitRule& rule : everyone)
    rule.low_income_only = false;
  found = statuses(all_on("2026-07-20"), everyone);
  EXPECT_TRUE(found.contains("PLAIN"));
}

TEST_F(RoutineVisitsTest, ElderlyLivingAloneAreInThePlanWithoutACategory) {
  const int64_t alone = add_household("ALONE", kVillageA2);
  add_member(alone, add_person("19400301", 1), day("2000-01-01"));
  const int64_t couple = add_household("COUPLE", kVillageA2);
  add_member(couple, add_person("19400301", 2));
  add_member(couple, add_person("19420301", 3));
  const int64_t widow = add_household("WIDOW", kVillageA2);
  add_member(widow, add_person("19410301", 4));
  const int64_t died = add_person("19400301", 5);
  add_member(widow, died);
  run(fmt::format("UPDATE persons SET death_date = '2026-05-01' WHERE id = {}", died));
  const int64_t young = add_household("YOUNG", kVillageA2);
  add_member(young, add_person("19500101", 6));

  auto found = statuses(all_on("2026-07-20"));
  ASSERT_TRUE(found.contains("ALONE"));
  EXPECT_EQ(found["ALONE"].targets, (std::vector<VisitTarget>{VisitTarget::kElderlyAlone}));
  EXPECT_EQ(found["ALONE"].due_on, day("2020-06-01"));  // 80th birthday + 3 months
  ASSERT_TRUE(found.contains("WIDOW"));                 // the spouse died: living alone now
  EXPECT_FALSE(found.contains("COUPLE"));
  EXPECT_FALSE(found.contains("YOUNG"));
}

TEST_F(RoutineVisitsTest, ConfiguredRulesReplaceTheDefaults) {
  const int64_t household = dibao_household("D1", kVillageA1, 1);
  visit(household, "2026-05-15");
  VisitPlanRepository plans(db(), clock_);
  auto defaults = plans.load();
  ASSERT_TRUE(defaults.has_value()) << defaults.error().to_string();
  EXPECT_EQ(*defaults, default_visit_rules());

  std::vector<VisitRule> rules = default_visit_rules();
  rules[0].interval_months = 1;  // 低保 monthly
  ASSERT_TRUE(plans.save(rules, "admin").has_value());
  auto loaded = plans.load();
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(*loaded, rules);
  EXPECT_EQ(statuses(all_on("2026-07-20"), *loaded)["D1"].state, VisitDueState::kOverdue);

  rules[0].enabled = false;
  ASSERT_TRUE(plans.save(rules, "admin").has_value());
  EXPECT_TRUE(statuses(all_on("2026-07-20"), plans.load().value()).empty());

  rules[1].interval_months = 0;
  EXPECT_EQ(plans.save(rules, "admin").error().code, ErrorCode::kInvalidArgument);
  rules[1] = rules[0];
  EXPECT_EQ(plans.save(rules, "admin").error().code, ErrorCode::kInvalidArgument);
}

TEST_F(RoutineVisitsTest, TheRegionPrefixScopesTheList) {
  dibao_household("A", kVillageA1, 1, "2025-01-01");
  dibao_household("B", kVillageB1, 2, "2025-01-01");
  auto in_b = overdue_routine_visits(db(), default_visit_rules(), day("2026-07-20"), kTownshipB);
  ASSERT_TRUE(in_b.has_value()) << in_b.error().to_string();
  ASSERT_EQ(in_b->size(), 1u);
  EXPECT_EQ(in_b->front().household_no, "B");
  EXPECT_EQ(in_b->front().township_code, kTownshipB);
  auto county = overdue_routine_visits(db(), default_visit_rules(), day("2026-07-20"), "500241");
  ASSERT_TRUE(county.has_value());
  EXPECT_EQ(county->size(), 2u);
  dibao_household("A-NEW", kVillageA2, 3, "2026-04-25");  // due 2026-07-25
  auto due_soon = routine_visit_statuses(
      db(), default_visit_rules(),
      RoutineVisitQuery{
          .as_of = day("2026-07-20"), .region_prefix = "500241", .due_within_days = 7});
  ASSERT_TRUE(due_soon.has_value());
  EXPECT_EQ(routine_visits_by_township(*due_soon),
            (std::vector<RoutineVisitTownship>{{std::string(kTownshipA), 1, 1},
                                               {std::string(kTownshipB), 0, 1}}));
  EXPECT_EQ(overdue_routine_visits(db(), default_visit_rules(), day("2026-07-20"), "5002411")
                .error()
                .code,
            ErrorCode::kInvalidArgument);
}

TEST_F(RoutineVisitsTest, CreatesOneRoutineTaskPerDueHousehold) {
  const int64_t overdue = dibao_household("D1", kVillageA1, 1, "2025-01-01");
  dibao_household("D2", kVillageA1, 2, "2026-07-01");  // due 2026-10-01
  const RoutineVisitQuery query{.as_of = day("2026-07-20"),
                                .region_prefix = std::string(kTownshipA)};
  auto created =
      create_routine_visit_tasks(db(), clock_, Actor::system(), default_visit_rules(), query);
  ASSERT_TRUE(created.has_value()) << created.error().to_string();
  EXPECT_EQ(*created, 1);
  TaskQuery routine;
  routine.kind = TaskKind::kRoutineVisit;
  auto tasks = TaskRepository(db(), clock_).list(routine);
  ASSERT_TRUE(tasks.has_value());
  ASSERT_EQ(tasks->size(), 1u);
  EXPECT_EQ(tasks->front().household_id, overdue);
  EXPECT_EQ(tasks->front().due_on, day("2025-04-01"));
  EXPECT_NE(tasks->front().title.find("低保"), std::string::npos);

  created = create_routine_visit_tasks(db(), clock_, Actor::system(), default_visit_rules(), query);
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(*created, 0);  // the open task is not repeated

  visit(overdue, "2026-07-20");
  EXPECT_EQ(count("SELECT COUNT(*) FROM tasks WHERE kind = 'routine_visit' AND status = 'done'"),
            1);
}

TEST(AddMonths, ClampsToTheEndOfShortMonths) {
  EXPECT_EQ(add_months(day("2026-01-31"), 1), day("2026-02-28"));
  EXPECT_EQ(add_months(day("2024-01-31"), 1), day("2024-02-29"));
  EXPECT_EQ(add_months(day("2026-11-15"), 3), day("2027-02-15"));
  EXPECT_EQ(add_months(day("2026-05-31"), 1), day("2026-06-30"));
}

}  // namespace
}  // namespace faxian::workflow
