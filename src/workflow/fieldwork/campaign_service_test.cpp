// Campaigns: who gets a visit task (each household once, the three reasons, villages outside
// left out), checklist visits that open leads, closing, and the progress figures.

#include "workflow/fieldwork/campaign_service.hpp"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "domain/user.hpp"
#include "store/user_repository.hpp"
#include "workflow/fieldwork/campaign_progress.hpp"
#include "workflow/fieldwork/fieldwork_test_support.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

using testing_support::day;
using testing_support::kTownshipA;
using testing_support::kTownshipB;
using testing_support::kVillageA1;
using testing_support::kVillageA2;
using testing_support::kVillageB1;

class CampaignServiceTest : public testing_support::FieldworkTest {
 protected:
  void SetUp() override {
    FieldworkTest::SetUp();
    // Included: a household category, a member's category, an open need warning, a disaster
    // within the dates, and one household with all three reasons.
    dibao_ = add_family("H01", kVillageA1, 1);
    add_category(CategoryKind::kDibao, dibao_, std::nullopt, day("2025-01-01"));
    member_tekun_ = add_household("H02", kVillageA1);
    const int64_t tekun_person = add_person("19500101", 2);
    add_member(member_tekun_, tekun_person);
    add_category(CategoryKind::kTekun, std::nullopt, tekun_person, day("2024-03-01"));
    warned_ = add_family("H03", kVillageA2, 3);
    add_open_warning(warned_);
    flooded_ = add_household("H04", kVillageA2);
    const int64_t flooded_person = add_person("19800101", 4);
    add_member(flooded_, flooded_person);
    add_disaster(flooded_person, day("2026-07-10"), kVillageA2);
    all_three_ = add_household("H08", kVillageA1);
    const int64_t all_person = add_person("19800101", 8);
    add_member(all_three_, all_person);
    add_category(CategoryKind::kDibaoEdge, all_three_, std::nullopt, day("2026-01-01"));
    add_open_warning(all_three_, "red");
    add_disaster(all_person, day("2026-07-06"), kVillageA1);
    // Left out: a disaster before the dates, a category ended before them, a village outside,
    // no reason, a review warning only.
    const int64_t early_flood = add_household("H05", kVillageA2);
    const int64_t early_person = add_person("19800101", 5);
    add_member(early_flood, early_person);
    add_disaster(early_person, day("2026-06-01"), kVillageA2);
    const int64_t ended = add_family("H06", kVillageA1, 6);
    add_category(CategoryKind::kDibao, ended, std::nullopt, day("2020-01-01"), day("2026-06-30"));
    const int64_t outside = add_family("H07", kVillageB1, 7);
    add_category(CategoryKind::kDibao, outside, std::nullopt, day("2025-01-01"));
    add_open_warning(outside);
    add_family("H09", kVillageA1, 9);
    const int64_t review_only = add_family("H10", kVillageA1, 10);
    add_open_warning(review_only, "", "review");
  }

  CampaignRequest flood_request() {
    CampaignRequest request;
    request.name = "2026年7月洪涝灾害集中排查";
    request.event = CampaignEvent::kFlood;
    request.starts_on = day("2026-07-05");
    request.ends_on = day("2026-07-31");
    request.village_codes = {std::string(kVillageA2), std::string(kVillageA1),
                             std::string(kVillageA1)};
    return request;
  }

  Campaign open_flood() {
    auto opened = CampaignService(*leads_).open(Actor::system(), flood_request());
    EXPECT_TRUE(opened.has_value()) << opened.error().to_string();
    return opened ? opened->campaign : Campaign{};
  }

  VisitForm form_for(int64_t household_id) {
    VisitForm form;
    form.household_id = household_id;
    form.visited_on = day("2026-07-15");
    form.answers = {{"house_damaged", ChecklistAnswer::kNo, ""},
                    {"basic_supplies_short", ChecklistAnswer::kNo, ""}};
    return form;
  }

  int64_t dibao_ = 0, member_tekun_ = 0, warned_ = 0, flooded_ = 0, all_three_ = 0;
};

TEST_F(CampaignServiceTest, OpensOneVisitTaskPerTargetHousehold) {
  auto opened = CampaignService(*leads_).open(Actor::system(), flood_request());
  ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
  EXPECT_EQ(opened->tasks_created, 5);
  EXPECT_EQ(opened->campaign.village_codes,
            (std::vector<std::string>{std::string(kVillageA1), std::string(kVillageA2)}));
  EXPECT_EQ(opened->campaign.checklist.size(), default_campaign_checklist().size());
  EXPECT_EQ(opened->campaign.status, CampaignStatus::kOpen);

  TaskQuery query;
  query.status = std::nullopt;
  query.campaign_id = opened->campaign.id;
  auto tasks = TaskRepository(db(), clock_).list(query);
  ASSERT_TRUE(tasks.has_value()) << tasks.error().to_string();
  std::vector<int64_t> households;
  for (const Task& task : *tasks) {
    EXPECT_EQ(task.kind, TaskKind::kCampaignVisit);
    EXPECT_EQ(task.due_on, day("2026-07-31"));
    EXPECT_EQ(task.township_code, kTownshipA);
    households.push_back(task.household_id.value_or(0));
  }
  std::sort(households.begin(), households.end());
  EXPECT_EQ(households,
            (std::vector<int64_t>{dibao_, member_tekun_, warned_, flooded_, all_three_}));
}

TEST_F(CampaignServiceTest, RecordsWhyEachHouseholdIsIncluded) {
  const Campaign campaign = open_flood();
  auto targets = CampaignService(*leads_).targets(campaign.id, "");
  ASSERT_TRUE(targets.has_value()) << targets.error().to_string();
  std::map<int64_t, InclusionReasons> reasons;
  for (const CampaignTarget& target : *targets) {
    reasons[target.household_id] = target.reasons;
    EXPECT_TRUE(target.task_id.has_value());
    EXPECT_FALSE(target.visited);
  }
  EXPECT_EQ(reasons.size(), 5u);
  EXPECT_EQ(reasons[dibao_], (InclusionReasons{true, false, false}));
  EXPECT_EQ(reasons[member_tekun_], (InclusionReasons{true, false, false}));
  EXPECT_EQ(reasons[warned_], (InclusionReasons{false, true, false}));
  EXPECT_EQ(reasons[flooded_], (InclusionReasons{false, false, true}));
  EXPECT_EQ(reasons[all_three_], (InclusionReasons{true, true, true}));
}

TEST_F(CampaignServiceTest, OpeningTwiceGivesEachCampaignItsOwnTasks) {
  const Campaign first = open_flood();
  const Campaign second = open_flood();
  EXPECT_NE(first.id, second.id);
  EXPECT_EQ(count("SELECT COUNT(*) FROM tasks WHERE kind = 'campaign_visit'"), 10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM campaign_targets"), 10);
}

TEST_F(CampaignServiceTest, RefusesBadRequests) {
  CampaignService service(*leads_);
  CampaignRequest township_as_village = flood_request();
  township_as_village.village_codes = {std::string(kTownshipB)};
  auto result = service.open(Actor::system(), township_as_village);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);

  CampaignRequest reversed = flood_request();
  reversed.ends_on = day("2026-07-01");
  result = service.open(Actor::system(), reversed);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);

  CampaignRequest no_villages = flood_request();
  no_villages.village_codes.clear();
  EXPECT_FALSE(service.open(Actor::system(), no_villages).has_value());

  CampaignRequest twice = flood_request();
  twice.checklist = {{"a", "问题一", ChecklistAnswer::kYes}, {"a", "问题二", ChecklistAnswer::kNo}};
  EXPECT_FALSE(service.open(Actor::system(), twice).has_value());

  const Actor township{7, "officer", Role::kTownshipOfficer, std::string(kTownshipA), ""};
  result = service.open(township, flood_request());
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(count("SELECT COUNT(*) FROM campaigns"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM tasks"), 0);
}

TEST_F(CampaignServiceTest, AConcernOnTheChecklistOpensACampaignLead) {
  const Campaign campaign = open_flood();
  VisitForm form = form_for(dibao_);
  form.answers[0].answer = ChecklistAnswer::kYes;  // house damaged
  auto visited = CampaignService(*leads_).record_visit(Actor::system(), campaign.id, form);
  ASSERT_TRUE(visited.has_value()) << visited.error().to_string();
  ASSERT_TRUE(visited->lead.has_value());
  EXPECT_TRUE(visited->visit.difficulty_found);
  EXPECT_EQ(visited->visit.campaign_id, campaign.id);
  EXPECT_EQ(visited->lead->household_id, dibao_);
  ASSERT_EQ(visited->lead->sources.size(), 1u);
  EXPECT_EQ(visited->lead->sources[0].source, LeadSource::kCampaign);
  EXPECT_EQ(visited->lead->sources[0].reference,
            fmt::format("campaign:{}/visit:{}", campaign.id, visited->visit.id));
  EXPECT_NE(visited->lead->description.find("房屋是否受损"), std::string::npos);

  auto stored = CampaignService(*leads_).targets(campaign.id, kVillageA1);
  ASSERT_TRUE(stored.has_value());
  const auto it = std::find_if(stored->begin(), stored->end(),
                               [&](const CampaignTarget& t) { return t.household_id == dibao_; });
  ASSERT_NE(it, stored->end());
  EXPECT_TRUE(it->visited);
  auto task = TaskRepository(db(), clock_).find(it->task_id.value());
  ASSERT_TRUE(task.has_value() && task->has_value());
  EXPECT_EQ((*task)->status, TaskStatus::kDone);
  EXPECT_EQ((*task)->done_on, day("2026-07-15"));
}

TEST_F(CampaignServiceTest, AChecklistWithoutConcernOpensNoLead) {
  const Campaign campaign = open_flood();
  auto visited =
      CampaignService(*leads_).record_visit(Actor::system(), campaign.id, form_for(warned_));
  ASSERT_TRUE(visited.has_value()) << visited.error().to_string();
  EXPECT_FALSE(visited->visit.difficulty_found);
  EXPECT_FALSE(visited->lead.has_value());
  EXPECT_EQ(visited->tasks_completed.size(), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM leads"), 0);
}

TEST_F(CampaignServiceTest, VisitsOnlyTargetsOfAnOpenCampaign) {
  const Campaign campaign = open_flood();
  CampaignService service(*leads_);
  auto household_9 = count("SELECT id FROM households WHERE household_no = 'H09'");
  auto result = service.record_visit(Actor::system(), campaign.id, form_for(household_9));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);

  VisitForm unknown_item = form_for(dibao_);
  unknown_item.answers.push_back({"no_such_item", ChecklistAnswer::kYes, ""});
  result = service.record_visit(Actor::system(), campaign.id, unknown_item);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);

  auto closed = service.close(Actor::system(), campaign.id, day("2026-07-20"));
  ASSERT_TRUE(closed.has_value()) << closed.error().to_string();
  result = service.record_visit(Actor::system(), campaign.id, form_for(dibao_));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(count("SELECT COUNT(*) FROM visits"), 0);
}

TEST_F(CampaignServiceTest, ClosingCancelsTheOpenVisitTasks) {
  const Campaign campaign = open_flood();
  CampaignService service(*leads_);
  ASSERT_TRUE(service.record_visit(Actor::system(), campaign.id, form_for(dibao_)).has_value());
  auto closed = service.close(Actor::system(), campaign.id, day("2026-07-20"));
  ASSERT_TRUE(closed.has_value()) << closed.error().to_string();
  EXPECT_EQ(closed->status, CampaignStatus::kClosed);
  EXPECT_EQ(closed->closed_on, day("2026-07-20"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM tasks WHERE status = 'cancelled'"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM tasks WHERE status = 'done'"), 1);
  auto again = service.close(Actor::system(), campaign.id, day("2026-07-21"));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kIllegalTransition);
}

TEST_F(CampaignServiceTest, ProgressByVillageAndTownship) {
  const Campaign campaign = open_flood();
  CampaignService service(*leads_);
  VisitForm concern = form_for(dibao_);
  concern.needs = {VisitNeed::kHousing};
  ASSERT_TRUE(service.record_visit(Actor::system(), campaign.id, concern).has_value());
  ASSERT_TRUE(service.record_visit(Actor::system(), campaign.id, form_for(warned_)).has_value());
  // A second visit of the same household counts it once.
  VisitForm again = form_for(warned_);
  again.visited_on = day("2026-07-18");
  ASSERT_TRUE(service.record_visit(Actor::system(), campaign.id, again).has_value());

  auto progress = campaign_progress(db(), campaign.id, "500241");
  ASSERT_TRUE(progress.has_value()) << progress.error().to_string();
  ASSERT_EQ(progress->villages.size(), 2u);
  EXPECT_EQ(progress->villages[0],
            (ProgressRow{std::string(kVillageA1), "东风社区", 3, 1, 33.3, 1}));
  EXPECT_EQ(progress->villages[1],
            (ProgressRow{std::string(kVillageA2), "凤凰社区", 2, 1, 50.0, 0}));
  ASSERT_EQ(progress->townships.size(), 1u);
  EXPECT_EQ(progress->townships[0],
            (ProgressRow{std::string(kTownshipA), "中和街道", 5, 2, 40.0, 1}));
  EXPECT_EQ(progress->total.tasks, 5);
  EXPECT_EQ(progress->total.visited, 2);

  auto village = campaign_progress(db(), campaign.id, kVillageA2);
  ASSERT_TRUE(village.has_value());
  ASSERT_EQ(village->villages.size(), 1u);
  EXPECT_EQ(village->total.tasks, 2);
  EXPECT_EQ(village->total.leads_found, 0);

  auto outside = campaign_progress(db(), campaign.id, kTownshipB);
  ASSERT_TRUE(outside.has_value());
  EXPECT_TRUE(outside->villages.empty());
  EXPECT_EQ(outside->total.tasks, 0);
  EXPECT_EQ(campaign_progress(db(), campaign.id, "5002%").error().code,
            ErrorCode::kInvalidArgument);
}

TEST_F(CampaignServiceTest, ListsCampaignsByArea) {
  const Campaign campaign = open_flood();
  CampaignService service(*leads_);
  auto in_a = service.list(CampaignQuery{.region_prefix = std::string(kTownshipA)});
  ASSERT_TRUE(in_a.has_value()) << in_a.error().to_string();
  ASSERT_EQ(in_a->size(), 1u);
  EXPECT_EQ(in_a->front().id, campaign.id);
  auto in_b = service.list(CampaignQuery{.region_prefix = std::string(kTownshipB)});
  ASSERT_TRUE(in_b.has_value());
  EXPECT_TRUE(in_b->empty());
}

}  // namespace
}  // namespace faxian::workflow
