// The household routes over real HTTP: the region tree, search, profile, timeline and the
// household's warnings, leads and applications for every role (allowed, 403 for the department
// liaison, 404 outside the area), masking of IDs and phones in every body, case details only for
// case-handling roles, the audited reveal, and hostile input (SQL injection, path traversal,
// page sizes) answered with 400/404/empty — never 500 — with the tables intact.

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

class ApiHouseholdTest : public HouseholdApiTest {
 protected:
  std::vector<std::string> household_nos(const nlohmann::json& body) {
    std::vector<std::string> out;
    for (const auto& item : body["items"])
      out.push_back(item["household_no"]);
    return out;
  }
};

TEST_F(ApiHouseholdTest, RegionTreeFollowsTheCallersArea) {
  start_server();
  auto county = get(login("admin"), "/api/v1/regions");
  ASSERT_EQ(county.status, 200) << county.raw;
  ASSERT_EQ(county.body["items"].size(), 1u);
  EXPECT_EQ(county.body["items"][0]["code"], "500241");
  EXPECT_GT(county.body["items"][0]["children"].size(), 20u);

  auto township = get(login("township_a"), "/api/v1/regions");
  ASSERT_EQ(township.status, 200);
  const auto& root = township.body["items"][0];
  ASSERT_EQ(root["children"].size(), 1u);
  EXPECT_EQ(root["children"][0]["code"], testing_support::kTownshipA);
  EXPECT_EQ(root["children"][0]["level"], "township");
  EXPECT_GE(root["children"][0]["children"].size(), 2u);

  auto village = get(login("village_a1"), "/api/v1/regions");
  ASSERT_EQ(village.status, 200);
  const auto& villages = village.body["items"][0]["children"][0]["children"];
  ASSERT_EQ(villages.size(), 1u);
  EXPECT_EQ(villages[0]["code"], testing_support::kVillageA1);
  EXPECT_EQ(villages[0]["parent_code"], testing_support::kTownshipA);
  EXPECT_FALSE(villages[0]["urban_rural"].get<std::string>().empty());

  EXPECT_EQ(get(login("medical_liaison"), "/api/v1/regions").status, 200);
  EXPECT_EQ(get_anonymous("/api/v1/regions").status, 401);
}

TEST_F(ApiHouseholdTest, SearchAppliesTheAreaOfEveryRole) {
  start_server();
  const std::map<std::string, std::vector<std::string>> expected = {
      {"admin", {kHouseholdA1, kHouseholdA2, kHouseholdB1}},
      {"officer", {kHouseholdA1, kHouseholdA2, kHouseholdB1}},
      {"township_a", {kHouseholdA1, kHouseholdA2}},
      {"township_b", {kHouseholdB1}},
      {"village_a1", {kHouseholdA1}},
      {"village_b1", {kHouseholdB1}},
      {"hotline", {kHouseholdA1, kHouseholdA2, kHouseholdB1}},
      {"auditor", {kHouseholdA1, kHouseholdA2, kHouseholdB1}}};
  for (const auto& [user, households] : expected) {
    auto list = get(login(user), "/api/v1/households");
    ASSERT_EQ(list.status, 200) << user << list.raw;
    EXPECT_EQ(household_nos(list.body), households) << user;
    EXPECT_EQ(list.body["total"], households.size()) << user;
    EXPECT_EQ(list.body["page"], 1);
    EXPECT_EQ(list.body["page_size"], 50);
    expect_no_secrets(list.raw, user);
  }
  auto liaison = get(login("medical_liaison"), "/api/v1/households");
  EXPECT_EQ(liaison.status, 403);
  EXPECT_EQ(get_anonymous("/api/v1/households").status, 401);
}

TEST_F(ApiHouseholdTest, SearchItemsCarryTheSummary) {
  start_server();
  auto list = get(login("township_a"), "/api/v1/households?village=500241002200");
  ASSERT_EQ(list.status, 200) << list.raw;
  ASSERT_EQ(list.body["items"].size(), 1u);
  const auto& item = list.body["items"][0];
  EXPECT_EQ(item["household_no"], kHouseholdA1);
  EXPECT_EQ(item["village"], testing_support::kVillageA1);
  EXPECT_EQ(item["township"], testing_support::kTownshipA);
  EXPECT_EQ(item["head_name"], "向德明");
  EXPECT_EQ(item["size"], 2);
  EXPECT_TRUE(item["categories"].is_array());
  EXPECT_TRUE(item["warning_level"].is_string()) << item.dump();
  EXPECT_TRUE(item["lead_no"].is_string()) << item.dump();
}

TEST_F(ApiHouseholdTest, SearchByNumberNameOrIdDigits) {
  start_server();
  Session admin = login("admin");
  auto search = [&](const std::string& q) {
    auto list = get(admin, "/api/v1/households?q=" + url_encode(q));
    EXPECT_EQ(list.status, 200) << q << list.raw;
    return household_nos(list.body);
  };
  EXPECT_EQ(search("500241103"), std::vector<std::string>{kHouseholdB1});
  EXPECT_EQ(search("彭秀"), std::vector<std::string>{kHouseholdA1});
  EXPECT_EQ(search("吴小红"), std::vector<std::string>{kHouseholdB1});
  EXPECT_EQ(search(ids_[2].substr(12)), std::vector<std::string>{kHouseholdA2});
  EXPECT_EQ(search(ids_[3]), std::vector<std::string>{kHouseholdB1});
  EXPECT_TRUE(search("不存在的人").empty());
  // The area still applies to a match.
  auto outside = get(login("township_b"), "/api/v1/households?q=" + url_encode("向德明"));
  EXPECT_EQ(outside.body["total"], 0);
}

TEST_F(ApiHouseholdTest, SearchFiltersAndPagination) {
  start_server();
  Session officer = login("officer");
  auto township = get(officer, "/api/v1/households?township=500241103");
  EXPECT_EQ(household_nos(township.body), std::vector<std::string>{kHouseholdB1});
  // A township outside the caller's area: an empty list, nothing to tell apart.
  auto outside = get(login("township_a"), "/api/v1/households?township=500241103");
  ASSERT_EQ(outside.status, 200);
  EXPECT_EQ(outside.body["total"], 0);
  auto village_outside = get(login("village_a1"), "/api/v1/households?village=500241002201");
  EXPECT_EQ(village_outside.body["total"], 0);

  auto paged = get(officer, "/api/v1/households?page=2&page_size=2");
  ASSERT_EQ(paged.status, 200);
  EXPECT_EQ(household_nos(paged.body), std::vector<std::string>{kHouseholdB1});
  EXPECT_EQ(paged.body["total"], 3);
  EXPECT_EQ(paged.body["page_size"], 2);

  for (const char* bad :
       {"page_size=501", "page_size=0", "page=0", "page=abc", "page_size=99999999999999999999",
        "township=abc", "township=5002410021", "village=50024100220", "category=rich"}) {
    auto response = get(officer, std::string("/api/v1/households?") + bad);
    EXPECT_EQ(response.status, 400) << bad << response.raw;
    EXPECT_TRUE(response.body["error"]["message"].is_string()) << bad;
  }
  EXPECT_EQ(get(officer, "/api/v1/households?category=dibao").status, 200);
  auto long_q = get(officer, "/api/v1/households?q=" + std::string(61, '1'));
  EXPECT_EQ(long_q.status, 400);
}

TEST_F(ApiHouseholdTest, ProfileForEveryRole) {
  start_server();
  const std::string path = std::string("/api/v1/households/") + kHouseholdA1;
  const std::map<std::string, int> expected = {
      {"admin", 200},      {"officer", 200},    {"township_a", 200},
      {"township_b", 404}, {"village_a1", 200}, {"village_b1", 404},
      {"hotline", 200},    {"auditor", 200},    {"medical_liaison", 403}};
  for (const auto& [user, status] : expected) {
    auto profile = get(login(user), path);
    EXPECT_EQ(profile.status, status) << user << profile.raw;
    expect_no_secrets(profile.raw, user);
    if (status == 404) {
      EXPECT_EQ(profile.body["error"]["code"], "not_found") << user;
    }
  }
  EXPECT_EQ(get_anonymous(path).status, 401);
}

TEST_F(ApiHouseholdTest, ProfileShowsMembersMaskedAndCaseDetailsOnlyToCaseRoles) {
  start_server();
  const std::string path = std::string("/api/v1/households/") + kHouseholdA1;
  auto officer = get(login("township_a"), path);
  ASSERT_EQ(officer.status, 200) << officer.raw;
  EXPECT_EQ(officer.body["household_no"], kHouseholdA1);
  EXPECT_EQ(officer.body["village"]["code"], testing_support::kVillageA1);
  EXPECT_FALSE(officer.body["village"]["name"].get<std::string>().empty());
  EXPECT_EQ(officer.body["township"]["code"], testing_support::kTownshipA);
  ASSERT_EQ(officer.body["members"].size(), 2u);
  const auto& head = officer.body["members"][0];
  EXPECT_EQ(head["name"], "向德明");
  EXPECT_EQ(head["relation"], "head");
  EXPECT_EQ(head["resident_id"], ids_[0].substr(0, 6) + "********" + ids_[0].substr(14));
  EXPECT_EQ(head["phone"], "138****5678");
  EXPECT_EQ(head["age"], 56);
  EXPECT_EQ(head["income_12m_fen"], 1200000);
  const auto& spouse = officer.body["members"][1];
  EXPECT_EQ(spouse["disability_grade"], 2) << spouse.dump();
  EXPECT_TRUE(officer.body["case_details"].get<bool>());
  ASSERT_FALSE(officer.body["warnings"].empty()) << officer.raw;
  const auto& warning = officer.body["warnings"][0];
  EXPECT_EQ(warning["status"], "open");
  EXPECT_EQ(warning["rules"][0], "R01");
  EXPECT_TRUE(warning["fired_rules"][0].contains("reason"));
  EXPECT_FALSE(officer.body["leads"].empty());

  for (const char* user : {"village_a1", "hotline", "auditor"}) {
    auto limited = get(login(user), path);
    ASSERT_EQ(limited.status, 200) << user;
    EXPECT_FALSE(limited.body["case_details"].get<bool>());
    for (const auto& member : limited.body["members"]) {
      for (const char* field : {"health", "disability_grade", "disability_category",
                                "income_12m_fen", "self_care", "employment"})
        EXPECT_FALSE(member.contains(field)) << user << " sees " << field;
    }
    EXPECT_FALSE(limited.body["warnings"][0]["fired_rules"][0].contains("reason")) << user;
  }
}

TEST_F(ApiHouseholdTest, MalformedOrUnknownHouseholdNumbers) {
  start_server();
  Session admin = login("admin");
  EXPECT_EQ(get(admin, "/api/v1/households/500241999999999").status, 404);
  for (const std::string& bad :
       {std::string("' OR 1=1 --"), std::string("\"; DROP TABLE households; --"),
        std::string("户号"), std::string(41, '1'), std::string("1 2")}) {
    auto response = get(admin, "/api/v1/households/" + url_encode(bad));
    EXPECT_EQ(response.status, 400) << bad << response.raw;
    auto timeline = get(admin, "/api/v1/households/" + url_encode(bad) + "/timeline");
    EXPECT_EQ(timeline.status, 400) << bad;
  }
  for (const char* traversal :
       {"/api/v1/households/..%2F..%2Fetc%2Fpasswd", "/api/v1/households/../../etc/passwd",
        "/api/v1/households/%2e%2e"}) {
    auto response = get(admin, traversal);
    EXPECT_TRUE(response.status == 400 || response.status == 404)
        << traversal << " " << response.status;
  }
  EXPECT_EQ(count("SELECT count(*) FROM households"), 3);
}

TEST_F(ApiHouseholdTest, InjectionInSearchFindsNothingAndChangesNothing) {
  start_server();
  Session admin = login("admin");
  for (const std::string& q :
       {std::string("' OR 1=1 --"), std::string("\"; DROP TABLE households; --"), std::string("%"),
        std::string("_"), std::string("500241%' --")}) {
    auto response = get(admin, "/api/v1/households?q=" + url_encode(q));
    EXPECT_EQ(response.status, 200) << q << response.raw;
    EXPECT_EQ(response.body["total"], 0) << q;
    auto township = get(admin, "/api/v1/households?township=" + url_encode(q));
    EXPECT_EQ(township.status, 400) << q;
  }
  EXPECT_EQ(count("SELECT count(*) FROM households"), 3);
  EXPECT_EQ(count("SELECT count(*) FROM persons"), 5);
}

TEST_F(ApiHouseholdTest, TimelineNewestFirstWithPrivacyByRole) {
  start_server();
  const std::string path = std::string("/api/v1/households/") + kHouseholdA1 + "/timeline";
  auto officer = get(login("township_a"), path);
  ASSERT_EQ(officer.status, 200) << officer.raw;
  std::set<std::string> kinds;
  std::string previous = "9999-12-31";
  for (const auto& entry : officer.body["items"]) {
    kinds.insert(entry["kind"]);
    EXPECT_LE(entry["date"].get<std::string>(), previous);
    previous = entry["date"];
    EXPECT_FALSE(entry["title"].get<std::string>().empty());
  }
  for (const char* kind : {"population", "income", "disability", "warning", "lead"})
    EXPECT_TRUE(kinds.contains(kind)) << kind << " missing: " << officer.raw;
  EXPECT_EQ(officer.body["total"], officer.body["items"].size());

  auto coordinator = get(login("village_a1"), path);
  ASSERT_EQ(coordinator.status, 200);
  for (const auto& entry : coordinator.body["items"]) {
    for (const char* hidden : {"income", "disability", "medical", "assets", "payment"})
      EXPECT_NE(entry["kind"], hidden);
  }
  expect_no_secrets(officer.raw, "timeline");

  auto only_income = get(login("admin"), path + "?kind=income");
  ASSERT_EQ(only_income.status, 200);
  ASSERT_EQ(only_income.body["items"].size(), 1u);
  EXPECT_EQ(only_income.body["items"][0]["kind"], "income");
  EXPECT_EQ(get(login("admin"), path + "?kind=gossip").status, 400);
  EXPECT_EQ(get(login("admin"), path + "?page_size=501").status, 400);
  auto paged = get(login("admin"), path + "?page_size=1&page=2");
  EXPECT_EQ(paged.body["items"].size(), 1u);

  EXPECT_EQ(get(login("township_b"), path).status, 404);
  EXPECT_EQ(get(login("village_b1"), path).status, 404);
  EXPECT_EQ(get(login("medical_liaison"), path).status, 403);
  EXPECT_EQ(audit_count("household.timeline"), 4);  // 400s and 404s show nothing
}

TEST_F(ApiHouseholdTest, HouseholdWarningsLeadsAndApplications) {
  start_server();
  const std::string base = std::string("/api/v1/households/") + kHouseholdB1;
  Session township_b = login("township_b");
  auto warnings = get(township_b, base + "/warnings");
  ASSERT_EQ(warnings.status, 200) << warnings.raw;
  ASSERT_FALSE(warnings.body["items"].empty());
  EXPECT_EQ(warnings.body["items"][0]["household_no"], kHouseholdB1);
  auto leads = get(township_b, base + "/leads");
  ASSERT_EQ(leads.status, 200);
  ASSERT_EQ(leads.body["items"].size(), 1u);
  EXPECT_EQ(leads.body["items"][0]["status"], "new");
  auto applications = get(township_b, base + "/applications");
  ASSERT_EQ(applications.status, 200);
  EXPECT_TRUE(applications.body["items"].empty());
  for (const char* sub : {"/warnings", "/leads", "/applications"}) {
    EXPECT_EQ(get(login("township_a"), base + sub).status, 404) << sub;
    EXPECT_EQ(get(login("village_a1"), base + sub).status, 404) << sub;
    EXPECT_EQ(get(login("medical_liaison"), base + sub).status, 403) << sub;
    EXPECT_EQ(get(login("hotline"), base + sub).status, 200) << sub;
  }
}

TEST_F(ApiHouseholdTest, EveryViewIsAudited) {
  start_server();
  Session admin = login("admin");
  get(admin, "/api/v1/households?q=" + url_encode("向"));
  get(admin, std::string("/api/v1/households/") + kHouseholdA1);
  EXPECT_EQ(audit_count("household.search"), 1);
  EXPECT_EQ(audit_count("household.view"), 1);
  EXPECT_EQ(query_int(db(),
                      "SELECT count(*) FROM audit_log WHERE action = 'household.view' AND "
                      "object_id = ? AND actor = 'admin'",
                      [](Statement& s) { s.bind_text(1, kHouseholdA1); })
                .value(),
            1);
}

TEST_F(ApiHouseholdTest, RevealGivesTheFullValueToCaseRolesWithAReasonAndAuditsIt) {
  start_server();
  const std::string path = "/api/v1/persons/" + std::to_string(person_id(0)) + "/reveal";
  Session township_a = login("township_a");
  auto revealed = post(township_a, path, {{"field", "resident_id"}, {"reason", "入户核实身份"}});
  ASSERT_EQ(revealed.status, 200) << revealed.raw;
  EXPECT_EQ(revealed.body["value"], ids_[0]);
  auto phone = post(township_a, path, {{"field", "phone"}, {"reason", "电话回访"}});
  ASSERT_EQ(phone.status, 200);
  EXPECT_EQ(phone.body["value"], phones_[0]);
  // Written synchronously: no flush needed.
  EXPECT_EQ(query_int(db(),
                      "SELECT count(*) FROM audit_log WHERE action = 'id.reveal' AND actor = "
                      "'township_a' AND reason = '入户核实身份' AND object_type = 'person' AND "
                      "object_id = ?",
                      [&](Statement& s) { s.bind_text(1, std::to_string(person_id(0))); })
                .value(),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'phone.reveal'"), 1);

  for (const nlohmann::json& bad : {nlohmann::json{{"field", "resident_id"}},
                                    nlohmann::json{{"field", "resident_id"}, {"reason", "查"}},
                                    nlohmann::json{{"field", "resident_id"}, {"reason", "  "}},
                                    nlohmann::json{{"field", "resident_id"}, {"reason", 42}},
                                    nlohmann::json{{"field", "name"}, {"reason", "核实身份"}},
                                    nlohmann::json{{"reason", "核实身份"}}}) {
    auto response = post(township_a, path, bad);
    EXPECT_EQ(response.status, 400) << bad.dump() << response.raw;
    expect_no_secrets(response.raw, bad.dump());
  }
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action LIKE '%.reveal'"), 2);
}

TEST_F(ApiHouseholdTest, RevealRolesAndAreas) {
  start_server();
  const std::string path = "/api/v1/persons/" + std::to_string(person_id(0)) + "/reveal";
  const nlohmann::json body = {{"field", "resident_id"}, {"reason", "核实身份"}};
  const std::map<std::string, int> expected = {
      {"admin", 200},      {"officer", 200},    {"township_a", 200},
      {"township_b", 404}, {"village_a1", 403}, {"village_b1", 403},
      {"hotline", 403},    {"auditor", 403},    {"medical_liaison", 403}};
  for (const auto& [user, status] : expected) {
    auto response = post(login(user), path, body);
    EXPECT_EQ(response.status, status) << user << response.raw;
    if (status != 200) {
      expect_no_secrets(response.raw, user);
    }
  }
  Session admin = login("admin");
  EXPECT_EQ(post(admin, "/api/v1/persons/999999/reveal", body).status, 404);
  EXPECT_EQ(post(admin, "/api/v1/persons/abc/reveal", body).status, 400);
  EXPECT_EQ(post(admin, "/api/v1/persons/" + url_encode("1 OR 1=1") + "/reveal", body).status, 400);
  EXPECT_EQ(post(admin, "/api/v1/persons/99999999999999999999/reveal", body).status, 400);
  // Without the CSRF header a session cannot reveal.
  auto no_csrf = client().Post(path, {{"Cookie", admin.cookie}}, body.dump(), "application/json");
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(no_csrf->status, 403);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'id.reveal'"), 3);
}

}  // namespace
}  // namespace faxian::api
