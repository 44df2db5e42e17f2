#include "gen/household_planning.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "gen/background_planner.hpp"
#include "gen/plant_catalog.hpp"
#include "gen/unit_builder.hpp"

namespace faxian::gen {

std::vector<PlantSlot> assign_plant_slots(uint64_t seed, int64_t households, int copies) {
  const auto catalogue = plant_catalogue();
  std::vector<int16_t> variants;
  for (int copy = 0; copy < copies; ++copy) {
    for (size_t v = 0; v < catalogue.size(); ++v)
      variants.push_back(static_cast<int16_t>(v));
  }
  Rng rng = Rng::for_stream(seed, Stream::kCounty, 3);
  for (size_t i = variants.size(); i > 1; --i)
    std::swap(variants[i - 1], variants[rng.below(i)]);
  const auto planted = static_cast<int64_t>(variants.size());
  std::vector<PlantSlot> slots;
  for (int64_t k = 0; k < planted; ++k) {
    slots.push_back({(2 * k + 1) * households / (2 * planted), variants[static_cast<size_t>(k)]});
  }
  return slots;
}

HouseholdPlanner::HouseholdPlanner(const GenContext& context, int64_t households,
                                   std::vector<PlantSlot> slots)
    : context_(context),
      households_(households),
      slots_(std::move(slots)),
      ids_(context.seed, context.as_of),
      township_serial_(context.county->townships().size(), 0) {
  Rng rng = Rng::for_stream(context.seed, Stream::kCounty, 1);
  village_first_ = context.county->allocate_households(households, rng);
}

std::string HouseholdPlanner::next_household_no(int32_t village) {
  const auto township =
      static_cast<size_t>(context_.county->villages()[static_cast<size_t>(village)].township);
  return fmt::format("{}{:06}", context_.county->townships()[township].code,
                     ++township_serial_[township]);
}

Unit HouseholdPlanner::plan_household(int64_t index) {
  while (village_ + 1 < village_first_.size() - 1 && village_first_[village_ + 1] <= index)
    ++village_;
  const auto village = static_cast<int32_t>(village_);
  Rng rng = Rng::for_stream(context_.seed, Stream::kPlan, static_cast<uint64_t>(index));
  Unit unit;
  unit.households.push_back(
      {index, next_household_no(village), village, context_.county->address(village, rng)});
  UnitBuilder builder(UnitBuilder::Mode::kPlan, unit, context_, rng, &ids_);
  if (next_slot_ < slots_.size() && slots_[next_slot_].household == index) {
    unit.purpose.variant = slots_[next_slot_++].variant;
    plant_catalogue()[static_cast<size_t>(unit.purpose.variant)].build(builder);
    return unit;
  }
  plan_background_members(builder);
  if (unit.purpose.split_person >= 0) {
    unit.households.push_back(
        {index, next_household_no(village), village, context_.county->address(village, rng)});
  }
  return unit;
}

PlannedChunk HouseholdPlanner::plan_chunk(int64_t chunk) {
  PlannedChunk planned;
  planned.index = chunk;
  const int64_t first = chunk * kChunkHouseholds;
  const int64_t last = std::min(households_, first + kChunkHouseholds);
  planned.units.reserve(static_cast<size_t>(last - first));
  for (int64_t index = first; index < last; ++index)
    planned.units.push_back(plan_household(index));
  return planned;
}

}  // namespace faxian::gen
