// The caller's inbox over real HTTP: tasks scoped like leads (township, village, the hotline's
// callbacks), notifications addressed to a role in a region or to one user, marking one read,
// and another area's notice being "not found".

#include <gtest/gtest.h>

#include "api/lead_api_test_support.hpp"
#include "workflow/leads/notification_repository.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;
using testing_support::LeadApiTest;
using testing_support::Session;

class ApiLeadInboxTest : public LeadApiTest {
 protected:
  int64_t add_task(TaskKind kind, const std::string& township, const std::string& village,
                   const std::string& title) {
    workflow::Task task;
    task.kind = kind;
    task.township_code = township;
    task.village_code = village;
    task.title = title;
    task.due_on = day("2026-06-20");
    task.created_on = clock_.today();
    task.created_by = "test";
    task.household_id = household_id(testing_support::kHouseholdA);
    return workflow::TaskRepository(db(), clock_).create(task).value();
  }
  void notify(const std::string& kind, const std::string& region, const std::string& role,
              std::optional<int64_t> user_id, int64_t subject) {
    workflow::Notification notice;
    notice.kind = kind;
    notice.region_code = region;
    notice.role = role;
    notice.user_id = user_id;
    notice.subject_type = "lead";
    notice.subject_id = subject;
    notice.message = "线索已超期";
    notice.on_date = clock_.today();
    ASSERT_TRUE(workflow::NotificationRepository(db(), clock_).notify(notice).value());
  }
  int64_t user_id_of(const std::string& username) {
    return UserRepository(db(), clock_).find_by_username(username).value()->id;
  }
  static std::vector<std::string> titles(const json& body) {
    std::vector<std::string> found;
    for (const json& item : body["items"])
      found.push_back(item.contains("title") ? item["title"] : item["message"]);
    std::sort(found.begin(), found.end());
    return found;
  }
};

TEST_F(ApiLeadInboxTest, TasksAreScopedToTheCallersArea) {
  add_task(TaskKind::kFollowUp, testing_support::kTownshipA, testing_support::kVillageA1, "A1回访");
  add_task(TaskKind::kRoutineVisit, testing_support::kTownshipA, testing_support::kVillageA2,
           "A2走访");
  add_task(TaskKind::kCallback, testing_support::kTownshipB, testing_support::kVillageB1, "B回访");
  start_server();
  auto township = get(login("township_a"), "/api/v1/tasks");
  ASSERT_EQ(township.status, 200) << township.raw;
  EXPECT_EQ(titles(township.body), (std::vector<std::string>{"A1回访", "A2走访"}));
  EXPECT_EQ(township.body["total"], 2);
  EXPECT_EQ(township.body["items"][0]["household_no"], testing_support::kHouseholdA);
  EXPECT_EQ(titles(get(login("village_a1"), "/api/v1/tasks").body),
            (std::vector<std::string>{"A1回访"}));
  EXPECT_EQ(titles(get(login("hotline"), "/api/v1/tasks").body),
            (std::vector<std::string>{"B回访"}));
  EXPECT_EQ(get(login("officer"), "/api/v1/tasks?page_size=2").body["total"], 3);
  EXPECT_EQ(get(login("auditor"), "/api/v1/tasks?status=done").body["total"], 0);
  EXPECT_EQ(get(login("admin"), "/api/v1/tasks?status=all&kind=callback").body["total"], 1);
  EXPECT_EQ(get(login("medical_liaison"), "/api/v1/tasks").status, 403);
  EXPECT_EQ(get(login("admin"), "/api/v1/tasks?status=late").status, 400);
  EXPECT_EQ(get(login("admin"), "/api/v1/tasks?page_size=501").status, 400);
}

TEST_F(ApiLeadInboxTest, NotificationsReachTheirAddresseesAndAreMarkedRead) {
  notify("lead_overdue", testing_support::kTownshipA, "township_officer", std::nullopt, 1);
  notify("lead_overdue", testing_support::kTownshipB, "township_officer", std::nullopt, 2);
  notify("personal", "", "", user_id_of("township_b"), 3);
  start_server();
  Session township_a = login("township_a");
  auto inbox_a = get(township_a, "/api/v1/notifications");
  ASSERT_EQ(inbox_a.status, 200) << inbox_a.raw;
  ASSERT_EQ(inbox_a.body["total"], 1);
  const int64_t notice_a = inbox_a.body["items"][0]["id"];
  EXPECT_EQ(inbox_a.body["items"][0]["read"], false);
  Session township_b = login("township_b");
  EXPECT_EQ(get(township_b, "/api/v1/notifications").body["total"], 2);
  EXPECT_EQ(get(login("village_a1"), "/api/v1/notifications").body["total"], 0);
  EXPECT_EQ(get(login("officer"), "/api/v1/notifications").body["total"], 0);
  EXPECT_EQ(get(login("medical_liaison"), "/api/v1/notifications").body["total"], 0);
  const std::string read_path = "/api/v1/notifications/" + std::to_string(notice_a) + "/read";
  EXPECT_EQ(post(township_b, read_path, json::object()).status, 404);
  EXPECT_EQ(post(township_a, "/api/v1/notifications/abc/read", json::object()).status, 404);
  auto read = post(township_a, read_path, json::object());
  ASSERT_EQ(read.status, 200) << read.raw;
  EXPECT_EQ(read.body["read"], true);
  EXPECT_EQ(get(township_a, "/api/v1/notifications?unread=true").body["total"], 0);
  EXPECT_EQ(get(township_a, "/api/v1/notifications").body["items"][0]["read"], true);
  EXPECT_EQ(get(township_a, "/api/v1/notifications?unread=maybe").status, 400);
  auto no_csrf = client().Post(read_path, httplib::Headers{{"Cookie", township_a.cookie}}, "{}",
                               "application/json");
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(no_csrf->status, 403);
  EXPECT_EQ(get_anonymous("/api/v1/notifications").status, 401);
}

TEST_F(ApiLeadInboxTest, EveryLeadRouteIsDocumented) {
  start_server();
  auto document = get_anonymous("/api/v1/openapi.json");
  ASSERT_EQ(document.status, 200);
  const json& paths = document.body["paths"];
  EXPECT_TRUE(paths["/api/v1/leads"].contains("get"));
  EXPECT_TRUE(paths["/api/v1/leads"].contains("post"));
  EXPECT_TRUE(paths["/api/v1/leads/{lead_no}"].contains("get"));
  EXPECT_TRUE(paths["/api/v1/leads/{lead_no}/actions"].contains("post"));
  EXPECT_TRUE(paths["/api/v1/tasks"].contains("get"));
  EXPECT_TRUE(paths["/api/v1/notifications"].contains("get"));
  EXPECT_TRUE(paths["/api/v1/notifications/{id}/read"].contains("post"));
}

}  // namespace
}  // namespace faxian::api
