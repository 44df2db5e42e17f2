#pragma once
// What referrals, coordination and hotline share: daily case numbers, the audit entry of an
// actor's change, and who may act (county roles, a department's liaison).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/casework/department.hpp"
#include "workflow/leads/actor.hpp"

namespace faxian::workflow {

// The next number of a daily sequence: prefix, day as YYYYMMDD, '-', the sequence zero-padded
// to `width` digits (ZJ20261120-0001). Runs inside the caller's transaction.
Result<std::string> next_casework_number(Database& db, std::string_view prefix, Date day,
                                         int width);

// Appends an audit entry for `actor` (role key, or "" for the system) inside the caller's
// transaction. `detail` is a JSON object text.
Result<void> audit_change(Database& db, const Clock& clock, const Actor& actor,
                          std::string_view action, std::string_view object_type,
                          std::string_view object_id, std::string_view reason,
                          std::string detail = "{}");

// The role key of an actor for records ("" for the system).
std::string actor_role_key(const Actor& actor);

// ok() for the system and the county roles (county_admin, county_officer); otherwise
// kIllegalTransition with "只有县民政局…可以{what}".
Result<void> require_county(const Actor& actor, std::string_view what_zh);

// Whether `actor` may act for `department`: the system, the county roles, or a
// department_liaison whose account names that department.
bool acts_for_department(const Actor& actor, Department department);

// Where a household (or a ticket's subject) lives.
struct Place {
  std::string township_code;
  std::string village_code;  // "" when only the township is known
};
// The place of a stored household. kNotFound for an unknown household.
Result<Place> place_of_household(Database& db, const Clock& clock, int64_t household_id);
// The place of a village code. kInvalidArgument when it is not a stored village.
Result<Place> place_of_village(Database& db, std::string_view village_code);
// kInvalidArgument unless `township_code` is a stored township.
Result<void> check_township(Database& db, std::string_view township_code);

// "人社局" for a department (its canonical Chinese name).
std::string department_name(Department department);

}  // namespace faxian::workflow
