#pragma once
// 行政区划 in the store: the county → township → village tree loaded from the regions CSV.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/region.hpp"
#include "store/database.hpp"

namespace faxian {

class RegionRepository {
 public:
  explicit RegionRepository(Database& db) : db_(db) {}

  // Inserts or updates every region (parents are written before children whatever the input
  // order), all or nothing. kConstraint when a parent is neither given nor stored.
  Result<void> upsert_all(std::span<const Region> regions);
  // The region with `code`; nullopt when unknown.
  Result<std::optional<Region>> find(std::string_view code);
  // Every region, by code.
  Result<std::vector<Region>> list();
  // The direct children of `parent_code`, by code.
  Result<std::vector<Region>> children(std::string_view parent_code);
  Result<int64_t> count();
  // Township code → name, for reports by township.
  Result<std::map<std::string, std::string>> township_names();

 private:
  Database& db_;
};

}  // namespace faxian
