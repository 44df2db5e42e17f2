#pragma once
// The parameters every supervision (督导) figure takes (GET /api/v1/stats/supervision?from=&to=):
// an area — a region code used as a prefix (county 6 digits, township 9, village 12: a parent's
// code is a prefix of its children's), so area scope is applied inside the queries — a period,
// and the day deadlines are judged on.
//
// Where a record sits: a lead at its village (its township when it has no village), a warning
// and a visit at their household's village, a task at its village (else its township), a
// campaign's households at their villages.
//
// Merged leads (merged_into set, outcome duplicate) are never counted on their own: a case is
// counted once, as the lead it was merged into.

#include <string>

#include "common/date.hpp"
#include "common/error.hpp"

namespace faxian::workflow {

struct SupervisionQuery {
  std::string region_prefix{};  // 6, 9 or 12 digits
  Date from{};                  // first day of the period (inclusive)
  Date to{};                    // last day of the period (inclusive)
  Date as_of{};                 // deadlines are judged on this day (usually today)
};

// ok(), or kInvalidArgument for a prefix that is not 6, 9 or 12 digits or `to` before `from`.
Result<void> check_supervision_query(const SupervisionQuery& query);

// `prefix` + '%' for `LIKE ?`.
std::string region_like(const SupervisionQuery& query);

// part / whole × 100 rounded to one decimal; 0 when whole is 0.
double percent(int64_t part, int64_t whole);

}  // namespace faxian::workflow
