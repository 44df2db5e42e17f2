#pragma once
// The screening rule set of 30-screening.md as configuration: per rule on/off, points, level
// floor, thresholds, Chinese name, actions and departments; score → level cut-offs; the serious
// illness codes; suppression cool-downs. Loaded from TOML (data/rules/default.toml shows the
// format); multiples and shares are basis points (2 → 20000, 0.5 → 5000) so that every test is
// done in exact integers.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/money.hpp"

namespace faxian {

enum class RuleId : uint8_t {
  kR01,
  kR02,
  kR03,
  kR04,
  kR05,
  kR06,
  kR07,
  kR08,
  kR09,
  kR10,
  kR11,
  kR12,
  kR13,
  kR14,
  kR15,
  kV01,
};
inline constexpr int kRuleCount = 16;

// "R01" … "R15", "V01".
std::string_view rule_code(RuleId rule);
std::optional<RuleId> find_rule(std::string_view code);
inline RuleId rule_at(int index) {
  return static_cast<RuleId>(index);
}

enum class WarningKind : uint8_t { kNeed, kReview };
// Ordered: a higher value is more urgent.
enum class WarningLevel : uint8_t { kYellow, kOrange, kRed };
// "yellow" / "orange" / "red".
std::string_view level_key(WarningLevel level);
std::optional<WarningLevel> find_level(std::string_view key);

// The thresholds a rule may read; a rule's TOML table names only those it uses (0 = unused).
struct RuleThresholds {
  int window_days = 0;         // the rule's time window (D − N, D]
  Money min_amount;            // a money threshold (R03 self-pay, R11/R12 self-pay, R13 net fees)
  int income_multiple_bp = 0;  // "pc_income < k × standard"
  int share_bp = 0;            // a share (R03 self-pay vs income, R06 income share, R11 drop)
  int min_age = 0;
  int max_age = 0;
  int min_count = 0;  // R14 tickets
  int months = 0;     // V01 consecutive months
};

struct RuleConfig {
  RuleId id = RuleId::kR01;
  WarningKind kind = WarningKind::kNeed;
  std::string name;  // Chinese name
  bool enabled = true;
  int points = 0;                     // need rules only
  std::optional<WarningLevel> floor;  // need rules only
  RuleThresholds thresholds;
  std::vector<std::string> actions;      // recommended actions (Chinese)
  std::vector<std::string> departments;  // departments to notify
};

struct ScoreLevels {
  int red = 80;
  int orange = 50;
  int yellow = 20;
  int max_score = 100;
};

struct SeriousIllnessCodes {
  struct Range {
    std::string first;  // three-character category, e.g. "C00"
    std::string last;   // inclusive, e.g. "C97"
  };
  std::vector<Range> ranges;
  std::vector<std::string> prefixes;  // upper case, e.g. "N18.5"

  // Whether an ICD-10 code is listed (ranges compare the first three characters; prefixes
  // are case-insensitive).
  bool matches(std::string_view icd10) const;
};

struct RuleSet {
  std::array<RuleConfig, kRuleCount> rules;  // indexed by RuleId
  ScoreLevels levels;
  SeriousIllnessCodes serious_illness;
  int suppress_after_no_need_days = 30;
  int suppress_after_declined_days = 90;
  std::string toml_text;  // the source text, kept for versioning

  const RuleConfig& rule(RuleId id) const { return rules[static_cast<int>(id)]; }
  // The level of a need score (nullopt below yellow).
  std::optional<WarningLevel> level_of_score(int score) const;
};

// Parses and validates a rules TOML document: every rule present exactly once, known keys only,
// need rules with ≥ 20 points and a floor, thresholds positive, ages ordered, score cut-offs
// ascending. Errors are Chinese and name the key.
Result<RuleSet> parse_rule_set_toml(std::string_view toml_text);
Result<RuleSet> load_rule_set_file(const std::string& path);

// Changes between two rule sets, one line per changed value ("R03.min_amount: 10000 → 8000"),
// for the rule-set version log. Empty when they are equal.
std::vector<std::string> rule_set_diff(const RuleSet& before, const RuleSet& after);

}  // namespace faxian
