#pragma once
// A trial of a changed rule set (30-screening.md "dry run"): the county screened on one date
// under the rule set in force and under the candidate, counted by level and township. Nothing
// is stored. Used by `faxian rules dry-run` and POST /api/v1/rules/dry-run.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/rule_set.hpp"
#include "store/database.hpp"

namespace faxian::screen {

// Need warnings by level, then review warnings: {red, orange, yellow, review}.
using LevelCounts = std::array<int64_t, 4>;

struct TownshipTrial {
  std::string code;  // the township's region code
  LevelCounts in_force{};
  LevelCounts candidate{};
};

struct RulesTrial {
  Date as_of;
  int compared_version = 0;       // the rule-set version in force
  std::vector<std::string> diff;  // rule_set_diff(in force, candidate)
  LevelCounts in_force{};         // the county's totals
  LevelCounts candidate{};
  std::vector<TownshipTrial> townships;  // every township with a screenable household
};

Result<RulesTrial> try_rule_set(Database& db, const RuleSet& candidate, Date as_of);

}  // namespace faxian::screen
