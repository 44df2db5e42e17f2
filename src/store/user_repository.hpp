#pragma once
// User accounts in the store. Passwords arrive already hashed (argon2id); usernames are unique.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/user.hpp"
#include "store/database.hpp"

namespace faxian {

class UserRepository {
 public:
  UserRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Inserts a user; returns its id. kAlreadyExists for a taken username, kConstraint for an
  // unknown region.
  Result<int64_t> insert(const User& user);
  Result<std::optional<User>> find_by_username(std::string_view username);
  Result<std::optional<User>> find_by_id(int64_t id);
  // Every user, by username.
  Result<std::vector<User>> list();
  // Replaces the password hash and whether it must be changed at next login.
  Result<void> set_password(std::string_view username, std::string_view password_hash,
                            bool must_change);
  Result<void> set_disabled(std::string_view username, bool disabled);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian
