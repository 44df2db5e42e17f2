// On-time rates: the judged and on-time counts per township in SQL, rates computed here.

#include "workflow/supervision/on_time_rate.hpp"

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

// Parameters: as_of ×3 (first contact), as_of ×3 (verification), from, to, prefix.
constexpr std::string_view kCounts = R"SQL(
SELECT l.township_code, t.name,
  SUM(CASE WHEN l.first_contact_due IS NOT NULL
            AND ((l.first_contact_on IS NOT NULL AND l.first_contact_on <= ?)
                 OR l.first_contact_due < ?) THEN 1 ELSE 0 END),
  SUM(CASE WHEN l.first_contact_due IS NOT NULL AND l.first_contact_on IS NOT NULL
            AND l.first_contact_on <= ? AND l.first_contact_on <= l.first_contact_due
           THEN 1 ELSE 0 END),
  SUM(CASE WHEN l.verification_due IS NOT NULL
            AND ((l.verified_on IS NOT NULL AND l.verified_on <= ?)
                 OR l.verification_due < ?) THEN 1 ELSE 0 END),
  SUM(CASE WHEN l.verification_due IS NOT NULL AND l.verified_on IS NOT NULL
            AND l.verified_on <= ? AND l.verified_on <= l.verification_due
           THEN 1 ELSE 0 END)
FROM leads l
JOIN regions t ON t.code = l.township_code
WHERE l.merged_into IS NULL AND l.created_on >= ? AND l.created_on <= ?
  AND COALESCE(l.village_code, l.township_code) LIKE ?
GROUP BY l.township_code, t.name
ORDER BY l.township_code
)SQL";

std::optional<double> rate_of(int64_t on_time, int64_t judged) {
  if (judged == 0)
    return std::nullopt;
  return percent(on_time, judged);
}

void finish(OnTimeRow& row) {
  row.first_contact_rate = rate_of(row.first_contact_on_time, row.first_contact_judged);
  row.verification_rate = rate_of(row.verification_on_time, row.verification_judged);
  row.rate = rate_of(row.first_contact_on_time + row.verification_on_time,
                     row.first_contact_judged + row.verification_judged);
}

Result<OnTimeRow> read_row(const Statement& statement) {
  RowReader reader(statement);
  OnTimeRow row;
  row.township_code = reader.text();
  row.township_name = reader.text();
  row.first_contact_judged = reader.integer();
  row.first_contact_on_time = reader.integer();
  row.verification_judged = reader.integer();
  row.verification_on_time = reader.integer();
  FAXIAN_TRY(reader.status());
  finish(row);
  return row;
}

}  // namespace

Result<OnTimeRates> on_time_rates(Database& db, const SupervisionQuery& query) {
  FAXIAN_TRY(check_supervision_query(query));
  OnTimeRates rates;
  FAXIAN_TRY_ASSIGN(rates.townships,
                    query_rows<OnTimeRow>(
                        db, kCounts,
                        [&](Statement& s) {
                          ParamBinder binder(s);
                          for (int i = 0; i < 6; ++i)
                            binder.date(query.as_of);
                          binder.date(query.from).date(query.to).text(region_like(query));
                        },
                        read_row));
  for (const OnTimeRow& row : rates.townships) {
    rates.total.first_contact_judged += row.first_contact_judged;
    rates.total.first_contact_on_time += row.first_contact_on_time;
    rates.total.verification_judged += row.verification_judged;
    rates.total.verification_on_time += row.verification_on_time;
  }
  finish(rates.total);
  return rates;
}

}  // namespace faxian::workflow
