#include "domain/user.hpp"

#include <gtest/gtest.h>

namespace faxian {
namespace {

TEST(Role, ParsesKeysOfTheSpec) {
  EXPECT_EQ(parse_enum<Role>("township_officer").value(), Role::kTownshipOfficer);
  EXPECT_EQ(parse_enum<Role>("VILLAGE_COORDINATOR").value(), Role::kVillageCoordinator);
  EXPECT_EQ(enum_key(Role::kDepartmentLiaison), "department_liaison");
  EXPECT_FALSE(parse_enum<Role>("root").has_value());
}

TEST(Role, ScopesFollowTheOverview) {
  EXPECT_EQ(role_scope(Role::kCountyAdmin), RoleScope::kCounty);
  EXPECT_EQ(role_scope(Role::kAuditor), RoleScope::kCounty);
  EXPECT_EQ(role_scope(Role::kHotlineOperator), RoleScope::kCounty);
  EXPECT_EQ(role_scope(Role::kTownshipOfficer), RoleScope::kTownship);
  EXPECT_EQ(role_scope(Role::kVillageCoordinator), RoleScope::kVillage);
  EXPECT_EQ(role_scope(Role::kDepartmentLiaison), RoleScope::kDepartment);
}

}  // namespace
}  // namespace faxian
