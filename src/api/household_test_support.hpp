#pragma once
// Test fixture for the household and warning routes: ApiTest with three poor households seeded
// through the real importer — one in each village of 乌杨街道 (500241002200 and 500241002201)
// and one in 隘口镇 平所村 (500241103204) — each with a phone number, a disability record on
// the first, screened as of 2026-06-15 (each raises an R01 need warning) and their warnings
// opened as leads, as `faxian screen` does. Helpers percent-encode query values and check that
// no full resident ID or phone leaks into a body.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "api/api_test_support.hpp"
#include "common/resident_id.hpp"
#include "screen/screening_job.hpp"
#include "store/query.hpp"
#include "workflow/leads/deadline_policy.hpp"
#include "workflow/warning_leads.hpp"

namespace faxian::api::testing_support {

inline constexpr const char* kHouseholdA1 = "500241002200201";  // 向德明 and 彭秀兰
inline constexpr const char* kHouseholdA2 = "500241002201301";  // 田桂芳
inline constexpr const char* kHouseholdB1 = "500241103204401";  // 杨再兴 and 吴小红

// A valid 18-character resident ID from its first 17 digits.
inline std::string resident_id(const std::string& first17) {
  return first17 + ResidentId::check_character(first17);
}

// Every byte outside [A-Za-z0-9-._~] as %XX.
inline std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

class HouseholdApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure())
      return;
    seed_households();
    if (HasFatalFailure())
      return;
    screen_and_open_leads();
  }

  void seed_households() {
    import_csv(FeedKind::kPopulation,
               "户号,身份证号,姓名,与户主关系,村社区代码,联系电话,变动类型,变动日期\n" +
                   row(kHouseholdA1, ids_[0], "向德明", "户主", kVillageA1, phones_[0]) +
                   row(kHouseholdA1, ids_[1], "彭秀兰", "配偶", kVillageA1, phones_[1]) +
                   row(kHouseholdA2, ids_[2], "田桂芳", "户主", kVillageA2, phones_[2]) +
                   row(kHouseholdB1, ids_[3], "杨再兴", "户主", kVillageB1, phones_[3]) +
                   row(kHouseholdB1, ids_[4], "吴小红", "配偶", kVillageB1, phones_[4]));
    if (HasFatalFailure())
      return;
    import_csv(FeedKind::kIncome, "身份证号,姓名,所属期,收入类型,金额\n" + ids_[0] +
                                      ",向德明,2026-03,工资薪金,12000.00\n" + ids_[2] +
                                      ",田桂芳,2026-03,工资薪金,3000.00\n" + ids_[3] +
                                      ",杨再兴,2026-03,工资薪金,9000.00\n");
    if (HasFatalFailure())
      return;
    import_csv(FeedKind::kDisability, "身份证号,姓名,残疾类别,残疾等级,发证日期\n" + ids_[1] +
                                          ",彭秀兰,肢体,二级,2025-05-01\n");
  }

  void screen_and_open_leads() {
    auto job = screen::screen_and_store(db(), clock_, day("2026-06-15"), screen::JobMode::kFull);
    ASSERT_TRUE(job.has_value()) << job.error().to_string();
    auto policy = workflow::DeadlinePolicy::load(db());
    ASSERT_TRUE(policy.has_value()) << policy.error().to_string();
    auto leads = workflow::open_leads_for_warnings(db(), clock_, calendar_, *policy);
    ASSERT_TRUE(leads.has_value()) << leads.error().to_string();
  }

  static std::string row(const std::string& household_no, const std::string& id,
                         const std::string& name, const std::string& relation,
                         const std::string& village, const std::string& phone) {
    return household_no + "," + id + "," + name + "," + relation + "," + village + "," + phone +
           ",新增,2000-01-01\n";
  }

  int64_t count(const std::string& sql) {
    return query_int(db(), sql, [](Statement&) {}).value();
  }

  int64_t person_id(int index) {
    return query_int(db(), "SELECT id FROM persons WHERE resident_id = ?",
                     [&](Statement& s) { s.bind_text(1, ids_[index]); })
        .value();
  }

  // No full resident ID or phone of the seeded persons anywhere in `raw`.
  void expect_no_secrets(const std::string& raw, const std::string& where) {
    for (const std::string& id : ids_)
      EXPECT_EQ(raw.find(id), std::string::npos) << where << " leaks " << id.substr(0, 6);
    for (const std::string& phone : phones_)
      EXPECT_EQ(raw.find(phone), std::string::npos) << where << " leaks a phone";
  }

  const std::vector<std::string> ids_ = {
      resident_id("50024119700101003"), resident_id("50024119720202004"),
      resident_id("50024119580303002"), resident_id("50024119750404005"),
      resident_id("50024119780505006")};
  const std::vector<std::string> phones_ = {"13812345678", "13987654321", "13700001111",
                                            "13600002222", "13500003333"};
  // Every role's username, and the status it gets for a household-side read.
  const std::vector<std::string> all_users_ = {"admin",      "officer",         "township_a",
                                               "township_b", "village_a1",      "village_b1",
                                               "hotline",    "medical_liaison", "auditor"};
};

}  // namespace faxian::api::testing_support
