#pragma once
// 人员 in the store: the whole registered population, keyed by resident ID. Persons are created
// by the 户籍 feed, or by linkage (flagged unregistered) when another feed names someone the
// 户籍 feed has not yet delivered.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/person.hpp"
#include "store/database.hpp"

namespace faxian {

// What the 户籍 feed says about a person (the rest of Person comes from the ID, other feeds and
// the workflow).
struct PersonRegistration {
  std::string name{};
  std::optional<Relation> relation{};
  std::optional<Ethnicity> ethnicity{};
  std::optional<HukouType> hukou_type{};
  std::string phone{};

  bool operator==(const PersonRegistration&) const = default;
};

class PersonRepository {
 public:
  PersonRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Inserts a new person; returns the id. kAlreadyExists if the resident ID is stored.
  Result<int64_t> insert(const Person& person);
  // insert() for many persons (distinct resident IDs), all or nothing; ids in input order.
  Result<std::vector<int64_t>> insert_batch(std::span<const Person> persons);
  // Inserts, or replaces every field of the person with the same resident ID; returns the id.
  // (To change a few fields, find the person, modify, upsert.)
  Result<int64_t> upsert(const Person& person);
  // upsert() for many persons through one statement, all or nothing; ids in input order.
  Result<std::vector<int64_t>> upsert_batch(std::span<const Person> persons);
  // The id of the person with `resident_id`; creates an unregistered one (sex and birth date
  // from the ID, `name` as given) when unknown. Never changes an existing person.
  Result<int64_t> ensure(const ResidentId& resident_id, std::string_view name);

  Result<std::optional<Person>> find(int64_t id);
  Result<std::optional<Person>> find_by_resident_id(const ResidentId& resident_id);
  // The id of the person with `resident_id`, or nullopt (one indexed lookup).
  Result<std::optional<int64_t>> id_of(const ResidentId& resident_id);
  // Sets (or clears) the date of death. kNotFound for an unknown id.
  Result<void> set_death_date(int64_t id, std::optional<Date> death_date);
  // Sets the 户籍 fields of a person and clears `unregistered` (the 户籍 feed knows them now);
  // other fields are kept. kNotFound for an unknown id.
  Result<void> set_registration(int64_t id, const PersonRegistration& registration);
  // resident ID → person id for everyone: the linkage cache of an import.
  Result<std::unordered_map<std::string, int64_t>> id_index();
  // Calls `visit(resident_id, id)` for every person (a compact linkage cache is built from it).
  Result<void> for_each_id(const std::function<void(std::string_view, int64_t)>& visit);
  Result<int64_t> count();

 private:
  Result<int64_t> write(Statement& statement, const Person& person, int64_t now);

  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian
