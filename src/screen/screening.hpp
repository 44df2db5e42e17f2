#pragma once
// Screening (30-screening.md): every household of a FeatureStore, or some of them, evaluated as
// of D into need and review findings. A full run and an incremental run call the same
// per-household evaluation, which is what makes them agree.

#include <cstdint>
#include <span>
#include <vector>

#include "domain/warning.hpp"
#include "screen/feature_store.hpp"
#include "screen/screening_parameters.hpp"

namespace faxian::screen {

// Adds the household's need and review findings (if any rule fires) to `out`; returns whether
// the household had a member on D (was screened at all).
bool evaluate_household(const FeatureStore& store, const ScreeningParameters& parameters,
                        uint32_t household, std::vector<WarningFinding>& out);

struct ScreeningResult {
  std::vector<int64_t> screened;         // households with a member on D, ascending
  std::vector<WarningFinding> findings;  // by household id, need before review
};

// Evaluates `households` (their store numbers, StoreNumbering; all screenable ones when empty)
// on `threads` threads. The result names households by their database ids.
ScreeningResult screen_households(const FeatureStore& store, const ScreeningParameters& parameters,
                                  std::span<const uint32_t> households, int threads = 2);

}  // namespace faxian::screen
