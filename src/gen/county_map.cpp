#include "gen/county_map.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include <fmt/format.h>

namespace faxian::gen {
namespace {

// Relative households per village. 秀山's county seat (the 街道) holds most of the urban
// population; a 社区 in a 镇 is the market town; a 村 is a mountain village.
constexpr uint32_t kStreetCommunity = 40;
constexpr uint32_t kStreetVillage = 16;
constexpr uint32_t kTownCommunity = 22;
constexpr uint32_t kVillage = 10;

constexpr std::array<std::string_view, 12> kRoads = {"渝秀大道", "花灯大道", "凤凰路",   "中和大道",
                                                     "平凯大道", "文化路",   "新华路",   "官庄路",
                                                     "湘渝路",   "乌杨路",   "高秀大道", "迎凤路"};

}  // namespace

Result<CountyMap> CountyMap::from_regions(const std::vector<Region>& regions) {
  CountyMap map;
  std::map<std::string, int32_t> township_index;
  for (const Region& region : regions) {
    if (region.level == RegionLevel::kCounty)
      map.county_code_ = region.code;
    if (region.level != RegionLevel::kTownship)
      continue;
    Township township;
    township.code = region.code;
    township.name = region.name;
    township.is_street = region.code.size() == 9 && region.code[6] == '0';
    township_index[region.code] = static_cast<int32_t>(map.townships_.size());
    map.townships_.push_back(std::move(township));
  }
  for (const Region& region : regions) {
    if (region.level != RegionLevel::kVillage)
      continue;
    auto parent = township_index.find(region.parent_code);
    if (parent == township_index.end())
      continue;
    Village village;
    village.code = region.code;
    village.name = region.name;
    village.township = parent->second;
    village.area = region.area_type();
    const bool street = map.townships_[static_cast<size_t>(parent->second)].is_street;
    const bool urban = village.area == AreaType::kUrban;
    village.base_weight =
        street ? (urban ? kStreetCommunity : kStreetVillage) : (urban ? kTownCommunity : kVillage);
    map.villages_.push_back(std::move(village));
  }
  if (map.townships_.empty() || map.villages_.empty()) {
    return fail(ErrorCode::kInvalidArgument, "行政区划文件中没有乡镇或村（社区）",
                "regions file has no township or village");
  }
  if (map.county_code_.empty())
    map.county_code_ = map.townships_.front().code.substr(0, 6);
  return map;
}

std::vector<int64_t> CountyMap::allocate_households(int64_t households, Rng& rng) const {
  const size_t count = villages_.size();
  std::vector<uint64_t> weights(count);
  uint64_t total = 0;
  for (size_t v = 0; v < count; ++v) {
    weights[v] = villages_[v].base_weight * static_cast<uint64_t>(rng.between(70, 130));
    total += weights[v];
  }
  std::vector<int64_t> shares(count);
  std::vector<std::pair<uint64_t, size_t>> remainders(count);
  int64_t assigned = 0;
  for (size_t v = 0; v < count; ++v) {
    const unsigned __int128 product = static_cast<unsigned __int128>(households) * weights[v];
    shares[v] = static_cast<int64_t>(product / total);
    remainders[v] = {static_cast<uint64_t>(product % total), v};
    assigned += shares[v];
  }
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (size_t i = 0; assigned < households; ++i, ++assigned)
    ++shares[remainders[i % count].second];
  std::vector<int64_t> first(count + 1, 0);
  for (size_t v = 0; v < count; ++v)
    first[v + 1] = first[v] + shares[v];
  return first;
}

std::string CountyMap::address(int32_t village_index, Rng& rng) const {
  const Village& village = villages_[static_cast<size_t>(village_index)];
  const Township& township = townships_[static_cast<size_t>(village.township)];
  if (village.area == AreaType::kUrban) {
    const auto road = kRoads[rng.below(kRoads.size())];
    return fmt::format("{}{}{}{}号{}栋{}号", township.name, village.name, road, rng.between(1, 360),
                       rng.between(1, 12), rng.between(101, 1806));
  }
  return fmt::format("{}{}{}组{}号", township.name, village.name, rng.between(1, 12),
                     rng.between(1, 80));
}

}  // namespace faxian::gen
