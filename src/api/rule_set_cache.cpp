#include "api/rule_set_cache.hpp"

#include "store/query.hpp"
#include "store/rule_set_repository.hpp"

namespace faxian::api {

std::shared_ptr<const RuleSet> RuleSetCache::latest(Database& db, const Clock& clock) {
  auto newest =
      query_int(db, "SELECT COALESCE(max(version), 0) FROM rule_set_versions", [](Statement&) {});
  if (!newest || *newest == 0)
    return std::make_shared<const RuleSet>();
  std::lock_guard lock(mutex_);
  if (*newest != version_) {
    auto rules = RuleSetRepository(db, clock).load_latest();
    if (!rules)
      return std::make_shared<const RuleSet>();
    // load_latest may have read a version stored after `newest`: keyed by `newest`, the next
    // call then reloads, which is only redundant, never stale.
    rules_ = std::make_shared<const RuleSet>(std::move(*rules));
    version_ = *newest;
  }
  return rules_;
}

}  // namespace faxian::api
