#pragma once
// 督导: campaigns' progress (40-workflow.md "Campaigns", "Supervision"). Every campaign whose
// dates overlap the period and that has a village in the area, with its figures inside the area:
// * tasks: target households in the area (one visit task each);
// * visited: of those, households with a visit of the campaign recorded on or before as_of;
// * visited_percent: visited / tasks × 100, one decimal (0 without tasks);
// * leads_found: distinct leads opened or joined by the campaign's visits in the area (on or
//   before as_of);
// * overdue_tasks: campaign visit tasks still open whose due date is before as_of.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/supervision/supervision_query.hpp"

namespace faxian::workflow {

struct CampaignSummary {
  int64_t campaign_id = 0;
  std::string name;
  std::string event;   // key, e.g. "flood"
  std::string status;  // "open" | "closed"
  Date starts_on{};
  Date ends_on{};
  int64_t tasks = 0;
  int64_t visited = 0;
  double visited_percent = 0;
  int64_t leads_found = 0;
  int64_t overdue_tasks = 0;

  bool operator==(const CampaignSummary&) const = default;
};

// The campaigns for the query, newest first (starts_on, then id). kInvalidArgument for a bad
// query.
Result<std::vector<CampaignSummary>> campaign_overview(Database& db, const SupervisionQuery& query);

}  // namespace faxian::workflow
