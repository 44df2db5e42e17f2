#pragma once
// How warnings are written in the store (migration 6): the stable keys of their enumerations,
// the `rules` column ("R01;R03", rule ids ascending), evidence keys ("medical:123", what a
// suppression compares) and the `detail` JSON:
//
//   {"rules": [{"rule": "R03", "points": 30, "red": false,
//               "evidence": [{"feed": "medical", "record_id": 12, "date": "2024-03-01",
//                             "amount_fen": 3821000}],   // amount_fen null when none
//               "explanation": "近12个月个人自付医疗费用 38,210 元，…"}],
//    "actions": ["…"], "departments": ["…"]}
//
// kind, score, level and the household live in their own columns, not in `detail`.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/rule_set.hpp"
#include "domain/warning.hpp"

namespace faxian::warning_codec {

// "need" / "review".
std::string_view kind_key(WarningKind kind);
std::optional<WarningKind> find_kind(std::string_view key);
inline constexpr WarningKind kAllKinds[] = {WarningKind::kNeed, WarningKind::kReview};

// The fired rules' ids, ascending and without repeats.
std::vector<RuleId> rule_ids(const WarningFinding& finding);
// "R01;R03" (ids sorted ascending); "" for none.
std::string rules_text(std::span<const RuleId> rules);
// The ids of a `rules` column; kCorrupt on an unknown code.
Result<std::vector<RuleId>> parse_rules_text(std::string_view text);

// "feed:record_id", e.g. "medical:123".
std::string evidence_key(const Evidence& evidence);
// Every evidence key of the finding's fired rules, sorted, without repeats.
std::vector<std::string> evidence_keys(const WarningFinding& finding);
// A JSON array of strings, and back (kCorrupt when it is not one).
std::string string_array_json(std::span<const std::string> values);
Result<std::vector<std::string>> parse_string_array_json(std::string_view json);

// The `detail` JSON of a finding: its fired rules, actions and departments.
std::string detail_json(const WarningFinding& finding);
// Fills `finding.rules`, `actions` and `departments` from a `detail` JSON; kCorrupt (naming
// the field) when it is malformed.
Result<void> read_detail_json(std::string_view json, WarningFinding& finding);

}  // namespace faxian::warning_codec
