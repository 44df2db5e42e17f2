#pragma once
// 督导看板 as JSON (GET /api/v1/stats/supervision): every figure of
// workflow::SupervisionReport under the names of its structs' fields; dates as YYYY-MM-DD,
// months as YYYY-MM, a figure that cannot be computed (a median of nothing) as null.

#include <nlohmann/json.hpp>

#include "workflow/supervision/supervision_report.hpp"

namespace faxian::api {

nlohmann::json supervision_report_json(const workflow::SupervisionReport& report);

}  // namespace faxian::api
