#pragma once
// Helpers the rule files share: starting a FiredRule, evidence records, the area's words.

#include <optional>
#include <string>

#include "domain/warning.hpp"
#include "screen/household_snapshot.hpp"
#include "screen/rule_text.hpp"

namespace faxian::screen {

inline const RuleThresholds& thresholds(const HouseholdSnapshot& household, RuleId rule) {
  return household.parameters().rule(rule).thresholds;
}

FiredRule start_fired(const HouseholdSnapshot& household, RuleId rule);

Evidence evidence(FeedKind feed, int64_t record_id, Day date,
                  std::optional<int64_t> amount_fen = std::nullopt);

// Income records of current members in the 12 months ending with D's month, newest first
// (at most `limit`).
void add_income_evidence(FiredRule& fired, const HouseholdSnapshot& household, size_t limit = 24);
// Medical records of current members dated in (after, D] with their signed self-pay.
void add_medical_evidence(FiredRule& fired, const HouseholdSnapshot& household, Day after,
                          size_t limit = 24);

// "城市" / "农村"
std::string area_word(const HouseholdSnapshot& household);
// "人均月收入 1,234.50 元" for the household's 12-month income.
std::string per_capita_text(const HouseholdSnapshot& household);

}  // namespace faxian::screen
