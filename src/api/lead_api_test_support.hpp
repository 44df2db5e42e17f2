#pragma once
// Fixture for the lead API tests: ApiTest with the shipped working-day calendar stored (so
// intake over HTTP computes deadlines), one household in 乌杨街道 大田坝村 (township_a,
// village_a1) and one in 隘口镇 平所村 (township_b, village_b1), and helpers to open leads
// through the real LeadService before the server starts.

#include <string>

#include "api/api_test_support.hpp"
#include "common/file_util.hpp"
#include "store/calendar_repository.hpp"
#include "store/query.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::api::testing_support {

inline constexpr const char* kHouseholdA = "500241002200201";
inline constexpr const char* kHouseholdB = "500241103204101";

class LeadApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure())
      return;
    store_shipped_calendar();
    if (HasFatalFailure())
      return;
    seed_poor_household();
    import_csv(FeedKind::kPopulation,
               "户号,身份证号,姓名,与户主关系,村社区代码,变动类型,变动日期\n"
               "500241103204101,500241198001010036,杨光明,户主,500241103204,新增,2000-01-01\n");
  }

  workflow::LeadService service() { return workflow::LeadService(db(), clock_, calendar_); }

  // Opens a lead (as the system) and returns its number.
  std::string open_lead(workflow::IntakeRequest request) {
    if (request.reported_on == Date{})
      request.reported_on = clock_.today();
    auto result = service().intake(workflow::Actor::system(), request);
    EXPECT_TRUE(result.has_value()) << result.error().to_string();
    return result.has_value() ? result->lead.lead_no : std::string();
  }
  std::string open_household_lead(const std::string& household_no,
                                  LeadSource source = LeadSource::kVisit,
                                  WarningLevel level = WarningLevel::kOrange) {
    workflow::IntakeRequest request;
    request.source = source;
    request.household_id = household_id(household_no);
    request.level = level;
    request.description = "走访发现生活困难";
    return open_lead(request);
  }
  std::string open_subject_lead(const std::string& name, const std::string& village) {
    workflow::IntakeRequest request;
    request.source = LeadSource::kHotline;
    request.subject = UnidentifiedSubject{name, "13812345678", "大田坝村3组"};
    request.village_code = village;
    request.level = WarningLevel::kYellow;
    request.description = "邻居反映其独居无人照料";
    return open_lead(request);
  }

  // The lead's current version as the API shows it.
  int64_t version_of(const Session& session, const std::string& lead_no) {
    return get(session, "/api/v1/leads/" + lead_no).body.value("version", int64_t{0});
  }
  Response act(const Session& session, const std::string& lead_no, nlohmann::json body) {
    return post(session, "/api/v1/leads/" + lead_no + "/actions", body);
  }

  int64_t count_rows(const std::string& table) {
    return query_int(db(), "SELECT count(*) FROM " + table, [](Statement&) {}).value();
  }
};

}  // namespace faxian::api::testing_support
