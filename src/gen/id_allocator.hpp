#pragma once
// Resident IDs (GB 11643) for the synthetic population: unique, with a real birthplace prefix
// (秀山 500241 for most; neighbouring counties for people born elsewhere), the person's birth
// date and sex, and the check character from faxian::ResidentId::check_character.
// Sequence numbers 991–999 are never handed out here: bad/ files use them for people who must
// not exist in the population.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "common/resident_id.hpp"
#include "gen/model.hpp"
#include "gen/prng.hpp"

namespace faxian::gen {

struct BirthPlace {
  std::string_view prefix;  // 6-digit administrative code
  std::string_view name;
  uint32_t weight;  // relative share among people born outside 秀山
};

// Index 0 is 秀山 (500241); the rest are neighbouring counties and cities.
std::span<const BirthPlace> birthplaces();

// Builds an ID from its parts. REQUIRES: prefix is 6 digits, sequence in 1..999.
IdNumber make_id(std::string_view prefix, Date birth, int sequence);

class IdAllocator {
 public:
  // IDs for people born from 1900-01-01 to `latest_birth` inclusive.
  IdAllocator(uint64_t seed, Date latest_birth);

  // A fresh ID for a person born at `birth` (REQUIRES: within range) of `sex`, preferably
  // with birthplace `place`; if that prefix has no free sequence for the date, the next
  // birthplace is used.
  IdNumber allocate(size_t place, Date birth, Sex sex);

 private:
  uint64_t seed_;
  Date first_;
  int32_t days_;
  std::vector<uint16_t> used_;  // per (place, day, sex): sequences handed out
};

}  // namespace faxian::gen
