#include "gen/rules.hpp"

namespace faxian::gen {

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
