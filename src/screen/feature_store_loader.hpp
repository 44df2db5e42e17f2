#pragma once
// Loads a FeatureStore from the store: everything (a full screening), or only the households
// a batch touched and everyone who was ever a member of them (an incremental screening).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "screen/feature_store.hpp"
#include "store/database.hpp"

namespace faxian::screen {

struct LoadOptions {
  // Income types (keys, e.g. "pension") the standards file excludes from income.
  std::vector<std::string> excluded_income_types;
  // Only these households (and every person who was ever their member); empty = all.
  std::optional<std::vector<int64_t>> households;
  // `--known-at`: only feed rows imported at or before this Unix time and not yet superseded
  // then, categories created by then, and deaths from the death records known then.
  // Memberships are the store's current ones (see docs/decisions/0005-screening-engine.md).
  std::optional<int64_t> known_at;
};

Result<FeatureStore> load_feature_store(Database& db, const LoadOptions& options);

// The households whose screening a change to these persons' records can affect: every
// household they were ever a member of.
Result<std::vector<int64_t>> households_of_persons(Database& db, std::span<const int64_t> persons);

}  // namespace faxian::screen
