#pragma once
// Screening rule-set versions (30-screening.md "Warnings"): every change to the rules file is a
// new version with who, when, why and the value-by-value diff against the previous one; the
// latest version is in force and each warning records the version that produced it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/rule_set.hpp"
#include "store/database.hpp"

namespace faxian {

struct RuleSetVersion {
  int64_t version = 0;
  int64_t created_at = 0;  // Unix seconds
  std::string created_by{};
  std::string note{};
  std::string toml_text{};
  std::vector<std::string> diff{};  // rule_set_diff() against the previous version
};

class RuleSetRepository {
 public:
  RuleSetRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Validates `toml_text` (parse_rule_set_toml) and stores it as a new version with its diff
  // against the latest one; returns the version number, or nullopt when the rules are the same
  // as the latest version's (nothing stored). kInvalidArgument when it does not parse.
  Result<std::optional<int64_t>> add(std::string_view toml_text, std::string_view created_by,
                                     std::string_view note);
  Result<std::optional<RuleSetVersion>> latest();
  // The latest version, parsed; kUnavailable when none was ever stored.
  Result<RuleSet> load_latest();
  Result<std::optional<RuleSetVersion>> get(int64_t version);
  // Every version, newest first.
  Result<std::vector<RuleSetVersion>> list();

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian
