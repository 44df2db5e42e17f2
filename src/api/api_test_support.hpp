#pragma once
// Test fixture for the API: a migrated SQLite database initialised like `faxian init`, one user
// per role (two township officers and two coordinators, in different areas), households in two
// townships, the server on a free loopback port with a clock the test moves, and a real HTTP
// client that logs in the way a browser does (session cookie + CSRF header).
//
// Areas: 乌杨街道 500241002 with 大田坝村 500241002200 and 凉亭村 500241002201; 隘口镇
// 500241103 with 平所村 500241103204.

#include <httplib.h>

#include <atomic>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api/api_server.hpp"
#include "common/file_util.hpp"
#include "common/password_hash.hpp"
#include "common/source_dir_for_tests.hpp"
#include "store/calendar_repository.hpp"
#include "store/query.hpp"
#include "store/user_repository.hpp"
#include "workflow/assistance/assistance_test_support.hpp"

namespace faxian::api::testing_support {

// A clock the test moves while the server reads it from its threads.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t now) : now_(now) {}
  int64_t now_unix() const override { return now_.load(); }
  void advance_seconds(int64_t seconds) { now_ += seconds; }

 private:
  std::atomic<int64_t> now_;
};

inline constexpr const char* kPassword = "correct-horse-42";
inline constexpr const char* kTownshipA = "500241002";
inline constexpr const char* kVillageA1 = "500241002200";
inline constexpr const char* kVillageA2 = "500241002201";
inline constexpr const char* kTownshipB = "500241103";
inline constexpr const char* kVillageB1 = "500241103204";

// A logged-in client: every request carries the session cookie, and state-changing ones the
// CSRF token.
struct Session {
  std::string cookie;  // "faxian_session=…"
  std::string csrf_token;
  nlohmann::json login;  // the login response body
};

// A response: status and parsed JSON body (null when the body is not JSON).
struct Response {
  int status = 0;
  nlohmann::json body;
  std::string raw;
  httplib::Headers headers;
};

class ApiTest : public faxian::workflow::testing_support::AssistanceTest {
 protected:
  void SetUp() override {
    AssistanceTest::SetUp();
    if (HasFatalFailure())
      return;
    add_user("admin", Role::kCountyAdmin, "");
    add_user("officer", Role::kCountyOfficer, "");
    add_user("township_a", Role::kTownshipOfficer, kTownshipA);
    add_user("township_b", Role::kTownshipOfficer, kTownshipB);
    add_user("village_a1", Role::kVillageCoordinator, kVillageA1);
    add_user("village_b1", Role::kVillageCoordinator, kVillageB1);
    add_user("hotline", Role::kHotlineOperator, "");
    add_user("medical_liaison", Role::kDepartmentLiaison, "", "医保局");
    add_user("auditor", Role::kAuditor, "");
  }
  void TearDown() override {
    if (server_)
      server_->stop();
  }

  // Stores a user with kPassword (no forced change unless `must_change`).
  void add_user(const std::string& username, Role role, const std::string& region,
                const std::string& department = "", bool must_change = false) {
    User user;
    user.username = username;
    user.role = role;
    user.region_code = region;
    user.department = department;
    user.password_hash = password_hash();
    user.must_change_password = must_change;
    auto id = UserRepository(db(), clock_).insert(user);
    ASSERT_TRUE(id.has_value()) << id.error().to_string();
  }

  // Starts the server on a free port. Call after seeding data.
  void start_server(ServerConfig config = {}) {
    config.database_url = test_db_->url();
    config.port = 0;
    config.clock = &server_clock_;
    server_ = std::make_unique<ApiServer>(config);
    auto bound = server_->bind();
    ASSERT_TRUE(bound.has_value()) << bound.error().to_string();
    server_->start_in_background();
  }

  httplib::Client client() const {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(60, 0);
    return client;
  }

  static Response wrap(const httplib::Result& result) {
    Response response;
    if (!result)
      return response;
    response.status = result->status;
    response.raw = result->body;
    response.headers = result->headers;
    response.body = nlohmann::json::parse(result->body, nullptr, false);
    if (response.body.is_discarded())
      response.body = nullptr;
    return response;
  }

  // Logs in; a test failure unless it answers 200.
  Session login(const std::string& username, const std::string& password = kPassword) {
    Session session;
    auto result = client().Post(
        "/api/v1/session", nlohmann::json{{"username", username}, {"password", password}}.dump(),
        "application/json");
    EXPECT_TRUE(result && result->status == 200)
        << username << ": " << (result ? result->body : std::string("no response"));
    if (!result || result->status != 200)
      return session;
    const std::string set_cookie = result->get_header_value("Set-Cookie");
    session.cookie = set_cookie.substr(0, set_cookie.find(';'));
    session.login = nlohmann::json::parse(result->body);
    session.csrf_token = session.login.value("csrf_token", "");
    return session;
  }

  static httplib::Headers headers_of(const Session& session, bool with_csrf) {
    httplib::Headers headers{{"Cookie", session.cookie}};
    if (with_csrf)
      headers.emplace("X-CSRF-Token", session.csrf_token);
    return headers;
  }

  Response get(const Session& session, const std::string& path) const {
    return wrap(client().Get(path, headers_of(session, false)));
  }
  Response post(const Session& session, const std::string& path, const nlohmann::json& body) {
    return wrap(client().Post(path, headers_of(session, true), body.dump(), "application/json"));
  }
  Response del(const Session& session, const std::string& path) {
    return wrap(client().Delete(path, headers_of(session, true)));
  }
  // Without any credentials.
  Response get_anonymous(const std::string& path) const { return wrap(client().Get(path)); }
  Response post_anonymous(const std::string& path, const nlohmann::json& body) {
    return wrap(client().Post(path, body.dump(), "application/json"));
  }

  // Writes queued view audits (they are group-committed in the background).
  void flush_audit() { server_->flush_audit(); }
  // Audit rows with this action, after the queued ones are written.
  int64_t audit_count(const std::string& action) {
    flush_audit();
    return query_int(db(), "SELECT count(*) FROM audit_log WHERE action = ?",
                     [&](Statement& s) { s.bind_text(1, action); })
        .value();
  }

  // Stores every year of data/calendar in the database, as `faxian init` does (lead deadlines
  // count working days by it).
  void store_shipped_calendar() {
    auto files = list_files(faxian_source_dir() + "/data/calendar", ".json");
    ASSERT_TRUE(files.has_value()) << files.error().to_string();
    for (const std::string& file : *files) {
      auto json = read_file(file);
      ASSERT_TRUE(json.has_value()) << json.error().to_string();
      auto stored = CalendarRepository(db(), clock_).put_json(*json, "test");
      ASSERT_TRUE(stored.has_value()) << stored.error().to_string();
    }
  }

  static const std::string& password_hash() {
    static const std::string hash = hash_password(kPassword, PasswordCost::kTestsMinimum).value();
    return hash;
  }

  ManualClock server_clock_{clock_.now_unix()};
  std::unique_ptr<ApiServer> server_;
};

}  // namespace faxian::api::testing_support
