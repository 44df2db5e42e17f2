#pragma once
// 风险预警: what screening says about one household as of a date (30-screening.md
// "Warnings"). A need warning carries a score and a level; a review warning (应退核查) has
// neither. Each fired rule carries the records that made it fire and one Chinese sentence with
// the figures.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/money.hpp"
#include "domain/feed_kind.hpp"
#include "domain/rule_set.hpp"

namespace faxian {

// One record a rule read: which feed, the store's row id, its event date and the amount that
// counted (self-pay, income, fees − aid, asset value …) when there is one.
struct Evidence {
  FeedKind feed = FeedKind::kPopulation;
  int64_t record_id = 0;
  Date date{};
  std::optional<Money> amount{};

  bool operator==(const Evidence&) const = default;
};

struct FiredRule {
  RuleId rule = RuleId::kR01;
  int points = 0;  // 0 for review rules
  // The rule raised the level to red by itself (R06 with dependents and no working-age
  // member; R10 for 房屋倒塌 or 人员伤亡).
  bool red = false;
  std::vector<Evidence> evidence{};
  std::string explanation{};  // one Chinese sentence with the figures

  bool operator==(const FiredRule&) const = default;
};

enum class WarningStatus : uint8_t {
  kOpen,        // fires now
  kCleared,     // no rule of its kind fires any more (closed by screening)
  kSuppressed,  // its lead was closed as no need / declined / not eligible (cool-down)
};
std::string_view warning_status_key(WarningStatus status);  // "open", "cleared", "suppressed"
std::optional<WarningStatus> find_warning_status(std::string_view key);

// What one screening evaluation found for a household and kind (before persistence).
struct WarningFinding {
  int64_t household_id = 0;
  std::string household_no{};
  WarningKind kind = WarningKind::kNeed;
  int score = 0;                           // need: min(max_score, Σ points); review: 0
  std::optional<WarningLevel> level{};     // need only
  std::vector<FiredRule> rules{};          // ascending by rule id
  std::vector<std::string> actions{};      // union of the fired rules', in rule order
  std::vector<std::string> departments{};  // union of the fired rules', in rule order

  bool operator==(const WarningFinding&) const = default;
};

// A persisted warning: the latest finding plus its history fields.
struct Warning {
  int64_t id = 0;
  WarningFinding finding{};
  Date as_of{};           // as-of date of the screening run that last evaluated it
  Date first_detected{};  // as-of date of the run that first raised it
  Date last_changed{};    // as-of date of the run that last changed its rules, score or level
  int rule_set_version = 0;
  WarningStatus status = WarningStatus::kOpen;
};

}  // namespace faxian
