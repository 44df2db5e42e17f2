#include "domain/household.hpp"

#include <algorithm>

namespace faxian {

std::vector<int64_t> members_on(std::span<const Membership> memberships, Date date) {
  std::vector<int64_t> person_ids;
  for (const Membership& membership : memberships) {
    if (membership.active_on(date))
      person_ids.push_back(membership.person_id);
  }
  std::sort(person_ids.begin(), person_ids.end());
  person_ids.erase(std::unique(person_ids.begin(), person_ids.end()), person_ids.end());
  return person_ids;
}

bool lives_alone_on(std::span<const Membership> memberships, Date date) {
  return members_on(memberships, date).size() == 1;
}

}  // namespace faxian
