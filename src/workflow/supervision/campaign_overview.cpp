// Campaigns' progress in one SQL statement over campaigns, campaign_targets, visits and tasks.

#include "workflow/supervision/campaign_overview.hpp"

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

// Parameters: prefix, as_of (visited); as_of, prefix (leads); as_of, prefix (overdue);
// prefix (tasks); to, from, prefix (where).
constexpr std::string_view kOverview = R"SQL(
SELECT c.id, c.name, c.event_type, c.status, c.starts_on, c.ends_on,
  (SELECT COUNT(*) FROM campaign_targets t
   WHERE t.campaign_id = c.id AND t.village_code LIKE ?
     AND EXISTS (SELECT 1 FROM visits v WHERE v.campaign_id = c.id
                 AND v.household_id = t.household_id AND v.visited_on <= ?)),
  (SELECT COUNT(DISTINCT v.lead_id) FROM visits v
   WHERE v.campaign_id = c.id AND v.lead_id IS NOT NULL AND v.visited_on <= ?
     AND v.village_code LIKE ?),
  (SELECT COUNT(*) FROM tasks k
   WHERE k.campaign_id = c.id AND k.kind = 'campaign_visit' AND k.status = 'open'
     AND k.due_on < ? AND COALESCE(NULLIF(k.village_code, ''), k.township_code) LIKE ?),
  (SELECT COUNT(*) FROM campaign_targets t WHERE t.campaign_id = c.id AND t.village_code LIKE ?)
FROM campaigns c
WHERE c.starts_on <= ? AND c.ends_on >= ?
  AND EXISTS (SELECT 1 FROM campaign_villages cv WHERE cv.campaign_id = c.id
              AND cv.village_code LIKE ?)
ORDER BY c.starts_on DESC, c.id DESC
)SQL";

Result<CampaignSummary> read_summary(const Statement& statement) {
  RowReader row(statement);
  CampaignSummary summary;
  summary.campaign_id = row.integer();
  summary.name = row.text();
  summary.event = row.text();
  summary.status = row.text();
  summary.starts_on = row.date();
  summary.ends_on = row.date();
  summary.visited = row.integer();
  summary.leads_found = row.integer();
  summary.overdue_tasks = row.integer();
  summary.tasks = row.integer();
  FAXIAN_TRY(row.status());
  summary.visited_percent = percent(summary.visited, summary.tasks);
  return summary;
}

}  // namespace

Result<std::vector<CampaignSummary>> campaign_overview(Database& db,
                                                       const SupervisionQuery& query) {
  FAXIAN_TRY(check_supervision_query(query));
  const std::string like = region_like(query);
  return query_rows<CampaignSummary>(
      db, kOverview,
      [&](Statement& s) {
        ParamBinder(s)
            .text(like)
            .date(query.as_of)
            .date(query.as_of)
            .text(like)
            .date(query.as_of)
            .text(like)
            .text(like)
            .date(query.to)
            .date(query.from)
            .text(like);
      },
      read_summary);
}

}  // namespace faxian::workflow
