#include "cli/reference_data.hpp"

#include <algorithm>

#include "common/file_util.hpp"
#include "common/work_calendar.hpp"
#include "domain/region.hpp"
#include "store/calendar_repository.hpp"
#include "store/region_repository.hpp"
#include "store/standards_repository.hpp"

namespace faxian::cli {

Result<RegionCounts> load_regions(Database& db, const std::string& path) {
  auto regions = load_regions_file(path);
  if (!regions)
    return tl::unexpected(regions.error());
  RegionRepository repository(db);
  if (auto stored = repository.upsert_all(*regions); !stored) {
    return tl::unexpected(stored.error());
  }
  RegionCounts counts;
  for (const Region& region : *regions) {
    if (region.level == RegionLevel::kTownship)
      ++counts.townships;
    if (region.level != RegionLevel::kVillage)
      continue;
    ++counts.villages;
    if (region.area_type() == AreaType::kUrban)
      ++counts.urban_villages;
  }
  return counts;
}

Result<int64_t> load_standards(Database& db, const Clock& clock, const std::string& path,
                               const std::string& loaded_by, bool only_if_changed) {
  auto text = read_file(path);
  if (!text)
    return tl::unexpected(text.error());
  StandardsRepository repository(db, clock);
  if (only_if_changed) {
    auto latest = repository.latest();
    if (!latest)
      return tl::unexpected(latest.error());
    if (*latest && (*latest)->toml_text == *text)
      return (*latest)->version;
  }
  return repository.add(*text, loaded_by, "loaded from " + path);
}

Result<int> load_missing_calendar_years(Database& db, const Clock& clock, const std::string& dir,
                                        const std::string& loaded_by) {
  auto files = list_files(dir, ".json");
  if (!files)
    return tl::unexpected(files.error());
  CalendarRepository repository(db, clock);
  auto stored_years = repository.years();
  if (!stored_years)
    return tl::unexpected(stored_years.error());
  int added = 0;
  for (const std::string& file : *files) {
    auto json = read_file(file);
    if (!json)
      return tl::unexpected(json.error());
    auto year = WorkCalendar::parse_year_json(*json);
    if (!year)
      return tl::unexpected(year.error());
    if (std::ranges::find(*stored_years, year->year) != stored_years->end())
      continue;
    if (auto put = repository.put_json(*json, loaded_by); !put)
      return tl::unexpected(put.error());
    ++added;
  }
  return added;
}

}  // namespace faxian::cli
