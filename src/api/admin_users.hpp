#pragma once
// Account administration for the users page (50-api-security.md "Authentication"): what a new
// account may be (username shape, role, and the area its role needs — a township for a
// township_officer, a village for a village_coordinator, a department for a department_liaison,
// nothing for county-wide roles), its JSON without the password hash, and clearing a lock-out
// when an administrator resets a password.

#include <string_view>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "domain/user.hpp"
#include "store/database.hpp"

namespace faxian::api {

// {username, display_name, role, region, department, must_change_password, disabled, created_at}.
nlohmann::json user_summary(const User& user);

// A user from the body {username, role, region?, department?, display_name?} (no password yet);
// kInvalidArgument (Chinese, naming the field) when a field is malformed or the region does not
// fit the role.
Result<User> read_new_user(Database& db, const nlohmann::json& body);

// Ends a lock-out: failed logins back to 0, not locked.
Result<void> clear_lockout(Database& db, std::string_view username);

}  // namespace faxian::api
