#pragma once
// Reference data for the settings pages (60-ui.md 系统设置, 预警规则): the standards in force,
// a year's holiday calendar, the screening rule set and its versions, the deadline settings —
// readable by every signed-in role; a year's calendar is written by county_admin.

#include "api/router.hpp"

namespace faxian::api {

// GET /api/v1/standards, GET+PUT /api/v1/calendar/{year}, GET /api/v1/rules,
// GET /api/v1/settings/deadlines.
void register_reference_routes(Router& router);

// POST /api/v1/rules/dry-run and POST /api/v1/rules (admin_rules.cpp).
void register_rule_routes(Router& router);

}  // namespace faxian::api
