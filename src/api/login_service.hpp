#pragma once
// Logging in and changing passwords (50-api-security.md "Authentication"): argon2id hashes,
// 5 failed logins lock the account for 15 minutes, every login and failure is audited, and a new
// password must have at least 10 characters and differ from the username. An account with an
// initial password logs in with `must_change_password` set and may do nothing else until it
// has chosen its own.

#include <cstdint>
#include <string>
#include <string_view>

#include "api/session_store.hpp"
#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/user.hpp"
#include "store/database.hpp"

namespace faxian::api {

struct LockoutPolicy {
  int max_failures = 5;
  int64_t lock_seconds = 15 * 60;
};

struct LoginSuccess {
  User user;
  NewSession session;
};

// kInvalidArgument (Chinese reason) unless `password` is at least 10 characters and not the
// username.
Result<void> check_password_policy(std::string_view username, std::string_view password);

class LoginService {
 public:
  LoginService(Database& db, const Clock& clock, SessionLimits sessions = {},
               LockoutPolicy lockout = {})
      : db_(db), clock_(clock), sessions_(sessions), lockout_(lockout) {}

  // kUnauthenticated for a wrong username or password (one message for both), kRateLimited
  // while the account is locked (details: seconds left), kPermissionDenied when disabled.
  Result<LoginSuccess> login(std::string_view username, std::string_view password,
                             std::string_view source_address);
  // Checks the current password, applies the policy (and that the new one differs), stores the
  // argon2id hash, clears must_change_password and ends the user's other sessions.
  Result<void> change_password(const User& user, std::string_view current_password,
                               std::string_view new_password, int64_t keep_session_id,
                               std::string_view source_address);
  // Seconds until a locked account opens again (0 when not locked).
  Result<int64_t> locked_for(int64_t user_id);

 private:
  Result<void> record_failure(const User& user, std::string_view source_address);
  Result<void> audit(std::string_view username, std::string_view role, std::string_view action,
                     std::string_view source_address, std::string_view detail);

  Database& db_;
  const Clock& clock_;
  SessionLimits sessions_;
  LockoutPolicy lockout_;
};

}  // namespace faxian::api
