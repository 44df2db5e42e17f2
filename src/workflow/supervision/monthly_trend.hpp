#pragma once
// 督导: trend over months (40-workflow.md "Supervision"). For each calendar month that meets the
// period (the first and last months only for their days inside it), in the area:
// * warnings_raised: need warnings first detected that month;
// * leads_created: leads created that month (not merged);
// * leads_closed: leads closed that month (not merged).
// Every month of the period has a row, zeros included.

#include <cstdint>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/supervision/supervision_query.hpp"

namespace faxian::workflow {

struct MonthCounts {
  Month month{};
  int64_t warnings_raised = 0;
  int64_t leads_created = 0;
  int64_t leads_closed = 0;

  bool operator==(const MonthCounts&) const = default;
};

// The months of the period in order. kInvalidArgument for a bad query.
Result<std::vector<MonthCounts>> monthly_trend(Database& db, const SupervisionQuery& query);

}  // namespace faxian::workflow
