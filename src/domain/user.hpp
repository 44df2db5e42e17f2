#pragma once
// Users and roles (00-overview.md): each role has a scope — the whole county, a township, a
// village or a department. Passwords are stored only as argon2id hashes.

#include <cstdint>
#include <string>

#include "domain/enum_table.hpp"

namespace faxian {

enum class Role {
  kCountyAdmin,         // 县民政局管理员
  kCountyOfficer,       // 县社会救助科
  kTownshipOfficer,     // 乡镇(街道)民政办
  kVillageCoordinator,  // 村(社区)协理员
  kHotlineOperator,     // 热线接线员
  kDepartmentLiaison,   // 部门联络员
  kAuditor,             // 督导/审计
};

FAXIAN_DECLARE_ENUM_TABLE(Role, "角色", std::nullopt);

// What a role's area scope is tied to.
enum class RoleScope { kCounty, kTownship, kVillage, kDepartment };
RoleScope role_scope(Role role);

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kAuditor;
  std::string region_code;  // township or village code for scoped roles; empty otherwise
  std::string department;   // department_liaison only
  std::string password_hash;
  bool must_change_password = true;
  bool disabled = false;
  int64_t created_at = 0;

  bool operator==(const User&) const = default;
};

}  // namespace faxian
