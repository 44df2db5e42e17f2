#include "ingest/link_persons.hpp"

#include <bit>
#include <unordered_set>

namespace faxian::ingest {

void PersonIdSet::insert(int64_t person_id) {
  if (person_id < 0)
    return;
  const auto word = static_cast<std::size_t>(person_id >> 6);
  if (word >= words_.size())
    words_.resize(std::max(word + 1, words_.size() * 2), 0);
  const uint64_t bit = uint64_t{1} << (person_id & 63);
  if ((words_[word] & bit) == 0) {
    words_[word] |= bit;
    ++count_;
  }
}

bool PersonIdSet::contains(int64_t person_id) const {
  if (person_id < 0)
    return false;
  const auto word = static_cast<std::size_t>(person_id >> 6);
  return word < words_.size() && (words_[word] & (uint64_t{1} << (person_id & 63))) != 0;
}

std::vector<int64_t> PersonIdSet::ids() const {
  std::vector<int64_t> ids;
  ids.reserve(static_cast<std::size_t>(count_));
  for (std::size_t word = 0; word < words_.size(); ++word) {
    uint64_t bits = words_[word];
    while (bits != 0) {
      const int bit = std::countr_zero(bits);
      ids.push_back(static_cast<int64_t>(word) * 64 + bit);
      bits &= bits - 1;
    }
  }
  return ids;
}

Result<PersonLinker> PersonLinker::load(Database& db, const Clock& clock) {
  return PersonLinker(db, clock);
}

Result<std::optional<int64_t>> PersonLinker::known(const ResidentId& id) {
  if (auto known = index_.find(id))
    return known;
  if (loaded_)
    return std::nullopt;
  if (++lookups_ <= kLookupsBeforeLoad) {
    std::optional<int64_t> stored;
    FAXIAN_TRY_ASSIGN(stored, persons_.id_of(id));
    if (stored)
      index_.insert(id, *stored);
    return stored;
  }
  // Everyone, including the persons this batch created (same connection and transaction).
  FAXIAN_TRY_ASSIGN(index_, PersonIdIndex::load(persons_));
  loaded_ = true;
  return index_.find(id);
}

Result<int64_t> PersonLinker::link(const ResidentId& id, std::string_view name) {
  std::optional<int64_t> stored;
  FAXIAN_TRY_ASSIGN(stored, known(id));
  if (stored)
    return *stored;
  auto created = persons_.ensure(id, name);
  if (!created)
    return tl::unexpected(created.error());
  index_.insert(id, *created);
  ++created_;
  return *created;
}

namespace {

Person registered_person(const ResidentId& id, const PersonRegistration& registration) {
  Person person = Person::from_id(id, registration.name);
  person.relation = registration.relation;
  person.ethnicity = registration.ethnicity;
  person.hukou_type = registration.hukou_type;
  person.phone = registration.phone;
  return person;
}

}  // namespace

Result<void> PersonLinker::register_all(std::span<const Registration> rows) {
  std::vector<Person> fresh;
  std::unordered_set<std::string_view> seen;
  for (const Registration& row : rows) {
    std::optional<int64_t> stored;
    FAXIAN_TRY_ASSIGN(stored, known(*row.id));
    if (!stored && seen.insert(row.id->str()).second)
      fresh.push_back(registered_person(*row.id, row.registration));
  }
  std::vector<int64_t> ids;
  FAXIAN_TRY_ASSIGN(ids, persons_.insert_batch(fresh));
  for (std::size_t index = 0; index < fresh.size(); ++index) {
    index_.insert(fresh[index].resident_id, ids[index]);
    created_registered_.insert(ids[index]);
  }
  return ok();
}

Result<int64_t> PersonLinker::link_registered(const ResidentId& id,
                                              const PersonRegistration& registration) {
  std::optional<int64_t> stored;
  FAXIAN_TRY_ASSIGN(stored, known(id));
  if (stored)
    return *stored;
  auto created = persons_.insert(registered_person(id, registration));
  if (!created)
    return tl::unexpected(created.error());
  index_.insert(id, *created);
  created_registered_.insert(*created);
  return *created;
}

}  // namespace faxian::ingest
