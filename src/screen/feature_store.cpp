#include "screen/feature_store.hpp"

#include <algorithm>

namespace faxian::screen {

uint32_t StoreNumbering::number_of(int64_t id) const {
  if (!compact())
    return id >= 0 && id < kAbsent ? static_cast<uint32_t>(id) : kAbsent;
  auto it = std::lower_bound(ids.begin(), ids.end(), id);
  return it != ids.end() && *it == id ? static_cast<uint32_t>(it - ids.begin()) : kAbsent;
}

std::vector<uint32_t> FeatureStore::screenable_households() const {
  std::vector<uint32_t> ids;
  for (uint32_t id = 0; id < households.size(); ++id)
    if (households[id].exists && !members.of(id).empty())
      ids.push_back(id);
  return ids;
}

namespace {
template <typename Row>
size_t bytes_of(const Grouped<Row>& grouped) {
  return grouped.offsets.capacity() * sizeof(uint32_t) + grouped.rows.capacity() * sizeof(Row);
}
}  // namespace

size_t FeatureStore::memory_bytes() const {
  size_t bytes =
      persons.capacity() * sizeof(PersonFacts) + households.capacity() * sizeof(HouseholdFacts);
  bytes += bytes_of(members) + bytes_of(household_categories) + bytes_of(categories);
  bytes += bytes_of(income) + bytes_of(medical) + bytes_of(education) + bytes_of(employment);
  bytes += bytes_of(disability) + bytes_of(assets) + bytes_of(disaster) + bytes_of(hotline);
  bytes += bytes_of(applications) + bytes_of(death_records);
  bytes += (person_numbers.ids.capacity() + household_numbers.ids.capacity()) * sizeof(int64_t);
  return bytes;
}

}  // namespace faxian::screen
