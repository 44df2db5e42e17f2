#include "domain/user.hpp"

namespace faxian {
namespace {

using R = Role;
constexpr EnumEntry<Role> kRoles[] = {
    {R::kCountyAdmin, "county_admin", "县民政局管理员", "county_admin", ""},
    {R::kCountyOfficer, "county_officer", "县社会救助科", "county_officer", ""},
    {R::kTownshipOfficer, "township_officer", "乡镇民政办", "township_officer", ""},
    {R::kVillageCoordinator, "village_coordinator", "村社区协理员", "village_coordinator", ""},
    {R::kHotlineOperator, "hotline_operator", "热线接线员", "hotline_operator", ""},
    {R::kDepartmentLiaison, "department_liaison", "部门联络员", "department_liaison", ""},
    {R::kAuditor, "auditor", "督导审计", "auditor", ""},
};

}  // namespace

std::span<const EnumEntry<Role>> EnumTable<Role>::entries() {
  return kRoles;
}

RoleScope role_scope(Role role) {
  switch (role) {
    case Role::kTownshipOfficer:
      return RoleScope::kTownship;
    case Role::kVillageCoordinator:
      return RoleScope::kVillage;
    case Role::kDepartmentLiaison:
      return RoleScope::kDepartment;
    case Role::kCountyAdmin:
    case Role::kCountyOfficer:
    case Role::kHotlineOperator:
    case Role::kAuditor:
      return RoleScope::kCounty;
  }
  return RoleScope::kCounty;
}

}  // namespace faxian
