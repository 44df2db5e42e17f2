// Campaign progress: per-village counts in SQL, townships and the total summed from them.

#include "workflow/fieldwork/campaign_progress.hpp"

#include <cmath>
#include <map>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/fieldwork/region_scope.hpp"

namespace faxian::workflow {
namespace {

struct VillageCounts {
  std::string village_code;
  std::string village_name;
  std::string township_code;
  std::string township_name;
  int64_t tasks = 0;
  int64_t visited = 0;
  int64_t leads = 0;
};

// Parameters: campaign id, prefix; campaign id (visited); campaign id (leads).
constexpr std::string_view kVillageCounts = R"SQL(
SELECT t.village_code, vr.name, t.township_code, tr.name, COUNT(*),
  SUM(CASE WHEN EXISTS (SELECT 1 FROM visits v WHERE v.campaign_id = t.campaign_id
                        AND v.household_id = t.household_id) THEN 1 ELSE 0 END),
  (SELECT COUNT(DISTINCT v.lead_id) FROM visits v
   WHERE v.campaign_id = t.campaign_id AND v.village_code = t.village_code
     AND v.lead_id IS NOT NULL)
FROM campaign_targets t
JOIN regions vr ON vr.code = t.village_code
JOIN regions tr ON tr.code = t.township_code
WHERE t.campaign_id = ? AND t.village_code LIKE ?
GROUP BY t.campaign_id, t.village_code, vr.name, t.township_code, tr.name
ORDER BY t.village_code
)SQL";

Result<VillageCounts> read_counts(const Statement& statement) {
  RowReader row(statement);
  VillageCounts counts;
  counts.village_code = row.text();
  counts.village_name = row.text();
  counts.township_code = row.text();
  counts.township_name = row.text();
  counts.tasks = row.integer();
  counts.visited = row.integer();
  counts.leads = row.integer();
  FAXIAN_TRY(row.status());
  return counts;
}

void add_to(ProgressRow& row, const VillageCounts& counts) {
  row.tasks += counts.tasks;
  row.visited += counts.visited;
  row.leads_found += counts.leads;
  row.visited_percent = percent_of(row.visited, row.tasks);
}

}  // namespace

double percent_of(int64_t part, int64_t whole) {
  if (whole <= 0)
    return 0;
  return std::round(static_cast<double>(part) * 1000.0 / static_cast<double>(whole)) / 10.0;
}

Result<CampaignProgress> campaign_progress(Database& db, int64_t campaign_id,
                                           std::string_view region_prefix) {
  FAXIAN_TRY(check_region_prefix(region_prefix));
  std::vector<VillageCounts> villages;
  FAXIAN_TRY_ASSIGN(villages,
                    query_rows<VillageCounts>(
                        db, kVillageCounts,
                        [&](Statement& s) {
                          ParamBinder(s).integer(campaign_id).text(like_prefix(region_prefix));
                        },
                        read_counts));
  CampaignProgress progress;
  progress.campaign_id = campaign_id;
  std::map<std::string, ProgressRow> townships;
  for (const VillageCounts& counts : villages) {
    ProgressRow village{counts.village_code, counts.village_name};
    add_to(village, counts);
    progress.villages.push_back(village);
    ProgressRow& township = townships[counts.township_code];
    township.region_code = counts.township_code;
    township.region_name = counts.township_name;
    add_to(township, counts);
    add_to(progress.total, counts);
  }
  for (auto& [code, row] : townships)
    progress.townships.push_back(row);
  return progress;
}

}  // namespace faxian::workflow
