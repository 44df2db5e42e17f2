#pragma once
// Progress of a campaign by village and township (40-workflow.md "Campaigns": % visited, leads
// found). Definitions:
// * tasks: target households (one visit task each, whatever the task's state);
// * visited: target households with at least one visit of this campaign recorded;
// * visited_percent: visited / tasks × 100, rounded to one decimal (0 when there are no tasks);
// * leads_found: distinct leads opened or joined by this campaign's visits.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::workflow {

struct ProgressRow {
  std::string region_code;  // village or township code; "" for the total
  std::string region_name;
  int64_t tasks = 0;
  int64_t visited = 0;
  double visited_percent = 0;
  int64_t leads_found = 0;

  bool operator==(const ProgressRow&) const = default;
};

struct CampaignProgress {
  int64_t campaign_id = 0;
  std::vector<ProgressRow> villages;   // by code
  std::vector<ProgressRow> townships;  // by code
  ProgressRow total;
};

// The progress of `campaign_id` within `region_prefix` (6, 9 or 12 digits; kInvalidArgument
// otherwise). A campaign that does not exist has no rows (all zero).
Result<CampaignProgress> campaign_progress(Database& db, int64_t campaign_id,
                                           std::string_view region_prefix);

// visited / tasks × 100 rounded to one decimal; 0 when tasks is 0.
double percent_of(int64_t part, int64_t whole);

}  // namespace faxian::workflow
