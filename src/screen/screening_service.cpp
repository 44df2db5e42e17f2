#include "screen/screening_service.hpp"

#include <chrono>

#include <fmt/format.h>

#include "common/clock.hpp"
#include "domain/enum_table.hpp"
#include "domain/feed_enums.hpp"
#include "screen/feature_store_loader.hpp"
#include "store/rule_set_repository.hpp"
#include "store/standards_repository.hpp"

namespace faxian::screen {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Result<ScreeningInputs> load_screening_inputs(Database& db) {
  SystemClock clock;
  ScreeningInputs inputs;
  RuleSetRepository rules(db, clock);
  auto rule_version = rules.latest();
  if (!rule_version)
    return tl::unexpected(rule_version.error());
  if (!*rule_version)
    return fail(ErrorCode::kUnavailable, "尚未加载筛查规则，请先运行 faxian init", "no rule set");
  FAXIAN_TRY_ASSIGN(inputs.rules, parse_rule_set_toml((*rule_version)->toml_text));
  inputs.rule_set_version = static_cast<int>((*rule_version)->version);

  StandardsRepository standards(db, clock);
  auto standards_version = standards.latest();
  if (!standards_version)
    return tl::unexpected(standards_version.error());
  if (!*standards_version)
    return fail(ErrorCode::kUnavailable, "尚未加载救助标准，请先运行 faxian init", "no standards");
  FAXIAN_TRY_ASSIGN(inputs.standards, parse_standards_toml((*standards_version)->toml_text));
  inputs.standards_version = static_cast<int>((*standards_version)->version);
  return inputs;
}

Result<std::vector<std::string>> excluded_income_keys(const Standards& standards) {
  std::vector<std::string> keys;
  for (const std::string& label : standards.excluded_income_types) {
    auto type = enum_from_label<IncomeType>(label);
    if (!type)
      type = enum_from_key<IncomeType>(label);
    if (!type)
      return fail(
          ErrorCode::kInvalidArgument,
          fmt::format("救助标准文件 [income] excluded_types 中的收入类型“{}”无法识别", label),
          fmt::format("unknown excluded income type '{}'", label));
    keys.emplace_back(enum_key(*type));
  }
  return keys;
}

Result<Screening> run_screening(Database& db, const ScreeningInputs& inputs,
                                const ScreeningRequest& request) {
  Screening screening;
  LoadOptions options;
  FAXIAN_TRY_ASSIGN(options.excluded_income_types, excluded_income_keys(inputs.standards));
  options.households = request.households;
  options.known_at = request.known_at;
  auto start = std::chrono::steady_clock::now();
  FAXIAN_TRY_ASSIGN(screening.store, load_feature_store(db, options));
  screening.timings.load_seconds = seconds_since(start);
  FAXIAN_TRY_ASSIGN(
      screening.parameters,
      make_screening_parameters(request.as_of, inputs.rules, inputs.standards, screening.store));
  start = std::chrono::steady_clock::now();
  std::vector<uint32_t> households;
  if (request.households) {
    for (int64_t id : *request.households)
      if (uint32_t number = screening.store.household_numbers.number_of(id);
          number < screening.store.households.size())
        households.push_back(number);
  } else {
    households = screening.store.screenable_households();
  }
  if (!households.empty())
    screening.result =
        screen_households(screening.store, screening.parameters, households, request.threads);
  screening.timings.screen_seconds = seconds_since(start);
  return screening;
}

}  // namespace faxian::screen
