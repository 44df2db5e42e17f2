#pragma once
// The public policy page (40-workflow.md "publicity"; 60-ui.md 求助/报告): the 低保 standards and
// asset limits in force from the standards repository, the hotline number when the county has
// configured one (workflow_settings key "public.hotline"), and an indicative self-check
// (household size and income → which assistance may apply and where to ask) that records
// nothing — no audit entry, no log line — because it is about the asker's own family.

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::api {

// The policy page data on `today`; kUnavailable when no standards cover that day.
Result<nlohmann::json> public_policy(Database& db, const Clock& clock, Date today);

// The indicative answer for {household_size, monthly_income (yuan, the whole household),
// area: urban|rural}; kInvalidArgument (Chinese) for missing or out-of-range fields.
Result<nlohmann::json> public_self_check(Database& db, const Clock& clock, Date today,
                                         const nlohmann::json& body);

}  // namespace faxian::api
