#pragma once
// 家庭成员关系 over time: who belonged to which household from when (inclusive) to when
// (exclusive).

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/household.hpp"
#include "store/database.hpp"

namespace faxian {

class MembershipRepository {
 public:
  explicit MembershipRepository(Database& db) : db_(db) {}

  // Adds a membership; returns its id. kConstraint for an unknown household or person, or a
  // `to` before `from`.
  Result<int64_t> add(const Membership& membership);
  // add() for many memberships (ids not returned), all or nothing.
  Result<void> add_all(std::span<const Membership> memberships);
  // Ends an open or closed membership on `to` (exclusive). kNotFound for an unknown id,
  // kConstraint when `to` is before its `from`.
  Result<void> end(int64_t membership_id, Date to);
  // Replaces every membership of a person with `memberships` (their ids are ignored; each must
  // name this person). kConstraint for an unknown household or a `to` before its `from`.
  Result<void> replace_for_person(int64_t person_id, std::span<const Membership> memberships);
  // Every membership of a household / of a person, by `from` then id.
  Result<std::vector<Membership>> for_household(int64_t household_id);
  Result<std::vector<Membership>> for_person(int64_t person_id);
  // The memberships of a household active on `date`.
  Result<std::vector<Membership>> active_in_household(int64_t household_id, Date date);
  // The memberships of a household that have not ended (no `to`), by `from` then id.
  Result<std::vector<Membership>> open_in_household(int64_t household_id);
  // The person's membership active on `date` (the latest joined if data overlap); nullopt when
  // the person belongs to no household that day.
  Result<std::optional<Membership>> active_for_person(int64_t person_id, Date date);
  // Calls `visit` with the id of every person who has a membership, once each.
  Result<void> for_each_member_id(const std::function<void(int64_t)>& visit);
  // Every membership, by household then `from` (loading the screening engine).
  Result<std::vector<Membership>> list_all();

 private:
  Database& db_;
};

}  // namespace faxian
