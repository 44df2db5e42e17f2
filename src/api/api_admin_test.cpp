// The administration routes over real HTTP: every route × every role; accounts created and reset
// with an initial password that must be changed at first login; disabling ends sessions; API
// tokens issued (secret once), used and revoked; the audit log searched, verified, and a
// tampered row found; the reference data of the settings pages.

#include <gtest/gtest.h>

#include "api/api_test_support.hpp"
#include "api/api_token_store.hpp"
#include "domain/feed_kind.hpp"
#include "store/calendar_repository.hpp"
#include "store/query.hpp"

namespace faxian::api {
namespace {

using testing_support::ApiTest;
using testing_support::kPassword;
using testing_support::Response;
using testing_support::Session;

class ApiAdminTest : public ApiTest {
 protected:
  Response put(const Session& session, const std::string& path, const nlohmann::json& body) {
    return wrap(client().Put(path, headers_of(session, true), body.dump(), "application/json"));
  }

  static nlohmann::json new_token_body() {
    return {{"name", "医保局数据交换"},
            {"department", "medical"},
            {"feeds", {std::string(feed_name(FeedKind::kMedical))}},
            {"expires_on", "2026-12-31"}};
  }
};

TEST_F(ApiAdminTest, OnlyCountyAdminAdministersAndAuditorsReadTheAudit) {
  store_shipped_calendar();
  start_server();
  struct Probe {
    std::string method;
    std::string path;
    bool auditor_may = false;
  };
  const std::vector<Probe> probes = {
      {"GET", "/api/v1/users"},
      {"POST", "/api/v1/users"},
      {"POST", "/api/v1/users/hotline/disable"},
      {"POST", "/api/v1/users/hotline/enable"},
      {"POST", "/api/v1/users/hotline/reset-password"},
      {"GET", "/api/v1/tokens"},
      {"POST", "/api/v1/tokens"},
      {"DELETE", "/api/v1/tokens/1"},
      {"PUT", "/api/v1/calendar/2026"},
      {"GET", "/api/v1/audit", true},
      {"POST", "/api/v1/audit/verify", true},
  };
  auto call = [&](const Session& session, const Probe& probe) {
    if (probe.method == "GET")
      return get(session, probe.path);
    if (probe.method == "DELETE")
      return del(session, probe.path);
    if (probe.method == "PUT")
      return put(session, probe.path, nlohmann::json::object());
    return post(session, probe.path, nlohmann::json::object());
  };
  for (const std::string username :
       {"officer", "township_a", "village_a1", "hotline", "medical_liaison", "auditor"}) {
    Session session = login(username);
    for (const Probe& probe : probes) {
      const int status = call(session, probe).status;
      const int expected = username == "auditor" && probe.auditor_may ? 200 : 403;
      EXPECT_EQ(status, expected) << username << " " << probe.method << " " << probe.path;
    }
  }
  for (const Probe& probe : probes) {
    if (probe.method == "GET") {
      EXPECT_EQ(get_anonymous(probe.path).status, 401) << probe.path;
    }
  }
  Session admin = login("admin");
  EXPECT_EQ(get(admin, "/api/v1/users").status, 200);
  EXPECT_EQ(get(admin, "/api/v1/tokens").status, 200);
  EXPECT_EQ(get(admin, "/api/v1/audit").status, 200);
  EXPECT_EQ(post(admin, "/api/v1/audit/verify", nlohmann::json::object()).status, 200);
  // Reference data: every signed-in role reads it.
  Session village = login("village_b1");
  for (const std::string path : {"/api/v1/standards", "/api/v1/calendar/2026", "/api/v1/rules",
                                 "/api/v1/settings/deadlines"}) {
    EXPECT_EQ(get(village, path).status, 200) << path;
    EXPECT_EQ(get_anonymous(path).status, 401) << path;
  }
}

TEST_F(ApiAdminTest, ANewAccountMustChangeItsInitialPasswordAtFirstLogin) {
  start_server();
  Session admin = login("admin");
  auto created = post(admin, "/api/v1/users",
                      {{"username", "xiang.officer"},
                       {"role", "township_officer"},
                       {"region", testing_support::kTownshipA},
                       {"display_name", "向干事"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  const std::string password = created.body["initial_password"];
  EXPECT_GE(password.size(), 10u);
  EXPECT_EQ(created.body["must_change_password"], true);
  EXPECT_EQ(created.body["region"], testing_support::kTownshipA);
  EXPECT_EQ(audit_count("user.create"), 1);

  Session newcomer = login("xiang.officer", password);
  EXPECT_EQ(newcomer.login["must_change_password"], true);
  EXPECT_EQ(get(newcomer, "/api/v1/standards").status, 403);  // password first

  auto listed = get(admin, "/api/v1/users?page_size=500");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body["total"], 10);
  EXPECT_EQ(listed.raw.find("password_hash"), std::string::npos);
  EXPECT_EQ(listed.raw.find("$argon2"), std::string::npos);
  EXPECT_EQ(listed.raw.find(password), std::string::npos);

  EXPECT_EQ(
      post(admin, "/api/v1/users", {{"username", "xiang.officer"}, {"role", "auditor"}}).status,
      409);
}

TEST_F(ApiAdminTest, AnAccountsAreaMustFitItsRole) {
  start_server();
  Session admin = login("admin");
  const std::vector<nlohmann::json> refused = {
      {{"username", "t1"}, {"role", "township_officer"}},
      {{"username", "t2"}, {"role", "township_officer"}, {"region", testing_support::kVillageA1}},
      {{"username", "v1"},
       {"role", "village_coordinator"},
       {"region", testing_support::kTownshipA}},
      {{"username", "d1"}, {"role", "department_liaison"}},
      {{"username", "c1"}, {"role", "county_officer"}, {"region", testing_support::kTownshipA}},
      {{"username", "c2"}, {"role", "county_officer"}, {"department", "medical"}},
      {{"username", "x1"}, {"role", "emperor"}},
      {{"username", "Bad Name"}, {"role", "auditor"}},
      {{"username", "x'; DROP TABLE users;--"}, {"role", "auditor"}},
      {{"username", 12}, {"role", "auditor"}},
      {{"role", "auditor"}},
  };
  for (const nlohmann::json& body : refused) {
    auto response = post(admin, "/api/v1/users", body);
    EXPECT_EQ(response.status, 400) << body.dump() << ": " << response.raw;
  }
  EXPECT_EQ(post(admin, "/api/v1/users",
                 {{"username", "cun.wu"},
                  {"role", "village_coordinator"},
                  {"region", testing_support::kVillageB1}})
                .status,
            201);
  EXPECT_EQ(post(admin, "/api/v1/users",
                 {{"username", "yibao"}, {"role", "department_liaison"}, {"department", "medical"}})
                .status,
            201);
  EXPECT_EQ(post(admin, "/api/v1/users", {{"username", "shenji2"}, {"role", "auditor"}}).status,
            201);
}

TEST_F(ApiAdminTest, DisablingEndsTheSessionsAndResettingForcesAChange) {
  start_server();
  Session admin = login("admin");
  Session victim = login("township_b");
  ASSERT_EQ(get(victim, "/api/v1/me").status, 200);
  auto disabled = post(admin, "/api/v1/users/township_b/disable", nlohmann::json::object());
  ASSERT_EQ(disabled.status, 200) << disabled.raw;
  EXPECT_EQ(disabled.body["disabled"], true);
  EXPECT_EQ(get(victim, "/api/v1/me").status, 401);
  auto refused =
      post_anonymous("/api/v1/session", {{"username", "township_b"}, {"password", kPassword}});
  EXPECT_NE(refused.status, 200);
  EXPECT_EQ(post(admin, "/api/v1/users/township_b/enable", nlohmann::json::object()).status, 200);
  login("township_b");
  EXPECT_EQ(post(admin, "/api/v1/users/admin/disable", nlohmann::json::object()).status, 422);
  EXPECT_EQ(post(admin, "/api/v1/users/nobody/disable", nlohmann::json::object()).status, 404);
  EXPECT_EQ(audit_count("user.disable"), 1);

  Session hotline = login("hotline");
  auto reset = post(admin, "/api/v1/users/hotline/reset-password", nlohmann::json::object());
  ASSERT_EQ(reset.status, 200) << reset.raw;
  const std::string password = reset.body["initial_password"];
  EXPECT_EQ(get(hotline, "/api/v1/me").status, 401);  // sessions ended
  EXPECT_EQ(
      post_anonymous("/api/v1/session", {{"username", "hotline"}, {"password", kPassword}}).status,
      401);
  Session fresh = login("hotline", password);
  EXPECT_EQ(fresh.login["must_change_password"], true);
  EXPECT_EQ(audit_count("user.reset_password"), 1);
}

TEST_F(ApiAdminTest, ATokenIsShownOnceWorksUntilRevokedAndIsAudited) {
  start_server();
  Session admin = login("admin");
  auto issued = post(admin, "/api/v1/tokens", new_token_body());
  ASSERT_EQ(issued.status, 201) << issued.raw;
  const std::string secret = issued.body["secret"];
  const int64_t token_id = issued.body["token_id"];
  EXPECT_EQ(secret.rfind("fx_", 0), 0u);
  EXPECT_TRUE(ApiTokenStore(db(), server_clock_).authenticate(secret).has_value());
  // Over HTTP: a live token authenticates (this admin route then refuses tokens: 403); a
  // revoked one does not (401).
  httplib::Headers bearer{{"Authorization", "Bearer " + secret}};
  EXPECT_EQ(wrap(client().Get("/api/v1/users", bearer)).status, 403);

  auto listed = get(admin, "/api/v1/tokens");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.body["items"].size(), 1u);
  EXPECT_EQ(listed.body["items"][0]["active"], true);
  EXPECT_EQ(listed.raw.find(secret.substr(3)), std::string::npos);

  EXPECT_EQ(del(admin, "/api/v1/tokens/" + std::to_string(token_id)).status, 204);
  EXPECT_FALSE(ApiTokenStore(db(), server_clock_).authenticate(secret).has_value());
  EXPECT_EQ(wrap(client().Get("/api/v1/users", bearer)).status, 401);
  EXPECT_EQ(get(admin, "/api/v1/tokens").body["items"][0]["active"], false);
  EXPECT_EQ(del(admin, "/api/v1/tokens/999").status, 404);
  EXPECT_EQ(del(admin, "/api/v1/tokens/abc").status, 404);
  EXPECT_EQ(audit_count("token.issue"), 1);
  EXPECT_EQ(audit_count("token.revoke"), 1);
}

TEST_F(ApiAdminTest, ATokenNeedsAValidExpiryWithinAYearAndKnownFeeds) {
  start_server();
  Session admin = login("admin");  // today is 2026-06-15
  for (const std::string expires : {"2026-06-15", "2025-01-01", "2027-06-16", "2026-13-01", ""}) {
    nlohmann::json body = new_token_body();
    body["expires_on"] = expires;
    EXPECT_EQ(post(admin, "/api/v1/tokens", body).status, 400) << expires;
  }
  nlohmann::json body = new_token_body();
  body["expires_on"] = "2027-06-15";
  EXPECT_EQ(post(admin, "/api/v1/tokens", body).status, 201);
  body["feeds"] = {"no_such_feed"};
  EXPECT_EQ(post(admin, "/api/v1/tokens", body).status, 400);
  body["feeds"] = "medical";
  EXPECT_EQ(post(admin, "/api/v1/tokens", body).status, 400);
  body["feeds"] = {1, 2};
  EXPECT_EQ(post(admin, "/api/v1/tokens", body).status, 400);
}

TEST_F(ApiAdminTest, TheAuditLogIsSearchedNewestFirstAndATamperedRowIsFound) {
  start_server();
  Session admin = login("admin");
  ASSERT_EQ(post(admin, "/api/v1/users", {{"username", "shenji2"}, {"role", "auditor"}}).status,
            201);
  ASSERT_EQ(post(admin, "/api/v1/users/shenji2/reset-password", nlohmann::json::object()).status,
            200);
  Session auditor = login("auditor");
  auto all = get(auditor, "/api/v1/audit?page_size=500");
  ASSERT_EQ(all.status, 200) << all.raw;
  ASSERT_GE(all.body["items"].size(), 3u);
  EXPECT_GT(all.body["items"][0]["id"].get<int64_t>(), all.body["items"][1]["id"].get<int64_t>());
  auto changes = get(auditor, "/api/v1/audit?object_type=user&object_id=shenji2");
  ASSERT_EQ(changes.status, 200);
  ASSERT_EQ(changes.body["total"], 2);
  EXPECT_EQ(changes.body["items"][0]["action"], "user.reset_password");
  EXPECT_EQ(changes.body["items"][1]["action"], "user.create");
  EXPECT_EQ(changes.body["items"][1]["actor"], "admin");
  EXPECT_EQ(changes.body["items"][1]["detail"]["role"], "auditor");
  EXPECT_EQ(
      get(auditor, "/api/v1/audit?from=2026-06-15&to=2026-06-15&action=user.create").body["total"],
      1);
  EXPECT_EQ(get(auditor, "/api/v1/audit?from=2026-06-16&action=user.create").body["total"], 0);
  EXPECT_EQ(get(auditor, "/api/v1/audit?from=yesterday").status, 400);
  EXPECT_EQ(get(auditor, "/api/v1/audit?actor=x%27%20OR%20%271%27%3D%271").body["total"], 0);

  auto intact = post(auditor, "/api/v1/audit/verify", nlohmann::json::object());
  ASSERT_EQ(intact.status, 200) << intact.raw;
  EXPECT_EQ(intact.body["intact"], true);
  EXPECT_TRUE(intact.body["first_bad_id"].is_null());
  EXPECT_GT(intact.body["entries"].get<int64_t>(), 2);

  const int64_t victim = changes.body["items"][1]["id"];
  ASSERT_TRUE(run_bound(db(), "UPDATE audit_log SET actor = 'someone_else' WHERE id = ?",
                        [&](Statement& s) { s.bind_int64(1, victim); })
                  .has_value());
  auto broken = post(auditor, "/api/v1/audit/verify", nlohmann::json::object());
  ASSERT_EQ(broken.status, 200);
  EXPECT_EQ(broken.body["intact"], false);
  EXPECT_EQ(broken.body["first_bad_id"], victim);
  EXPECT_FALSE(broken.body["problem"].get<std::string>().empty());
}

TEST_F(ApiAdminTest, ReferenceDataForTheSettingsPages) {
  store_shipped_calendar();
  start_server();
  Session officer = login("officer");
  auto standards = get(officer, "/api/v1/standards");
  ASSERT_EQ(standards.status, 200) << standards.raw;
  EXPECT_EQ(standards.body["in_force"]["dibao_rural"], 630);
  EXPECT_EQ(standards.body["deposit_months"], 24);
  auto calendar = get(officer, "/api/v1/calendar/2026");
  ASSERT_EQ(calendar.status, 200) << calendar.raw;
  EXPECT_EQ(calendar.body["year"], 2026);
  EXPECT_FALSE(calendar.body["holidays"].empty());
  EXPECT_EQ(get(officer, "/api/v1/calendar/1999").status, 400);
  EXPECT_EQ(get(officer, "/api/v1/calendar/20x6").status, 400);
  EXPECT_EQ(get(officer, "/api/v1/calendar/2099").status, 404);
  auto rules = get(officer, "/api/v1/rules");
  ASSERT_EQ(rules.status, 200) << rules.raw;
  EXPECT_EQ(rules.body["rules"].size(), 16u);
  EXPECT_EQ(rules.body["rules"][0]["id"], "R01");
  EXPECT_FALSE(rules.body["versions"].empty());
  auto deadlines = get(officer, "/api/v1/settings/deadlines");
  ASSERT_EQ(deadlines.status, 200);
  EXPECT_EQ(deadlines.body["items"].size(), 17u);  // every key of DeadlinePolicy
  EXPECT_EQ(deadlines.body["items"][0]["key"], "deadline.first_contact.yellow");
  EXPECT_EQ(deadlines.body["items"][0]["value"], 7);

  // county_admin edits a year: the same JSON back is accepted; a different year or a bad date
  // is refused.
  Session admin = login("admin");
  nlohmann::json year = calendar.body;
  year["workdays"] = nlohmann::json::array();
  auto stored = put(admin, "/api/v1/calendar/2026", year);
  ASSERT_EQ(stored.status, 200) << stored.raw;
  EXPECT_TRUE(stored.body["workdays"].empty());
  EXPECT_EQ(audit_count("calendar.put"), 1);
  EXPECT_EQ(put(admin, "/api/v1/calendar/2027", year).status, 400);
  year["holidays"] = {"2026-02-30"};
  EXPECT_EQ(put(admin, "/api/v1/calendar/2026", year).status, 400);
}

}  // namespace
}  // namespace faxian::api
