// The discovery funnels in SQL: one statement per funnel, each step an EXISTS over the
// effective lead (the lead a merged lead joined, else the lead itself).

#include "workflow/supervision/discovery_funnel.hpp"

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

constexpr std::string_view kAssistanceOutcomes =
    "('assisted_application', 'application', 'emergency_aid', 'case_by_case', 'referral', "
    "'coordination')";

// The effective leads of warning w: parameters none.
constexpr std::string_view kWarningLeads =
    "SELECT COALESCE(l.merged_into, l.id) AS lead_id FROM leads l WHERE l.warning_id = w.id "
    "UNION SELECT COALESCE(l.merged_into, l.id) FROM leads l JOIN lead_sources s ON "
    "s.lead_id = l.id WHERE s.source = 'data_warning' AND s.reference = CAST(w.id AS TEXT)";

std::string warning_funnel_sql() {
  const std::string leads(kWarningLeads);
  const std::string verified = "SELECT 1 FROM lead_verifications v WHERE v.lead_id IN (" + leads +
                               ") AND v.difficulty_found = 1 AND v.visited_on <= ?";
  const std::string granted = "SELECT 1 FROM lead_outcomes o WHERE o.lead_id IN (" + leads +
                              ") AND o.state = 'done' AND o.done_on <= ? AND o.outcome IN " +
                              std::string(kAssistanceOutcomes);
  // Parameters: as_of (verified), as_of (granted), from, to, prefix.
  return "SELECT COUNT(*), "
         "COALESCE(SUM(CASE WHEN EXISTS (" +
         leads +
         ") THEN 1 ELSE 0 END), 0), "
         "COALESCE(SUM(CASE WHEN EXISTS (" +
         verified +
         ") THEN 1 ELSE 0 END), 0), "
         "COALESCE(SUM(CASE WHEN EXISTS (" +
         granted +
         ") THEN 1 ELSE 0 END), 0) "
         "FROM warnings w JOIN households h ON h.id = w.household_id "
         "WHERE w.kind = 'need' AND w.first_detected >= ? AND w.first_detected <= ? "
         "AND h.village_code LIKE ?";
}

std::string lead_funnel_sql() {
  // Parameters: as_of (verified), as_of (granted), from, to, prefix.
  return "SELECT COUNT(*), "
         "COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM lead_verifications v WHERE v.lead_id = "
         "l.id AND v.difficulty_found = 1 AND v.visited_on <= ?) THEN 1 ELSE 0 END), 0), "
         "COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM lead_outcomes o WHERE o.lead_id = l.id "
         "AND o.state = 'done' AND o.done_on <= ? AND o.outcome IN " +
         std::string(kAssistanceOutcomes) +
         ") THEN 1 ELSE 0 END), 0) "
         "FROM leads l WHERE l.merged_into IS NULL AND l.created_on >= ? AND l.created_on <= ? "
         "AND COALESCE(l.village_code, l.township_code) LIKE ?";
}

template <typename T, typename Read>
Result<T> one_row(Database& db, const std::string& sql, const SupervisionQuery& query,
                  Read&& read) {
  auto row = query_one<T>(
      db, sql,
      [&](Statement& s) {
        ParamBinder(s)
            .date(query.as_of)
            .date(query.as_of)
            .date(query.from)
            .date(query.to)
            .text(region_like(query));
      },
      std::forward<Read>(read));
  if (!row)
    return tl::unexpected(row.error());
  return row->value_or(T{});
}

}  // namespace

Result<DiscoveryFunnel> discovery_funnel(Database& db, const SupervisionQuery& query) {
  FAXIAN_TRY(check_supervision_query(query));
  DiscoveryFunnel funnel;
  FAXIAN_TRY_ASSIGN(
      funnel.warnings,
      one_row<WarningFunnel>(
          db, warning_funnel_sql(), query, [](const Statement& statement) -> Result<WarningFunnel> {
            RowReader row(statement);
            WarningFunnel counts{row.integer(), row.integer(), row.integer(), row.integer()};
            FAXIAN_TRY(row.status());
            return counts;
          }));
  FAXIAN_TRY_ASSIGN(
      funnel.leads,
      one_row<LeadFunnel>(db, lead_funnel_sql(), query,
                          [](const Statement& statement) -> Result<LeadFunnel> {
                            RowReader row(statement);
                            LeadFunnel counts{row.integer(), row.integer(), row.integer()};
                            FAXIAN_TRY(row.status());
                            return counts;
                          }));
  return funnel;
}

}  // namespace faxian::workflow
