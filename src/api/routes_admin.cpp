// Routes: administration (60-ui.md 系统设置, 审计日志). county_admin manages accounts (initial
// passwords shown once and changed at first login; disabling ends the account's sessions) and
// department API tokens (secret shown once); county_admin and auditor search the audit log and
// verify its hash chain. Every change writes its audit entry in the same transaction.

#include <charconv>

#include <fmt/format.h>

#include "api/admin_audit.hpp"
#include "api/admin_reference.hpp"
#include "api/admin_users.hpp"
#include "api/api_token_store.hpp"
#include "api/login_service.hpp"
#include "api/router.hpp"
#include "api/session_store.hpp"
#include "common/password_hash.hpp"
#include "store/user_repository.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::api {
namespace {

constexpr int64_t kSecondsPerDay = 86'400;
constexpr int64_t kChinaOffsetSeconds = 8 * 3'600;

Result<void> audit_change(Call& call, workflow::AuditEntry entry) {
  auto appended = workflow::AuditLog(call.db, call.clock()).append(entry);
  if (!appended)
    return tl::unexpected(appended.error());
  return ok();
}

Result<User> existing_user(Call& call, const std::string& username) {
  std::optional<User> user;
  FAXIAN_TRY_ASSIGN(user, UserRepository(call.db, call.clock()).find_by_username(username));
  if (!user)
    return fail(ErrorCode::kNotFound, "用户不存在", "unknown user");
  return *user;
}

// A random initial password that passes the policy for `username`.
Result<std::string> initial_password(std::string_view username) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::string password = random_password(14);
    if (check_password_policy(username, password))
      return password;
  }
  return fail(ErrorCode::kInternal, "生成初始密码失败", "no policy-conforming password drawn");
}

Result<Reply> list_users(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  std::vector<User> users;
  FAXIAN_TRY_ASSIGN(users, UserRepository(call.db, call.clock()).list());
  nlohmann::json items = nlohmann::json::array();
  for (size_t index = page.offset(); index < users.size() && items.size() < size_t(page.page_size);
       ++index)
    items.push_back(user_summary(users[index]));
  return Reply::json(page_body(std::move(items), page, static_cast<int64_t>(users.size())));
}

Result<Reply> create_user(Call& call) {
  User user;
  FAXIAN_TRY_ASSIGN(user, read_new_user(call.db, call.body()));
  std::string password;
  FAXIAN_TRY_ASSIGN(password, initial_password(user.username));
  FAXIAN_TRY_ASSIGN(user.password_hash, hash_password(password));
  user.must_change_password = true;
  FAXIAN_TRY(in_transaction(call.db, [&]() -> Result<void> {
    FAXIAN_TRY_ASSIGN(user.id, UserRepository(call.db, call.clock()).insert(user));
    workflow::AuditEntry entry = call.audit_entry("user.create", "user", user.username);
    entry.detail = nlohmann::json{{"role", enum_key(user.role)},
                                  {"region", user.region_code},
                                  {"department", user.department}}
                       .dump();
    return audit_change(call, std::move(entry));
  }));
  std::optional<User> stored;
  FAXIAN_TRY_ASSIGN(stored, UserRepository(call.db, call.clock()).find_by_username(user.username));
  nlohmann::json body = user_summary(stored.value_or(user));
  body["initial_password"] = password;
  return Reply::json(std::move(body), 201);
}

Result<Reply> set_disabled(Call& call, bool disabled) {
  User user;
  FAXIAN_TRY_ASSIGN(user, existing_user(call, call.param(0)));
  if (disabled && user.username == call.actor().name) {
    return fail(ErrorCode::kIllegalTransition, "不能停用自己的账号", "admin disabling itself");
  }
  FAXIAN_TRY(in_transaction(call.db, [&]() -> Result<void> {
    FAXIAN_TRY(UserRepository(call.db, call.clock()).set_disabled(user.username, disabled));
    if (disabled)
      FAXIAN_TRY(SessionStore(call.db, call.clock()).end_all(user.id));
    return audit_change(
        call, call.audit_entry(disabled ? "user.disable" : "user.enable", "user", user.username));
  }));
  user.disabled = disabled;
  return Reply::json(user_summary(user));
}

Result<Reply> disable_user(Call& call) {
  return set_disabled(call, true);
}

Result<Reply> enable_user(Call& call) {
  return set_disabled(call, false);
}

Result<Reply> reset_password(Call& call) {
  User user;
  FAXIAN_TRY_ASSIGN(user, existing_user(call, call.param(0)));
  std::string password;
  FAXIAN_TRY_ASSIGN(password, initial_password(user.username));
  std::string hash;
  FAXIAN_TRY_ASSIGN(hash, hash_password(password));
  FAXIAN_TRY(in_transaction(call.db, [&]() -> Result<void> {
    FAXIAN_TRY(UserRepository(call.db, call.clock()).set_password(user.username, hash, true));
    FAXIAN_TRY(clear_lockout(call.db, user.username));
    FAXIAN_TRY(SessionStore(call.db, call.clock()).end_all(user.id));
    return audit_change(call, call.audit_entry("user.reset_password", "user", user.username));
  }));
  user.must_change_password = true;
  nlohmann::json body = user_summary(user);
  body["initial_password"] = password;
  return Reply::json(std::move(body));
}

nlohmann::json token_json(const ApiToken& token, int64_t now) {
  auto optional_time = [](const std::optional<int64_t>& at) {
    return at ? nlohmann::json(*at) : nlohmann::json(nullptr);
  };
  return {{"token_id", token.id},
          {"name", token.name},
          {"department", token.department},
          {"feeds", token.feeds},
          {"created_at", token.created_at},
          {"expires_at", token.expires_at},
          {"revoked_at", optional_time(token.revoked_at)},
          {"last_used_at", optional_time(token.last_used_at)},
          {"active", !token.revoked_at && token.expires_at > now}};
}

Result<Reply> list_tokens(Call& call) {
  std::vector<ApiToken> tokens;
  FAXIAN_TRY_ASSIGN(tokens, ApiTokenStore(call.db, call.clock()).list());
  nlohmann::json items = nlohmann::json::array();
  for (const ApiToken& token : tokens)
    items.push_back(token_json(token, call.clock().now_unix()));
  return Reply::json({{"items", std::move(items)}});
}

Result<std::vector<std::string>> read_feeds(const nlohmann::json& body) {
  std::vector<std::string> feeds;
  auto found = body.find("feeds");
  if (found == body.end() || found->is_null())
    return feeds;
  if (!found->is_array())
    return fail(ErrorCode::kInvalidArgument, "feeds 应为数据项名称的列表", "feeds not an array");
  for (const auto& feed : *found) {
    if (!feed.is_string())
      return fail(ErrorCode::kInvalidArgument, "feeds 中的每一项应为文本", "feed not a string");
    feeds.push_back(feed.get<std::string>());
  }
  return feeds;
}

// The same day next year (28 February for a 29 February).
Date one_year_after(Date today) {
  auto same_day = Date::from_ymd(today.year() + 1, today.month(), today.day());
  return same_day ? *same_day : *Date::from_ymd(today.year() + 1, 2, 28);
}

// The last second of `expires_on` in China time; kInvalidArgument unless it is after today and
// at most a year away.
Result<int64_t> token_expiry(Call& call) {
  std::optional<Date> expires_on;
  FAXIAN_TRY_ASSIGN(expires_on, optional_date(call.body(), "expires_on"));
  const Date today = call.today();
  if (!expires_on || *expires_on <= today || *expires_on > one_year_after(today)) {
    return fail(ErrorCode::kInvalidArgument, "有效期至（expires_on）须是今天之后、一年以内的日期",
                "bad expires_on");
  }
  return int64_t{expires_on->add_days(1).days_since_epoch()} * kSecondsPerDay -
         kChinaOffsetSeconds - 1;
}

Result<Reply> issue_token(Call& call) {
  std::string name;
  FAXIAN_TRY_ASSIGN(name, required_string(call.body(), "name"));
  std::string department;
  FAXIAN_TRY_ASSIGN(department, required_string(call.body(), "department"));
  if (name.size() > 100 || department.size() > 50)
    return fail(ErrorCode::kInvalidArgument, "名称或部门过长", "token name/department too long");
  std::vector<std::string> feeds;
  FAXIAN_TRY_ASSIGN(feeds, read_feeds(call.body()));
  int64_t expires_at = 0;
  FAXIAN_TRY_ASSIGN(expires_at, token_expiry(call));
  IssuedToken issued;
  FAXIAN_TRY(in_transaction(call.db, [&]() -> Result<void> {
    FAXIAN_TRY_ASSIGN(issued,
                      ApiTokenStore(call.db, call.clock())
                          .issue(name, department, feeds, expires_at, call.actor().user_id));
    workflow::AuditEntry entry =
        call.audit_entry("token.issue", "api_token", std::to_string(issued.token.id));
    entry.detail =
        nlohmann::json{{"name", name}, {"department", department}, {"feeds", feeds}}.dump();
    return audit_change(call, std::move(entry));
  }));
  nlohmann::json body = token_json(issued.token, call.clock().now_unix());
  body["secret"] = issued.secret;
  return Reply::json(std::move(body), 201);
}

Result<Reply> revoke_token(Call& call) {
  const std::string& text = call.param(0);
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0)
    return fail(ErrorCode::kNotFound, "接口令牌不存在", "bad token id");
  FAXIAN_TRY(in_transaction(call.db, [&]() -> Result<void> {
    FAXIAN_TRY(ApiTokenStore(call.db, call.clock()).revoke(id));
    return audit_change(call, call.audit_entry("token.revoke", "api_token", std::to_string(id)));
  }));
  Reply reply;
  reply.status = 204;
  return reply;
}

Result<Reply> search(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  AuditFilter filter;
  filter.actor = call.query("actor").value_or("");
  filter.action = call.query("action").value_or("");
  filter.object_type = call.query("object_type").value_or("");
  filter.object_id = call.query("object_id").value_or("");
  FAXIAN_TRY_ASSIGN(filter.from, call.query_date("from"));
  FAXIAN_TRY_ASSIGN(filter.to, call.query_date("to"));
  AuditPage found;
  FAXIAN_TRY_ASSIGN(found, search_audit(call.db, filter, page.page_size, page.offset()));
  call.audit_view("audit.search", "audit_log", "",
                  nlohmann::json{{"actor", filter.actor},
                                 {"action", filter.action},
                                 {"object_type", filter.object_type},
                                 {"object_id", filter.object_id}}
                      .dump());
  return Reply::json(page_body(std::move(found.items), page, found.total));
}

Result<Reply> verify(Call& call) {
  workflow::ChainCheck check;
  FAXIAN_TRY_ASSIGN(check, workflow::AuditLog(call.db, call.clock()).verify());
  call.audit_view(
      "audit.verify", "audit_log", "",
      nlohmann::json{{"entries", check.entries}, {"intact", !check.first_bad_id}}.dump());
  return Reply::json(
      {{"entries", check.entries},
       {"intact", !check.first_bad_id.has_value()},
       {"first_bad_id", check.first_bad_id ? nlohmann::json(*check.first_bad_id) : nullptr},
       {"problem", check.problem}});
}

}  // namespace

void register_admin_routes(Router& router) {
  const Access admin = Access::only({Role::kCountyAdmin});
  router.add("GET", "/api/v1/users", admin, list_users);
  router.add("POST", "/api/v1/users", admin, create_user);
  router.add("POST", "/api/v1/users/{username}/disable", admin, disable_user);
  router.add("POST", "/api/v1/users/{username}/enable", admin, enable_user);
  router.add("POST", "/api/v1/users/{username}/reset-password", admin, reset_password);
  router.add("GET", "/api/v1/tokens", admin, list_tokens);
  router.add("POST", "/api/v1/tokens", admin, issue_token);
  router.add("DELETE", "/api/v1/tokens/{token_id}", admin, revoke_token);
  const Access audit = Access::only({Role::kCountyAdmin, Role::kAuditor});
  router.add("GET", "/api/v1/audit", audit, search);
  router.add("POST", "/api/v1/audit/verify", audit, verify);
  register_reference_routes(router);
  register_rule_routes(router);
}

}  // namespace faxian::api
