#pragma once
// Test fixture for the casework routes: the household fixture (three households in two
// townships, screened, leads opened) plus applications, referrals to 医保局 and a coordination
// case seeded through the workflow services on the test's connection, a department API token,
// and helpers for role-by-role status checks.

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "api/api_token_store.hpp"
#include "api/household_test_support.hpp"
#include "workflow/assistance/application_service.hpp"
#include "workflow/casework/coordination_service.hpp"
#include "workflow/casework/referral_service.hpp"

namespace faxian::api::testing_support {

class CaseworkApiTest : public HouseholdApiTest {
 protected:
  // Submits an application of `kind` for a household; returns its number.
  std::string submit(const std::string& household_no, ApplicationKind kind) {
    workflow::ApplicationService service(db(), clock_, calendar_);
    workflow::SubmitRequest request;
    request.kind = kind;
    request.household_id = household_id(household_no);
    request.submitted_on = day("2026-06-15");
    request.description = "申请救助";
    auto application = service.submit(workflow::Actor::system(), request);
    EXPECT_TRUE(application.has_value()) << application.error().to_string();
    return application ? application->application_no : "";
  }

  // Sends a referral of household `household_no` to `department`; returns its number.
  std::string refer(const std::string& household_no, Department department) {
    workflow::ReferralService service(db(), clock_, calendar_);
    workflow::ReferralRequest request;
    request.department = department;
    request.household_id = household_id(household_no);
    request.reason = "医疗费用负担重，请核查医疗救助";
    request.sent_on = day("2026-06-15");
    auto referral = service.send(workflow::Actor::system(), request);
    EXPECT_TRUE(referral.has_value()) << referral.error().to_string();
    return referral ? referral->referral_no : "";
  }

  // The open lead of a household.
  std::string lead_of(const std::string& household_no) {
    auto no = query_one<std::string>(
        db(), "SELECT lead_no FROM leads WHERE household_id = ? ORDER BY id LIMIT 1",
        [&](Statement& s) { s.bind_int64(1, household_id(household_no)); },
        [](const Statement& s) -> Result<std::string> { return std::string(s.column_text(0)); });
    EXPECT_TRUE(no.has_value() && no->has_value()) << household_no;
    return no && *no ? **no : "";
  }

  // Opens a coordination case on a household's lead with a 医保局 and a 人社局 task.
  std::string coordinate(const std::string& household_no) {
    workflow::CoordinationService service(db(), clock_, calendar_);
    workflow::OpenCoordinationRequest request;
    request.lead_no = lead_of(household_no);
    request.reason = "多部门协同救助";
    request.departments = {{Department::kMedicalSecurity, "核查医疗救助"},
                           {Department::kHumanResources, "就业援助"}};
    request.opened_on = day("2026-06-15");
    auto opened = service.open(workflow::Actor::system(), request);
    EXPECT_TRUE(opened.has_value()) << opened.error().to_string();
    return opened ? opened->case_no : "";
  }

  // A department API token's secret.
  std::string issue_token(const std::string& department) {
    auto issued =
        ApiTokenStore(db(), clock_)
            .issue("system-" + department, department, {}, clock_.now_unix() + 86400, std::nullopt);
    EXPECT_TRUE(issued.has_value()) << issued.error().to_string();
    return issued ? issued->secret : "";
  }

  Response token_get(const std::string& secret, const std::string& path) const {
    return wrap(client().Get(path, {{"Authorization", "Bearer " + secret}}));
  }
  Response token_post(const std::string& secret, const std::string& path,
                      const nlohmann::json& body) {
    return wrap(client().Post(path, {{"Authorization", "Bearer " + secret}}, body.dump(),
                              "application/json"));
  }

  // Logs every role in once.
  void login_all() {
    for (const std::string& user : all_users_)
      sessions_[user] = login(user);
  }
  // GETs `path` as every role and checks the status each gets (and that no body leaks).
  void expect_get_statuses(const std::string& path, const std::map<std::string, int>& expected) {
    for (const auto& [user, status] : expected) {
      Response response = get(sessions_.at(user), path);
      EXPECT_EQ(response.status, status) << user << " GET " << path << ": " << response.raw;
      expect_no_secrets(response.raw, user + " GET " + path);
    }
  }
  // The number of items a role's list has.
  size_t count_items(const std::string& user, const std::string& path) {
    Response response = get(sessions_.at(user), path);
    EXPECT_EQ(response.status, 200) << user << " " << path << ": " << response.raw;
    expect_no_secrets(response.raw, user + " " + path);
    return response.body.is_object() ? response.body["items"].size() : 0;
  }

  std::map<std::string, Session> sessions_;
};

}  // namespace faxian::api::testing_support
