#pragma once
// `faxian demo --serve`: one account per role (00-overview.md), scoped to the township and
// village with the most open leads so that each role's home page has work on it. Passwords are
// random, printed once, and need no change at first login (they are demo accounts on synthetic
// data); running the demo again on the same database gives the accounts new passwords.

#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/user.hpp"
#include "store/database.hpp"

namespace faxian::cli {

struct DemoAccount {
  std::string username;
  Role role = Role::kAuditor;
  std::string region_code;
  std::string region_name;
  std::string department;
  std::string password;
};

Result<std::vector<DemoAccount>> create_demo_accounts(Database& db, const Clock& clock);

}  // namespace faxian::cli
