#pragma once
// 督导: median time to first contact (40-workflow.md "Supervision"), in calendar days and in
// working days. Over the leads created within the period in the area (not merged) whose first
// contact was recorded on or before as_of:
// * calendar days = first_contact_on − created_on;
// * working days = working days in (created_on, first_contact_on] by the calendar (so a contact
//   on the next working day is 1); a lead whose dates enter a year without a calendar is left
//   out of the working-day median (working_days_known says how many were counted);
// * the median of an even count is the mean of the two middle values.
// Leads not yet contacted are not in the medians (the on-time rate and the overdue list show
// them).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/work_calendar.hpp"
#include "store/database.hpp"
#include "workflow/supervision/supervision_query.hpp"

namespace faxian::workflow {

struct FirstContactRow {
  std::string township_code;  // "" for the total
  std::string township_name;
  int64_t contacted = 0;
  std::optional<double> median_calendar_days{};
  int64_t working_days_known = 0;
  std::optional<double> median_working_days{};

  bool operator==(const FirstContactRow&) const = default;
};

struct FirstContactTimes {
  std::vector<FirstContactRow> townships;  // by code
  FirstContactRow total;
};

// The medians for the query. kInvalidArgument for a bad query.
Result<FirstContactTimes> first_contact_times(Database& db, const WorkCalendar& calendar,
                                              const SupervisionQuery& query);

// The median of `values` (mean of the two middle ones for an even count); nullopt when empty.
std::optional<double> median(std::vector<int> values);

}  // namespace faxian::workflow
