// Logging in and out, who am I, changing one's password (50-api-security.md "Authentication").

#include <httplib.h>

#include <fmt/format.h>

#include "api/login_service.hpp"
#include "api/router.hpp"
#include "api/server_context.hpp"
#include "store/region_repository.hpp"
#include "store/user_repository.hpp"

namespace faxian::api {
namespace {

std::string session_cookie(const ServerContext& context, std::string_view token, int64_t max_age) {
  return fmt::format("faxian_session={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", token,
                     max_age, context.tls ? "; Secure" : "");
}

nlohmann::json user_json(const User& user) {
  return {{"username", user.username},
          {"display_name", user.display_name},
          {"role", enum_key(user.role)},
          {"region",
           user.region_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(user.region_code)},
          {"department", user.department},
          {"must_change_password", user.must_change_password}};
}

Result<Reply> login(Call& call) {
  std::string username;
  FAXIAN_TRY_ASSIGN(username, required_string(call.body(), "username"));
  std::string password;
  FAXIAN_TRY_ASSIGN(password, required_string(call.body(), "password"));
  ServerContext& server = call.server;
  if (!server.login_attempts.try_acquire(call.address(), server.clock.now_unix())) {
    return fail(ErrorCode::kRateLimited, "登录尝试过于频繁，请稍后再试",
                "login attempts from this address over the limit");
  }
  LoginSuccess success;
  FAXIAN_TRY_ASSIGN(success, LoginService(call.db, server.clock, server.sessions, server.lockout)
                                 .login(username, password, call.address()));
  Reply reply = Reply::json(
      {{"user", success.user.username},
       {"role", enum_key(success.user.role)},
       {"region", success.user.region_code.empty() ? nlohmann::json(nullptr)
                                                   : nlohmann::json(success.user.region_code)},
       {"department", success.user.department},
       {"display_name", success.user.display_name},
       {"must_change_password", success.user.must_change_password},
       {"csrf_token", success.session.csrf_token}});
  reply.headers.emplace_back("Set-Cookie", session_cookie(server, success.session.token,
                                                          server.sessions.absolute_seconds));
  return reply;
}

Result<Reply> logout(Call& call) {
  const std::string cookie = call.request.get_header_value("Cookie");
  const size_t at = cookie.find("faxian_session=");
  if (at != std::string::npos) {
    const size_t start = at + std::string_view("faxian_session=").size();
    const size_t end = cookie.find(';', start);
    FAXIAN_TRY(SessionStore(call.db, call.clock())
                   .end(cookie.substr(start, end == std::string::npos ? end : end - start)));
  }
  call.audit_view("logout", "user", call.actor().name);
  Reply reply;
  reply.status = 204;
  reply.headers.emplace_back("Set-Cookie", session_cookie(call.server, "", 0));
  return reply;
}

Result<Reply> me(Call& call) {
  std::optional<User> user;
  FAXIAN_TRY_ASSIGN(user,
                    UserRepository(call.db, call.clock()).find_by_username(call.actor().name));
  if (!user)
    return fail(ErrorCode::kUnauthenticated, "请先登录", "user gone");
  nlohmann::json body = user_json(*user);
  if (!user->region_code.empty()) {
    auto region = RegionRepository(call.db).find(user->region_code);
    if (region && *region)
      body["region_name"] = (*region)->name;
  }
  // Same-origin only (no CORS): a page that reloads reads the token it must send with changes.
  if (!call.caller.csrf_token.empty())
    body["csrf_token"] = call.caller.csrf_token;
  return Reply::json(std::move(body));
}

Result<Reply> change_password(Call& call) {
  std::string current;
  FAXIAN_TRY_ASSIGN(current, required_string(call.body(), "current_password"));
  std::string next;
  FAXIAN_TRY_ASSIGN(next, required_string(call.body(), "new_password"));
  std::optional<User> user;
  FAXIAN_TRY_ASSIGN(user,
                    UserRepository(call.db, call.clock()).find_by_username(call.actor().name));
  if (!user)
    return fail(ErrorCode::kUnauthenticated, "请先登录", "user gone");
  FAXIAN_TRY(LoginService(call.db, call.clock(), call.server.sessions, call.server.lockout)
                 .change_password(*user, current, next, call.caller.session_id.value_or(0),
                                  call.address()));
  Reply reply;
  reply.status = 204;
  return reply;
}

}  // namespace

void register_session_routes(Router& router) {
  router.add("POST", "/api/v1/session", Access::open(), login);
  Access signed_in;
  signed_in.before_password_change = true;
  router.add("DELETE", "/api/v1/session", signed_in, logout);
  router.add("GET", "/api/v1/me", signed_in, me);
  router.add("POST", "/api/v1/me/password", signed_in, change_password);
}

}  // namespace faxian::api
