// The coordination, hotline, campaign and visit routes over real HTTP: every endpoint × role,
// lists scoped by area (township_b never sees township_a's ticket, campaign or visit), a
// department token recording its coordination task, stale versions → 409, SQL-injection
// strings stored verbatim or refused, and no full resident ID or phone in any body.

#include <gtest/gtest.h>

#include "api/casework_test_support.hpp"

namespace faxian::api {
namespace {

using testing_support::CaseworkApiTest;
using testing_support::kHouseholdA1;
using testing_support::kHouseholdB1;
using testing_support::kVillageA1;
using testing_support::kVillageB1;
using testing_support::url_encode;

constexpr const char* kInjection = "x' OR '1'='1'; DROP TABLE visits; --";

class ApiCoordinationTest : public CaseworkApiTest {
 protected:
  void SetUp() override {
    CaseworkApiTest::SetUp();
    if (HasFatalFailure())
      return;
    case_a_ = coordinate(kHouseholdA1);
    medical_token_ = issue_token("医保局");
    start_server();
    login_all();
  }
  std::string path(const std::string& tail = "") {
    return "/api/v1/coordination-cases/" + case_a_ + tail;
  }
  nlohmann::json task_of(const std::string& department) {
    auto detail = get(sessions_.at("admin"), path());
    for (const auto& task : detail.body["tasks"])
      if (task["department"] == department)
        return task;
    return nullptr;
  }
  std::string case_a_, medical_token_;
};

TEST_F(ApiCoordinationTest, CasesForEveryRole) {
  expect_get_statuses(path(), {{"admin", 200},
                               {"officer", 200},
                               {"township_a", 200},
                               {"township_b", 404},
                               {"auditor", 200},
                               {"medical_liaison", 200},
                               {"village_a1", 403},
                               {"hotline", 403}});
  EXPECT_EQ(count_items("officer", "/api/v1/coordination-cases"), 1u);
  EXPECT_EQ(count_items("township_b", "/api/v1/coordination-cases"), 0u);
  EXPECT_EQ(count_items("medical_liaison", "/api/v1/coordination-cases?status=open"), 1u);
  EXPECT_EQ(token_get(medical_token_, path()).status, 200);
}

TEST_F(ApiCoordinationTest, DepartmentsAnswerAndTheCountyCloses) {
  const nlohmann::json medical = task_of("medical_security");
  const nlohmann::json hr = task_of("human_resources");
  ASSERT_TRUE(medical.is_object());
  const std::string medical_path =
      path("/tasks/" + std::to_string(medical["id"].get<int64_t>()) + "/answer");
  const std::string hr_path = path("/tasks/" + std::to_string(hr["id"].get<int64_t>()) + "/answer");
  const nlohmann::json result = {{"result", kInjection}, {"version", medical["version"]}};
  // The 医保局 answers its own task only.
  EXPECT_EQ(post(sessions_.at("medical_liaison"), hr_path, result).status, 404);
  EXPECT_EQ(post(sessions_.at("township_a"), medical_path, result).status, 403);
  nlohmann::json stale = result;
  stale["version"] = 7;
  EXPECT_EQ(token_post(medical_token_, medical_path, stale).status, 409);
  auto answered = token_post(medical_token_, medical_path, result);
  ASSERT_EQ(answered.status, 200) << answered.raw;
  // Closing with a task open is a rule violation; the county records the other result.
  auto open_case = get(sessions_.at("admin"), path());
  const nlohmann::json close = {{"conclusion", "已办结"}, {"version", open_case.body["version"]}};
  EXPECT_EQ(post(sessions_.at("township_a"), path("/close"), close).status, 403);
  EXPECT_EQ(post(sessions_.at("officer"), path("/close"), close).status, 422);
  EXPECT_EQ(post(sessions_.at("officer"), hr_path,
                 {{"result", "已安置公益岗位"}, {"version", hr["version"]}})
                .status,
            200);
  auto reread = get(sessions_.at("admin"), path());
  auto closed = post(sessions_.at("officer"), path("/close"),
                     {{"conclusion", "已办结"}, {"version", reread.body["version"]}});
  ASSERT_EQ(closed.status, 200) << closed.raw;
  EXPECT_EQ(closed.body["status"], "closed");
}

class ApiHotlineTest : public CaseworkApiTest {
 protected:
  void SetUp() override {
    CaseworkApiTest::SetUp();
    if (HasFatalFailure())
      return;
    start_server();
    login_all();
  }
  // Records a call in village A1 as the hotline operator; returns the answer.
  testing_support::Response record(const std::string& content) {
    return post(sessions_.at("hotline"), "/api/v1/hotline/tickets",
                {{"caller_name", "张三"},
                 {"caller_phone", "13912345678"},
                 {"subject_name", "向德明"},
                 {"village", kVillageA1},
                 {"category", "living"},
                 {"content", content}});
  }
};

TEST_F(ApiHotlineTest, RecordTriageAndCallBack) {
  for (const char* user : {"township_a", "village_a1", "auditor", "medical_liaison"})
    EXPECT_EQ(post(sessions_.at(user), "/api/v1/hotline/tickets", {{"content", "x"}}).status, 403)
        << user;
  EXPECT_EQ(post(sessions_.at("hotline"), "/api/v1/hotline/tickets", {{"content", 5}}).status, 400);
  EXPECT_EQ(post(sessions_.at("hotline"), "/api/v1/hotline/tickets",
                 {{"content", "x"}, {"caller_name", "a"}, {"call_time", "yesterday"}})
                .status,
            400);
  auto recorded = record(kInjection);
  ASSERT_EQ(recorded.status, 201) << recorded.raw;
  EXPECT_EQ(recorded.body["content"], kInjection);
  EXPECT_EQ(recorded.raw.find("13912345678"), std::string::npos);
  const std::string no = recorded.body["ticket_no"];
  const std::string base = "/api/v1/hotline/tickets/" + no;

  // Before routing, only the county, the auditor and operators see it.
  EXPECT_EQ(count_items("hotline", "/api/v1/hotline/tickets"), 1u);
  EXPECT_EQ(count_items("auditor", "/api/v1/hotline/tickets"), 1u);
  EXPECT_EQ(count_items("township_a", "/api/v1/hotline/tickets"), 0u);
  EXPECT_EQ(get(sessions_.at("village_a1"), "/api/v1/hotline/tickets").status, 403);

  const nlohmann::json triage = {{"reasonableness", "reasonable"},
                                 {"reason", "反映情况属实"},
                                 {"version", recorded.body["version"]}};
  nlohmann::json no_judgement = triage;
  no_judgement.erase("reasonableness");
  EXPECT_EQ(post(sessions_.at("hotline"), base + "/triage", no_judgement).status, 400);
  nlohmann::json stale = triage;
  stale["version"] = 9;
  EXPECT_EQ(post(sessions_.at("hotline"), base + "/triage", stale).status, 409);
  EXPECT_EQ(post(sessions_.at("township_a"), base + "/triage", triage).status, 403);
  auto routed = post(sessions_.at("hotline"), base + "/triage", triage);
  ASSERT_EQ(routed.status, 200) << routed.raw;
  EXPECT_EQ(routed.body["status"], "routed");
  EXPECT_EQ(
      post(sessions_.at("hotline"), base + "/triage",
           {{"reasonable", "reasonable"}, {"reason", "again"}, {"version", routed.body["version"]}})
          .status,
      422);

  EXPECT_EQ(count_items("township_a", "/api/v1/hotline/tickets"), 1u);
  EXPECT_EQ(count_items("township_b", "/api/v1/hotline/tickets"), 0u);
  const nlohmann::json callback = {{"reached", true},
                                   {"satisfied", true},
                                   {"result", "已回访"},
                                   {"version", routed.body["version"]}};
  EXPECT_EQ(post(sessions_.at("township_b"), base + "/callback", callback).status, 404);
  auto called = post(sessions_.at("township_a"), base + "/callback", callback);
  ASSERT_EQ(called.status, 200) << called.raw;
  EXPECT_EQ(called.body["status"], "called_back");
  EXPECT_EQ(count_items("hotline", "/api/v1/hotline/tickets?mine=true"), 1u);
  EXPECT_EQ(get(sessions_.at("hotline"), "/api/v1/hotline/tickets?status=bogus").status, 400);
}

class ApiFieldworkTest : public CaseworkApiTest {
 protected:
  void SetUp() override {
    CaseworkApiTest::SetUp();
    if (HasFatalFailure())
      return;
    start_server();
    login_all();
  }
  testing_support::Response open_campaign(const std::vector<std::string>& villages) {
    return post(sessions_.at("officer"), "/api/v1/campaigns",
                {{"name", "2026年6月洪涝灾害集中排查"},
                 {"event", "flood"},
                 {"starts_on", "2026-06-15"},
                 {"ends_on", "2026-06-30"},
                 {"villages", villages}});
  }
};

TEST_F(ApiFieldworkTest, CampaignsByArea) {
  for (const char* user : {"township_a", "village_a1", "auditor", "hotline"})
    EXPECT_EQ(post(sessions_.at(user), "/api/v1/campaigns", {{"name", "x"}}).status, 403) << user;
  EXPECT_EQ(post(sessions_.at("officer"), "/api/v1/campaigns",
                 {{"name", "x"},
                  {"starts_on", "2026-06-15"},
                  {"ends_on", "2026-06-30"},
                  {"villages", {kInjection}}})
                .status,
            400);
  auto only_a = open_campaign({kVillageA1});
  ASSERT_EQ(only_a.status, 201) << only_a.raw;
  EXPECT_GE(only_a.body["tasks_created"], 1);
  auto both = open_campaign({kVillageA1, kVillageB1});
  ASSERT_EQ(both.status, 201) << both.raw;
  const std::string a_path =
      "/api/v1/campaigns/" + std::to_string(only_a.body["id"].get<int64_t>());
  const std::string both_path =
      "/api/v1/campaigns/" + std::to_string(both.body["id"].get<int64_t>());
  expect_get_statuses(a_path, {{"admin", 200},
                               {"officer", 200},
                               {"township_a", 200},
                               {"township_b", 404},
                               {"village_a1", 200},
                               {"village_b1", 404},
                               {"auditor", 200},
                               {"hotline", 403},
                               {"medical_liaison", 403}});
  expect_get_statuses(both_path, {{"township_b", 200}, {"village_b1", 200}});
  auto progress = get(sessions_.at("village_b1"), both_path);
  for (const auto& target : progress.body["targets"])
    EXPECT_EQ(target["village"], kVillageB1);
  EXPECT_EQ(progress.body["progress"]["total"]["tasks"], progress.body["targets"].size());
  EXPECT_EQ(count_items("admin", "/api/v1/campaigns"), 2u);
  EXPECT_EQ(count_items("township_b", "/api/v1/campaigns"), 1u);
  EXPECT_EQ(count_items("village_a1", "/api/v1/campaigns"), 2u);
  EXPECT_EQ(get(sessions_.at("admin"), "/api/v1/campaigns/" + url_encode(kInjection)).status, 404);
}

TEST_F(ApiFieldworkTest, VisitsInTheCoordinatorsVillage) {
  const nlohmann::json visit = {{"household_no", kHouseholdA1},
                                {"visited_on", "2026-06-15"},
                                {"met", "户主"},
                                {"answers", {{{"item_key", "housing_safe"}, {"answer", "yes"}}}},
                                {"needs", {"basic_living"}},
                                {"notes", kInjection}};
  nlohmann::json other = visit;
  other["household_no"] = kHouseholdB1;
  EXPECT_EQ(post(sessions_.at("village_b1"), "/api/v1/visits", visit).status, 404);
  EXPECT_EQ(post(sessions_.at("village_a1"), "/api/v1/visits", other).status, 404);
  EXPECT_EQ(post(sessions_.at("auditor"), "/api/v1/visits", visit).status, 403);
  EXPECT_EQ(post(sessions_.at("hotline"), "/api/v1/visits", visit).status, 403);
  nlohmann::json bad = visit;
  bad["needs"] = {"flying"};
  EXPECT_EQ(post(sessions_.at("village_a1"), "/api/v1/visits", bad).status, 400);
  bad = visit;
  bad["household_no"] = kInjection;
  EXPECT_EQ(post(sessions_.at("village_a1"), "/api/v1/visits", bad).status, 404);

  auto recorded = post(sessions_.at("village_a1"), "/api/v1/visits", visit);
  ASSERT_EQ(recorded.status, 201) << recorded.raw;
  EXPECT_TRUE(recorded.body["difficulty_found"]);
  EXPECT_TRUE(recorded.body["lead_no"].is_string());
  EXPECT_EQ(recorded.body["notes"], kInjection);
  expect_no_secrets(recorded.raw, "visit");
  auto b_visit = post(sessions_.at("village_b1"), "/api/v1/visits", other);
  ASSERT_EQ(b_visit.status, 201) << b_visit.raw;

  EXPECT_EQ(count_items("village_a1", "/api/v1/visits?mine=true"), 1u);
  EXPECT_EQ(count_items("village_b1", "/api/v1/visits"), 1u);
  EXPECT_EQ(count_items("township_a", "/api/v1/visits"), 1u);
  EXPECT_EQ(count_items("township_b", "/api/v1/visits"), 1u);
  EXPECT_EQ(count_items("admin", "/api/v1/visits"), 2u);
  EXPECT_EQ(count_items("admin", "/api/v1/visits?mine=true"), 0u);
  EXPECT_EQ(count_items("admin", "/api/v1/visits?household_no=" + url_encode(kInjection)), 0u);
  EXPECT_EQ(get(sessions_.at("medical_liaison"), "/api/v1/visits").status, 403);
  EXPECT_EQ(count("SELECT count(*) FROM visits"), 2);
}

}  // namespace
}  // namespace faxian::api
