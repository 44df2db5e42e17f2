#pragma once
// API tokens for department systems (50-api-security.md "Authentication"): 256 random bits shown
// once when issued and stored only as SHA-256, scoped to one department's feeds (and its referral
// inbox), with an expiry, revocable. A token acts as a department_liaison of its department.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::api {

struct ApiToken {
  int64_t id = 0;
  std::string name;
  std::string department;
  int64_t user_id = 0;             // the department's service account (`api:<department>`)
  std::vector<std::string> feeds;  // feed keys it may upload; empty = none
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> revoked_at{};
  std::optional<int64_t> last_used_at{};

  bool may_upload(std::string_view feed) const;
};

struct IssuedToken {
  ApiToken token;
  std::string secret;  // "fx_" + 64 hex digits; shown once
};

class ApiTokenStore {
 public:
  ApiTokenStore(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // kInvalidArgument for an empty name or department, an unknown feed, or an expiry not in the
  // future.
  Result<IssuedToken> issue(std::string_view name, std::string_view department,
                            const std::vector<std::string>& feeds, int64_t expires_at,
                            std::optional<int64_t> created_by);
  // The live token for a secret; kUnauthenticated when unknown, revoked or expired.
  Result<ApiToken> authenticate(std::string_view secret);
  Result<std::vector<ApiToken>> list();
  // kNotFound for an unknown id; revoking twice is fine.
  Result<void> revoke(int64_t id);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::api
