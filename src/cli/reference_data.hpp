#pragma once
// Loading reference data (regions, standards, working-day calendar) into a store: shared by
// `faxian init`, `faxian standards load`, `faxian calendar load` and `faxian demo`.

#include <string>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::cli {

struct RegionCounts {
  int townships = 0;
  int villages = 0;
  int urban_villages = 0;
};

// Parses a regions CSV file and upserts every region, all or nothing.
Result<RegionCounts> load_regions(Database& db, const std::string& path);

// Stores a standards TOML file as a new version, unless it is identical to the latest one
// (so re-running init adds nothing). Returns the version in force afterwards.
Result<int64_t> load_standards(Database& db, const Clock& clock, const std::string& path,
                               const std::string& loaded_by, bool only_if_changed);

// Stores each year of a calendar folder that the database does not have yet (a year edited
// by county_admin is never overwritten by init). Returns how many years were added.
Result<int> load_missing_calendar_years(Database& db, const Clock& clock, const std::string& dir,
                                        const std::string& loaded_by);

}  // namespace faxian::cli
