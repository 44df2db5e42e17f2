#pragma once
// 行政区划: county (6-digit) → township/street (9-digit) → village/community (12-digit).
// A village's 统计用城乡分类代码 decides its area type: codes starting with 1 are urban, 2 rural.

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace faxian {

enum class RegionLevel { kCounty, kTownship, kVillage };
enum class AreaType { kUrban, kRural };

// "county" | "township" | "village".
const char* region_level_name(RegionLevel level);
Result<RegionLevel> parse_region_level(std::string_view text);

struct Region {
  std::string code;  // 6, 9 or 12 digits by level
  std::string name;  // e.g. 中和街道
  RegionLevel level = RegionLevel::kVillage;
  std::string parent_code;       // empty for the county
  std::string urban_rural_code;  // villages only: 111 112 121 122 123 210 220

  // Villages: urban when urban_rural_code starts with '1'. REQUIRES: level == kVillage.
  AreaType area_type() const {
    return urban_rural_code.starts_with('1') ? AreaType::kUrban : AreaType::kRural;
  }

  bool operator==(const Region&) const = default;
};

// Parses the regions CSV `code,name,level,parent_code,urban_rural_code` (header row required,
// UTF-8). Validates: code length matches level, parent exists and is one level up and is a
// prefix of the code, villages have a valid urban–rural code, exactly one county, no
// duplicate codes. Errors name the line.
Result<std::vector<Region>> parse_regions_csv(std::string_view csv_text);
// Reads a file and parses it as above.
Result<std::vector<Region>> load_regions_file(const std::string& path);

}  // namespace faxian
