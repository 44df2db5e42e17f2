// The public pages over real HTTP: a report answered with a status code whose lookup shows only
// the lead's stage as a township moves it on; the challenge, field checks and SQL-injection
// strings; 5 report attempts per hour per address (429 with Retry-After, accepted again an hour
// later) and the lookup limit; the policy page and the self-check, which records nothing.

#include <regex>

#include <gtest/gtest.h>

#include "api/api_test_support.hpp"
#include "store/calendar_repository.hpp"
#include "store/query.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::api {
namespace {

using testing_support::ApiTest;
using testing_support::Response;

// The answer of "三加四等于几？" / "九减五等于几？".
int answer_of(const std::string& question) {
  static const std::vector<std::string> numerals = {"零", "一", "二", "三", "四",
                                                    "五", "六", "七", "八", "九"};
  auto value = [&](const std::string& numeral) {
    for (size_t index = 0; index < numerals.size(); ++index) {
      if (numerals[index] == numeral)
        return static_cast<int>(index);
    }
    ADD_FAILURE() << "unknown numeral " << numeral;
    return 0;
  };
  const size_t plus = question.find("加");
  const size_t minus = question.find("减");
  const size_t op = plus != std::string::npos ? plus : minus;
  EXPECT_NE(op, std::string::npos) << question;
  const std::string left = question.substr(0, op);
  const std::string right = question.substr(op + 3, 3);  // one numeral: 3 bytes of UTF-8
  return plus != std::string::npos ? value(left) + value(right) : value(left) - value(right);
}

class ApiPublicTest : public ApiTest {
 protected:
  nlohmann::json form() const {
    return {{"subject_name", "张桂芳"},
            {"village", testing_support::kVillageA1},
            {"address", "大田坝村三组"},
            {"description", "老人独居，腿脚不便，冬天没有取暖，生活很困难"},
            {"reporter_phone", "13812345678"}};
  }

  // Answers a fresh challenge and posts the form.
  Response submit(nlohmann::json body) {
    auto challenge = get_anonymous("/api/v1/public/challenge");
    EXPECT_EQ(challenge.status, 200);
    if (!body.contains("challenge_id"))
      body["challenge_id"] = challenge.body.value("challenge_id", "");
    if (!body.contains("challenge_answer"))
      body["challenge_answer"] = std::to_string(answer_of(challenge.body.value("question", "")));
    return post_anonymous("/api/v1/public/reports", body);
  }

  std::optional<Lead> lead_of_code(const std::string& code) {
    const int64_t lead_id =
        query_int(db(), "SELECT lead_id FROM public_reports WHERE code = ?", [&](Statement& s) {
          s.bind_text(1, code);
        }).value();
    workflow::LeadService leads(db(), clock_, calendar_);
    return leads.find_by_id(lead_id).value();
  }

  void start_with_limit(int per_hour) {
    ServerConfig config;
    config.public_reports_per_hour = per_hour;
    start_server(config);
  }
};

TEST_F(ApiPublicTest, AReportGetsACodeWhoseStatusShowsOnlyTheStage) {
  start_server();
  auto created = submit(form());
  ASSERT_EQ(created.status, 201) << created.raw;
  const std::string code = created.body["code"];
  EXPECT_TRUE(std::regex_match(code, std::regex("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}"))) << code;

  std::optional<Lead> lead = lead_of_code(code);
  ASSERT_TRUE(lead.has_value());
  EXPECT_EQ(lead->status, LeadStatus::kNew);
  EXPECT_EQ(lead->township_code, testing_support::kTownshipA);  // the township's inbox
  EXPECT_EQ(lead->subject.name, "张桂芳");
  EXPECT_EQ(lead->subject.phone, "");  // the reporter's phone is not the subject's
  ASSERT_EQ(lead->sources.size(), 1u);
  EXPECT_EQ(lead->sources[0].source, LeadSource::kSocialReport);
  EXPECT_EQ(lead->sources[0].reference, code);
  EXPECT_EQ(query_int(db(),
                      "SELECT count(*) FROM audit_log WHERE action = 'public.report' AND "
                      "actor = 'public' AND source_address = '127.0.0.1'",
                      [](Statement&) {})
                .value(),
            1);

  auto status = get_anonymous("/api/v1/public/reports/" + code);
  ASSERT_EQ(status.status, 200) << status.raw;
  EXPECT_EQ(status.body["stage"], "received");
  EXPECT_EQ(status.body.size(), 4u);  // code, stage, stage_label, updated
  for (const std::string& secret :
       {std::string("张桂芳"), std::string(testing_support::kVillageA1),
        std::string(testing_support::kTownshipA), std::string("13812345678"), std::string("5678"),
        lead->lead_no, std::string("大田坝")}) {
    EXPECT_EQ(status.raw.find(secret), std::string::npos) << secret;
  }

  // The township officer assigns the lead: "in progress".
  auto officer = UserRepository(db(), clock_).find_by_username("township_a").value().value();
  WorkCalendar calendar = CalendarRepository(db(), clock_).load().value();
  workflow::LeadService leads(db(), clock_, calendar);
  auto assigned = leads.assign(workflow::Actor::of(officer), lead->lead_no, lead->version,
                               officer.id, "本人负责");
  ASSERT_TRUE(assigned.has_value()) << assigned.error().to_string();
  // Typed in lower case without dashes, as a reporter might.
  std::string typed;
  for (char c : code) {
    if (c != '-')
      typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  auto progress = get_anonymous("/api/v1/public/reports/" + typed);
  ASSERT_EQ(progress.status, 200) << progress.raw;
  EXPECT_EQ(progress.body["stage"], "in_progress");
  EXPECT_EQ(progress.body["code"], code);
}

TEST_F(ApiPublicTest, AReportNeedsTheRightAnswerToAFreshChallenge) {
  start_server();
  auto missing = post_anonymous("/api/v1/public/reports", form());
  EXPECT_EQ(missing.status, 400);
  auto challenge = get_anonymous("/api/v1/public/challenge");
  ASSERT_EQ(challenge.status, 200);
  const std::string question = challenge.body["question"];
  EXPECT_NE(question.find("等于几"), std::string::npos);
  nlohmann::json body = form();
  body["challenge_id"] = challenge.body["challenge_id"];
  body["challenge_answer"] = answer_of(question) + 1;
  auto wrong = post_anonymous("/api/v1/public/reports", body);
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.body["error"]["code"], "invalid_argument");
  body["challenge_answer"] = answer_of(question);  // a JSON number is fine too
  EXPECT_EQ(post_anonymous("/api/v1/public/reports", body).status, 201);
  // One report per challenge.
  EXPECT_EQ(post_anonymous("/api/v1/public/reports", body).status, 400);
}

TEST_F(ApiPublicTest, AnExpiredChallengeIsRefused) {
  start_server();
  auto challenge = get_anonymous("/api/v1/public/challenge");
  nlohmann::json body = form();
  body["challenge_id"] = challenge.body["challenge_id"];
  body["challenge_answer"] = answer_of(challenge.body["question"]);
  server_clock_.advance_seconds(16 * 60);
  EXPECT_EQ(post_anonymous("/api/v1/public/reports", body).status, 400);
}

TEST_F(ApiPublicTest, TheSixthAttemptWithinAnHourIsRateLimited) {
  start_server();
  for (int i = 0; i < 5; ++i)
    ASSERT_EQ(submit(form()).status, 201) << "report " << i + 1;
  auto limited = submit(form());
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.body["error"]["code"], "rate_limited");
  auto retry = limited.headers.find("Retry-After");
  ASSERT_NE(retry, limited.headers.end());
  EXPECT_GT(std::stoi(retry->second), 0);
  EXPECT_LE(std::stoi(retry->second), 3600);
  server_clock_.advance_seconds(3601);
  EXPECT_EQ(submit(form()).status, 201);
}

TEST_F(ApiPublicTest, UnknownCodesAre404AndLookupsAreLimitedToo) {
  start_server();
  EXPECT_EQ(get_anonymous("/api/v1/public/reports/ABCD-EFGH-JK").status, 404);
  EXPECT_EQ(get_anonymous("/api/v1/public/reports/x%27%20OR%20%271%27%3D%271").status, 404);
  EXPECT_EQ(get_anonymous("/api/v1/public/reports/" + std::string(300, 'A')).status, 404);
  for (int i = 0; i < 57; ++i)
    get_anonymous("/api/v1/public/reports/ABCD-EFGH-JK");
  auto limited = get_anonymous("/api/v1/public/reports/ABCD-EFGH-JK");
  EXPECT_EQ(limited.status, 429);
  EXPECT_NE(limited.headers.find("Retry-After"), limited.headers.end());
}

TEST_F(ApiPublicTest, FieldsAreCheckedWithChineseMessages) {
  start_with_limit(1000);
  auto expect_400 = [&](nlohmann::json body, const std::string& what) {
    auto response = submit(std::move(body));
    EXPECT_EQ(response.status, 400) << what << ": " << response.raw;
    EXPECT_FALSE(response.body["error"].value("message", "").empty()) << what;
  };
  nlohmann::json body = form();
  body["subject_name"] = [] {
    std::string name;
    for (int i = 0; i < 51; ++i)
      name += "张";
    return name;
  }();
  expect_400(body, "name of 51 characters");
  body = form();
  body["subject_name"] = "  ";
  expect_400(body, "blank name");
  body = form();
  body["description"] = "很困难";
  expect_400(body, "short description");
  body = form();
  body["description"] = std::string(2001, 'x');
  expect_400(body, "long description");
  body = form();
  body["village"] = "500241999999";
  expect_400(body, "unknown village");
  body["village"] = testing_support::kTownshipA;  // a township is not a village
  expect_400(body, "township as village");
  body = form();
  body.erase("village");
  expect_400(body, "no place");
  body["township"] = "500241";
  expect_400(body, "county as township");
  body = form();
  body["reporter_phone"] = "call me";
  expect_400(body, "phone");
  body = form();
  body["subject_name"] = 42;
  expect_400(body, "name of the wrong type");
  body = form();
  body["challenge_answer"] = nlohmann::json::array();
  expect_400(body, "answer of the wrong type");
  // A township without a village is enough.
  body = form();
  body.erase("village");
  body["township"] = testing_support::kTownshipB;
  auto created = submit(body);
  ASSERT_EQ(created.status, 201) << created.raw;
  EXPECT_EQ(lead_of_code(created.body["code"])->township_code, testing_support::kTownshipB);
}

TEST_F(ApiPublicTest, InjectionStringsAreRefusedOrStoredVerbatimNeverA500) {
  start_with_limit(1000);
  const std::vector<std::string> attacks = {
      "Robert'); DROP TABLE leads;--", "' OR '1'='1", "\"; DELETE FROM public_reports; --",
      "1; UPDATE users SET role='county_admin'", "<script>alert(1)</script>"};
  for (const std::string field : {"subject_name", "village", "township", "address", "description",
                                  "reporter_phone", "challenge_id", "challenge_answer"}) {
    for (const std::string& attack : attacks) {
      nlohmann::json body = form();
      body[field] = attack;
      auto response = submit(body);
      EXPECT_TRUE(response.status == 201 || response.status == 400)
          << field << " = " << attack << ": " << response.status << " " << response.raw;
      if (response.status != 201)
        continue;
      std::optional<Lead> lead = lead_of_code(response.body["code"]);
      ASSERT_TRUE(lead.has_value());
      if (field == "subject_name") {
        EXPECT_EQ(lead->subject.name, attack);
      }
      if (field == "description") {
        EXPECT_EQ(lead->description, attack);
      }
    }
  }
  EXPECT_GT(query_int(db(), "SELECT count(*) FROM leads", [](Statement&) {}).value(), 0);
  EXPECT_GT(query_int(db(), "SELECT count(*) FROM users WHERE role = 'auditor'", [](Statement&) {})
                .value(),
            0);
}

TEST_F(ApiPublicTest, RegionsListTownshipsWithTheirVillages) {
  start_server();
  auto regions = get_anonymous("/api/v1/public/regions");
  ASSERT_EQ(regions.status, 200);
  bool found = false;
  for (const auto& township : regions.body["townships"]) {
    if (township["code"] != testing_support::kTownshipA)
      continue;
    for (const auto& village : township["villages"])
      found = found || village["code"] == testing_support::kVillageA1;
  }
  EXPECT_TRUE(found);
}

TEST_F(ApiPublicTest, PolicyAndSelfCheckAreIndicativeAndRecordNothing) {
  ASSERT_TRUE(db().run("INSERT INTO workflow_settings VALUES ('public.hotline', '023-76662345', "
                       "'admin', 0)")
                  .has_value());
  start_server();
  auto policy = get_anonymous("/api/v1/public/policy");
  ASSERT_EQ(policy.status, 200) << policy.raw;
  EXPECT_EQ(policy.body["dibao_urban_monthly"], 770);  // in force from 2025-07-01
  EXPECT_EQ(policy.body["dibao_rural_monthly"], 630);
  EXPECT_EQ(policy.body["asset_limits"]["deposit_months"], 24);
  EXPECT_EQ(policy.body["hotline"], "023-76662345");

  const int64_t audit_before =
      query_int(db(), "SELECT count(*) FROM audit_log", [](Statement&) {}).value();
  auto poor = post_anonymous("/api/v1/public/self-check",
                             {{"household_size", 2}, {"monthly_income", 1000}, {"area", "rural"}});
  ASSERT_EQ(poor.status, 200) << poor.raw;
  EXPECT_EQ(poor.body["indicative"], true);
  EXPECT_FALSE(poor.body["notice"].get<std::string>().empty());
  EXPECT_EQ(poor.body["per_capita_monthly_income"], 500);
  EXPECT_EQ(poor.body["results"][0]["programme"], "dibao");
  EXPECT_EQ(poor.body["results"][0]["may_apply"], true);
  auto edge = post_anonymous("/api/v1/public/self-check",
                             {{"household_size", 1}, {"monthly_income", 800.5}, {"area", "rural"}});
  ASSERT_EQ(edge.status, 200);
  EXPECT_EQ(edge.body["results"][0]["may_apply"], false);
  EXPECT_EQ(edge.body["results"][1]["may_apply"], true);  // 800.5 < 1.5 × 630
  EXPECT_EQ(post_anonymous("/api/v1/public/self-check", {{"household_size", 0}}).status, 400);
  EXPECT_EQ(post_anonymous("/api/v1/public/self-check",
                           {{"household_size", 2}, {"monthly_income", "many"}})
                .status,
            400);
  EXPECT_EQ(post_anonymous("/api/v1/public/self-check",
                           {{"household_size", 2}, {"monthly_income", 1e300}})
                .status,
            400);
  EXPECT_EQ(post_anonymous("/api/v1/public/self-check",
                           {{"household_size", 2}, {"monthly_income", 100}, {"area", "mars"}})
                .status,
            400);
  flush_audit();
  EXPECT_EQ(query_int(db(), "SELECT count(*) FROM audit_log", [](Statement&) {}).value(),
            audit_before);
}

}  // namespace
}  // namespace faxian::api
