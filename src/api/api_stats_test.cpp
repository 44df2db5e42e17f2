// Statistics over real HTTP: the supervision board per role and area (county, township,
// village; ?township= outside one's area refused), date validation, and the home-page figures
// of each scope (a lead of township A counts for A and its village, not for B).

#include <gtest/gtest.h>

#include "api/api_test_support.hpp"
#include "api/feed_test_support.hpp"

namespace faxian::api {
namespace {

using testing_support::ApiTest;
using testing_support::kTownshipA;
using testing_support::kTownshipB;
using testing_support::kVillageA1;
using testing_support::Response;
using testing_support::Session;

class ApiStatsTest : public ApiTest {
 protected:
  // A poor household in village A1 with its need warning and lead (as of 2026-06-15).
  void seed_lead_in_township_a() {
    store_shipped_calendar();
    seed_poor_household();
    testing_support::screen_and_open_leads(db(), clock_, day("2026-06-15"));
  }
};

TEST_F(ApiStatsTest, SupervisionCoversTheCallersArea) {
  seed_lead_in_township_a();
  start_server();
  Response county = get(login("admin"), "/api/v1/stats/supervision?from=2026-01-01&to=2026-06-30");
  ASSERT_EQ(county.status, 200) << county.raw;
  EXPECT_EQ(county.body["region"], "500241");
  EXPECT_EQ(county.body["from"], "2026-01-01");
  EXPECT_EQ(county.body["to"], "2026-06-30");
  EXPECT_EQ(county.body["volume"]["leads"], 1);
  EXPECT_EQ(county.body["trend"].size(), 6u);
  Session township_a = login("township_a");
  Response own = get(township_a, "/api/v1/stats/supervision");
  ASSERT_EQ(own.status, 200) << own.raw;
  EXPECT_EQ(own.body["region"], kTownshipA);
  EXPECT_EQ(own.body["from"], "2026-06-01");  // the current month by default
  EXPECT_EQ(own.body["volume"]["leads"], 1);
  Response township_b = get(login("township_b"), "/api/v1/stats/supervision");
  ASSERT_EQ(township_b.status, 200);
  EXPECT_EQ(township_b.body["region"], kTownshipB);
  EXPECT_EQ(township_b.body["volume"]["leads"], 0);
  EXPECT_EQ(get(township_a, std::string("/api/v1/stats/supervision?township=") + kTownshipB).status,
            403);
  EXPECT_EQ(get(township_a, std::string("/api/v1/stats/supervision?township=") + kVillageA1)
                .body["region"],
            kVillageA1);
  Response village = get(login("village_a1"), "/api/v1/stats/supervision");
  ASSERT_EQ(village.status, 200);
  EXPECT_EQ(village.body["region"], kVillageA1);
  Response auditor =
      get(login("auditor"), std::string("/api/v1/stats/supervision?township=") + kTownshipB);
  ASSERT_EQ(auditor.status, 200);
  EXPECT_EQ(auditor.body["region"], kTownshipB);
  EXPECT_EQ(get(login("hotline"), "/api/v1/stats/supervision").status, 403);
  EXPECT_EQ(get(login("medical_liaison"), "/api/v1/stats/supervision").status, 403);
  EXPECT_EQ(get_anonymous("/api/v1/stats/supervision").status, 401);
}

TEST_F(ApiStatsTest, SupervisionRefusesBadParameters) {
  start_server();
  Session admin = login("admin");
  for (const char* query :
       {"?from=2026-13-01", "?to=yesterday", "?from=2026-06-30&to=2026-06-01",
        "?from=1900-01-01&to=2026-01-01", "?township=abc", "?township=5002410029",
        "?township=%27%20OR%201%3D1", "?township=999999999"}) {
    Response response = get(admin, std::string("/api/v1/stats/supervision") + query);
    EXPECT_EQ(response.status, 400) << query << ": " << response.raw;
    EXPECT_TRUE(response.body["error"]["message"].is_string()) << query;
  }
}

TEST_F(ApiStatsTest, DashboardCountsTheCallersScope) {
  seed_lead_in_township_a();
  start_server();
  Response county = get(login("admin"), "/api/v1/stats/dashboard");
  ASSERT_EQ(county.status, 200) << county.raw;
  EXPECT_EQ(county.body["scope"]["kind"], "area");
  EXPECT_EQ(county.body["as_of"], "2026-06-15");
  EXPECT_EQ(county.body["warnings"]["open"], 1);
  EXPECT_EQ(county.body["leads"]["open"], 1);
  EXPECT_EQ(county.body["leads"]["by_status"]["new"], 1);
  EXPECT_EQ(county.body["leads"]["created_today"], 1);
  EXPECT_EQ(county.body["leads"]["overdue"], 0);
  Response township_a = get(login("township_a"), "/api/v1/stats/dashboard");
  EXPECT_EQ(township_a.body["leads"]["open"], 1);
  EXPECT_EQ(township_a.body["warnings"]["open"], 1);
  Response village_a1 = get(login("village_a1"), "/api/v1/stats/dashboard");
  EXPECT_EQ(village_a1.body["leads"]["open"], 1);
  Response township_b = get(login("township_b"), "/api/v1/stats/dashboard");
  EXPECT_EQ(township_b.body["leads"]["open"], 0);
  EXPECT_EQ(township_b.body["warnings"]["open"], 0);
  Response village_b1 = get(login("village_b1"), "/api/v1/stats/dashboard");
  EXPECT_EQ(village_b1.body["leads"]["open"], 0);
  // A month later the lead's deadlines have passed.
  server_clock_.advance_seconds(30 * 86400);
  Response later = get(login("township_a"), "/api/v1/stats/dashboard");
  EXPECT_EQ(later.body["leads"]["overdue"], 1) << later.raw;
  // A liaison sees its department's batches, not households.
  Response liaison = get(login("medical_liaison"), "/api/v1/stats/dashboard");
  ASSERT_EQ(liaison.status, 200) << liaison.raw;
  EXPECT_EQ(liaison.body["scope"]["kind"], "department");
  EXPECT_FALSE(liaison.body.contains("leads"));
  EXPECT_EQ(liaison.body["scope"]["feeds"], nlohmann::json::array({"medical"}));
}

// The figures are cached between commits: a change committed by another connection (here the
// test's own, as a `faxian` command beside the server would) shows at the next request, and
// repeated requests in between answer the same figures.
TEST_F(ApiStatsTest, DashboardShowsEveryCommittedChange) {
  seed_lead_in_township_a();
  start_server();
  const Session admin = login("admin");
  Response first = get(admin, "/api/v1/stats/dashboard");
  ASSERT_EQ(first.status, 200) << first.raw;
  EXPECT_EQ(first.body["leads"]["open"], 1);
  Response again = get(admin, "/api/v1/stats/dashboard");
  EXPECT_EQ(again.body, first.body);
  ASSERT_TRUE(db().execute("UPDATE leads SET status = 'closed'").has_value());
  Response after_close = get(admin, "/api/v1/stats/dashboard");
  EXPECT_EQ(after_close.body["leads"]["open"], 0) << after_close.raw;
  EXPECT_EQ(after_close.body["warnings"]["open"], 1);
  ASSERT_TRUE(db().execute("UPDATE warnings SET status = 'cleared'").has_value());
  Response after_clear = get(admin, "/api/v1/stats/dashboard");
  EXPECT_EQ(after_clear.body["warnings"]["open"], 0) << after_clear.raw;
}

}  // namespace
}  // namespace faxian::api
