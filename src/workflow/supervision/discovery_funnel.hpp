#pragma once
// 督导: the funnel warning → verified need → assistance granted (40-workflow.md "Supervision").
// A lead merged into another is followed to the lead it joined (its verification and outcomes
// are recorded there).
//
// Warning funnel — the need warnings first detected within the period in the area:
// * warnings: how many;
// * with_lead: of those, warnings that reached a lead (the lead's warning_id, or a data_warning
//   source whose reference is the warning id);
// * verified_need: of those, warnings whose lead has a verification on or before as_of that
//   found difficulty (difficulty_found);
// * assistance_granted: of those, warnings whose lead has an assistance outcome done on or
//   before as_of — assisted_application, application, emergency_aid, case_by_case, referral or
//   coordination (not no_need, declined or duplicate).
// Lead funnel — the same last two steps for every lead created within the period in the area
// (not merged), whatever its source.
// Each later step is a subset of the one before only when the data are consistent; the counts
// are computed independently of each other, so an assistance outcome without a verification
// with difficulty still counts as granted.

#include <cstdint>

#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/supervision/supervision_query.hpp"

namespace faxian::workflow {

struct WarningFunnel {
  int64_t warnings = 0;
  int64_t with_lead = 0;
  int64_t verified_need = 0;
  int64_t assistance_granted = 0;

  bool operator==(const WarningFunnel&) const = default;
};

struct LeadFunnel {
  int64_t leads = 0;
  int64_t verified_need = 0;
  int64_t assistance_granted = 0;

  bool operator==(const LeadFunnel&) const = default;
};

struct DiscoveryFunnel {
  WarningFunnel warnings;
  LeadFunnel leads;
};

// The funnels for the query. kInvalidArgument for a bad query.
Result<DiscoveryFunnel> discovery_funnel(Database& db, const SupervisionQuery& query);

}  // namespace faxian::workflow
