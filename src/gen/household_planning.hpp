#pragma once
// Sequential planning of households (main thread): village, 户号, address and members with
// unique resident IDs; planted variants at their slots, background households elsewhere.

#include <cstdint>
#include <vector>

#include "gen/chunk.hpp"
#include "gen/gen_context.hpp"
#include "gen/id_allocator.hpp"

namespace faxian::gen {

// Which variant of the plant catalogue is planted at which household index.
struct PlantSlot {
  int64_t household = 0;
  int16_t variant = 0;
};

// `copies` copies of every variant, spread evenly over [0, households) in an order shuffled
// by the seed. REQUIRES: copies × catalogue size <= households.
std::vector<PlantSlot> assign_plant_slots(uint64_t seed, int64_t households, int copies);

class HouseholdPlanner {
 public:
  HouseholdPlanner(const GenContext& context, int64_t households, std::vector<PlantSlot> slots);

  // Plans households [chunk × kChunkHouseholds, …) — must be called for chunks in order.
  PlannedChunk plan_chunk(int64_t chunk);
  int64_t chunk_count() const { return (households_ + kChunkHouseholds - 1) / kChunkHouseholds; }

 private:
  Unit plan_household(int64_t index);
  std::string next_household_no(int32_t village);

  const GenContext& context_;
  int64_t households_;
  std::vector<PlantSlot> slots_;
  size_t next_slot_ = 0;
  IdAllocator ids_;
  std::vector<int64_t> village_first_;
  size_t village_ = 0;
  std::vector<int32_t> township_serial_;
};

}  // namespace faxian::gen
