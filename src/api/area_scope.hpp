#pragma once
// Role × area scope (00-overview.md, 50-api-security.md "Authorisation"). A caller sees the
// households, leads and figures under one region-code prefix: the whole county for county roles,
// the hotline and auditors, its township for a township officer, its village for a coordinator.
// A department liaison sees no household at all (only its feeds and referral inbox). Lists apply
// the scope in the query itself; a single record outside it is "not found" (404), never 403, so
// existence does not leak.

#include <optional>
#include <string>
#include <string_view>

#include "workflow/leads/actor.hpp"

namespace faxian::api {

struct AreaScope {
  std::string prefix;  // "" = the whole database

  // Whether a region code (township or village) is inside the scope.
  bool covers(std::string_view region_code) const {
    return region_code.substr(0, prefix.size()) == prefix;
  }
  // Bounds for an index-friendly `code >= low AND code < high` on region codes (digits only).
  std::string low() const { return prefix; }
  std::string high() const { return prefix + "~"; }
};

// The household scope of an actor; nullopt when the role sees no households.
std::optional<AreaScope> household_scope(const workflow::Actor& actor);

}  // namespace faxian::api
