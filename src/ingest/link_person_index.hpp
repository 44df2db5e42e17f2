#pragma once
// The linkage cache of an import: resident ID → person id for the whole population, loaded
// once per import. Compact (16 bytes a slot, open addressing) because it holds everyone:
// 650,000 persons in a county take ~16 MiB, 5 million in a city ~128 MiB.

#include <cstdint>
#include <optional>
#include <vector>

#include "common/error.hpp"
#include "common/resident_id.hpp"
#include "store/person_repository.hpp"

namespace faxian::ingest {

class PersonIdIndex {
 public:
  PersonIdIndex();
  // Every stored person. Errors are the store's.
  static Result<PersonIdIndex> load(PersonRepository& persons);

  // The person id of `id`, or nullopt when unknown.
  std::optional<int64_t> find(const ResidentId& id) const;
  // Makes room for `count` entries without growing.
  void reserve(int64_t count);
  // Adds (or replaces) an entry. REQUIRES: person_id > 0.
  void insert(const ResidentId& id, int64_t person_id);
  int64_t size() const { return size_; }

  // An 18-character ID as one number: the 17 digits × 11 + the check character (X = 10).
  // Returns 0 for text that is not 17 digits and a check character.
  static uint64_t pack(std::string_view resident_id);

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty (no valid ID packs to 0)
    int64_t person_id = 0;
  };
  void insert_packed(uint64_t key, int64_t person_id);
  void grow();
  std::size_t slot_of(uint64_t key) const;

  std::vector<Slot> slots_;
  int64_t size_ = 0;
};

}  // namespace faxian::ingest
