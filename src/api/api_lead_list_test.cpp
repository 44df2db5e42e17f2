// The lead list, detail and intake over real HTTP: every role's view of two townships' leads
// (another area's lead is neither listed nor found by number), filters, pagination and their
// bad values, masking of unidentified subjects, manual intake with deduplication and scope.

#include <gtest/gtest.h>

#include "api/lead_api_test_support.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;
using testing_support::kHouseholdA;
using testing_support::kHouseholdB;
using testing_support::LeadApiTest;
using testing_support::Session;

std::set<std::string> lead_numbers(const json& body) {
  std::set<std::string> numbers;
  for (const json& item : body["items"])
    numbers.insert(item["lead_no"].get<std::string>());
  return numbers;
}

class ApiLeadListTest : public LeadApiTest {
 protected:
  void SetUp() override {
    LeadApiTest::SetUp();
    if (HasFatalFailure())
      return;
    lead_a_ = open_household_lead(kHouseholdA);
    lead_b_ = open_household_lead(kHouseholdB, LeadSource::kDataWarning, WarningLevel::kRed);
    subject_a_ = open_subject_lead("王小红", testing_support::kVillageA1);
  }
  std::string lead_a_, lead_b_, subject_a_;
};

TEST_F(ApiLeadListTest, EachRoleListsOnlyTheLeadsOfItsArea) {
  start_server();
  const std::map<std::string, std::set<std::string>> expected = {
      {"admin", {lead_a_, lead_b_, subject_a_}},   {"officer", {lead_a_, lead_b_, subject_a_}},
      {"hotline", {lead_a_, lead_b_, subject_a_}}, {"auditor", {lead_a_, lead_b_, subject_a_}},
      {"township_a", {lead_a_, subject_a_}},       {"township_b", {lead_b_}},
      {"village_a1", {lead_a_, subject_a_}},       {"village_b1", {lead_b_}}};
  for (const auto& [username, leads] : expected) {
    auto listed = get(login(username), "/api/v1/leads");
    ASSERT_EQ(listed.status, 200) << username << listed.raw;
    EXPECT_EQ(lead_numbers(listed.body), leads) << username;
    EXPECT_EQ(listed.body["total"], leads.size()) << username;
  }
  EXPECT_EQ(get(login("medical_liaison"), "/api/v1/leads").status, 403);
  EXPECT_EQ(get_anonymous("/api/v1/leads").status, 401);
  // Asking for another township by filter gives nothing rather than its leads.
  auto other = get(login("township_a"), "/api/v1/leads?township=500241103");
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(other.body["total"], 0);
}

TEST_F(ApiLeadListTest, ItemsCarryTheSpecFieldsAndMaskUnidentifiedSubjects) {
  start_server();
  auto listed = get(login("officer"), "/api/v1/leads?township=500241103");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.body["items"].size(), 1u);
  const json& item = listed.body["items"][0];
  for (const char* field :
       {"lead_no", "household_no", "sources", "level", "status", "township", "village", "created",
        "first_contact_due", "verification_due", "assignee", "version"})
    EXPECT_TRUE(item.contains(field)) << field;
  EXPECT_EQ(item["household_no"], kHouseholdB);
  EXPECT_EQ(item["sources"], json::array({"data_warning"}));
  EXPECT_EQ(item["level"], "red");
  EXPECT_EQ(item["status"], "new");
  EXPECT_EQ(item["township"], testing_support::kTownshipB);
  EXPECT_EQ(item["village"], testing_support::kVillageB1);
  EXPECT_EQ(item["created"], "2026-06-15");
  EXPECT_TRUE(item["first_contact_due"].is_string());
  EXPECT_TRUE(item["assignee"].is_null());
  EXPECT_EQ(item["version"], 1);
  auto subject = get(login("officer"), "/api/v1/leads?source=hotline");
  ASSERT_EQ(subject.body["items"].size(), 1u);
  EXPECT_EQ(subject.body["items"][0]["subject"], "王**");
  EXPECT_EQ(subject.raw.find("王小红"), std::string::npos);
  EXPECT_EQ(subject.raw.find("13812345678"), std::string::npos);
}

TEST_F(ApiLeadListTest, FiltersPaginationAndBadValues) {
  for (int index = 0; index < 4; ++index)
    open_subject_lead("李四" + std::to_string(index), testing_support::kVillageA2);
  start_server();
  Session officer = login("township_a");
  auto first = get(officer, "/api/v1/leads?page_size=4");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body["items"].size(), 4u);
  EXPECT_EQ(first.body["total"], 6);
  EXPECT_EQ(first.body["page_size"], 4);
  auto second = get(officer, "/api/v1/leads?page_size=4&page=2");
  EXPECT_EQ(second.body["items"].size(), 2u);
  EXPECT_EQ(second.body["total"], 6);
  EXPECT_EQ(get(officer, "/api/v1/leads?village=500241002201").body["total"], 4);
  EXPECT_EQ(get(officer, "/api/v1/leads?level=orange").body["total"], 1);
  EXPECT_EQ(get(officer, "/api/v1/leads?source=visit&status=new").body["total"], 1);
  EXPECT_EQ(get(officer, "/api/v1/leads?status=closed").body["total"], 0);
  EXPECT_EQ(get(officer, "/api/v1/leads?assignee=nobody").body["total"], 0);
  EXPECT_EQ(get(officer, "/api/v1/leads?overdue=true").body["total"], 0);
  EXPECT_EQ(get(officer, "/api/v1/leads?overdue=false").body["total"], 6);
  for (const char* bad :
       {"page_size=501", "page=0", "page_size=abc", "status=open", "status=new'%20OR%20'1'='1",
        "level=purple", "source=data", "overdue=yes"}) {
    auto refused = get(officer, std::string("/api/v1/leads?") + bad);
    EXPECT_EQ(refused.status, 400) << bad;
    EXPECT_TRUE(refused.body["error"]["message"].is_string()) << bad;
  }
  // An injection string in a code filter matches nothing.
  auto injected = get(login("admin"), "/api/v1/leads?township=1'%20OR%20'1'='1");
  EXPECT_EQ(injected.status, 200);
  EXPECT_EQ(injected.body["total"], 0);
  // A month later every lead of township_a is past its first-contact deadline.
  // (Logged in again: the session has long been idle.)
  server_clock_.advance_seconds(40 * 86400);
  EXPECT_EQ(get(login("township_a"), "/api/v1/leads?overdue=true").body["total"], 6);
}

// List totals are cached by filter (CaseworkCache): a lead opened on another connection while
// the server runs, and one whose status changed through the API, show in the next page's total.
TEST_F(ApiLeadListTest, TotalsFollowLeadsOpenedAndClosedWhileServing) {
  start_server();
  Session officer = login("township_a");
  EXPECT_EQ(get(officer, "/api/v1/leads").body["total"], 2);
  EXPECT_EQ(get(officer, "/api/v1/leads?level=yellow&status=new").body["total"], 1);
  open_subject_lead("赵六", testing_support::kVillageA2);
  EXPECT_EQ(get(officer, "/api/v1/leads").body["total"], 3);
  EXPECT_EQ(get(officer, "/api/v1/leads?level=yellow&status=new").body["total"], 2);
  // Assigning moves the lead out of `new`.
  auto assigned = act(officer, subject_a_,
                      {{"action", "assign"},
                       {"version", version_of(officer, subject_a_)},
                       {"assignee", "township_a"}});
  ASSERT_EQ(assigned.status, 200) << assigned.raw;
  EXPECT_EQ(get(officer, "/api/v1/leads?level=yellow&status=new").body["total"], 1);
  EXPECT_EQ(get(officer, "/api/v1/leads?status=assigned").body["total"], 1);
}

TEST_F(ApiLeadListTest, DetailIsScopedAuditedAndOffersTheCallersActions) {
  start_server();
  EXPECT_EQ(get(login("township_b"), "/api/v1/leads/" + lead_a_).status, 404);
  EXPECT_EQ(get(login("village_b1"), "/api/v1/leads/" + subject_a_).status, 404);
  EXPECT_EQ(get(login("medical_liaison"), "/api/v1/leads/" + lead_a_).status, 403);
  EXPECT_EQ(get(login("admin"), "/api/v1/leads/XS-nope").status, 404);
  EXPECT_EQ(get(login("admin"), "/api/v1/leads/x'%20OR%20'1'='1").status, 404);
  auto detail = get(login("township_a"), "/api/v1/leads/" + lead_a_);
  ASSERT_EQ(detail.status, 200) << detail.raw;
  EXPECT_EQ(detail.body["lead_no"], lead_a_);
  EXPECT_EQ(detail.body["history"].size(), 1u);
  EXPECT_EQ(detail.body["history"][0]["action"], "intake");
  EXPECT_EQ(detail.body["allowed_actions"], json::array({"assign", "merge"}));
  EXPECT_EQ(detail.body["source_entries"][0]["source"], "visit");
  EXPECT_TRUE(detail.body["verifications"].empty());
  for (const char* viewer : {"auditor", "hotline", "village_a1"}) {
    auto seen = get(login(viewer), "/api/v1/leads/" + lead_a_);
    ASSERT_EQ(seen.status, 200) << viewer;
    EXPECT_TRUE(seen.body["allowed_actions"].empty()) << viewer;
  }
  // A data-warning lead's description (derived from health and income data) only for handlers.
  EXPECT_TRUE(get(login("auditor"), "/api/v1/leads/" + lead_b_).body["description"].is_null());
  EXPECT_TRUE(get(login("township_b"), "/api/v1/leads/" + lead_b_).body["description"].is_string());
  // An unidentified subject: the full name for the handler, masked for others; phone masked.
  auto subject = get(login("township_a"), "/api/v1/leads/" + subject_a_);
  EXPECT_EQ(subject.body["subject"]["name"], "王小红");
  EXPECT_EQ(subject.body["subject"]["phone"], "138****5678");
  EXPECT_TRUE(subject.body["candidates"].is_array());
  EXPECT_EQ(get(login("auditor"), "/api/v1/leads/" + subject_a_).body["subject"]["name"], "王**");
  flush_audit();
  EXPECT_GE(query_int(db(),
                      "SELECT count(*) FROM audit_log WHERE action = 'lead.view' AND "
                      "object_id = ?",
                      [&](Statement& s) { s.bind_text(1, lead_a_); })
                .value(),
            4);  // township_a, auditor, hotline, village_a1 (refusals see nothing)
}

TEST_F(ApiLeadListTest, IntakeByRoleWithDeduplicationAndScope) {
  start_server();
  const json household_b = {
      {"source", "self_report"}, {"household_no", kHouseholdB}, {"description", "到乡镇求助"}};
  EXPECT_EQ(post(login("township_a"), "/api/v1/leads", household_b).status, 404);
  EXPECT_EQ(post(login("village_a1"), "/api/v1/leads", household_b).status, 404);
  EXPECT_EQ(post(login("auditor"), "/api/v1/leads", household_b).status, 403);
  EXPECT_EQ(post(login("medical_liaison"), "/api/v1/leads", household_b).status, 403);
  auto attached = post(login("township_b"), "/api/v1/leads", household_b);
  ASSERT_EQ(attached.status, 200) << attached.raw;
  EXPECT_EQ(attached.body["attached"], true);
  EXPECT_EQ(attached.body["lead_no"], lead_b_);
  EXPECT_EQ(attached.body["sources"], json::array({"data_warning", "self_report"}));

  const json person = {{"source", "visit"},
                       {"subject", {{"name", "张三"}, {"phone", "13900001111"}}},
                       {"description", "独居老人"},
                       {"level", "red"}};
  auto by_coordinator = post(login("village_a1"), "/api/v1/leads", person);
  ASSERT_EQ(by_coordinator.status, 201) << by_coordinator.raw;
  EXPECT_EQ(by_coordinator.body["attached"], false);
  EXPECT_EQ(by_coordinator.body["village"], testing_support::kVillageA1);
  EXPECT_EQ(by_coordinator.body["level"], "red");
  EXPECT_EQ(by_coordinator.body["status"], "new");
  EXPECT_TRUE(by_coordinator.body["first_contact_due"].is_string());
  json elsewhere = person;
  elsewhere["village"] = testing_support::kVillageB1;
  EXPECT_EQ(post(login("village_a1"), "/api/v1/leads", elsewhere).status, 404);
  EXPECT_EQ(post(login("township_a"), "/api/v1/leads", elsewhere).status, 404);
  auto by_hotline = post(login("hotline"), "/api/v1/leads", elsewhere);
  ASSERT_EQ(by_hotline.status, 201) << by_hotline.raw;
  EXPECT_EQ(by_hotline.body["township"], testing_support::kTownshipB);
  auto by_township =
      post(login("township_a"), "/api/v1/leads",
           {{"source", "superior"}, {"subject", {{"name", "赵六"}}}, {"description", "上级交办"}});
  ASSERT_EQ(by_township.status, 201) << by_township.raw;
  EXPECT_EQ(by_township.body["township"], testing_support::kTownshipA);

  Session officer = login("officer");
  for (const json& bad :
       {json{{"source", "data_warning"}, {"household_no", kHouseholdA}, {"description", "x"}},
        json{{"source", "gossip"}, {"household_no", kHouseholdA}, {"description", "x"}},
        json{{"source", "visit"}, {"household_no", kHouseholdA}},
        json{{"source", "visit"}, {"description", "x"}},
        json{{"source", "visit"}, {"subject", "张三"}, {"description", "x"}},
        json{{"source", "visit"}, {"subject", {{"name", "张三"}}}, {"description", "x"}},
        json{{"source", "visit"},
             {"household_no", kHouseholdA},
             {"description", "x"},
             {"level", "purple"}},
        json{{"source", "visit"},
             {"household_no", kHouseholdA},
             {"description", "x"},
             {"reported_on", "2026-13-01"}},
        json{{"source", "visit"},
             {"household_no", kHouseholdA},
             {"description", "x"},
             {"reported_on", "2030-01-01"}},
        json{{"source", 7}, {"household_no", kHouseholdA}, {"description", "x"}}}) {
    auto refused = post(officer, "/api/v1/leads", bad);
    EXPECT_EQ(refused.status, 400) << bad.dump() << refused.raw;
  }
  EXPECT_EQ(post(officer, "/api/v1/leads",
                 {{"source", "visit"}, {"household_no", "999999999999999"}, {"description", "x"}})
                .status,
            404);
}

}  // namespace
}  // namespace faxian::api
