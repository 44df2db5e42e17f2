#pragma once
// A screening whose results are kept: evaluate (in full, or the households changed since the
// last run), then reconcile the stored warnings (open, update, escalate, clear, suppress) and
// log the run. `faxian screen`, the demo and the import's follow-up screening all go through
// here.

#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "screen/screening_service.hpp"
#include "store/database.hpp"
#include "store/warning_repository.hpp"

namespace faxian::screen {

enum class JobMode {
  kAuto,  // incremental when the last run has the same as-of date and rule set, else full
  kFull,
};

struct JobOutcome {
  RunMode mode = RunMode::kFull;
  int64_t run_id = 0;
  std::unique_ptr<ScreeningInputs> inputs;  // stable address: `screening` points into it
  Screening screening;
  ApplyOutcome applied;
  RunCounts counts;
  double store_seconds = 0;  // reconciling the stored warnings (after load and evaluation)
  double total_seconds = 0;  // everything, from reading the rules to the commit
};

Result<JobOutcome> screen_and_store(Database& db, const Clock& clock, Date as_of, JobMode mode);

// After an import batch: re-screens the households of `touched_persons` as of the last run's
// date (so the stored warnings stay those of one date). Nothing to do (nullopt) before the
// first run or when no person was touched.
// `touched_households` adds households the persons' memberships no longer lead to (one a
// corrected 户籍 row moved them out of).
Result<std::optional<JobOutcome>> screen_after_batch(
    Database& db, const Clock& clock, std::span<const int64_t> touched_persons,
    std::span<const int64_t> touched_households = {});

// Persons with a feed record, a category or a confirmed hotline match stored at or after
// `since` (Unix seconds).
Result<std::vector<int64_t>> persons_changed_since(Database& db, int64_t since);

}  // namespace faxian::screen
