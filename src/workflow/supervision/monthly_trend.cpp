// Monthly trend: one GROUP BY month per series, merged into one row per month.

#include "workflow/supervision/monthly_trend.hpp"

#include <map>
#include <string>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

// Each: the month ("YYYY-MM") and a count. Parameters: from, to, prefix.
constexpr std::string_view kWarnings =
    "SELECT substr(w.first_detected, 1, 7), COUNT(*) FROM warnings w "
    "JOIN households h ON h.id = w.household_id WHERE w.kind = 'need' "
    "AND w.first_detected >= ? AND w.first_detected <= ? AND h.village_code LIKE ? "
    "GROUP BY substr(w.first_detected, 1, 7)";
constexpr std::string_view kCreated =
    "SELECT substr(l.created_on, 1, 7), COUNT(*) FROM leads l WHERE l.merged_into IS NULL "
    "AND l.created_on >= ? AND l.created_on <= ? "
    "AND COALESCE(l.village_code, l.township_code) LIKE ? GROUP BY substr(l.created_on, 1, 7)";
constexpr std::string_view kClosed =
    "SELECT substr(l.closed_on, 1, 7), COUNT(*) FROM leads l WHERE l.merged_into IS NULL "
    "AND l.closed_on >= ? AND l.closed_on <= ? "
    "AND COALESCE(l.village_code, l.township_code) LIKE ? GROUP BY substr(l.closed_on, 1, 7)";

Result<std::map<Month, int64_t>> per_month(Database& db, std::string_view sql,
                                           const SupervisionQuery& query) {
  auto rows = query_rows<std::pair<Month, int64_t>>(
      db, sql,
      [&](Statement& s) {
        ParamBinder(s).date(query.from).date(query.to).text(region_like(query));
      },
      [](const Statement& statement) -> Result<std::pair<Month, int64_t>> {
        RowReader row(statement);
        std::pair<Month, int64_t> pair{row.month(), row.integer()};
        FAXIAN_TRY(row.status());
        return pair;
      });
  if (!rows)
    return tl::unexpected(rows.error());
  return std::map<Month, int64_t>(rows->begin(), rows->end());
}

int64_t count_in(const std::map<Month, int64_t>& counts, Month month) {
  auto it = counts.find(month);
  return it == counts.end() ? 0 : it->second;
}

}  // namespace

Result<std::vector<MonthCounts>> monthly_trend(Database& db, const SupervisionQuery& query) {
  FAXIAN_TRY(check_supervision_query(query));
  std::map<Month, int64_t> warnings, created, closed;
  FAXIAN_TRY_ASSIGN(warnings, per_month(db, kWarnings, query));
  FAXIAN_TRY_ASSIGN(created, per_month(db, kCreated, query));
  FAXIAN_TRY_ASSIGN(closed, per_month(db, kClosed, query));
  std::vector<MonthCounts> trend;
  for (Month month = Month::of(query.from); month <= Month::of(query.to);
       month = month.add_months(1)) {
    trend.push_back(
        {month, count_in(warnings, month), count_in(created, month), count_in(closed, month)});
  }
  return trend;
}

}  // namespace faxian::workflow
