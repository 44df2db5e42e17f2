#include "api/casework_cache.hpp"

#include "store/query.hpp"

namespace faxian::api {

std::optional<int64_t> casework_generation(Database& db) {
  auto value =
      query_int(db, "SELECT value FROM change_counters WHERE name = 'casework'", [](Statement&) {});
  if (!value)
    return std::nullopt;
  return *value;
}

Result<nlohmann::json> CaseworkCache::get(const std::string& key, Date today,
                                          std::optional<int64_t> generation,
                                          const Compute& compute) {
  if (!generation)
    return compute();
  std::lock_guard lock(mutex_);
  if (auto found = entries_.find(key); found != entries_.end() &&
                                       found->second.generation == *generation &&
                                       found->second.today == today) {
    return found->second.figures;
  }
  auto figures = compute();
  if (!figures)
    return figures;
  if (entries_.size() >= kMaxEntries)
    entries_.clear();
  entries_[key] = Entry{*generation, today, *figures};
  return figures;
}

}  // namespace faxian::api
