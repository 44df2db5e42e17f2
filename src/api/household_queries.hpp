#pragma once
// The reads behind the household routes: the region tree, the household search and each
// household's summary, the profile (members, categories, leads, applications) and the person a
// reveal is about. Every read takes the caller's area as a code range and applies it in the SQL
// itself; all values are bound parameters. Resident IDs and phones leave here masked, except
// through find_person_secret (the audited reveal).

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "api/household_access.hpp"
#include "api/router.hpp"
#include "common/date.hpp"
#include "store/database.hpp"

namespace faxian::api {

// Regions under `scope` with their ancestors (so the tree has its county and township roots):
// {code, name, level, parent_code, urban_rural, children: [...]} from the county down.
Result<nlohmann::json> region_tree(Database& db, const AreaScope& scope);

struct HouseholdSearch {
  CodeRange area;
  std::optional<std::string> q;         // 户号 prefix, member name prefix, or ID digits
  std::optional<std::string> category;  // a category kind key
  Date today{};
  PageRequest page{};
};

// One page of households in the area, by 户号, with each one's summary, and the total.
struct HouseholdPage {
  nlohmann::json items = nlohmann::json::array();
  int64_t total = 0;
};
Result<HouseholdPage> search_households(Database& db, const HouseholdSearch& search);

// A household in the area by 户号 (nullopt when there is none, or it is outside the area).
struct HouseholdRow {
  int64_t id = 0;
  std::string household_no;
  std::string village_code;
  std::string address;
};
Result<std::optional<HouseholdRow>> find_household(Database& db, const AreaScope& scope,
                                                   std::string_view household_no);

// The profile body of a household (see openapi_household.cpp); `case_details` adds the
// health, disability and income fields of its members.
Result<nlohmann::json> household_profile(Database& db, const HouseholdRow& household, Date today,
                                         bool case_details);
// Leads of a household, newest first: {lead_no, status, level, created_on, closed_on}.
Result<nlohmann::json> household_leads(Database& db, int64_t household_id);
// Applications of a household, newest first.
Result<nlohmann::json> household_applications(Database& db, int64_t household_id);

// The unmasked resident ID and phone of a person whose household is in the area (nullopt when
// unknown or outside it).
struct PersonSecret {
  int64_t person_id = 0;
  std::string resident_id;
  std::string phone;
  std::string household_no;  // "" when the person has no household
};
Result<std::optional<PersonSecret>> find_person_secret(Database& db, const AreaScope& scope,
                                                       int64_t person_id);

// "500241********1234" (also for a stored value that is not a valid ID).
std::string masked_resident_id(std::string_view stored);

}  // namespace faxian::api
