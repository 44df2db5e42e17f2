#pragma once
// 督导: warnings and leads by level, source and township (40-workflow.md "Supervision").
// Definitions, for the area and period of a SupervisionQuery:
// * a warning counts when it is a need warning first detected within the period (whatever its
//   status now: a warning cleared later was still raised), at its current level;
// * a lead counts when it was created within the period (and was not merged into another);
// * by source: a lead counts once under each channel that reported it (lead_sources), so the
//   source counts may add up to more than the leads — a lead reported by a warning and then by
//   a hotline call counts under both;
// * by township: the township of the warning's household, or of the lead.

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/supervision/supervision_query.hpp"

namespace faxian::workflow {

struct KeyCount {
  std::string key;    // stable English key ("red", "hotline" …)
  std::string label;  // Chinese
  int64_t count = 0;

  bool operator==(const KeyCount&) const = default;
};

struct TownshipLevels {
  std::string township_code;
  std::string township_name;
  int64_t red = 0;
  int64_t orange = 0;
  int64_t yellow = 0;
  int64_t total = 0;

  bool operator==(const TownshipLevels&) const = default;
};

struct VolumeBreakdown {
  int64_t warnings = 0;
  std::vector<KeyCount> warnings_by_level;           // red, orange, yellow (all three, zeros kept)
  std::vector<TownshipLevels> warnings_by_township;  // townships with any, by code
  int64_t leads = 0;
  std::vector<KeyCount> leads_by_level;   // red, orange, yellow
  std::vector<KeyCount> leads_by_source;  // every source in enum order, zeros kept
  std::vector<TownshipLevels> leads_by_township;
};

// The breakdown for the query. kInvalidArgument for a bad query.
Result<VolumeBreakdown> volume_breakdown(Database& db, const SupervisionQuery& query);

}  // namespace faxian::workflow
