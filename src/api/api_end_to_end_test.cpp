// From a department's system to a township's inbox, over real HTTP (issue 6): a poor household
// lives in township A; the medical-insurance bureau's system, holding an API token for the
// medical feed, uploads a settlement file with large out-of-pocket costs; the batch commits, the
// household is screened again at once, a need warning opens (R03 高额医疗自付 among others), and
// a lead lands in township A's inbox — seen by township A, not by township B.

#include <gtest/gtest.h>

#include "api/api_test_support.hpp"
#include "api/api_token_store.hpp"
#include "api/feed_test_support.hpp"
#include "store/query.hpp"

namespace faxian::api {
namespace {

using testing_support::ApiTest;
using testing_support::kTownshipA;
using testing_support::Response;
using testing_support::Session;

class ApiEndToEndTest : public ApiTest {
 protected:
  int64_t count(const std::string& sql, int64_t id) {
    return query_int(db(), sql, [&](Statement& s) { s.bind_int64(1, id); }).value();
  }
  static bool lists_household(const Response& response, const std::string& household_no) {
    for (const auto& item : response.body.value("items", nlohmann::json::array())) {
      if (item.value("household_no", "") == household_no)
        return true;
    }
    return false;
  }
};

TEST_F(ApiEndToEndTest, MedicalUploadByTokenOpensALeadInTheHouseholdsTownship) {
  store_shipped_calendar();
  // The county's last screening ran before this household's data arrived (so screening after
  // the batch has a date to screen as of, and the household has no warning yet).
  testing_support::screen_and_open_leads(db(), clock_, day("2026-06-15"));
  const int64_t household = seed_poor_household();
  ASSERT_GT(household, 0);
  ASSERT_EQ(count("SELECT count(*) FROM warnings WHERE household_id = ?", household), 0);
  auto token = ApiTokenStore(db(), clock_)
                   .issue("医保局结算系统", "medical", {"medical"}, clock_.now_unix() + 30 * 86400,
                          std::nullopt);
  ASSERT_TRUE(token.has_value()) << token.error().to_string();
  start_server();

  // 30,000 yuan out of pocket against 12,000 yuan of income in the last 12 months.
  const std::string csv =
      "结算单号,身份证号,姓名,结算日期,就诊类型,医疗总费用,统筹支付,个人自付,诊断名称\n"
      "YB-2026-0001,500241197001010031,向德明,2026-05-10,住院,90000.00,60000.00,30000.00,"
      "肺部感染\n";
  httplib::MultipartFormDataItems items{{"file", csv, "医保结算_202605.csv", "text/csv"}};
  auto result = client().Post("/api/v1/feeds/medical/batches",
                              {{"Authorization", "Bearer " + token->secret}}, items);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  const auto report = nlohmann::json::parse(result->body);
  EXPECT_EQ(report["status"], "committed");
  EXPECT_EQ(report["imported"], 1);
  EXPECT_EQ(report["imported_by"], "token:医保局结算系统");
  ASSERT_TRUE(report["screening"].is_object()) << report.dump();
  EXPECT_EQ(report["screening"]["warnings_opened"], 1);
  ASSERT_TRUE(report["leads"].is_object()) << report.dump();
  EXPECT_EQ(report["leads"]["opened"], 1);

  // The warning and the lead, in the store.
  EXPECT_EQ(count("SELECT count(*) FROM warnings WHERE household_id = ? AND kind = 'need' AND "
                  "status = 'open' AND rules LIKE '%R03%'",
                  household),
            1);
  EXPECT_EQ(query_int(db(),
                      "SELECT count(*) FROM leads WHERE household_id = ? AND township_code = ? "
                      "AND status = 'new'",
                      [&](Statement& s) {
                        s.bind_int64(1, household);
                        s.bind_text(2, kTownshipA);
                      })
                .value(),
            1);

  // Over HTTP: township A's inbox lists the lead, township B's does not.
  Session township_a = login("township_a");
  Session township_b = login("township_b");
  EXPECT_TRUE(lists_household(get(township_a, "/api/v1/warnings"), "500241002200201"));
  EXPECT_FALSE(lists_household(get(township_b, "/api/v1/warnings"), "500241002200201"));
  Response inbox_a = get(township_a, "/api/v1/leads");
  ASSERT_EQ(inbox_a.status, 200) << inbox_a.raw;
  EXPECT_TRUE(lists_household(inbox_a, "500241002200201")) << inbox_a.raw;
  Response inbox_b = get(township_b, "/api/v1/leads");
  ASSERT_EQ(inbox_b.status, 200) << inbox_b.raw;
  EXPECT_FALSE(lists_household(inbox_b, "500241002200201")) << inbox_b.raw;
  // The home-page figures of each township agree.
  EXPECT_EQ(get(township_a, "/api/v1/stats/dashboard").body["leads"]["open"], 1);
  EXPECT_EQ(get(township_b, "/api/v1/stats/dashboard").body["leads"]["open"], 0);
  // The token reads its batch back.
  auto batch = client().Get("/api/v1/batches/" + std::to_string(report["batch_id"].get<int64_t>()),
                            {{"Authorization", "Bearer " + token->secret}});
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->status, 200);
}

}  // namespace
}  // namespace faxian::api
