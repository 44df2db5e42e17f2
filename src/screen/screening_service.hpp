#pragma once
// One screening as the commands and the server run it: the rule set and standards in force,
// the feature store, the evaluation, with timings.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/rule_set.hpp"
#include "domain/standards.hpp"
#include "screen/feature_store.hpp"
#include "screen/screening.hpp"
#include "store/database.hpp"

namespace faxian::screen {

struct ScreeningInputs {
  RuleSet rules;
  int rule_set_version = 0;
  Standards standards;
  int standards_version = 0;
};

// The latest rule-set and standards versions; kUnavailable (a Chinese message pointing at
// `faxian init`) when either is missing.
Result<ScreeningInputs> load_screening_inputs(Database& db);

// The keys of the income types the standards file excludes (it names them by Chinese label).
Result<std::vector<std::string>> excluded_income_keys(const Standards& standards);

struct ScreeningTimings {
  double load_seconds = 0;
  double screen_seconds = 0;
};

struct Screening {
  FeatureStore store;
  ScreeningParameters parameters;
  ScreeningResult result;
  ScreeningTimings timings;
};

struct ScreeningRequest {
  Date as_of{};
  std::optional<std::vector<int64_t>> households;  // nullopt: every household
  std::optional<int64_t> known_at;                 // --known-at (Unix seconds)
  int threads = 2;
};

// Loads the features and evaluates. REQUIRES: inputs outlive the returned Screening (its
// parameters point into them).
Result<Screening> run_screening(Database& db, const ScreeningInputs& inputs,
                                const ScreeningRequest& request);

}  // namespace faxian::screen
