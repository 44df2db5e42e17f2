// The server on loopback, driven by a real HTTP client: liveness, readiness against a real
// database (migrated or not), the JSON error body for unknown routes and oversized bodies, and
// the security headers on every response.

#include "api/api_server.hpp"

#include <httplib.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "store/migrations/migrations.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian::api {
namespace {

class ApiServerTest : public ::testing::Test {
 protected:
  void start(bool migrated, std::string static_dir = "") {
    test_db_ = faxian::testing_support::create_test_database();
    ASSERT_NE(test_db_, nullptr);
    if (migrated) {
      auto version = migrate(test_db_->db(), SystemClock().now_unix());
      ASSERT_TRUE(version.has_value()) << version.error().to_string();
    }
    ServerConfig config;
    config.database_url = test_db_->url();
    config.port = 0;
    config.json_body_limit = 1024;
    config.static_dir = std::move(static_dir);
    server_ = std::make_unique<ApiServer>(config);
    auto bound = server_->bind();
    ASSERT_TRUE(bound.has_value()) << bound.error().to_string();
    server_->start_in_background();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  void TearDown() override {
    if (server_)
      server_->stop();
  }
  static nlohmann::json body_of(const httplib::Result& result) {
    return nlohmann::json::parse(result->body, nullptr, false);
  }

  std::unique_ptr<faxian::testing_support::TestDatabase> test_db_;
  std::unique_ptr<ApiServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ApiServerTest, HealthzAnswersWithSecurityHeaders) {
  start(true);
  auto result = client_->Get("/healthz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(body_of(result)["status"], "ok");
  EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(result->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(ApiServerTest, ReadyzIsReadyOnlyWithAMigratedDatabase) {
  start(true);
  auto ready = client_->Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  EXPECT_EQ(body_of(ready)["status"], "ready");
}

TEST_F(ApiServerTest, ReadyzIs503WithTheReasonWhenTheSchemaIsMissing) {
  start(false);
  auto result = client_->Get("/readyz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 503);
  const nlohmann::json body = body_of(result);
  EXPECT_EQ(body["error"]["code"], "unavailable");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("faxian init"), std::string::npos);
}

TEST_F(ApiServerTest, UnknownRoutesAreJsonNotFoundWithoutLeakingDetail) {
  start(true);
  auto result = client_->Get("/api/v1/no-such-thing");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404);
  const nlohmann::json body = body_of(result);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_TRUE(body["error"]["details"].is_object());
  EXPECT_EQ(result->get_header_value("X-Frame-Options"), "DENY");
}

TEST_F(ApiServerTest, ABodyOverTheLimitIs413) {
  start(true);
  const std::string big(4096, 'x');
  auto result = client_->Post("/healthz", big, "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
  EXPECT_EQ(body_of(result)["error"]["code"], "payload_too_large");
}

TEST_F(ApiServerTest, BindingATakenPortIsAClearError) {
  start(true);
  ServerConfig config;
  config.database_url = test_db_->url();
  config.port = server_->port();
  ApiServer second(config);
  auto bound = second.bind();
  ASSERT_FALSE(bound.has_value());
  EXPECT_EQ(bound.error().code, ErrorCode::kIo);
  EXPECT_NE(bound.error().message.find(std::to_string(server_->port())), std::string::npos);
}

TEST_F(ApiServerTest, OverlongUrlsAndHeadersAreRefused) {
  start(true);
  auto long_url = client_->Get("/api/v1/leads?q=" + std::string(20000, 'a'));
  ASSERT_TRUE(long_url);
  EXPECT_EQ(long_url->status, 414);
  auto long_header = client_->Get("/healthz", {{"X-Padding", std::string(20000, 'b')}});
  // httplib refuses a header line over 8 KiB: the connection is answered 400 or closed.
  EXPECT_TRUE(!long_header || long_header->status == 400);
}

class StaticFilesTest : public ApiServerTest {
 protected:
  void SetUp() override {
    web_ = std::filesystem::temp_directory_path() /
           ("faxian-web-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(web_ / "assets");
    std::ofstream(web_ / "index.html") << "<!doctype html><title>发现</title>";
    std::ofstream(web_ / "assets" / "app.js") << "console.log(1)";
    std::ofstream(web_.parent_path() / "faxian-secret.txt") << "secret";
    start(true, web_.string());
  }
  void TearDown() override {
    ApiServerTest::TearDown();
    std::filesystem::remove_all(web_);
  }
  std::filesystem::path web_;
};

TEST_F(StaticFilesTest, TheUiIsServedAndItsRoutesFallBackToIndex) {
  auto index = client_->Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("发现"), std::string::npos);
  auto script = client_->Get("/assets/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->body, "console.log(1)");
  auto app_route = client_->Get("/leads/XS20261120-0001");
  ASSERT_TRUE(app_route);
  EXPECT_EQ(app_route->status, 200);
  EXPECT_NE(app_route->body.find("<!doctype html>"), std::string::npos);
}

TEST_F(StaticFilesTest, NothingOutsideTheUiFolderAndNoApiFallback) {
  for (const char* path : {"/../faxian-secret.txt", "/%2e%2e/faxian-secret.txt",
                           "/assets/../../faxian-secret.txt", "/..%2Ffaxian-secret.txt"}) {
    auto result = client_->Get(path);
    if (!result)
      continue;  // refused outright
    EXPECT_EQ(result->body.find("secret"), std::string::npos) << path;
    EXPECT_NE(result->status, 200) << path;
  }
  auto api = client_->Get("/api/v1/no-such-thing");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  EXPECT_EQ(body_of(api)["error"]["code"], "not_found");
  auto listing = client_->Get("/assets/");
  ASSERT_TRUE(listing);
  EXPECT_EQ(listing->body.find("app.js"), std::string::npos);  // no directory listing
}

}  // namespace
}  // namespace faxian::api
