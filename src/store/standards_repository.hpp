#pragma once
// 救助标准 versions: every load or edit of the standards TOML is kept as a new version (who,
// when, why); the latest one is in force.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/standards.hpp"
#include "store/database.hpp"

namespace faxian {

struct StandardsVersion {
  int64_t version = 0;
  int64_t loaded_at = 0;  // Unix seconds
  std::string loaded_by{};
  std::string note{};
  std::string toml_text{};
};

class StandardsRepository {
 public:
  StandardsRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Validates `toml_text` (parse_standards_toml) and stores it as a new version; returns the
  // version number. The validation error (kInvalidArgument) when it does not parse.
  Result<int64_t> add(std::string_view toml_text, std::string_view loaded_by,
                      std::string_view note);
  // The newest version; nullopt when none was ever loaded.
  Result<std::optional<StandardsVersion>> latest();
  // The newest version, parsed; kUnavailable when none was ever loaded.
  Result<Standards> load_latest();
  Result<std::optional<StandardsVersion>> get(int64_t version);
  // Every version, newest first.
  Result<std::vector<StandardsVersion>> list();

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian
