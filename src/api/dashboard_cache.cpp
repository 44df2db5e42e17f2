#include "api/dashboard_cache.hpp"

#include "store/query.hpp"

namespace faxian::api {

std::optional<int64_t> casework_generation(Database& db) {
  auto value =
      query_int(db, "SELECT value FROM change_counters WHERE name = 'casework'", [](Statement&) {});
  if (!value)
    return std::nullopt;
  return *value;
}

Result<nlohmann::json> DashboardCache::get(const std::string& area, Date today,
                                           std::optional<int64_t> generation,
                                           const Compute& compute) {
  if (!generation)
    return compute();
  std::lock_guard lock(mutex_);
  if (auto found = entries_.find(area); found != entries_.end() &&
                                        found->second.generation == *generation &&
                                        found->second.today == today) {
    return found->second.figures;
  }
  auto figures = compute();
  if (!figures)
    return figures;
  if (entries_.size() >= kMaxAreas)
    entries_.clear();
  entries_[area] = Entry{*generation, today, *figures};
  return figures;
}

}  // namespace faxian::api
