// Changing the screening rules over HTTP: a dry run compares a candidate rule set with the one
// in force by level and township and stores nothing; applying stores a new version (audited),
// and the same text again stores nothing; bad TOML is a 400 with a Chinese message; only the
// county may try rules and only county_admin may apply them.

#include <gtest/gtest.h>

#include "api/api_test_support.hpp"
#include "api/feed_test_support.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;
using testing_support::ApiTest;
using testing_support::kTownshipA;
using testing_support::Session;

class ApiRulesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure())
      return;
    store_shipped_calendar();
    seed_poor_household();
    testing_support::screen_and_open_leads(db(), clock_, day("2026-06-15"));
  }

  static std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
    return text;
  }
  static int64_t need_total(const json& counts) {
    return counts["red"].get<int64_t>() + counts["orange"].get<int64_t>() +
           counts["yellow"].get<int64_t>();
  }
  std::string rules_in_force(const Session& session) {
    return get(session, "/api/v1/rules").body["in_force"]["toml"].get<std::string>();
  }
};

TEST_F(ApiRulesTest, ADryRunComparesByLevelAndTownshipAndStoresNothing) {
  start_server();
  Session admin = login("admin");
  const std::string in_force = rules_in_force(admin);
  auto same = post(admin, "/api/v1/rules/dry-run", {{"toml", in_force}});
  ASSERT_EQ(same.status, 200) << same.raw;
  EXPECT_EQ(same.body["as_of"], "2026-06-15");  // the last screening's date
  EXPECT_TRUE(same.body["diff"].empty());
  EXPECT_EQ(same.body["candidate"], same.body["in_force"]);
  EXPECT_GE(need_total(same.body["in_force"]), 1);

  // Every rule switched off: nothing would be flagged, in the county and in township A.
  auto off = post(admin, "/api/v1/rules/dry-run",
                  {{"toml", replace_all(in_force, "enabled = true", "enabled = false")},
                   {"as_of", "2026-06-15"}});
  ASSERT_EQ(off.status, 200) << off.raw;
  EXPECT_NE(off.body["diff"].dump().find("R01.enabled: true → false"), std::string::npos);
  EXPECT_EQ(need_total(off.body["candidate"]), 0);
  EXPECT_EQ(need_total(off.body["in_force"]), need_total(same.body["in_force"]));
  bool township_a = false;
  for (const json& township : off.body["townships"]) {
    if (township["code"] != kTownshipA)
      continue;
    township_a = true;
    EXPECT_GE(need_total(township["in_force"]), 1);
    EXPECT_EQ(need_total(township["candidate"]), 0);
    EXPECT_FALSE(township["name"].get<std::string>().empty());
  }
  EXPECT_TRUE(township_a) << off.raw;
  // Nothing stored: still one version, and the officer may try rules too.
  EXPECT_EQ(get(admin, "/api/v1/rules").body["versions"].size(), 1u);
  EXPECT_EQ(post(login("officer"), "/api/v1/rules/dry-run", {{"toml", in_force}}).status, 200);

  auto bad = post(admin, "/api/v1/rules/dry-run", {{"toml", "[levels]\nred_score = \"x\""}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["code"], "invalid_argument");
  EXPECT_NE(bad.body["error"]["message"].get<std::string>().find("规则"), std::string::npos);
  EXPECT_EQ(post(admin, "/api/v1/rules/dry-run", json::object()).status, 400);
  EXPECT_EQ(post(login("village_a1"), "/api/v1/rules/dry-run", {{"toml", in_force}}).status, 403);
  EXPECT_EQ(post(login("township_a"), "/api/v1/rules/dry-run", {{"toml", in_force}}).status, 403);
}

TEST_F(ApiRulesTest, ApplyingStoresANewAuditedVersionOnlyWhenTheRulesChange) {
  start_server();
  Session admin = login("admin");
  const std::string in_force = rules_in_force(admin);
  const std::string raised = replace_all(in_force, "yellow_score = 20", "yellow_score = 30");
  ASSERT_NE(raised, in_force);
  EXPECT_EQ(post(admin, "/api/v1/rules", {{"toml", raised}}).status, 400);  // no note
  EXPECT_EQ(post(login("officer"), "/api/v1/rules", {{"toml", raised}, {"note", "试"}}).status,
            403);
  auto applied =
      post(admin, "/api/v1/rules", {{"toml", raised}, {"note", "黄色预警线调整为 30 分"}});
  ASSERT_EQ(applied.status, 201) << applied.raw;
  EXPECT_EQ(applied.body["version"], 2);
  EXPECT_EQ(applied.body["diff"], json::array({"levels.yellow_score: 20 → 30"}));
  EXPECT_EQ(audit_count("rules.apply"), 1);
  auto rules = get(admin, "/api/v1/rules");
  EXPECT_EQ(rules.body["in_force"]["version"], 2);
  EXPECT_EQ(rules.body["levels"]["yellow"], 30);
  EXPECT_EQ(rules.body["in_force"]["note"], "黄色预警线调整为 30 分");

  auto again = post(admin, "/api/v1/rules", {{"toml", raised}, {"note", "再次提交"}});
  ASSERT_EQ(again.status, 200) << again.raw;
  EXPECT_EQ(again.body["unchanged"], true);
  EXPECT_EQ(audit_count("rules.apply"), 1);
  EXPECT_EQ(post(admin, "/api/v1/rules", {{"toml", "not toml ["}, {"note", "坏"}}).status, 400);
  EXPECT_EQ(get(admin, "/api/v1/rules").body["versions"].size(), 2u);
}

}  // namespace
}  // namespace faxian::api
