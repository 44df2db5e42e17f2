// The warning routes over real HTTP: open warnings per role and area (403 for the department
// liaison, empty lists for filters outside the area), the filters and their 400s, the fields of
// an item (rules ascending, Chinese reasons for case roles and rule names for others, the open
// lead), one warning by id (404 outside the area), masking, audit and hostile input.

#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "api/household_test_support.hpp"

namespace faxian::api {
namespace {

using testing_support::HouseholdApiTest;
using testing_support::kHouseholdA1;
using testing_support::kHouseholdA2;
using testing_support::kHouseholdB1;
using testing_support::Session;
using testing_support::url_encode;

class ApiWarningTest : public HouseholdApiTest {
 protected:
  std::set<std::string> households(const nlohmann::json& body) {
    std::set<std::string> out;
    for (const auto& item : body["items"])
      out.insert(item["household_no"].get<std::string>());
    return out;
  }
  int64_t warning_id_of(const std::string& household_no) {
    return query_int(db(),
                     "SELECT w.id FROM warnings w JOIN households h ON h.id = w.household_id "
                     "WHERE h.household_no = ? AND w.status = 'open' AND w.kind = 'need'",
                     [&](Statement& s) { s.bind_text(1, household_no); })
        .value();
  }
};

TEST_F(ApiWarningTest, OpenWarningsForEveryRoleAndArea) {
  ASSERT_EQ(count("SELECT count(*) FROM warnings WHERE status = 'open' AND kind = 'need'"), 3);
  start_server();
  const std::set<std::string> all = {kHouseholdA1, kHouseholdA2, kHouseholdB1};
  const std::map<std::string, std::set<std::string>> expected = {
      {"admin", all},
      {"officer", all},
      {"township_a", {kHouseholdA1, kHouseholdA2}},
      {"township_b", {kHouseholdB1}},
      {"village_a1", {kHouseholdA1}},
      {"village_b1", {kHouseholdB1}},
      {"hotline", all},
      {"auditor", all}};
  for (const auto& [user, seen] : expected) {
    auto list = get(login(user), "/api/v1/warnings");
    ASSERT_EQ(list.status, 200) << user << list.raw;
    EXPECT_EQ(households(list.body), seen) << user;
    EXPECT_EQ(list.body["total"], seen.size()) << user;
    expect_no_secrets(list.raw, user);
  }
  EXPECT_EQ(get(login("medical_liaison"), "/api/v1/warnings").status, 403);
  EXPECT_EQ(get_anonymous("/api/v1/warnings").status, 401);
}

TEST_F(ApiWarningTest, ItemsCarryRulesReasonsAndTheOpenLead) {
  start_server();
  auto list = get(login("township_a"), "/api/v1/warnings?village=500241002200");
  ASSERT_EQ(list.status, 200) << list.raw;
  ASSERT_EQ(list.body["items"].size(), 1u);
  const auto& item = list.body["items"][0];
  EXPECT_EQ(item["household_no"], kHouseholdA1);
  EXPECT_EQ(item["kind"], "need");
  EXPECT_TRUE(item["level"] == "orange" || item["level"] == "red") << item.dump();
  EXPECT_GE(item["score"].get<int>(), 60);
  EXPECT_EQ(item["rules"][0], "R01");
  EXPECT_EQ(item["township"], testing_support::kTownshipA);
  EXPECT_EQ(item["village"], testing_support::kVillageA1);
  EXPECT_EQ(item["first_detected"], "2026-06-15");
  EXPECT_TRUE(item["lead_no"].is_string()) << item.dump();
  // Rules ascending; a Chinese explanation with figures for a case-handling role.
  std::vector<std::string> rules = item["rules"];
  EXPECT_TRUE(std::is_sorted(rules.begin(), rules.end()));
  const std::string reason = item["reasons"][0];
  EXPECT_EQ(reason, item["fired_rules"][0]["reason"]);
  EXPECT_NE(reason, item["fired_rules"][0]["name"]);
  EXPECT_FALSE(reason.empty());

  auto coordinator = get(login("village_a1"), "/api/v1/warnings");
  const auto& seen = coordinator.body["items"][0];
  EXPECT_EQ(seen["reasons"][0], "应保未保");
  EXPECT_FALSE(seen["fired_rules"][0].contains("reason"));
}

TEST_F(ApiWarningTest, FiltersAndTheirErrors) {
  start_server();
  Session officer = login("officer");
  EXPECT_EQ(get(officer, "/api/v1/warnings?kind=need").body["total"], 3);
  EXPECT_EQ(get(officer, "/api/v1/warnings?kind=review").body["total"], 0);
  EXPECT_EQ(get(officer, "/api/v1/warnings?rule=R01").body["total"], 3);
  EXPECT_EQ(get(officer, "/api/v1/warnings?rule=R15").body["total"], 0);
  EXPECT_EQ(get(officer, "/api/v1/warnings?township=500241103").body["total"], 1);
  EXPECT_EQ(get(officer, "/api/v1/warnings?village=500241002201").body["total"], 1);
  const auto level = get(officer, "/api/v1/warnings?level=orange").body["total"].get<int>() +
                     get(officer, "/api/v1/warnings?level=red").body["total"].get<int>() +
                     get(officer, "/api/v1/warnings?level=yellow").body["total"].get<int>();
  EXPECT_EQ(level, 3);
  // Outside the area: empty, whichever township.
  Session township_a = login("township_a");
  auto outside = get(township_a, "/api/v1/warnings?township=500241103");
  ASSERT_EQ(outside.status, 200);
  EXPECT_EQ(outside.body["total"], 0);
  EXPECT_EQ(get(township_a, "/api/v1/warnings?village=500241103204").body["total"], 0);
  EXPECT_EQ(get(login("village_a1"), "/api/v1/warnings?township=500241002").body["total"], 1);

  for (const std::string& bad :
       {std::string("kind=urgent"), std::string("level=purple"), std::string("level=RED"),
        std::string("rule=R99"), std::string("rule=") + url_encode("R01' OR 1=1 --"),
        std::string("township=") + url_encode("' OR 1=1 --"), std::string("village=abc"),
        std::string("page_size=501"), std::string("page=-1"),
        std::string("kind=") + url_encode("\"; DROP TABLE warnings; --")}) {
    auto response = get(officer, "/api/v1/warnings?" + bad);
    EXPECT_EQ(response.status, 400) << bad << response.raw;
    EXPECT_EQ(response.body["error"]["code"], "invalid_argument") << bad;
  }
  EXPECT_EQ(count("SELECT count(*) FROM warnings"), 3);
  EXPECT_EQ(count("SELECT count(*) FROM households"), 3);
}

TEST_F(ApiWarningTest, Pagination) {
  start_server();
  Session admin = login("admin");
  auto first = get(admin, "/api/v1/warnings?page_size=2");
  auto second = get(admin, "/api/v1/warnings?page_size=2&page=2");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body["items"].size(), 2u);
  EXPECT_EQ(second.body["items"].size(), 1u);
  EXPECT_EQ(second.body["total"], 3);
  EXPECT_EQ(get(admin, "/api/v1/warnings?page_size=500").status, 200);
}

TEST_F(ApiWarningTest, OneWarningByIdWithinTheArea) {
  start_server();
  const std::string path = "/api/v1/warnings/" + std::to_string(warning_id_of(kHouseholdA1));
  const std::map<std::string, int> expected = {
      {"admin", 200},      {"officer", 200},    {"township_a", 200},
      {"township_b", 404}, {"village_a1", 200}, {"village_b1", 404},
      {"hotline", 200},    {"auditor", 200},    {"medical_liaison", 403}};
  for (const auto& [user, status] : expected) {
    auto response = get(login(user), path);
    EXPECT_EQ(response.status, status) << user << response.raw;
    expect_no_secrets(response.raw, user);
  }
  Session admin = login("admin");
  auto found = get(admin, path);
  EXPECT_EQ(found.body["household_no"], kHouseholdA1);
  EXPECT_EQ(get(admin, "/api/v1/warnings/999999").status, 404);
  EXPECT_EQ(get(admin, "/api/v1/warnings/abc").status, 400);
  EXPECT_EQ(get(admin, "/api/v1/warnings/" + url_encode("1 OR 1=1")).status, 400);
  EXPECT_EQ(get(admin, "/api/v1/warnings/99999999999999999999").status, 400);
  auto traversal = get(admin, "/api/v1/warnings/..%2F..%2Fetc%2Fpasswd");
  EXPECT_TRUE(traversal.status == 400 || traversal.status == 404) << traversal.status;
}

TEST_F(ApiWarningTest, ListsAndViewsAreAudited) {
  start_server();
  Session hotline = login("hotline");
  get(hotline, "/api/v1/warnings");
  get(hotline, "/api/v1/warnings/" + std::to_string(warning_id_of(kHouseholdB1)));
  flush_audit();
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'warning.list' AND actor = "
                  "'hotline'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'warning.view' AND actor = "
                  "'hotline'"),
            1);
}

}  // namespace
}  // namespace faxian::api
