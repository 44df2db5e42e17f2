#include "api/login_service.hpp"

#include <fmt/format.h>
#include <unicode/unistr.h>

#include "common/password_hash.hpp"
#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "store/user_repository.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::api {
namespace {

constexpr int kMinPasswordLength = 10;

// Characters, not bytes: a Chinese passphrase of 10 characters is 10.
int32_t character_count(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
             icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .countChar32();
}

tl::unexpected<Error> wrong_credentials() {
  return fail(ErrorCode::kUnauthenticated, "用户名或密码错误", "wrong username or password");
}

}  // namespace

Result<void> check_password_policy(std::string_view username, std::string_view password) {
  if (character_count(password) < kMinPasswordLength) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("密码至少需要 {} 个字符", kMinPasswordLength), "password too short");
  }
  if (password == username)
    return fail(ErrorCode::kInvalidArgument, "密码不能与用户名相同", "password equals username");
  return ok();
}

Result<int64_t> LoginService::locked_for(int64_t user_id) {
  int64_t until = 0;
  FAXIAN_TRY_ASSIGN(until, query_int(db_, "SELECT locked_until FROM users WHERE id = ?",
                                     [&](Statement& s) { s.bind_int64(1, user_id); }));
  return std::max<int64_t>(0, until - clock_.now_unix());
}

Result<LoginSuccess> LoginService::login(std::string_view username, std::string_view password,
                                         std::string_view source_address) {
  std::optional<User> user;
  FAXIAN_TRY_ASSIGN(user, UserRepository(db_, clock_).find_by_username(username));
  if (!user) {
    FAXIAN_TRY(
        audit(username, "", "login.failure", source_address, R"({"reason":"unknown user"})"));
    return wrong_credentials();
  }
  int64_t locked_seconds = 0;
  FAXIAN_TRY_ASSIGN(locked_seconds, locked_for(user->id));
  if (locked_seconds > 0) {
    FAXIAN_TRY(audit(user->username, enum_key(user->role), "login.locked", source_address, "{}"));
    return fail(
        ErrorCode::kRateLimited,
        fmt::format("登录失败次数过多，账户已锁定，请 {} 分钟后再试", (locked_seconds + 59) / 60),
        "account locked");
  }
  if (!verify_password(password, user->password_hash)) {
    FAXIAN_TRY(record_failure(*user, source_address));
    return wrong_credentials();
  }
  if (user->disabled) {
    FAXIAN_TRY(audit(user->username, enum_key(user->role), "login.disabled", source_address, "{}"));
    return fail(ErrorCode::kPermissionDenied, "账户已停用，请联系管理员", "account disabled");
  }
  return in_transaction(db_, [&]() -> Result<LoginSuccess> {
    FAXIAN_TRY(run_bound(db_, "UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = ?",
                         [&](Statement& s) { s.bind_int64(1, user->id); }));
    NewSession session;
    FAXIAN_TRY_ASSIGN(session, SessionStore(db_, clock_, sessions_).open(user->id, source_address));
    FAXIAN_TRY(audit(user->username, enum_key(user->role), "login.success", source_address, "{}"));
    return LoginSuccess{std::move(*user), std::move(session)};
  });
}

Result<void> LoginService::record_failure(const User& user, std::string_view source_address) {
  return in_transaction(db_, [&]() -> Result<void> {
    int64_t failures = 0;
    FAXIAN_TRY_ASSIGN(failures, query_int(db_,
                                          "UPDATE users SET failed_logins = failed_logins + 1 "
                                          "WHERE id = ? RETURNING failed_logins",
                                          [&](Statement& s) { s.bind_int64(1, user.id); }));
    const bool locks = failures >= lockout_.max_failures;
    if (locks) {
      FAXIAN_TRY(run_bound(
          db_, "UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?",
          [&](Statement& s) {
            ParamBinder(s).integer(clock_.now_unix() + lockout_.lock_seconds).integer(user.id);
          }));
    }
    FAXIAN_TRY(audit(user.username, enum_key(user.role), locks ? "login.lockout" : "login.failure",
                     source_address, fmt::format(R"({{"failures":{}}})", failures)));
    return ok();
  });
}

Result<void> LoginService::change_password(const User& user, std::string_view current_password,
                                           std::string_view new_password, int64_t keep_session_id,
                                           std::string_view source_address) {
  if (!verify_password(current_password, user.password_hash))
    return fail(ErrorCode::kInvalidArgument, "当前密码不正确", "wrong current password");
  FAXIAN_TRY(check_password_policy(user.username, new_password));
  if (new_password == current_password)
    return fail(ErrorCode::kInvalidArgument, "新密码不能与当前密码相同", "password unchanged");
  std::string hash;
  FAXIAN_TRY_ASSIGN(hash, hash_password(new_password));
  return in_transaction(db_, [&]() -> Result<void> {
    FAXIAN_TRY(UserRepository(db_, clock_).set_password(user.username, hash, false));
    FAXIAN_TRY(run_bound(
        db_,
        "UPDATE sessions SET ended_at = ? WHERE user_id = ? AND id <> ? AND "
        "ended_at IS NULL",
        [&](Statement& s) {
          ParamBinder(s).integer(clock_.now_unix()).integer(user.id).integer(keep_session_id);
        }));
    return audit(user.username, enum_key(user.role), "password.change", source_address, "{}");
  });
}

Result<void> LoginService::audit(std::string_view username, std::string_view role,
                                 std::string_view action, std::string_view source_address,
                                 std::string_view detail) {
  workflow::AuditEntry entry;
  entry.actor = std::string(username);
  entry.actor_role = std::string(role);
  entry.source_address = std::string(source_address);
  entry.action = std::string(action);
  entry.object_type = "user";
  entry.object_id = std::string(username);
  entry.detail = std::string(detail);
  return workflow::AuditLog(db_, clock_).append(entry).map([](int64_t) {});
}

}  // namespace faxian::api
