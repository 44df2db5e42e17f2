#pragma once
// Who is acting: a signed-in user (with role and area scope) or the system itself (screening,
// scheduled deadline checks). Every workflow change records its actor in the lead history and
// the audit log.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/user.hpp"

namespace faxian::workflow {

struct Actor {
  std::optional<int64_t> user_id{};  // nullopt for the system
  std::string name;                  // username, or "system"
  Role role = Role::kCountyAdmin;
  std::string region_code;  // township or village code for scoped roles
  std::string department;   // department_liaison only
  // Where the request came from (the HTTP client's address), for the audit log's "from
  // where"; "" for the CLI and the system.
  std::string source_address{};

  static Actor system() { return Actor{std::nullopt, "system", Role::kCountyAdmin, "", ""}; }
  static Actor of(const User& user) {
    return Actor{user.id, user.username, user.role, user.region_code, user.department};
  }
  bool is_system() const { return !user_id.has_value(); }
  bool is_county() const {
    return is_system() || role == Role::kCountyAdmin || role == Role::kCountyOfficer;
  }
};

}  // namespace faxian::workflow
