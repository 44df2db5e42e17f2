#include "gen/id_allocator.hpp"

#include <array>
#include <cstdio>

namespace faxian::gen {
namespace {

constexpr std::array<BirthPlace, 12> kPlaces = {{
    {"500241", "重庆市秀山土家族苗族自治县", 0},
    {"500242", "重庆市酉阳土家族苗族自治县", 22},
    {"500243", "重庆市彭水苗族土家族自治县", 8},
    {"500114", "重庆市黔江区", 8},
    {"500101", "重庆市万州区", 4},
    {"500103", "重庆市渝中区", 4},
    {"522229", "贵州省松桃苗族自治县", 18},
    {"522201", "贵州省铜仁市", 8},
    {"433124", "湖南省花垣县", 12},
    {"433130", "湖南省龙山县", 8},
    {"433125", "湖南省保靖县", 6},
    {"510107", "四川省成都市武侯区", 2},
}};

// Distinct sequence slots per (prefix, date, sex): 495 (odd 001–989 male, even 002–990
// female). A step coprime with 495 walks through every slot once.
constexpr int kSlots = 495;
constexpr int kStep = 2;

}  // namespace

std::span<const BirthPlace> birthplaces() {
  return kPlaces;
}

IdNumber make_id(std::string_view prefix, Date birth, int sequence) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%.6s%04d%02d%02d%03d", prefix.data(), birth.year(),
                birth.month(), birth.day(), sequence);
  IdNumber id;
  for (size_t i = 0; i < 17; ++i)
    id.chars[i] = buffer[i];
  id.chars[17] = ResidentId::check_character(std::string_view(buffer, 17));
  return id;
}

IdAllocator::IdAllocator(uint64_t seed, Date latest_birth)
    : seed_(seed), first_(*Date::from_ymd(1900, 1, 1)) {
  days_ = latest_birth - first_ + 1;
  used_.assign(kPlaces.size() * static_cast<size_t>(days_) * 2, 0);
}

IdNumber IdAllocator::allocate(size_t place, Date birth, Sex sex) {
  const int32_t day = birth - first_;
  const size_t sex_index = sex == Sex::kMale ? 0 : 1;
  for (size_t attempt = 0; attempt < kPlaces.size(); ++attempt) {
    const size_t p = (place + attempt) % kPlaces.size();
    const size_t slot_key =
        (p * static_cast<size_t>(days_) + static_cast<size_t>(day)) * 2 + sex_index;
    uint16_t& used = used_[slot_key];
    if (used >= kSlots)
      continue;
    const uint64_t offset = mix64(seed_ ^ (slot_key * 0x9E3779B97F4A7C15ULL)) % kSlots;
    const int slot = static_cast<int>((offset + static_cast<uint64_t>(kStep) * used) % kSlots);
    ++used;
    const int sequence = 2 * slot + (sex == Sex::kMale ? 1 : 2);
    return make_id(kPlaces[p].prefix, birth, sequence);
  }
  // Unreachable for any realistic population: 12 prefixes × 495 people per birth date.
  return make_id(kPlaces[place].prefix, birth, 999);
}

}  // namespace faxian::gen
