#pragma once
// Builders for the evaluation tests: truth rows, predictions, attributes, and a Scenario of
// synthetic households per township with given TP/FP/FN/TN counts.

#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "screen/evaluation.hpp"

namespace faxian::screen::eval_testing {

using Attributes = std::unordered_map<std::string, HouseholdAttributes>;

inline Date day(std::string_view iso) {
  return Date::parse_iso(iso).value();
}

inline TruthRow truth(std::string household_no, bool in_need, std::vector<RuleId> reasons) {
  return {std::move(household_no), in_need, std::move(reasons)};
}

inline EvalPrediction need(std::string household_no, std::vector<RuleId> rules,
                           std::optional<Date> event_date = std::nullopt,
                           Date first_detected = {}) {
  return {.household_no = std::move(household_no),
          .need_rules = std::move(rules),
          .event_date = event_date,
          .first_detected = first_detected};
}

inline EvalPrediction review(std::string household_no) {
  return {.household_no = std::move(household_no), .review_rules = {RuleId::kV01}};
}

inline HouseholdAttributes attributes_in(std::string township_code, std::string township_name,
                                         std::string ethnicity_key = "unknown",
                                         std::string ethnicity_label = "未知",
                                         AgeBand band = AgeBand::kUnknown) {
  return {std::move(township_code), std::move(township_name), std::move(ethnicity_key),
          std::move(ethnicity_label), band};
}

// Households of named townships with the outcomes asked for (need rule R01 throughout).
class Scenario {
 public:
  void add(const std::string& township, const EvalCounts& counts) {
    add_households(township, counts.tp, true, true);
    add_households(township, counts.fp, true, false);
    add_households(township, counts.fn, false, true);
    add_households(township, counts.tn, false, false);
  }

  EvalReport evaluate(const EvalOptions& options = {}) const {
    return screen::evaluate(predictions_, truths_, attributes_, options);
  }

 private:
  void add_households(const std::string& township, int64_t count, bool predicted, bool actual) {
    for (int64_t index = 0; index < count; ++index) {
      const std::string household_no = fmt::format("{}-{}", township, truths_.size());
      truths_.push_back(truth(household_no, actual,
                              actual ? std::vector<RuleId>{RuleId::kR01} : std::vector<RuleId>{}));
      if (predicted)
        predictions_.push_back(need(household_no, {RuleId::kR01}));
      attributes_[household_no] = attributes_in(township, township);
    }
  }

  std::vector<TruthRow> truths_;
  std::vector<EvalPrediction> predictions_;
  Attributes attributes_;
};

}  // namespace faxian::screen::eval_testing
