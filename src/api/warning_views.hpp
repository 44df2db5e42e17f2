#pragma once
// Open warnings as the API shows them (30-screening.md "Warnings"): the list of the warnings
// routes, one warning, and a household's open warnings for its profile. A warning carries its
// fired rules ascending with their Chinese names; the explanations with figures (income,
// medical costs, disability) only when `with_reasons` — the roles that handle cases — and the
// rule names in their place otherwise. The area applies in the SQL (region code range of the
// household's village).

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "api/household_access.hpp"
#include "api/router.hpp"
#include "common/clock.hpp"
#include "domain/rule_set.hpp"
#include "store/database.hpp"

namespace faxian::api {

struct WarningListQuery {
  CodeRange area;
  std::optional<std::string> kind;   // "need" | "review"
  std::optional<std::string> level;  // "red" | "orange" | "yellow"
  std::optional<std::string> rule;   // "R01" … (validated)
  PageRequest page{};
};

struct WarningPage {
  nlohmann::json items = nlohmann::json::array();
  int64_t total = 0;
};

// Open warnings in the area, red first, then by score (highest first) and 户号.
Result<WarningPage> list_open_warnings(Database& db, const WarningListQuery& query,
                                       const RuleSet& rules, bool with_reasons);

// One warning (any status) whose household is in the area; nullopt otherwise.
Result<std::optional<nlohmann::json>> find_warning(Database& db, const AreaScope& scope,
                                                   int64_t warning_id, const RuleSet& rules,
                                                   bool with_reasons);

// A household's warnings, open first then newest; `open_only` for the profile.
Result<nlohmann::json> household_warnings(Database& db, int64_t household_id, bool open_only,
                                          const RuleSet& rules, bool with_reasons);

}  // namespace faxian::api
