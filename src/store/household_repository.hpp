#pragma once
// 家庭 (户) in the store, keyed by 户号.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/household.hpp"
#include "store/database.hpp"

namespace faxian {

class HouseholdRepository {
 public:
  HouseholdRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Inserts a household; returns its id. kAlreadyExists for a stored 户号, kConstraint for an
  // unknown village or head.
  Result<int64_t> insert(const Household& household);
  // Inserts, or updates village, address and head of the household with the same 户号.
  Result<int64_t> upsert(const Household& household);
  Result<std::optional<Household>> find(int64_t id);
  Result<std::optional<Household>> find_by_number(std::string_view household_no);
  // Sets village and address (the head's latest 户籍 row says where the household lives).
  // kNotFound for an unknown household, kConstraint for an unknown village.
  Result<void> set_location(int64_t household_id, std::string_view village_code,
                            std::string_view address);
  // Sets (or clears) the head. kNotFound for an unknown household.
  Result<void> set_head(int64_t household_id, std::optional<int64_t> head_person_id);
  // set_head() for many households (each at most once), all or nothing.
  struct HeadChange {
    int64_t household_id = 0;
    std::optional<int64_t> head;
  };
  Result<void> set_heads(std::span<const HeadChange> changes);
  // The households of a village, by 户号.
  Result<std::vector<Household>> list_by_village(std::string_view village_code);
  // Every household, by id.
  Result<std::vector<Household>> list_all();
  Result<int64_t> count();

 private:
  Result<int64_t> write(std::string_view sql, const Household& household);

  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian
