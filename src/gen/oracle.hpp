#pragma once
// The truth oracle: which rules of 30-screening.md fire for each household of a unit as of a
// date, computed from the unit's feed rows (exactly what the files say) by a deliberately
// plain, independent reading of "Precise readings". truth.csv is its output, and the real
// screening engine is later judged against it, so every comparison is exact: integer fen,
// cross-multiplication, windows (D − N, D], membership from population rows.
//
// Rule parameters are the defaults of the rule table (10,000 yuan, 2 × standard, 180 days …);
// standards figures come from the Standards object.

#include <vector>

#include "domain/standards.hpp"
#include "gen/county_map.hpp"
#include "gen/model.hpp"
#include "gen/rules.hpp"

namespace faxian::gen {

// Alternative readings of the two places where the spec can be read two ways. The generator
// keeps only background households whose truth is the same under both readings, so truth.csv
// does not depend on the choice (see docs/generator.md).
struct OracleReadings {
  // R11 "a job loss (R05's event)" after the result date: also require R05's 180-day window.
  bool r11_job_loss_within_180_days = false;
  // R11 "medical self-pay ≥ 5,000" after the result date: also require the 365-day window.
  bool r11_medical_within_365_days = false;
};

class TruthOracle {
 public:
  TruthOracle(const Standards& standards, const CountyMap& county, Date as_of,
              OracleReadings readings = {});

  // One mask per unit household (same order as unit.households).
  std::vector<RuleMask> evaluate(const Unit& unit) const;

  Date as_of() const { return as_of_; }

 private:
  const Standards& standards_;
  const CountyMap& county_;
  Date as_of_;
  OracleReadings readings_;
};

}  // namespace faxian::gen
