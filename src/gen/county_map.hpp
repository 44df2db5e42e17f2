#pragma once
// The county as the generator sees it: townships and villages from the shipped regions file,
// with settlement weights (more households in the 街道 and in 社区 than in a remote 村),
// household allocation over villages, and addresses.

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "domain/region.hpp"
#include "gen/prng.hpp"

namespace faxian::gen {

struct Township {
  std::string code;  // 9 digits
  std::string name;
  bool is_street = false;  // 街道 (code suffix 001–099)
};

struct Village {
  std::string code;  // 12 digits
  std::string name;
  int32_t township = 0;
  AreaType area = AreaType::kRural;  // from urban_rural_code via Region::area_type()
  uint32_t base_weight = 0;          // relative number of households before jitter
};

class CountyMap {
 public:
  // Builds the map from parsed regions; errors if there is no township or village.
  static Result<CountyMap> from_regions(const std::vector<Region>& regions);

  const std::vector<Township>& townships() const { return townships_; }
  const std::vector<Village>& villages() const { return villages_; }
  const std::string& county_code() const { return county_code_; }

  // Splits `households` over the villages (weights jittered ±30 % by `rng`, largest
  // remainder); returns the first household index of each village plus a final `households`
  // entry, so village v holds [result[v], result[v+1]).
  std::vector<int64_t> allocate_households(int64_t households, Rng& rng) const;

  // A street address in the village: "…村3组12号" or "…社区渝秀大道128号".
  std::string address(int32_t village, Rng& rng) const;

 private:
  std::string county_code_;
  std::vector<Township> townships_;
  std::vector<Village> villages_;
};

}  // namespace faxian::gen
