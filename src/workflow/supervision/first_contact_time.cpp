// Median time to first contact: the dates from SQL, the day counts and medians here.

#include "workflow/supervision/first_contact_time.hpp"

#include <algorithm>
#include <map>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

struct ContactDates {
  std::string township_code;
  std::string township_name;
  Date created_on{};
  Date contacted_on{};
};

// Parameters: as_of, from, to, prefix.
constexpr std::string_view kDates = R"SQL(
SELECT l.township_code, t.name, l.created_on, l.first_contact_on
FROM leads l
JOIN regions t ON t.code = l.township_code
WHERE l.merged_into IS NULL AND l.first_contact_on IS NOT NULL AND l.first_contact_on <= ?
  AND l.created_on >= ? AND l.created_on <= ?
  AND COALESCE(l.village_code, l.township_code) LIKE ?
ORDER BY l.township_code
)SQL";

Result<ContactDates> read_dates(const Statement& statement) {
  RowReader row(statement);
  ContactDates dates{row.text(), row.text(), row.date(), row.date()};
  FAXIAN_TRY(row.status());
  return dates;
}

struct Samples {
  std::string name;
  std::vector<int> calendar_days;
  std::vector<int> working_days;
};

FirstContactRow row_of(const std::string& code, const Samples& samples) {
  FirstContactRow row;
  row.township_code = code;
  row.township_name = samples.name;
  row.contacted = static_cast<int64_t>(samples.calendar_days.size());
  row.median_calendar_days = median(samples.calendar_days);
  row.working_days_known = static_cast<int64_t>(samples.working_days.size());
  row.median_working_days = median(samples.working_days);
  return row;
}

void add_sample(Samples& samples, const ContactDates& dates, const WorkCalendar& calendar) {
  samples.calendar_days.push_back(dates.contacted_on - dates.created_on);
  if (auto working = calendar.working_days_between(dates.created_on, dates.contacted_on))
    samples.working_days.push_back(*working);
}

}  // namespace

std::optional<double> median(std::vector<int> values) {
  if (values.empty())
    return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  if (values.size() % 2 == 1)
    return static_cast<double>(values[middle]);
  return (static_cast<double>(values[middle - 1]) + static_cast<double>(values[middle])) / 2.0;
}

Result<FirstContactTimes> first_contact_times(Database& db, const WorkCalendar& calendar,
                                              const SupervisionQuery& query) {
  FAXIAN_TRY(check_supervision_query(query));
  std::vector<ContactDates> rows;
  FAXIAN_TRY_ASSIGN(rows, query_rows<ContactDates>(
                              db, kDates,
                              [&](Statement& s) {
                                ParamBinder(s)
                                    .date(query.as_of)
                                    .date(query.from)
                                    .date(query.to)
                                    .text(region_like(query));
                              },
                              read_dates));
  std::map<std::string, Samples> townships;
  Samples all;
  for (const ContactDates& dates : rows) {
    Samples& township = townships[dates.township_code];
    township.name = dates.township_name;
    add_sample(township, dates, calendar);
    add_sample(all, dates, calendar);
  }
  FirstContactTimes times;
  for (const auto& [code, samples] : townships)
    times.townships.push_back(row_of(code, samples));
  times.total = row_of("", all);
  return times;
}

}  // namespace faxian::workflow
