#include "api/area_scope.hpp"

namespace faxian::api {

std::optional<AreaScope> household_scope(const workflow::Actor& actor) {
  if (actor.is_system())
    return AreaScope{};
  switch (role_scope(actor.role)) {
    case RoleScope::kCounty:
      return AreaScope{};
    case RoleScope::kTownship:
    case RoleScope::kVillage:
      // A scoped account without a region would see everything: it sees nothing instead.
      if (actor.region_code.empty())
        return AreaScope{"-"};
      return AreaScope{actor.region_code};
    case RoleScope::kDepartment:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace faxian::api
