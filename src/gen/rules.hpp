#pragma once
// The rule ids of 30-screening.md (R01–R15 need rules, V01 review) as a small bit set.

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/rule_set.hpp"

namespace faxian::gen {

// The ids themselves are the screening engine's (domain/rule_set.hpp); the oracle only reuses
// the names, never the engine's logic.
using ::faxian::kRuleCount;
using ::faxian::rule_at;
using ::faxian::RuleId;

// "R01" … "R15", "V01".
inline std::string_view rule_name(RuleId rule) {
  return ::faxian::rule_code(rule);
}

class RuleMask {
 public:
  constexpr RuleMask() = default;
  void set(RuleId rule) { bits_ |= bit(rule); }
  bool has(RuleId rule) const { return (bits_ & bit(rule)) != 0; }
  // Any need rule (R01–R15).
  bool any_need() const { return (bits_ & 0x7FFF) != 0; }
  bool empty() const { return bits_ == 0; }
  uint16_t bits() const { return bits_; }
  // Rule ids in ascending order joined by ';' ("" when empty).
  std::string joined() const;
  bool operator==(const RuleMask&) const = default;

 private:
  static constexpr uint16_t bit(RuleId rule) {
    return static_cast<uint16_t>(1u << static_cast<int>(rule));
  }
  uint16_t bits_ = 0;
};

}  // namespace faxian::gen
