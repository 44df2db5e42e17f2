// Actions on a lead over real HTTP: the full walk new → assigned → verifying → decided →
// closed carrying versions, a coordinator's field work on a lead assigned to it, stale versions
// (two officers racing: exactly one wins), illegal transitions, role and area refusals, CSRF,
// and SQL-injection strings in every text field stored verbatim with the tables intact.

#include <thread>

#include <gtest/gtest.h>

#include "api/lead_api_test_support.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;
using testing_support::kHouseholdA;
using testing_support::LeadApiTest;
using testing_support::Response;
using testing_support::Session;

constexpr const char* kInjection = "'); DROP TABLE leads; --";

json verification(int64_t version) {
  return {{"action", "record_verification"},
          {"version", version},
          {"visited_on", "2026-06-16"},
          {"method", "home_visit"},
          {"met", "户主本人"},
          {"conditions", {{"food", "正常"}, {"medical", "长期服药"}}},
          {"willingness", "yes"},
          {"ability", "needs_help"},
          {"policy_explained", true},
          {"policies", {"低保"}},
          {"difficulty_found", true},
          {"notes", "住房漏雨"}};
}

class ApiLeadActionsTest : public LeadApiTest {
 protected:
  void SetUp() override {
    LeadApiTest::SetUp();
    if (HasFatalFailure())
      return;
    lead_ = open_household_lead(kHouseholdA);
  }

  // Expects 200 and returns the new version.
  int64_t expect_ok(const Response& response, const std::string& status) {
    EXPECT_EQ(response.status, 200) << response.raw;
    EXPECT_EQ(response.body.value("status", ""), status) << response.raw;
    return response.body.value("version", int64_t{0});
  }

  std::string lead_;
};

TEST_F(ApiLeadActionsTest, FullWalkFromNewToClosedWithVersions) {
  start_server();
  Session officer = login("township_a");
  int64_t version = version_of(officer, lead_);
  ASSERT_EQ(version, 1);
  auto assigned =
      act(officer, lead_, {{"action", "assign"}, {"version", version}, {"assignee", "township_a"}});
  version = expect_ok(assigned, "assigned");
  EXPECT_EQ(version, 2);
  EXPECT_EQ(assigned.body["assignee"], "township_a");
  EXPECT_EQ(assigned.body["allowed_actions"],
            json::array({"assign", "start_verification", "merge"}));
  // The change is audited with where it came from (50-api-security.md "from where").
  EXPECT_EQ(query_int(db(),
                      "SELECT count(*) FROM audit_log WHERE action = 'lead.assign' AND "
                      "actor = 'township_a' AND source_address = '127.0.0.1'",
                      [](Statement&) {})
                .value(),
            1);
  version = expect_ok(
      act(officer, lead_,
          {{"action", "start_verification"}, {"version", version}, {"contact_on", "2026-06-15"}}),
      "verifying");
  version = expect_ok(act(officer, lead_, verification(version)), "verifying");
  auto decided = act(
      officer, lead_,
      {{"action", "decide"},
       {"version", version},
       {"outcomes",
        {{{"outcome", "referral"}, {"params", {{"department", "医保局"}, {"reason", "大病"}}}}}},
       {"reason", "需医疗救助"}});
  version = expect_ok(decided, "decided");
  ASSERT_EQ(decided.body["outcomes"].size(), 1u);
  EXPECT_EQ(decided.body["outcomes"][0]["state"], "pending");
  // The referral is still unanswered: closing is a rule violation.
  auto early = act(officer, lead_, {{"action", "close"}, {"version", version}});
  EXPECT_EQ(early.status, 422) << early.raw;
  // The department answers (the referral routes do this; here the workflow directly).
  auto lead = service().find(lead_).value().value();
  ASSERT_TRUE(service()
                  .complete_outcome(workflow::Actor::system(), lead.id, LeadOutcome::kReferral, "",
                                    clock_.today())
                  .value());
  version = version_of(officer, lead_);
  auto closed = act(officer, lead_,
                    {{"action", "close"},
                     {"version", version},
                     {"follow_up_on", "2026-09-15"},
                     {"note", "已转介"}});
  version = expect_ok(closed, "closed");
  EXPECT_EQ(closed.body["follow_up_on"], "2026-09-15");
  EXPECT_EQ(closed.body["allowed_actions"], json::array({"reopen"}));
  auto detail = get(officer, "/api/v1/leads/" + lead_);
  ASSERT_EQ(detail.body["verifications"].size(), 1u);
  EXPECT_EQ(detail.body["verifications"][0]["conditions"]["medical"], "长期服药");
  EXPECT_TRUE(get(login("auditor"), "/api/v1/leads/" + lead_)
                  .body["verifications"][0]["conditions"]["medical"]
                  .is_null());
  std::vector<std::string> actions;
  for (const json& event : detail.body["history"])
    actions.push_back(event["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"intake", "assign", "start_verification",
                                               "record_verification", "decide", "complete_outcome",
                                               "close"}));
  // Reopened with a reason, then decided no_need, which closes it at once.
  version = expect_ok(
      act(officer, lead_, {{"action", "reopen"}, {"version", version}, {"reason", "家属再次求助"}}),
      "verifying");
  expect_ok(
      act(officer, lead_,
          {{"action", "decide"}, {"version", version}, {"outcomes", {{{"outcome", "no_need"}}}}}),
      "closed");
}

TEST_F(ApiLeadActionsTest, CoordinatorVerifiesOnlyLeadsAssignedToIt) {
  start_server();
  Session coordinator = login("village_a1");
  EXPECT_EQ(
      act(coordinator, lead_, {{"action", "assign"}, {"version", 1}, {"assignee", "village_a1"}})
          .status,
      403);
  Session officer = login("township_a");
  int64_t version = expect_ok(
      act(officer, lead_, {{"action", "assign"}, {"version", 1}, {"assignee", "village_a1"}}),
      "assigned");
  EXPECT_EQ(get(coordinator, "/api/v1/leads/" + lead_).body["allowed_actions"],
            json::array({"start_verification"}));
  version =
      expect_ok(act(coordinator, lead_, {{"action", "start_verification"}, {"version", version}}),
                "verifying");
  version = expect_ok(act(coordinator, lead_, verification(version)), "verifying");
  EXPECT_EQ(
      act(coordinator, lead_,
          {{"action", "decide"}, {"version", version}, {"outcomes", {{{"outcome", "no_need"}}}}})
          .status,
      403);
  // Assigning to someone outside the lead's area is refused by the workflow.
  EXPECT_EQ(
      act(officer, lead_, {{"action", "assign"}, {"version", version}, {"assignee", "village_b1"}})
          .status,
      400);
}

TEST_F(ApiLeadActionsTest, RefusalsByRoleAreaVersionStateAndInput) {
  start_server();
  Session officer = login("township_a");
  const json assign = {{"action", "assign"}, {"version", 1}, {"assignee", "township_a"}};
  EXPECT_EQ(act(login("township_b"), lead_, assign).status, 404);
  EXPECT_EQ(act(login("village_b1"), lead_, assign).status, 404);
  for (const char* username : {"auditor", "hotline", "medical_liaison"})
    EXPECT_EQ(act(login(username), lead_, assign).status, 403) << username;
  auto illegal = act(officer, lead_, {{"action", "close"}, {"version", 1}});
  EXPECT_EQ(illegal.status, 422) << illegal.raw;
  EXPECT_EQ(illegal.body["error"]["code"], "illegal_transition");
  EXPECT_EQ(act(officer, lead_, {{"action", "assign"}, {"assignee", "township_a"}}).status, 400);
  EXPECT_EQ(
      act(officer, lead_, {{"action", "assign"}, {"version", "1"}, {"assignee", "township_a"}})
          .status,
      400);
  EXPECT_EQ(act(officer, lead_, {{"action", "fly"}, {"version", 1}}).status, 400);
  EXPECT_EQ(act(officer, lead_, {{"action", "identify"}, {"version", 1}}).status, 400);
  EXPECT_EQ(act(officer, lead_, {{"version", 1}}).status, 400);
  EXPECT_EQ(
      act(officer, lead_, {{"action", "assign"}, {"version", 1}, {"assignee", "ghost"}}).status,
      400);
  EXPECT_EQ(
      act(officer, lead_, {{"action", "decide"}, {"version", 1}, {"outcomes", "no_need"}}).status,
      400);
  EXPECT_EQ(act(officer, lead_, {{"action", "merge"}, {"version", 1}, {"into", "XS-none"}}).status,
            404);
  auto stale =
      act(officer, lead_, {{"action", "assign"}, {"version", 7}, {"assignee", "township_a"}});
  EXPECT_EQ(stale.status, 409) << stale.raw;
  EXPECT_EQ(act(officer, "XS-none", assign).status, 404);
  // Without the CSRF header the session may not change anything.
  auto no_csrf = client().Post("/api/v1/leads/" + lead_ + "/actions",
                               httplib::Headers{{"Cookie", officer.cookie}}, assign.dump(),
                               "application/json");
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(no_csrf->status, 403);
  EXPECT_EQ(version_of(officer, lead_), 1);
}

TEST_F(ApiLeadActionsTest, TwoOfficersRacingOnOneVersionExactlyOneWins) {
  start_server();
  Session township = login("township_a");
  Session county = login("officer");
  const json body = {{"action", "assign"}, {"version", 1}, {"assignee", "township_a"}};
  Response first, second;
  std::thread one([&] { first = act(township, lead_, body); });
  std::thread two([&] { second = act(county, lead_, body); });
  one.join();
  two.join();
  std::multiset<int> statuses = {first.status, second.status};
  EXPECT_EQ(statuses, (std::multiset<int>{200, 409})) << first.raw << second.raw;
  EXPECT_EQ(version_of(township, lead_), 2);
}

TEST_F(ApiLeadActionsTest, InjectionStringsAreStoredVerbatimOrRefused) {
  start_server();
  const int64_t users = count_rows("users");
  Session officer = login("township_a");
  auto intake =
      post(officer, "/api/v1/leads",
           {{"source", "visit"},
            {"subject", {{"name", kInjection}, {"phone", kInjection}, {"address", kInjection}}},
            {"description", kInjection}});
  ASSERT_EQ(intake.status, 201) << intake.raw;
  const std::string lead_no = intake.body["lead_no"];
  EXPECT_EQ(intake.body["description"], kInjection);
  EXPECT_EQ(intake.body["subject"]["name"], kInjection);
  int64_t version = intake.body["version"];
  version = expect_ok(act(officer, lead_no,
                          {{"action", "assign"},
                           {"version", version},
                           {"assignee", "township_a"},
                           {"reason", kInjection}}),
                      "assigned");
  version = expect_ok(
      act(officer, lead_no, {{"action", "start_verification"}, {"version", version}}), "verifying");
  json record = verification(version);
  record["met"] = kInjection;
  record["notes"] = kInjection;
  record["policies"] = {kInjection};
  version = expect_ok(act(officer, lead_no, record), "verifying");
  version =
      expect_ok(act(officer, lead_no,
                    {{"action", "decide"},
                     {"version", version},
                     {"outcomes", {{{"outcome", "no_need"}, {"params", {{"x", kInjection}}}}}},
                     {"reason", kInjection}}),
                "closed");
  expect_ok(
      act(officer, lead_no, {{"action", "reopen"}, {"version", version}, {"reason", kInjection}}),
      "verifying");
  EXPECT_EQ(
      act(officer, kInjection, {{"action", "close"}, {"version", 1}, {"note", kInjection}}).status,
      404);
  EXPECT_EQ(get(officer, "/api/v1/leads?status=" + std::string("new%27%3B%20DROP")).status, 400);
  EXPECT_EQ(get(officer, "/api/v1/leads?assignee=%27%20OR%201%3D1--").body["total"], 0);
  auto detail = get(officer, "/api/v1/leads/" + lead_no);
  EXPECT_EQ(detail.body["verifications"][0]["notes"], kInjection);
  EXPECT_EQ(detail.body["history"][1]["reason"], kInjection);
  EXPECT_EQ(count_rows("leads"), 2);
  EXPECT_EQ(count_rows("users"), users);
}

}  // namespace
}  // namespace faxian::api
