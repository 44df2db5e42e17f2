#pragma once
// Linkage of feed rows to persons (20-feeds.md "Linkage"): by normalised resident ID through the
// import's in-memory index; a person not yet known is created, flagged `unregistered` until the
// 户籍 feed knows them. Also keeps the set of persons a batch touched.
//
// The index starts empty and learns each person the batch names by one indexed lookup; a batch
// that names more than kLookupsBeforeLoad persons loads everyone at once instead (a full load
// costs ~0.5 s on a county, far more than a department system's push of a few rows).

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "common/resident_id.hpp"
#include "ingest/link_person_index.hpp"
#include "store/database.hpp"
#include "store/person_repository.hpp"

namespace faxian::ingest {

// A set of person ids (dense store ids), one bit each.
class PersonIdSet {
 public:
  void insert(int64_t person_id);
  bool contains(int64_t person_id) const;
  bool empty() const { return count_ == 0; }
  int64_t size() const { return count_; }
  // The ids in ascending order.
  std::vector<int64_t> ids() const;

 private:
  std::vector<uint64_t> words_;
  int64_t count_ = 0;
};

class PersonLinker {
 public:
  static constexpr int64_t kLookupsBeforeLoad = 2000;

  // A linker over the stored persons. Errors are the store's.
  static Result<PersonLinker> load(Database& db, const Clock& clock);

  // The id of the person with `id`; creates an unregistered person named `name` (sex and birth
  // date from the ID) when unknown. Errors are the store's.
  Result<int64_t> link(const ResidentId& id, std::string_view name);
  // The id of the person with `id`; when unknown, creates them registered as `registration`
  // says (a 户籍 row) and remembers them in created_registered().
  Result<int64_t> link_registered(const ResidentId& id, const PersonRegistration& registration);
  // link_registered() for many rows at once: every person not known yet is created, from the
  // first of their rows (as row by row), in one batch insert; link_registered() then finds them.
  struct Registration {
    const ResidentId* id = nullptr;
    PersonRegistration registration;
  };
  Result<void> register_all(std::span<const Registration> rows);
  // Persons created by link_registered (their fields are those of one 户籍 row).
  const PersonIdSet& created_registered() const { return created_registered_; }
  // Unregistered persons created by this linker.
  int64_t created() const { return created_; }

  // Persons with a new or corrected record in this batch.
  void touch(int64_t person_id) { touched_.insert(person_id); }
  const PersonIdSet& touched() const { return touched_; }

 private:
  PersonLinker(Database& db, const Clock& clock) : persons_(db, clock) {}
  // The id of a stored person, or nullopt.
  Result<std::optional<int64_t>> known(const ResidentId& id);

  PersonRepository persons_;
  PersonIdIndex index_;
  bool loaded_ = false;  // index_ holds every stored person
  int64_t lookups_ = 0;
  int64_t created_ = 0;
  PersonIdSet touched_;
  PersonIdSet created_registered_;
};

}  // namespace faxian::ingest
