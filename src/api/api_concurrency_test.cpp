// Concurrent officers on one database (70-quality.md "Concurrent officers", issue 8), run on
// SQLite and on PostgreSQL (api_tests_postgres): eight officers racing on one lead's version —
// exactly one wins, seven get 409 and the lead's history holds one assignment; eight officers
// each recording ten visits at once while a feed is imported on another connection — every
// lead is stored under its own number and every imported row is there.

#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "api/lead_api_test_support.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;
using testing_support::kHouseholdA;
using testing_support::LeadApiTest;
using testing_support::Response;
using testing_support::Session;

constexpr int kOfficers = 8;

class ApiConcurrencyTest : public LeadApiTest {};

TEST_F(ApiConcurrencyTest, OfficersRacingOnOneVersionExactlyOneWins) {
  const std::string lead = open_household_lead(kHouseholdA);
  start_server();
  std::vector<Session> officers;
  for (int i = 0; i < kOfficers; ++i)
    officers.push_back(login(i % 2 == 0 ? "township_a" : "officer"));
  const int64_t version = version_of(officers[0], lead);
  std::vector<Response> answers(kOfficers);
  std::vector<std::thread> threads;
  for (int i = 0; i < kOfficers; ++i) {
    threads.emplace_back([&, i] {
      answers[i] = act(officers[i], lead,
                       {{"action", "assign"}, {"version", version}, {"assignee", "township_a"}});
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  std::multiset<int> statuses;
  for (const Response& answer : answers)
    statuses.insert(answer.status);
  EXPECT_EQ(statuses.count(200), 1u);
  EXPECT_EQ(statuses.count(409), static_cast<size_t>(kOfficers - 1));
  EXPECT_EQ(version_of(officers[0], lead), version + 1);
  const json detail = get(officers[0], "/api/v1/leads/" + lead).body;
  int assignments = 0;
  for (const json& entry : detail.value("history", json::array()))
    assignments += entry.value("action", "") == "assign" ? 1 : 0;
  EXPECT_EQ(assignments, 1) << detail.dump();
}

TEST_F(ApiConcurrencyTest, ParallelWritesAndAnImportLoseNothing) {
  start_server();
  const int64_t leads_before = count_rows("leads");
  const int64_t medical_before = count_rows("feed_medical");
  std::vector<Session> officers;
  for (int i = 0; i < kOfficers; ++i)
    officers.push_back(login("township_a"));
  std::vector<std::vector<std::string>> numbers(kOfficers);
  std::vector<int> failures(kOfficers, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < kOfficers; ++i) {
    threads.emplace_back([&, i] {
      for (int visit = 0; visit < 10; ++visit) {
        auto intake = post(officers[i], "/api/v1/leads",
                           {{"source", "visit"},
                            {"subject", {{"name", "走访对象"}, {"address", "大田坝村"}}},
                            {"description", fmt::format("officer {} visit {}", i, visit)}});
        if (intake.status == 201)
          numbers[i].push_back(intake.body.value("lead_no", ""));
        else
          ++failures[i];
      }
    });
  }
  // Meanwhile a department's feed is imported on the test's own connection.
  std::string medical = "结算单号,身份证号,姓名,结算日期,医疗总费用,个人自付\n";
  for (int row = 0; row < 500; ++row)
    medical += fmt::format("CC{:05},500241197001010031,向德明,2026-05-01,100,50\n", row);
  import_csv(FeedKind::kMedical, medical);
  for (std::thread& thread : threads)
    thread.join();

  std::set<std::string> distinct;
  for (int i = 0; i < kOfficers; ++i) {
    EXPECT_EQ(failures[i], 0) << "officer " << i;
    distinct.insert(numbers[i].begin(), numbers[i].end());
  }
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kOfficers * 10));
  EXPECT_EQ(count_rows("leads"), leads_before + kOfficers * 10);
  EXPECT_EQ(count_rows("feed_medical"), medical_before + 500);
  for (const std::string& number : distinct)
    EXPECT_EQ(get(officers[0], "/api/v1/leads/" + number).status, 200) << number;
}

}  // namespace
}  // namespace faxian::api
