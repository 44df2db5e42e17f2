#pragma once
// The rule ids of 30-screening.md (R01–R15 need rules, V01 review) as a small bit set.

#include <cstdint>
#include <string>
#include <string_view>

namespace faxian::gen {

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
  kV01
};
inline constexpr int kRuleCount = 16;

// "R01" … "R15", "V01".
std::string_view rule_name(RuleId rule);
inline RuleId rule_at(int index) {
  return static_cast<RuleId>(index);
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
