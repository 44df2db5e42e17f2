// Logging in and out over real HTTP: the cookie's attributes, the CSRF token, the 5-failure
// lock-out and its end, idle and absolute session expiry, forced first password change, and the
// audit of every login and failure.

#include <gtest/gtest.h>

#include "api/api_test_support.hpp"
#include "store/query.hpp"

namespace faxian::api {
namespace {

using testing_support::ApiTest;
using testing_support::kPassword;
using testing_support::Session;

using ApiSessionTest = ApiTest;

TEST_F(ApiSessionTest, LoginAnswersTheUserAndSetsAStrictHttpOnlyCookie) {
  start_server();
  auto result =
      client().Post("/api/v1/session", R"({"username":"township_a","password":"correct-horse-42"})",
                    "application/json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  auto body = nlohmann::json::parse(result->body);
  EXPECT_EQ(body["user"], "township_a");
  EXPECT_EQ(body["role"], "township_officer");
  EXPECT_EQ(body["region"], testing_support::kTownshipA);
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 64u);
  const std::string cookie = result->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("faxian_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP here
  // The token is stored only hashed.
  const std::string token = cookie.substr(15, cookie.find(';') - 15);
  EXPECT_EQ(query_int(db(), "SELECT count(*) FROM sessions WHERE token_hash = ?",
                      [&](Statement& s) { s.bind_text(1, token); })
                .value(),
            0);
  EXPECT_EQ(audit_count("login.success"), 1);
}

// Behind nginx (docs/deployment.md) the peer is 127.0.0.1 and the client is the last address of
// X-Forwarded-For: that is what the audit records and the login limit counts. Earlier entries
// (what the client claimed) and values that are no address are ignored.
TEST_F(ApiSessionTest, TheAddressALoopbackProxyForwardsIsTheClients) {
  start_server();
  auto login_from = [&](const std::string& forwarded) {
    const httplib::Headers headers = {{"X-Forwarded-For", forwarded}};
    const auto body = nlohmann::json{{"username", "auditor"}, {"password", kPassword}}.dump();
    auto result = client().Post("/api/v1/session", headers, body, "application/json");
    ASSERT_TRUE(result && result->status == 200);
  };
  login_from("1.2.3.4, 10.20.30.40");
  login_from("<script>");
  auto logins_from = [&](const std::string& address) {
    return query_int(db(),
                     "SELECT count(*) FROM audit_log WHERE action = 'login.success' AND "
                     "source_address = ?",
                     [&](Statement& statement) { statement.bind_text(1, address); })
        .value();
  };
  EXPECT_EQ(logins_from("10.20.30.40"), 1);
  EXPECT_EQ(logins_from("1.2.3.4"), 0);
  EXPECT_EQ(logins_from("127.0.0.1"), 1);
}

TEST_F(ApiSessionTest, MeNeedsASessionAndAnswersWhoIsLoggedIn) {
  start_server();
  EXPECT_EQ(get_anonymous("/api/v1/me").status, 401);
  EXPECT_EQ(get_anonymous("/api/v1/me").body["error"]["code"], "unauthenticated");
  Session session = login("village_a1");
  auto me = get(session, "/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.body["username"], "village_a1");
  EXPECT_EQ(me.body["role"], "village_coordinator");
  EXPECT_EQ(me.body["region"], testing_support::kVillageA1);
  EXPECT_EQ(me.body["region_name"], "大田坝村");
  // A made-up cookie is no session.
  Session forged{"faxian_session=" + std::string(64, 'a'), "", {}};
  EXPECT_EQ(get(forged, "/api/v1/me").status, 401);
}

TEST_F(ApiSessionTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  start_server();
  auto wrong = post_anonymous("/api/v1/session", {{"username", "admin"}, {"password", "nope"}});
  auto unknown =
      post_anonymous("/api/v1/session", {{"username", "nobody"}, {"password", kPassword}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body["error"]["message"], unknown.body["error"]["message"]);
  EXPECT_EQ(post_anonymous("/api/v1/session", {{"username", "admin"}}).status, 400);
  EXPECT_EQ(audit_count("login.failure"), 2);
}

TEST_F(ApiSessionTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  start_server();
  for (int i = 0; i < 4; ++i)
    post_anonymous("/api/v1/session", {{"username", "officer"}, {"password", "wrong"}});
  // The 5th failure locks; now even the right password is refused.
  EXPECT_EQ(
      post_anonymous("/api/v1/session", {{"username", "officer"}, {"password", "wrong"}}).status,
      401);
  auto locked =
      post_anonymous("/api/v1/session", {{"username", "officer"}, {"password", kPassword}});
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.body["error"]["code"], "rate_limited");
  EXPECT_EQ(audit_count("login.lockout"), 1);
  // Other accounts are not affected.
  login("admin");
  server_clock_.advance_seconds(14 * 60);
  EXPECT_EQ(
      post_anonymous("/api/v1/session", {{"username", "officer"}, {"password", kPassword}}).status,
      429);
  server_clock_.advance_seconds(61);
  login("officer");
}

TEST_F(ApiSessionTest, StateChangingRequestsNeedTheSessionsCsrfToken) {
  start_server();
  Session session = login("township_a");
  auto no_token =
      wrap(client().Post("/api/v1/me/password", ApiTest::headers_of(session, false),
                         R"({"current_password":"x","new_password":"y"})", "application/json"));
  EXPECT_EQ(no_token.status, 403);
  EXPECT_EQ(no_token.body["error"]["code"], "csrf_failed");
  Session other = login("township_b");
  Session mixed{session.cookie, other.csrf_token, {}};
  EXPECT_EQ(post(mixed, "/api/v1/me/password", {{"current_password", "x"}}).status, 403);
  // A reloaded page reads its own session's token (and only that) from GET /api/v1/me.
  EXPECT_EQ(get(session, "/api/v1/me").body["csrf_token"], session.csrf_token);
  EXPECT_EQ(get(other, "/api/v1/me").body["csrf_token"], other.csrf_token);
  // With its own token the request reaches the handler (which refuses the wrong password).
  EXPECT_EQ(post(session, "/api/v1/me/password",
                 {{"current_password", "wrong-password"}, {"new_password", "another-pass-77"}})
                .status,
            400);
}

TEST_F(ApiSessionTest, SessionsEndAfterThirtyIdleMinutesOrTwelveHours) {
  start_server();
  Session session = login("auditor");
  server_clock_.advance_seconds(29 * 60);
  EXPECT_EQ(get(session, "/api/v1/me").status, 200);  // restarts the idle clock
  server_clock_.advance_seconds(29 * 60);
  EXPECT_EQ(get(session, "/api/v1/me").status, 200);
  server_clock_.advance_seconds(30 * 60);
  auto idle = get(session, "/api/v1/me");
  EXPECT_EQ(idle.status, 401);
  // Active all day: still ends 12 hours after login.
  Session busy = login("auditor");
  for (int i = 0; i < 12 * 3; ++i) {
    server_clock_.advance_seconds(20 * 60);
    if (get(busy, "/api/v1/me").status != 200) {
      EXPECT_GE(i, 12 * 3 - 1) << "ended early, after " << (i + 1) * 20 << " minutes";
      return;
    }
  }
  ADD_FAILURE() << "a session lived past 12 hours";
}

TEST_F(ApiSessionTest, LogoutEndsTheSession) {
  start_server();
  Session session = login("hotline");
  auto out = del(session, "/api/v1/session");
  EXPECT_EQ(out.status, 204);
  EXPECT_EQ(get(session, "/api/v1/me").status, 401);
}

TEST_F(ApiSessionTest, AnInitialPasswordMustBeChangedBeforeAnythingElse) {
  add_user("newcomer", Role::kCountyOfficer, "", "", /*must_change=*/true);
  start_server();
  Session session = login("newcomer");
  EXPECT_EQ(session.login["must_change_password"], true);
  EXPECT_EQ(get(session, "/api/v1/me").status, 200);
  auto blocked = get(session, "/api/v1/leads");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(blocked.body["error"]["code"], "password_change_required");
  // The policy: 10 characters, not the username, not the same password.
  EXPECT_EQ(post(session, "/api/v1/me/password",
                 {{"current_password", kPassword}, {"new_password", "short"}})
                .status,
            400);
  EXPECT_EQ(post(session, "/api/v1/me/password",
                 {{"current_password", kPassword}, {"new_password", kPassword}})
                .status,
            400);
  EXPECT_EQ(post(session, "/api/v1/me/password",
                 {{"current_password", kPassword}, {"new_password", "新的密码足够长了吧十个"}})
                .status,
            204);
  EXPECT_NE(get(session, "/api/v1/leads").status, 403);
  EXPECT_EQ(get(session, "/api/v1/me").body["must_change_password"], false);
  login("newcomer", "新的密码足够长了吧十个");
}

TEST_F(ApiSessionTest, ADisabledAccountCannotLogInAndLosesItsSessions) {
  start_server();
  Session session = login("township_b");
  ASSERT_TRUE(UserRepository(db(), clock_).set_disabled("township_b", true).has_value());
  EXPECT_EQ(get(session, "/api/v1/me").status, 401);
  EXPECT_EQ(post_anonymous("/api/v1/session", {{"username", "township_b"}, {"password", kPassword}})
                .status,
            403);
}

}  // namespace
}  // namespace faxian::api
