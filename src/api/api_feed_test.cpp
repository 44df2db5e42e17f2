// Feed uploads over real HTTP: a CSV file as multipart and JSON rows through the real importer,
// the row-error report, strict and failed batches (422), unknown feeds (404), the 1 MiB JSON
// limit (413), who may upload which feed (accounts by department, API tokens by their feeds,
// revoked and expired tokens), and who may read which batch report.

#include <gtest/gtest.h>

#include "api/api_test_support.hpp"
#include "api/api_token_store.hpp"
#include "api/feed_upload.hpp"
#include "store/query.hpp"

namespace faxian::api {
namespace {

using testing_support::ApiTest;
using testing_support::Response;
using testing_support::Session;

constexpr const char* kMedicalCsv =
    "结算单号,身份证号,姓名,结算日期,医疗总费用,个人自付\n"
    "YB-001,500241197001010031,向德明,2026-05-10,40000.00,30000.00\n"
    "YB-002,500241197202020041,彭秀兰,2026-05-12,800.00,200.00\n";

class ApiFeedTest : public ApiTest {
 protected:
  static httplib::Headers bearer(const std::string& secret) {
    return {{"Authorization", "Bearer " + secret}};
  }

  Response upload(const Session& session, const std::string& feed, const std::string& csv,
                  const std::string& query = "") {
    httplib::MultipartFormDataItems items{{"file", csv, "医保结算.csv", "text/csv"}};
    return wrap(client().Post("/api/v1/feeds/" + feed + "/batches" + query,
                              headers_of(session, true), items));
  }
  Response upload_as_token(const std::string& secret, const std::string& feed,
                           const std::string& csv) {
    httplib::MultipartFormDataItems items{{"file", csv, "medical.csv", "text/csv"}};
    return wrap(client().Post("/api/v1/feeds/" + feed + "/batches", bearer(secret), items));
  }
  Response get_as_token(const std::string& secret, const std::string& path) {
    return wrap(client().Get(path, bearer(secret)));
  }

  IssuedToken issue_token(const std::string& department, const std::vector<std::string>& feeds) {
    auto issued = ApiTokenStore(db(), server_clock_)
                      .issue("his-" + department, department, feeds,
                             server_clock_.now_unix() + 86400, std::nullopt);
    EXPECT_TRUE(issued.has_value()) << issued.error().to_string();
    return issued.value_or(IssuedToken{});
  }

  int64_t count(const std::string& sql) {
    return query_int(db(), sql, [](Statement&) {}).value();
  }
};

TEST_F(ApiFeedTest, MultipartCsvIsImportedAndAnswersTheBatchReport) {
  start_server();
  Session admin = login("admin");
  Response created = upload(admin, "medical", kMedicalCsv);
  ASSERT_EQ(created.status, 201) << created.raw;
  EXPECT_EQ(created.body["feed"], "medical");
  EXPECT_EQ(created.body["status"], "committed");
  EXPECT_EQ(created.body["rows"], 2);
  EXPECT_EQ(created.body["imported"], 2);
  EXPECT_EQ(created.body["rejected"], 0);
  EXPECT_EQ(created.body["file_name"], "医保结算.csv");
  EXPECT_EQ(created.body["imported_by"], "admin");
  EXPECT_TRUE(created.body["errors"].empty());
  EXPECT_EQ(count("SELECT count(*) FROM feed_medical"), 2);
  // The same file again: every row a duplicate.
  Response again = upload(admin, "medical", kMedicalCsv);
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(again.body["duplicates"], 2);
  EXPECT_EQ(again.body["imported"], 0);
  // Audited synchronously in the hash chain.
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'feed.upload' AND "
                  "actor = 'admin' AND object_type = 'batch'"),
            2);
  Response report =
      get(admin, "/api/v1/batches/" + std::to_string(created.body["batch_id"].get<int64_t>()));
  ASSERT_EQ(report.status, 200) << report.raw;
  EXPECT_EQ(report.body["imported"], 2);
  EXPECT_EQ(report.body["status"], "committed");
}

TEST_F(ApiFeedTest, JsonRowsAreImportedLikeACsvFile) {
  start_server();
  Session admin = login("admin");
  nlohmann::json rows = nlohmann::json::array();
  rows.push_back({{"settlement_no", "YB-101"},
                  {"id_number", "500241197001010031"},
                  {"name", "向德明"},
                  {"settle_date", "2026-05-10"},
                  {"total_cost", 1200.5},
                  {"self_paid", "300.00"},
                  {"hospital", "秀山县人民医院, 住院部"}});
  rows.push_back({{"结算单号", "YB-102"},
                  {"身份证号", "500241197202020041"},
                  {"姓名", "彭秀兰"},
                  {"结算日期", "2026/5/12"},
                  {"医疗总费用", 800},
                  {"诊断名称", nullptr}});
  Response created = post(admin, "/api/v1/feeds/medical/batches", {{"rows", rows}});
  ASSERT_EQ(created.status, 201) << created.raw;
  EXPECT_EQ(created.body["rows"], 2);
  EXPECT_EQ(created.body["rejected"], 0) << created.body["errors"].dump();
  EXPECT_EQ(created.body["file_name"], "rows.json");
  EXPECT_EQ(count("SELECT count(*) FROM feed_medical"), 2);
  EXPECT_EQ(
      post(admin, "/api/v1/feeds/medical/batches", {{"rows", nlohmann::json::array()}}).status,
      400);
  EXPECT_EQ(post(admin, "/api/v1/feeds/medical/batches", {{"rows", {{{"x", {{"y", 1}}}}}}}).status,
            400);
  EXPECT_EQ(post(admin, "/api/v1/feeds/medical/batches", {{"lines", rows}}).status, 400);
}

TEST_F(ApiFeedTest, JsonRowsBecomeAQuotedCsv) {
  nlohmann::json rows = nlohmann::json::array();
  rows.push_back({{"a", "x,\"y\""}, {"b", true}});
  rows.push_back({{"b", nullptr}, {"c", 5}});
  auto csv = json_rows_to_csv(FeedKind::kMedical, rows);
  ASSERT_TRUE(csv.has_value());
  EXPECT_EQ(*csv, "a,b,c\r\n\"x,\"\"y\"\"\",是,\r\n,,5\r\n");
  // Aliases become the Chinese names, so rows may mix them; one column twice in a row is refused.
  auto mixed = json_rows_to_csv(FeedKind::kMedical, {{{"NAME", "甲"}}, {{"姓名", "乙"}}});
  ASSERT_TRUE(mixed.has_value());
  EXPECT_EQ(*mixed, "姓名\r\n甲\r\n乙\r\n");
  EXPECT_FALSE(
      json_rows_to_csv(FeedKind::kMedical, {{{"name", "甲"}, {"姓名", "乙"}}}).has_value());
}

TEST_F(ApiFeedTest, BadRowsAreRejectedAndListedWithRowAndColumn) {
  start_server();
  Session admin = login("admin");
  const std::string csv = std::string(kMedicalCsv) +
                          "YB-003,500241197001010032,向德明,2026-05-13,100.00,50.00\n"
                          "YB-004,500241197001010031,向德明,2026-13-40,100.00,50.00\n";
  Response created = upload(admin, "medical", csv);
  ASSERT_EQ(created.status, 201) << created.raw;
  EXPECT_EQ(created.body["status"], "committed");
  EXPECT_EQ(created.body["imported"], 2);
  EXPECT_EQ(created.body["rejected"], 2);
  ASSERT_EQ(created.body["errors"].size(), 2u);
  EXPECT_EQ(created.body["errors"][0]["row"], 4);
  EXPECT_EQ(created.body["errors"][0]["column"], "身份证号");
  EXPECT_FALSE(created.body["errors"][0]["message"].get<std::string>().empty());
  EXPECT_EQ(created.body["errors"][1]["row"], 5);
  EXPECT_EQ(created.body["errors_total"], 2);
  // Strict: nothing committed, 422 with the report in the error details.
  Response refused = upload(admin, "medical", csv, "?strict=true");
  ASSERT_EQ(refused.status, 422) << refused.raw;
  EXPECT_EQ(refused.body["error"]["code"], "batch_refused");
  EXPECT_EQ(refused.body["error"]["details"]["status"], "rejected");
  EXPECT_EQ(refused.body["error"]["details"]["rejected"], 2);
  EXPECT_EQ(upload(admin, "medical", csv, "?strict=maybe").status, 400);
  // A file without a required column fails as a whole.
  Response failed = upload(admin, "medical", "结算单号,姓名\nYB-9,向德明\n");
  ASSERT_EQ(failed.status, 422) << failed.raw;
  EXPECT_EQ(failed.body["error"]["details"]["status"], "failed");
  EXPECT_FALSE(failed.body["error"]["details"]["errors"].empty());
}

TEST_F(ApiFeedTest, UnknownFeedIsNotFoundAndBadBodiesAreBadRequests) {
  start_server();
  Session admin = login("admin");
  EXPECT_EQ(upload(admin, "nonsense", kMedicalCsv).status, 404);
  EXPECT_EQ(upload(admin, "%27%3B%20DROP%20TABLE%20users", kMedicalCsv).status, 404);
  // Chinese feed names work too.
  EXPECT_EQ(upload(admin, "%E5%8C%BB%E4%BF%9D%E7%BB%93%E7%AE%97", kMedicalCsv).status, 201);
  auto text =
      client().Post("/api/v1/feeds/medical/batches", headers_of(admin, true), "a,b", "text/csv");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->status, 400);
  httplib::MultipartFormDataItems other{{"attachment", kMedicalCsv, "x.csv", "text/csv"}};
  auto no_file = client().Post("/api/v1/feeds/medical/batches", headers_of(admin, true), other);
  ASSERT_TRUE(no_file);
  EXPECT_EQ(no_file->status, 400);
  auto bad_json = client().Post("/api/v1/feeds/medical/batches", headers_of(admin, true),
                                "{\"rows\": [", "application/json");
  ASSERT_TRUE(bad_json);
  EXPECT_EQ(bad_json->status, 400);
}

TEST_F(ApiFeedTest, JsonRowsOverOneMebibyteAreTooLarge) {
  start_server();
  Session admin = login("admin");
  nlohmann::json rows = nlohmann::json::array();
  const std::string padding(1000, 'x');
  for (int index = 0; index < 1100; ++index)
    rows.push_back({{"settlement_no", "YB-" + std::to_string(index)}, {"hospital", padding}});
  Response refused = post(admin, "/api/v1/feeds/medical/batches", {{"rows", rows}});
  EXPECT_EQ(refused.status, 413) << refused.raw;
  EXPECT_EQ(count("SELECT count(*) FROM import_batches WHERE imported_by = 'admin'"), 0);
}

TEST_F(ApiFeedTest, OnlyTheFeedsOfTheCallersDepartment) {
  add_user("hr_liaison", Role::kDepartmentLiaison, "", "人社局");
  start_server();
  Session medical = login("medical_liaison");
  Session hr = login("hr_liaison");
  EXPECT_EQ(upload(medical, "medical", kMedicalCsv).status, 201);
  EXPECT_EQ(upload(medical, "population", kMedicalCsv).status, 403);
  EXPECT_EQ(upload(hr, "medical", kMedicalCsv).status, 403);
  EXPECT_EQ(upload(login("township_a"), "medical", kMedicalCsv).status, 403);
  EXPECT_EQ(upload(login("officer"), "medical", kMedicalCsv).status, 403);
  EXPECT_EQ(upload(login("auditor"), "medical", kMedicalCsv).status, 403);
  // The uploader is recorded with its department.
  EXPECT_EQ(count("SELECT count(*) FROM import_batches WHERE imported_by = 'medical_liaison' "
                  "AND department <> ''"),
            1);
}

TEST_F(ApiFeedTest, TokensUploadOnlyTheirFeedsWhileLive) {
  start_server();
  IssuedToken medical = issue_token("medical", {"medical"});
  IssuedToken hr = issue_token("human_resources", {"employment", "income"});
  Response created = upload_as_token(medical.secret, "medical", kMedicalCsv);
  ASSERT_EQ(created.status, 201) << created.raw;
  EXPECT_EQ(created.body["imported_by"], "token:his-medical");
  EXPECT_EQ(upload_as_token(medical.secret, "income", kMedicalCsv).status, 403);
  EXPECT_EQ(upload_as_token(hr.secret, "medical", kMedicalCsv).status, 403);
  EXPECT_EQ(upload_as_token("fx_" + std::string(64, '0'), "medical", kMedicalCsv).status, 401);
  ASSERT_TRUE(ApiTokenStore(db(), server_clock_).revoke(medical.token.id).has_value());
  EXPECT_EQ(upload_as_token(medical.secret, "medical", kMedicalCsv).status, 401);
  server_clock_.advance_seconds(2 * 86400);
  EXPECT_EQ(upload_as_token(hr.secret, "income", kMedicalCsv).status, 401);
}

TEST_F(ApiFeedTest, BatchReportsAreVisibleToTheirDepartmentOnly) {
  add_user("hr_liaison", Role::kDepartmentLiaison, "", "human_resources");
  start_server();
  Session medical = login("medical_liaison");
  Response created = upload(medical, "medical", kMedicalCsv);
  ASSERT_EQ(created.status, 201) << created.raw;
  const std::string path =
      "/api/v1/batches/" + std::to_string(created.body["batch_id"].get<int64_t>());
  EXPECT_EQ(get(medical, path).status, 200);
  EXPECT_EQ(get(login("admin"), path).status, 200);
  EXPECT_EQ(get(login("auditor"), path).status, 200);
  Session hr = login("hr_liaison");
  EXPECT_EQ(get(hr, path).status, 404);
  EXPECT_EQ(get(login("township_a"), path).status, 403);
  EXPECT_EQ(get(medical, "/api/v1/batches/999999").status, 404);
  EXPECT_EQ(get(medical, "/api/v1/batches/abc").status, 404);
  IssuedToken token = issue_token("medical", {"medical"});
  EXPECT_EQ(get_as_token(token.secret, path).status, 200);
  IssuedToken other = issue_token("education", {"education"});
  EXPECT_EQ(get_as_token(other.secret, path).status, 404);
  // Lists.
  Response mine = get(medical, "/api/v1/batches");
  ASSERT_EQ(mine.status, 200) << mine.raw;
  EXPECT_EQ(mine.body["total"], 1);
  EXPECT_EQ(mine.body["items"][0]["batch_id"], created.body["batch_id"]);
  EXPECT_FALSE(mine.body["items"][0].contains("errors"));
  EXPECT_EQ(get(hr, "/api/v1/batches").body["total"], 0);
  EXPECT_EQ(get(hr, "/api/v1/batches?feed=medical").body["total"], 0);
  EXPECT_EQ(get(login("admin"), "/api/v1/batches?feed=medical").body["total"], 1);
  EXPECT_EQ(get(login("admin"), "/api/v1/batches?feed=income").body["total"], 0);
  EXPECT_EQ(get(login("admin"), "/api/v1/batches?feed=bogus").status, 400);
  EXPECT_EQ(get(login("admin"), "/api/v1/batches?page_size=501").status, 400);
  flush_audit();
  EXPECT_GE(count("SELECT count(*) FROM audit_log WHERE action = 'batch.view'"), 3);
}

}  // namespace
}  // namespace faxian::api
