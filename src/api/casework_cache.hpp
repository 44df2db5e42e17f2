#pragma once
// Figures computed from the casework tables, kept until a warning, lead, task or household's
// village changes (the 'casework' change counter, kept by triggers: migration 11) or the day
// turns. Two uses: the home-page figures of each area (every role's home page asks for them each
// time it is shown; computing them reads every open warning, lead and task of the area, over
// 100 ms on a county) and the totals of lead lists (the count under a page of 50 leads walks
// every lead of the filter: a quarter of a page's time). The counter moves with every commit
// that touches those tables — the server's, or a `faxian import` run beside it — so the figures
// are never stale.
//
// One computation at a time: callers that arrive while figures are being computed wait for
// them instead of computing the same figures again.

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::api {

// The 'casework' change counter; nullopt when it cannot be read (the figures are then computed).
std::optional<int64_t> casework_generation(Database& db);

class CaseworkCache {
 public:
  using Compute = std::function<Result<nlohmann::json>()>;

  // The figures under `key` (an area, a list filter) for `today`: cached when `generation` (read
  // before `compute` would run) equals the one they were computed at; otherwise computed and kept.
  // No generation (a database without a commit counter): always computed.
  Result<nlohmann::json> get(const std::string& key, Date today, std::optional<int64_t> generation,
                             const Compute& compute);

 private:
  static constexpr size_t kMaxEntries = 4096;  // a county has a few hundred villages

  struct Entry {
    int64_t generation = 0;
    Date today;
    nlohmann::json figures;
  };

  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace faxian::api
