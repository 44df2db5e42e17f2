// The application and referral routes over real HTTP: every endpoint × role (allowed, 403 for
// roles without the resource, 404 for another township's record), lists scoped in the query,
// the eligibility check with its figures for handlers only, decisions through the workflow with
// a stale version → 409 and a repeated one → 422, department answers by liaison and API token,
// SQL-injection strings kept verbatim or refused with 400/404, and no full resident ID in any
// body.

#include <gtest/gtest.h>

#include "api/casework_test_support.hpp"
#include "workflow/assistance/assistance_outcomes.hpp"

namespace faxian::api {
namespace {

using testing_support::CaseworkApiTest;
using testing_support::kHouseholdA1;
using testing_support::kHouseholdB1;
using testing_support::url_encode;

constexpr const char* kInjection = "'; DROP TABLE applications; --";

class ApiApplicationTest : public CaseworkApiTest {
 protected:
  void SetUp() override {
    CaseworkApiTest::SetUp();
    if (HasFatalFailure())
      return;
    dibao_a_ = submit(kHouseholdA1, ApplicationKind::kDibao);
    aid_a_ = submit(kHouseholdA1, ApplicationKind::kTemporaryEmergency);
    aid_b_ = submit(kHouseholdB1, ApplicationKind::kTemporaryEmergency);
    start_server();
    login_all();
  }

  std::string path(const std::string& no, const std::string& tail = "") {
    return "/api/v1/applications/" + no + tail;
  }
  int64_t version_of(const std::string& no) {
    return get(sessions_.at("admin"), path(no)).body.value("version", int64_t{0});
  }

  std::string dibao_a_, aid_a_, aid_b_;
};

TEST_F(ApiApplicationTest, ListIsScopedByTheCallersArea) {
  EXPECT_EQ(count_items("admin", "/api/v1/applications"), 3u);
  EXPECT_EQ(count_items("officer", "/api/v1/applications"), 3u);
  EXPECT_EQ(count_items("auditor", "/api/v1/applications"), 3u);
  EXPECT_EQ(count_items("township_a", "/api/v1/applications"), 2u);
  EXPECT_EQ(count_items("township_b", "/api/v1/applications"), 1u);
  // A township filter outside the caller's area selects nothing.
  EXPECT_EQ(count_items("township_b", "/api/v1/applications?township=500241002"), 0u);
  EXPECT_EQ(count_items("admin", "/api/v1/applications?type=dibao"), 1u);
  EXPECT_EQ(count_items("admin", "/api/v1/applications?status=submitted&page_size=2"), 2u);
  auto page = get(sessions_.at("admin"), "/api/v1/applications?page=2&page_size=2");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body["total"], 3);
  EXPECT_EQ(page.body["page"], 2);
  EXPECT_EQ(page.body["items"].size(), 1u);
  for (const char* user : {"village_a1", "village_b1", "hotline", "medical_liaison"})
    EXPECT_EQ(get(sessions_.at(user), "/api/v1/applications").status, 403) << user;
  EXPECT_EQ(get(sessions_.at("admin"), "/api/v1/applications?status=nonsense").status, 400);
  EXPECT_EQ(
      get(sessions_.at("admin"), "/api/v1/applications?type=" + url_encode(kInjection)).status,
      400);
  auto injected =
      get(sessions_.at("admin"), "/api/v1/applications?township=" + url_encode(kInjection));
  EXPECT_EQ(injected.status, 200);
  EXPECT_EQ(injected.body["total"], 0);
}

TEST_F(ApiApplicationTest, DetailForEveryRole) {
  expect_get_statuses(path(aid_a_), {{"admin", 200},
                                     {"officer", 200},
                                     {"township_a", 200},
                                     {"township_b", 404},
                                     {"auditor", 200},
                                     {"village_a1", 403},
                                     {"village_b1", 403},
                                     {"hotline", 403},
                                     {"medical_liaison", 403}});
  expect_get_statuses(path(aid_b_), {{"township_a", 404}, {"township_b", 200}});
  EXPECT_EQ(get(sessions_.at("admin"), path("SQ20260615-9999")).status, 404);
  EXPECT_EQ(get(sessions_.at("admin"), path(url_encode(kInjection))).status, 404);
  auto detail = get(sessions_.at("township_a"), path(aid_a_));
  EXPECT_EQ(detail.body["household_no"], kHouseholdA1);
  EXPECT_EQ(detail.body["kind"], "temporary_emergency");
  EXPECT_EQ(detail.body["status"], "submitted");
  EXPECT_TRUE(detail.body["history"].is_array());
  flush_audit();
  EXPECT_GE(count("SELECT count(*) FROM audit_log WHERE action = 'application.view'"), 1);
}

TEST_F(ApiApplicationTest, EligibilityCheckFiguresOnlyForHandlers) {
  auto run = post(sessions_.at("township_a"), path(dibao_a_, "/eligibility-check"),
                  {{"version", version_of(dibao_a_)}, {"as_of", "2026-06-15"}});
  ASSERT_EQ(run.status, 200) << run.raw;
  expect_no_secrets(run.raw, "eligibility check");
  const auto& check = run.body["eligibility_check"];
  ASSERT_TRUE(check.is_object());
  EXPECT_TRUE(check.contains("figures"));
  EXPECT_TRUE(check["figures"]["income"]["records"].is_array());
  EXPECT_FALSE(check["persons"].empty());
  for (const auto& [id, person] : check["persons"].items())
    EXPECT_NE(person["masked_id"].get<std::string>().find("********"), std::string::npos);
  // The auditor sees the recommendation, not the figures.
  auto audited = get(sessions_.at("auditor"), path(dibao_a_));
  ASSERT_EQ(audited.status, 200);
  EXPECT_TRUE(audited.body["eligibility_check"].contains("recommendation"));
  EXPECT_FALSE(audited.body["eligibility_check"].contains("figures"));
  // Only handlers of the township run it.
  const nlohmann::json body = {{"version", version_of(dibao_a_)}};
  EXPECT_EQ(post(sessions_.at("township_b"), path(dibao_a_, "/eligibility-check"), body).status,
            404);
  EXPECT_EQ(post(sessions_.at("auditor"), path(dibao_a_, "/eligibility-check"), body).status, 403);
  EXPECT_EQ(post(sessions_.at("village_a1"), path(dibao_a_, "/eligibility-check"), body).status,
            403);
  EXPECT_EQ(
      post(sessions_.at("township_a"), path(dibao_a_, "/eligibility-check"), {{"version", 99}})
          .status,
      409);
}

TEST_F(ApiApplicationTest, DecisionWithVersionsAndRoles) {
  const int64_t version = version_of(aid_a_);
  const nlohmann::json approve = {
      {"decision", "approved"}, {"reason", kInjection}, {"amount", "500.00"}, {"version", version}};
  EXPECT_EQ(post(sessions_.at("township_b"), path(aid_a_, "/decision"), approve).status, 404);
  EXPECT_EQ(post(sessions_.at("village_a1"), path(aid_a_, "/decision"), approve).status, 403);
  EXPECT_EQ(post(sessions_.at("auditor"), path(aid_a_, "/decision"), approve).status, 403);
  EXPECT_EQ(post(sessions_.at("hotline"), path(aid_a_, "/decision"), approve).status, 403);
  nlohmann::json stale = approve;
  stale["version"] = version + 5;
  EXPECT_EQ(post(sessions_.at("township_a"), path(aid_a_, "/decision"), stale).status, 409);
  nlohmann::json bad = approve;
  bad["decision"] = "maybe";
  EXPECT_EQ(post(sessions_.at("township_a"), path(aid_a_, "/decision"), bad).status, 400);
  bad = approve;
  bad["amount"] = "12.345";
  EXPECT_EQ(post(sessions_.at("township_a"), path(aid_a_, "/decision"), bad).status, 400);
  bad = approve;
  bad["version"] = "one";
  EXPECT_EQ(post(sessions_.at("township_a"), path(aid_a_, "/decision"), bad).status, 400);

  auto decided = post(sessions_.at("township_a"), path(aid_a_, "/decision"), approve);
  ASSERT_EQ(decided.status, 200) << decided.raw;
  EXPECT_EQ(decided.body["status"], "decided");
  EXPECT_EQ(decided.body["decision"], "approved");
  EXPECT_EQ(decided.body["decision_reason"], kInjection);  // stored verbatim
  EXPECT_EQ(decided.body["version"], version + 1);
  // The same version again is stale; a fresh one is an illegal transition.
  EXPECT_EQ(post(sessions_.at("township_a"), path(aid_a_, "/decision"), approve).status, 409);
  nlohmann::json again = approve;
  again["version"] = version + 1;
  EXPECT_EQ(post(sessions_.at("township_a"), path(aid_a_, "/decision"), again).status, 422);
  EXPECT_EQ(count("SELECT count(*) FROM applications"), 3);
}

// 临时救助 above the township's limit goes to the county as 一事一议: the township may not decide
// it; the county's approval decides the application and records the payment (the amount in
// the request unless the county sets another).
TEST_F(ApiApplicationTest, TheCountyDecidesACaseByCaseRequest) {
  {
    workflow::AssistanceOutcomes outcomes(db(), clock_, calendar_);
    auto requested =
        outcomes.request_temporary_aid(workflow::Actor::system(), aid_a_, Money::from_fen(800000),
                                       "重病致贫，数额较大", day("2026-06-15"));
    ASSERT_TRUE(requested.has_value()) << requested.error().to_string();
    ASSERT_EQ(requested->track, AidTrack::kCaseByCase);
  }
  const nlohmann::json approve = {{"decision", "approved"},
                                  {"reason", "县级一事一议同意"},
                                  {"amount", "8000.00"},
                                  {"version", version_of(aid_a_)}};
  EXPECT_EQ(post(sessions_.at("township_a"), path(aid_a_, "/decision"), approve).status, 403);
  nlohmann::json stale = approve;
  stale["version"] = approve["version"].get<int64_t>() + 3;
  EXPECT_EQ(post(sessions_.at("officer"), path(aid_a_, "/decision"), stale).status, 409);
  auto decided = post(sessions_.at("officer"), path(aid_a_, "/decision"), approve);
  ASSERT_EQ(decided.status, 200) << decided.raw;
  EXPECT_EQ(decided.body["decision"], "approved");
  ASSERT_EQ(decided.body["aid_requests"].size(), 1u);
  EXPECT_EQ(decided.body["aid_requests"][0]["status"], "approved");
  auto payments = get(sessions_.at("officer"), path(aid_a_, "/payments"));
  ASSERT_EQ(payments.status, 200);
  ASSERT_EQ(payments.body["items"].size(), 1u);
  EXPECT_EQ(payments.body["items"][0]["amount"]["fen"], 800000);
  nlohmann::json again = approve;
  again["version"] = decided.body["version"];
  EXPECT_EQ(post(sessions_.at("officer"), path(aid_a_, "/decision"), again).status, 422);
}

TEST_F(ApiApplicationTest, PaymentsOfAnApprovedApplication) {
  auto decided = post(sessions_.at("officer"), path(aid_b_, "/decision"),
                      {{"decision", "approved"}, {"amount", 800}, {"version", version_of(aid_b_)}});
  ASSERT_EQ(decided.status, 200) << decided.raw;
  const nlohmann::json payment = {
      {"version", version_of(aid_b_)}, {"amount", "800"}, {"method", "cash"}, {"note", kInjection}};
  EXPECT_EQ(post(sessions_.at("township_a"), path(aid_b_, "/payments"), payment).status, 404);
  EXPECT_EQ(post(sessions_.at("auditor"), path(aid_b_, "/payments"), payment).status, 403);
  nlohmann::json bad = payment;
  bad["method"] = "bitcoin";
  EXPECT_EQ(post(sessions_.at("township_b"), path(aid_b_, "/payments"), bad).status, 400);
  auto paid = post(sessions_.at("township_b"), path(aid_b_, "/payments"), payment);
  ASSERT_EQ(paid.status, 201) << paid.raw;
  EXPECT_EQ(paid.body["payment"]["amount"]["fen"], 80000);
  EXPECT_EQ(paid.body["payment"]["note"], kInjection);
  auto list = get(sessions_.at("auditor"), path(aid_b_, "/payments"));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["total"], 1);
  EXPECT_EQ(get(sessions_.at("township_a"), path(aid_b_, "/payments")).status, 404);
  EXPECT_EQ(get(sessions_.at("village_b1"), path(aid_b_, "/payments")).status, 403);
}

class ApiReferralTest : public CaseworkApiTest {
 protected:
  void SetUp() override {
    CaseworkApiTest::SetUp();
    if (HasFatalFailure())
      return;
    referral_a_ = refer(kHouseholdA1, Department::kMedicalSecurity);
    referral_b_ = refer(kHouseholdB1, Department::kMedicalSecurity);
    hr_a_ = refer(kHouseholdA1, Department::kHumanResources);
    medical_token_ = issue_token("医保局");
    hr_token_ = issue_token("人社局");
    start_server();
    login_all();
  }
  std::string path(const std::string& no, const std::string& tail = "") {
    return "/api/v1/referrals/" + no + tail;
  }
  int64_t version_of(const std::string& no) {
    return get(sessions_.at("admin"), path(no)).body.value("version", int64_t{0});
  }
  // Referrals of household A1 and B1 already sent by screening are counted too.
  int64_t stored(const std::string& where) {
    return count("SELECT count(*) FROM referrals WHERE " + where);
  }

  std::string referral_a_, referral_b_, hr_a_, medical_token_, hr_token_;
};

TEST_F(ApiReferralTest, InboxesFollowTheDepartmentAndTheArea) {
  const int64_t all = stored("1 = 1");
  EXPECT_EQ(count_items("admin", "/api/v1/referrals?page_size=500"), static_cast<size_t>(all));
  EXPECT_EQ(count_items("auditor", "/api/v1/referrals?page_size=500"), static_cast<size_t>(all));
  EXPECT_EQ(count_items("medical_liaison", "/api/v1/referrals?page_size=500"),
            static_cast<size_t>(stored("department = 'medical_security'")));
  EXPECT_EQ(count_items("township_a", "/api/v1/referrals?page_size=500"),
            static_cast<size_t>(stored("township_code = '500241002'")));
  EXPECT_EQ(count_items("township_b", "/api/v1/referrals?page_size=500"),
            static_cast<size_t>(stored("township_code = '500241103'")));
  auto token_list = token_get(medical_token_, "/api/v1/referrals?page_size=500");
  ASSERT_EQ(token_list.status, 200) << token_list.raw;
  expect_no_secrets(token_list.raw, "token list");
  for (const auto& item : token_list.body["items"])
    EXPECT_EQ(item["department"], "medical_security");
  for (const char* user : {"village_a1", "village_b1", "hotline"})
    EXPECT_EQ(get(sessions_.at(user), "/api/v1/referrals").status, 403) << user;
  EXPECT_EQ(get(sessions_.at("admin"), "/api/v1/referrals?status=" + url_encode(kInjection)).status,
            400);
}

TEST_F(ApiReferralTest, DetailForEveryRole) {
  expect_get_statuses(path(referral_a_), {{"admin", 200},
                                          {"officer", 200},
                                          {"township_a", 200},
                                          {"township_b", 404},
                                          {"auditor", 200},
                                          {"medical_liaison", 200},
                                          {"village_a1", 403},
                                          {"village_b1", 403},
                                          {"hotline", 403}});
  expect_get_statuses(path(hr_a_), {{"medical_liaison", 404}, {"township_a", 200}});
  expect_get_statuses(path(referral_b_), {{"township_a", 404}, {"township_b", 200}});
  auto detail = get(sessions_.at("medical_liaison"), path(referral_a_));
  EXPECT_EQ(detail.body["summary"]["household_no"], kHouseholdA1);
  ASSERT_FALSE(detail.body["summary"]["members"].empty());
  EXPECT_NE(detail.body["summary"]["members"][0]["masked_id"].get<std::string>().find("*"),
            std::string::npos);
  EXPECT_EQ(token_get(hr_token_, path(referral_a_)).status, 404);
  EXPECT_EQ(token_get(medical_token_, path(referral_a_)).status, 200);
  EXPECT_EQ(get(sessions_.at("admin"), path(url_encode(kInjection))).status, 404);
}

TEST_F(ApiReferralTest, LiaisonAnswersWithVersions) {
  const nlohmann::json answer = {{"answer", "accepted"},
                                 {"result", kInjection},
                                 {"amount", "12300"},
                                 {"version", version_of(referral_a_)}};
  EXPECT_EQ(post(sessions_.at("township_a"), path(referral_a_, "/answer"), answer).status, 403);
  EXPECT_EQ(post(sessions_.at("auditor"), path(referral_a_, "/answer"), answer).status, 403);
  EXPECT_EQ(post(sessions_.at("medical_liaison"), path(hr_a_, "/answer"), answer).status, 404);
  nlohmann::json stale = answer;
  stale["version"] = 42;
  EXPECT_EQ(post(sessions_.at("medical_liaison"), path(referral_a_, "/answer"), stale).status, 409);
  nlohmann::json bad = answer;
  bad["answer"] = "pending";
  EXPECT_EQ(post(sessions_.at("medical_liaison"), path(referral_a_, "/answer"), bad).status, 400);
  auto answered = post(sessions_.at("medical_liaison"), path(referral_a_, "/answer"), answer);
  ASSERT_EQ(answered.status, 200) << answered.raw;
  EXPECT_EQ(answered.body["status"], "accepted");
  EXPECT_EQ(answered.body["result"], kInjection);
  EXPECT_EQ(answered.body["amount"]["fen"], 1230000);
  expect_no_secrets(answered.raw, "answer");
  nlohmann::json again = answer;
  again["version"] = answered.body["version"];
  EXPECT_EQ(post(sessions_.at("medical_liaison"), path(referral_a_, "/answer"), again).status, 422);
}

TEST_F(ApiReferralTest, DepartmentTokenAnswersItsOwnReferralOnly) {
  const nlohmann::json answer = {{"answer", "not_applicable"},
                                 {"result", "不符合医疗救助条件"},
                                 {"version", version_of(referral_b_)}};
  EXPECT_EQ(token_post(hr_token_, path(referral_b_, "/answer"), answer).status, 404);
  auto answered = token_post(medical_token_, path(referral_b_, "/answer"), answer);
  ASSERT_EQ(answered.status, 200) << answered.raw;
  EXPECT_EQ(answered.body["status"], "not_applicable");
  // Tokens reach only the routes that accept them.
  EXPECT_EQ(token_get(medical_token_, "/api/v1/applications").status, 403);
  EXPECT_EQ(token_get(medical_token_, "/api/v1/hotline/tickets").status, 403);
}

}  // namespace
}  // namespace faxian::api
