// The whole dashboard: each figure in turn. No transaction is opened: on SQLite a transaction
// here would be a write lock (Database::begin), and a dashboard must never hold up the workers
// recording visits; figures read a moment apart may differ by the changes made in between.

#include "workflow/supervision/supervision_report.hpp"

namespace faxian::workflow {

Result<SupervisionReport> supervision_report(Database& db, const WorkCalendar& calendar,
                                             const SupervisionQuery& query, int64_t overdue_limit) {
  FAXIAN_TRY(check_supervision_query(query));
  SupervisionReport report;
  report.query = query;
  FAXIAN_TRY_ASSIGN(report.volume, volume_breakdown(db, query));
  FAXIAN_TRY_ASSIGN(report.on_time, on_time_rates(db, query));
  FAXIAN_TRY_ASSIGN(report.funnel, discovery_funnel(db, query));
  FAXIAN_TRY_ASSIGN(report.first_contact, first_contact_times(db, calendar, query));
  FAXIAN_TRY_ASSIGN(report.campaigns, campaign_overview(db, query));
  FAXIAN_TRY_ASSIGN(report.overdue, overdue_list(db, calendar, query, overdue_limit));
  FAXIAN_TRY_ASSIGN(report.trend, monthly_trend(db, query));
  return report;
}

}  // namespace faxian::workflow
