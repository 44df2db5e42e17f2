#pragma once
// 救助类别 held by households or persons, with validity periods and source.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/category.hpp"
#include "store/database.hpp"

namespace faxian {

class CategoryRepository {
 public:
  CategoryRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Adds a category; returns its id. kConstraint when it names neither a household nor a
  // person, names an unknown one, or ends before it starts.
  Result<int64_t> add(const Category& category);
  // Removes the categories derived from one source record (e.g. a registry row being corrected);
  // returns how many were removed.
  Result<int64_t> remove_by_source(CategorySource source, std::string_view source_ref);
  // Categories derived from one source record, by id.
  Result<std::vector<Category>> by_source(CategorySource source, std::string_view source_ref);
  // Sets the last day held (inclusive). kNotFound for an unknown id.
  Result<void> end(int64_t category_id, Date last_day);
  // Categories held directly by a household / a person, by start then id.
  Result<std::vector<Category>> for_household(int64_t household_id);
  Result<std::vector<Category>> for_person(int64_t person_id);
  // Categories held on `date` by the household itself or by anyone who is its member that day.
  Result<std::vector<Category>> active_for_household(int64_t household_id, Date date);
  // Categories a person holds on `date` themselves.
  Result<std::vector<Category>> active_for_person(int64_t person_id, Date date);
  // Every category held on `date`, by id.
  Result<std::vector<Category>> active_on(Date date);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian
