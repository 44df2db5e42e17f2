#include "gen/rules.hpp"

#include <array>

namespace faxian::gen {

std::string_view rule_name(RuleId rule) {
  static constexpr std::array<std::string_view, kRuleCount> kNames = {
      "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08",
      "R09", "R10", "R11", "R12", "R13", "R14", "R15", "V01"};
  return kNames[static_cast<size_t>(rule)];
}

std::string RuleMask::joined() const {
  std::string text;
  for (int i = 0; i < kRuleCount; ++i) {
    if (!has(rule_at(i)))
      continue;
    if (!text.empty())
      text += ';';
    text += rule_name(rule_at(i));
  }
  return text;
}

}  // namespace faxian::gen
