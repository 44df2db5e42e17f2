#include "ingest/link_person_index.hpp"

namespace faxian::ingest {
namespace {

constexpr std::size_t kInitialSlots = 1024;

uint64_t mix(uint64_t key) {
  // SplitMix64's finaliser: spreads consecutive IDs over the table.
  key ^= key >> 30;
  key *= 0xbf58476d1ce4e5b9ULL;
  key ^= key >> 27;
  key *= 0x94d049bb133111ebULL;
  return key ^ (key >> 31);
}

}  // namespace

PersonIdIndex::PersonIdIndex() : slots_(kInitialSlots) {}

Result<PersonIdIndex> PersonIdIndex::load(PersonRepository& persons) {
  PersonIdIndex index;
  auto count = persons.count();
  if (!count)
    return tl::unexpected(count.error());
  index.reserve(*count + *count / 4);
  auto visited = persons.for_each_id([&](std::string_view resident_id, int64_t person_id) {
    const uint64_t key = pack(resident_id);
    if (key != 0)
      index.insert_packed(key, person_id);
  });
  if (!visited)
    return tl::unexpected(visited.error());
  return index;
}

uint64_t PersonIdIndex::pack(std::string_view resident_id) {
  if (resident_id.size() != 18)
    return 0;
  uint64_t value = 0;
  for (std::size_t index = 0; index < 17; ++index) {
    const char digit = resident_id[index];
    if (digit < '0' || digit > '9')
      return 0;
    value = value * 10 + static_cast<uint64_t>(digit - '0');
  }
  const char check = resident_id[17];
  uint64_t check_value = 0;
  if (check >= '0' && check <= '9') {
    check_value = static_cast<uint64_t>(check - '0');
  } else if (check == 'X') {
    check_value = 10;
  } else {
    return 0;
  }
  return value * 11 + check_value + 1;  // + 1: "00000000000000000" + '0' is not 0
}

std::size_t PersonIdIndex::slot_of(uint64_t key) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = static_cast<std::size_t>(mix(key)) & mask;
  while (slots_[slot].key != 0 && slots_[slot].key != key)
    slot = (slot + 1) & mask;
  return slot;
}

std::optional<int64_t> PersonIdIndex::find(const ResidentId& id) const {
  const uint64_t key = pack(id.str());
  if (key == 0)
    return std::nullopt;
  const Slot& slot = slots_[slot_of(key)];
  if (slot.key == 0)
    return std::nullopt;
  return slot.person_id;
}

void PersonIdIndex::reserve(int64_t count) {
  std::size_t wanted = slots_.size();
  while (static_cast<int64_t>(wanted) * 7 < count * 10)
    wanted *= 2;
  if (wanted == slots_.size())
    return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(wanted, Slot{});
  for (const Slot& slot : old) {
    if (slot.key != 0)
      slots_[slot_of(slot.key)] = slot;
  }
}

void PersonIdIndex::insert(const ResidentId& id, int64_t person_id) {
  const uint64_t key = pack(id.str());
  if (key != 0)
    insert_packed(key, person_id);
}

void PersonIdIndex::insert_packed(uint64_t key, int64_t person_id) {
  if ((size_ + 1) * 10 > static_cast<int64_t>(slots_.size()) * 7)
    grow();
  Slot& slot = slots_[slot_of(key)];
  if (slot.key == 0)
    ++size_;
  slot = Slot{key, person_id};
}

void PersonIdIndex::grow() {
  reserve(static_cast<int64_t>(slots_.size()));
}

}  // namespace faxian::ingest
