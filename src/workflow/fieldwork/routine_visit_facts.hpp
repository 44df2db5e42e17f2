#pragma once
// Internal to routine visits: what the plan needs to know about each household under a region
// prefix on a date — its place, the categories held then (by it or a member), its living
// members' conditions and its last visit — read in four queries.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/category.hpp"
#include "store/database.hpp"

namespace faxian::workflow {

struct MemberFacts {
  Date birth_date{};
  Date joined_on{};
  bool serious_illness = false;
  bool disabled = false;
  bool no_work_capacity = false;
};

struct HouseholdFacts {
  std::string household_no;
  std::string village_code;
  std::string township_code;
  std::map<CategoryKind, Date> categories;  // kind → earliest start among those held
  std::vector<MemberFacts> members;         // living members with a condition or aged 80+
  int64_t living_members = 0;
  std::optional<Date> last_visit{};
};

// Households under `region_prefix` that hold a category on `as_of` or have a living member with
// a condition or aged 80 or more, by id. REQUIRES: a checked prefix.
Result<std::map<int64_t, HouseholdFacts>> load_household_facts(Database& db, Date as_of,
                                                               std::string_view region_prefix);

}  // namespace faxian::workflow
