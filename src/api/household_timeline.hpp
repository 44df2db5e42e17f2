#pragma once
// The one-household timeline (家庭档案 / 线索详情, 60-ui.md): 户籍 changes and the department
// records of its members as they arrived (each dated within the member's time in the household),
// warnings raised, escalated and cleared, lead and application events, visits and payments —
// newest first, each {date, kind, title, detail} in Chinese. Health, disability, income and
// asset records (medical, disability, income, assets, poverty_monitoring, payment) are left out
// unless the caller handles cases (50-api-security.md "Privacy"). Each source is bounded
// (kMaxPerSource newest rows), so one household's timeline stays a small read.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/household_queries.hpp"
#include "store/database.hpp"

namespace faxian::api {

inline constexpr int kMaxPerSource = 1000;

// Every kind of timeline entry, for validating a `kind` filter.
std::vector<std::string_view> timeline_kinds();

struct TimelinePage {
  nlohmann::json items = nlohmann::json::array();
  int64_t total = 0;
};

// One page of the household's timeline, newest first; only entries of `kind` when given.
Result<TimelinePage> household_timeline(Database& db, const HouseholdRow& household,
                                        const std::optional<std::string>& kind, bool case_details,
                                        const PageRequest& page);

}  // namespace faxian::api
