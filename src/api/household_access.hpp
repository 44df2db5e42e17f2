#pragma once
// Who may read households and warnings, and the checks every household-side route makes on its
// input before any SQL runs (50-api-security.md "Authorisation", "Privacy"):
// * every role with a household area reads them (county roles, hotline and auditor the whole
//   county, a township officer its township, a coordinator its village); a department liaison
//   has no household access at all (403 for the role);
// * health, disability and income details only for the roles that handle cases in the area
//   (county_admin, county_officer, township_officer — the scope already limits the township);
// * malformed 户号, person ids and region codes are 400 before they reach a query.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/router.hpp"

namespace faxian::api {

// Roles that read households, persons and warnings (everyone but department liaisons).
std::vector<Role> household_reader_roles();
// Roles that may see full resident IDs and phones (with a reason) — in their area.
std::vector<Role> reveal_roles();

// Whether the caller handles cases in its area (sees health, disability and income details).
bool handles_cases(const workflow::Actor& actor);

// The caller's household area; kPermissionDenied when its role has none.
Result<AreaScope> require_household_scope(const Call& call);

// A 户号 as the path carries it: 1–40 ASCII letters, digits or '-'; kInvalidArgument otherwise.
Result<std::string> valid_household_no(std::string_view text);
// A store person id: 1–18 digits; kInvalidArgument otherwise.
Result<int64_t> valid_person_id(std::string_view text);
// An optional region-code filter (`digits` long, digits only); kInvalidArgument otherwise.
Result<std::optional<std::string>> region_filter(const Call& call, std::string_view name,
                                                 size_t digits);
// An optional enumeration filter that must be one of `allowed`; kInvalidArgument otherwise.
Result<std::optional<std::string>> enum_filter(const Call& call, std::string_view name,
                                               const std::vector<std::string_view>& allowed);

// Code bounds for `code >= low AND code < high` over a region prefix.
struct CodeRange {
  std::string low;
  std::string high;
};
// The narrowest range of the scope and optional township/village filters (a filter outside
// the scope gives an empty range, so the list is empty).
CodeRange area_range(const AreaScope& scope, const std::optional<std::string>& township,
                     const std::optional<std::string>& village);

// Audits the view of a list page of households (items with "household_no") as `action`: which
// households were shown, of how many.
void audit_household_page(Call& call, std::string_view action, std::string_view entity,
                          const nlohmann::json& items, int64_t total);

}  // namespace faxian::api
