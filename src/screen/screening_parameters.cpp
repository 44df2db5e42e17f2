#include "screen/screening_parameters.hpp"

namespace faxian::screen {

Result<ScreeningParameters> make_screening_parameters(Date as_of, const RuleSet& rules,
                                                      const Standards& standards,
                                                      const FeatureStore& store) {
  ScreeningParameters parameters;
  parameters.as_of = as_of;
  parameters.d = as_of.days_since_epoch();
  parameters.month = Month::of(as_of).index();
  parameters.rules = &rules;
  parameters.standards = &standards;

  Money urban, rural;
  FAXIAN_TRY_ASSIGN(urban, standards.dibao_on(as_of, AreaType::kUrban));
  FAXIAN_TRY_ASSIGN(rural, standards.dibao_on(as_of, AreaType::kRural));
  parameters.dibao_urban_fen = urban.fen();
  parameters.dibao_rural_fen = rural.fen();

  DisposableIncome disposable;
  FAXIAN_TRY_ASSIGN(disposable,
                    standards.disposable_for_year(as_of.year() - 1, &parameters.disposable_gap));
  parameters.disposable_urban_fen = disposable.urban.fen();
  parameters.disposable_rural_fen = disposable.rural.fen();
  parameters.disposable_year = disposable.year;

  parameters.serious_code.reserve(store.diagnosis_codes.size());
  for (const std::string& code : store.diagnosis_codes)
    parameters.serious_code.push_back(rules.serious_illness.matches(code) ? 1 : 0);
  return parameters;
}

}  // namespace faxian::screen
