#pragma once
// What one screening run fixes before it looks at any household: the as-of date, the rule set,
// and the figures of the standards file in force on that date.

#include <cstdint>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/rule_set.hpp"
#include "domain/standards.hpp"
#include "screen/feature_store.hpp"

namespace faxian::screen {

struct ScreeningParameters {
  Date as_of{};
  Day d = 0;          // as_of as a day number
  int32_t month = 0;  // Month::index() of as_of
  const RuleSet* rules = nullptr;
  const Standards* standards = nullptr;

  int64_t dibao_urban_fen = 0;  // 低保 monthly standard on D
  int64_t dibao_rural_fen = 0;
  int64_t disposable_urban_fen = 0;  // disposable_ref: per capita, per year
  int64_t disposable_rural_fen = 0;
  int disposable_year = 0;            // the year the figures describe
  bool disposable_gap = false;        // D's year − 1 was missing; an earlier year is used
  std::vector<uint8_t> serious_code;  // by FeatureStore::diagnosis_codes index

  const RuleConfig& rule(RuleId id) const { return rules->rule(id); }
  // First day inside the rule's window (D − N days, D]: the window is day > d − N.
  Day window_start(RuleId id) const { return d - rule(id).thresholds.window_days; }
};

// REQUIRES: rules and standards outlive the parameters.
Result<ScreeningParameters> make_screening_parameters(Date as_of, const RuleSet& rules,
                                                      const Standards& standards,
                                                      const FeatureStore& store);

}  // namespace faxian::screen
