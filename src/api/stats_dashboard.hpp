#pragma once
// 工作台 figures (GET /api/v1/stats/dashboard; 60-ui.md "home"): a few counts for the caller's
// scope, read with one cheap grouped query per table (the home page is in the benchmark mix).
// * An area (county, township or village prefix): open warnings by level, open leads by status
//   and level, leads created today, lead deadlines due today and overdue (the overdue list's
//   definition: first contact or verification past its due date, not yet done), open tasks due
//   today and overdue.
// * A department liaison (no households): its feeds' batches of the last 7 days and the
//   referrals waiting in its department's inbox.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/area_scope.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/feed_kind.hpp"
#include "store/database.hpp"

namespace faxian::api {

Result<nlohmann::json> area_dashboard(Database& db, const AreaScope& scope, Date today);

// `feeds`: the feeds whose batches the liaison reads; `department_key`: its catalogue
// department (nullopt: no referral inbox); `now`: Unix seconds.
Result<nlohmann::json> department_dashboard(Database& db, const std::vector<FeedKind>& feeds,
                                            const std::optional<std::string>& department_key,
                                            int64_t now);

}  // namespace faxian::api
