#pragma once
// Members of a background household: sizes and ages of a rural Chongqing county — many old
// people living alone or as couples, grandparents raising left-behind grandchildren,
// working-age adults (often migrant workers), three generations under one 户口. Also picks the
// household's economic tier and whether a son sets up his own household (分户).

#include "gen/unit_builder.hpp"

namespace faxian::gen {

// kPlan mode: adds the members and fills unit.purpose (tier, split). The caller allocates
// the second household when purpose.split_person >= 0.
void plan_background_members(UnitBuilder& builder);

}  // namespace faxian::gen
