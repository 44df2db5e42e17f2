#pragma once
// Server-side sessions (50-api-security.md "Authentication"). The browser holds a random 256-bit
// token in an HttpOnly, SameSite=Strict cookie; the database holds only its SHA-256, so a copy
// of the database cannot be replayed as a login. A session ends when logged out, after 30 idle
// minutes, 12 hours after login, or when its user is disabled. Each carries its own CSRF token.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/user.hpp"
#include "store/database.hpp"

namespace faxian::api {

struct SessionLimits {
  int64_t idle_seconds = 30 * 60;
  int64_t absolute_seconds = 12 * 60 * 60;
};

struct NewSession {
  std::string token;  // the cookie value; never stored
  std::string csrf_token;
  int64_t expires_at = 0;  // the absolute limit
};

struct ActiveSession {
  int64_t id = 0;
  User user;
  std::string csrf_token;
  int64_t created_at = 0;
};

class SessionStore {
 public:
  SessionStore(Database& db, const Clock& clock, SessionLimits limits = {})
      : db_(db), clock_(clock), limits_(limits) {}

  Result<NewSession> open(int64_t user_id, std::string_view source_address);
  // The live session of `token`, its idle clock restarted; kUnauthenticated when the token is
  // unknown, ended, idle too long, past its absolute limit, or its user is disabled.
  Result<ActiveSession> find(std::string_view token);
  // Logs out (idempotent).
  Result<void> end(std::string_view token);
  // Ends every session of a user (password changed, account disabled).
  Result<void> end_all(int64_t user_id);

 private:
  Database& db_;
  const Clock& clock_;
  SessionLimits limits_;
};

}  // namespace faxian::api
