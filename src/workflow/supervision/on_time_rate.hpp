#pragma once
// 督导: on-time rate per township (40-workflow.md "Deadlines": overdue items count against the
// township). For every lead created within the period in the area (not merged), each of its two
// deadlines — first contact and verification finished — is judged on the query's as_of day:
// * met on time: the step was done (first_contact_on / verified_on ≤ as_of) on or before its
//   deadline;
// * late: done after its deadline, or not done and the deadline is before as_of (an overdue
//   step counts against the township even before it is done);
// * not judged: the deadline is unknown (calendar missing), or not yet passed and not done.
// rate = on time / (on time + late) × 100, one decimal; absent when nothing was judged.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/supervision/supervision_query.hpp"

namespace faxian::workflow {

struct OnTimeRow {
  std::string township_code;  // "" for the total
  std::string township_name;
  int64_t first_contact_judged = 0;
  int64_t first_contact_on_time = 0;
  int64_t verification_judged = 0;
  int64_t verification_on_time = 0;
  std::optional<double> first_contact_rate{};
  std::optional<double> verification_rate{};
  std::optional<double> rate{};  // both steps together

  bool operator==(const OnTimeRow&) const = default;
};

struct OnTimeRates {
  std::vector<OnTimeRow> townships;  // townships with any lead, by code
  OnTimeRow total;
};

// The rates for the query. kInvalidArgument for a bad query.
Result<OnTimeRates> on_time_rates(Database& db, const SupervisionQuery& query);

}  // namespace faxian::workflow
