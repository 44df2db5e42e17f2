#pragma once
// 督导看板 (40-workflow.md "Supervision"): every figure of the county dashboard for one area and
// period, as plain structs the API serialises (GET /api/v1/stats/supervision?from=&to=). Each
// figure's definition is in its own header.

#include <vector>

#include "common/error.hpp"
#include "common/work_calendar.hpp"
#include "store/database.hpp"
#include "workflow/supervision/campaign_overview.hpp"
#include "workflow/supervision/discovery_funnel.hpp"
#include "workflow/supervision/first_contact_time.hpp"
#include "workflow/supervision/monthly_trend.hpp"
#include "workflow/supervision/on_time_rate.hpp"
#include "workflow/supervision/overdue_list.hpp"
#include "workflow/supervision/supervision_query.hpp"
#include "workflow/supervision/volume_breakdown.hpp"

namespace faxian::workflow {

struct SupervisionReport {
  SupervisionQuery query;
  VolumeBreakdown volume;                  // volume_breakdown.hpp
  OnTimeRates on_time;                     // on_time_rate.hpp
  DiscoveryFunnel funnel;                  // discovery_funnel.hpp
  FirstContactTimes first_contact;         // first_contact_time.hpp
  std::vector<CampaignSummary> campaigns;  // campaign_overview.hpp
  OverdueList overdue;                     // overdue_list.hpp
  std::vector<MonthCounts> trend;          // monthly_trend.hpp
};

// Every figure for the query, read one after the other (no lock is taken). kInvalidArgument
// for a bad query.
Result<SupervisionReport> supervision_report(Database& db, const WorkCalendar& calendar,
                                             const SupervisionQuery& query,
                                             int64_t overdue_limit = 500);

}  // namespace faxian::workflow
