#pragma once
// Read-only facts every part of the generator shares: the seed, the as-of date, the county
// map, the standards (from the shipped TOML through faxian::parse_standards_toml, so truth and
// engine never disagree on a figure) and the county-wide disaster events.

#include <cstdint>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "common/money.hpp"
#include "domain/standards.hpp"
#include "gen/county_map.hpp"
#include "gen/model.hpp"

namespace faxian::gen {

// A flood, landslide, hail storm or drought over a few villages of one township.
struct DisasterEvent {
  Date date;
  DisasterType type = DisasterType::kFlood;
  std::vector<int32_t> villages;  // indices into CountyMap::villages()
  uint32_t report_permille = 0;   // share of households in those villages that report damage
};

struct GenContext {
  uint64_t seed = 0;
  Date as_of;
  const Standards* standards = nullptr;
  const CountyMap* county = nullptr;
  Money dibao_urban, dibao_rural;            // 低保 standard in force on as_of
  Money disposable_urban, disposable_rural;  // disposable_ref (per person per year) on as_of
  std::vector<DisasterEvent> disasters;      // sorted by date, all on or before as_of

  Month as_of_month() const { return Month::of(as_of); }
  Money standard(AreaType area) const {
    return area == AreaType::kUrban ? dibao_urban : dibao_rural;
  }
  Money disposable(AreaType area) const {
    return area == AreaType::kUrban ? disposable_urban : disposable_rural;
  }
  AreaType area_of_village(int32_t village) const {
    return county->villages()[static_cast<size_t>(village)].area;
  }
};

// Builds the context: looks the standards up for `as_of` (kUnavailable if no period or no
// disposable-income row covers it) and draws the disaster events of the three years before
// `as_of` from the seed.
Result<GenContext> make_context(uint64_t seed, Date as_of, const Standards& standards,
                                const CountyMap& county);

// The date `years` calendar years before `date` (29 February → 28 February).
Date years_before(Date date, int years);

}  // namespace faxian::gen
