#include "screen/rules_trial.hpp"

#include <map>

#include "screen/screening_service.hpp"

namespace faxian::screen {
namespace {

struct Tally {
  LevelCounts total{};
  std::map<int32_t, LevelCounts> by_township;  // FeatureStore::townships index
};

Tally tally(const FeatureStore& store, const ScreeningResult& result) {
  Tally counts;
  for (const WarningFinding& finding : result.findings) {
    const size_t column =
        finding.kind == WarningKind::kReview ? 3 : 2 - static_cast<size_t>(*finding.level);
    ++counts.total[column];
    const uint32_t number = store.household_numbers.number_of(finding.household_id);
    if (number < store.households.size())
      ++counts.by_township[store.households[number].township][column];
  }
  return counts;
}

}  // namespace

Result<RulesTrial> try_rule_set(Database& db, const RuleSet& candidate, Date as_of) {
  ScreeningInputs inputs;
  FAXIAN_TRY_ASSIGN(inputs, load_screening_inputs(db));
  ScreeningRequest request;
  request.as_of = as_of;
  Screening current;
  FAXIAN_TRY_ASSIGN(current, run_screening(db, inputs, request));
  ScreeningParameters parameters;
  FAXIAN_TRY_ASSIGN(parameters,
                    make_screening_parameters(as_of, candidate, inputs.standards, current.store));
  const ScreeningResult proposed =
      screen_households(current.store, parameters, current.store.screenable_households());
  Tally before = tally(current.store, current.result);
  Tally after = tally(current.store, proposed);

  RulesTrial trial;
  trial.as_of = as_of;
  trial.compared_version = inputs.rule_set_version;
  trial.diff = rule_set_diff(inputs.rules, candidate);
  trial.in_force = before.total;
  trial.candidate = after.total;
  for (size_t t = 0; t < current.store.townships.size(); ++t) {
    const auto index = static_cast<int32_t>(t);
    trial.townships.push_back(
        {current.store.townships[t], before.by_township[index], after.by_township[index]});
  }
  return trial;
}

}  // namespace faxian::screen
