#include "workflow/assistance/eligibility_service.hpp"

#include <fmt/format.h>

#include "screen/feature_store_loader.hpp"
#include "screen/screening_parameters.hpp"
#include "screen/screening_service.hpp"
#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/assistance/eligibility_json.hpp"

namespace faxian::workflow {
namespace {

constexpr std::string_view kColumns =
    "id, application_id, household_id, programme, as_of, recommendation, figures, "
    "standards_version, rule_set_version, computed_by, computed_at";

Result<StoredEligibilityCheck> read_check(const Statement& statement) {
  RowReader row(statement);
  StoredEligibilityCheck c;
  c.id = row.integer();
  c.application_id = row.optional_integer();
  c.household_id = row.integer();
  c.programme = row.enumeration<Programme>();
  c.as_of = row.date();
  c.recommendation = row.enumeration<Recommendation>();
  c.figures = row.text();
  c.standards_version = static_cast<int>(row.integer());
  c.rule_set_version = static_cast<int>(row.integer());
  c.computed_by = row.text();
  c.computed_at = row.integer();
  FAXIAN_TRY(row.status());
  return c;
}

Error household_not_found(int64_t household_id) {
  return not_found("家庭", fmt::format("household {}", household_id));
}

}  // namespace

Result<EligibilityCheck> EligibilityService::compute(int64_t household_id, Date as_of) {
  screen::ScreeningInputs inputs;
  FAXIAN_TRY_ASSIGN(inputs, screen::load_screening_inputs(db_));
  screen::LoadOptions options;
  FAXIAN_TRY_ASSIGN(options.excluded_income_types, screen::excluded_income_keys(inputs.standards));
  options.households = std::vector<int64_t>{household_id};
  screen::FeatureStore store;
  FAXIAN_TRY_ASSIGN(store, screen::load_feature_store(db_, options));
  const uint32_t number = store.household_numbers.number_of(household_id);
  if (household_id <= 0 || number >= store.households.size() || !store.households[number].exists)
    return tl::unexpected(household_not_found(household_id));
  screen::ScreeningParameters parameters;
  FAXIAN_TRY_ASSIGN(
      parameters, screen::make_screening_parameters(as_of, inputs.rules, inputs.standards, store));
  const screen::HouseholdSnapshot snapshot(store, parameters, number);
  if (snapshot.empty())
    return fail(ErrorCode::kUnavailable,
                fmt::format("该户在 {} 没有在册成员，无法核对", as_of.iso()),
                fmt::format("household {} has no member on {}", household_id, as_of.iso()));
  const StandardsPeriod* period = inputs.standards.period_on(as_of);
  const Money tekun = period != nullptr ? period->tekun : Money();
  auto check = compute_eligibility(snapshot, household_id, tekun, options.excluded_income_types);
  if (!check)
    return check;
  check->standards_version = inputs.standards_version;
  check->rule_set_version = inputs.rule_set_version;
  return check;
}

Result<int64_t> EligibilityService::store(const EligibilityCheck& check,
                                          std::optional<int64_t> application_id,
                                          Programme programme, std::string_view computed_by) {
  auto id = returning_id(
      db_,
      "INSERT INTO eligibility_checks (application_id, household_id, programme, as_of, "
      "recommendation, figures, standards_version, rule_set_version, computed_by, computed_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      [&](Statement& s) {
        ParamBinder(s)
            .integer(application_id)
            .integer(check.household_id)
            .enumeration(programme)
            .date(check.as_of)
            .enumeration(check.finding(programme).recommendation)
            .text(eligibility_to_json(check).dump())
            .integer(check.standards_version)
            .integer(check.rule_set_version)
            .text(computed_by)
            .integer(clock_.now_unix());
      });
  if (!id)
    return tl::unexpected(id.error());
  return id->value_or(0);
}

Result<std::optional<StoredEligibilityCheck>> EligibilityService::find(int64_t id) {
  return query_one<StoredEligibilityCheck>(
      db_, fmt::format("SELECT {} FROM eligibility_checks WHERE id = ?", kColumns),
      [&](Statement& s) { ParamBinder(s).integer(id); }, read_check);
}

Result<std::vector<StoredEligibilityCheck>> EligibilityService::for_application(
    int64_t application_id) {
  return query_rows<StoredEligibilityCheck>(
      db_,
      fmt::format("SELECT {} FROM eligibility_checks WHERE application_id = ? ORDER BY id",
                  kColumns),
      [&](Statement& s) { ParamBinder(s).integer(application_id); }, read_check);
}

}  // namespace faxian::workflow
