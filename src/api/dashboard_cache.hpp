#pragma once
// The home-page figures of each area, kept until a warning, lead, task or household's village
// changes (the 'casework' change counter, kept by triggers: migration 11) or the day turns.
// Every role's home page asks for them, each time it is shown; computing them reads every open
// warning, lead and task of the area (over 100 ms on a county), so a busy morning would
// otherwise spend most of the server on the same few counts. The counter moves with every
// commit that touches those tables — the server's, or a `faxian import` run beside it — so the
// figures are never stale.
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

class DashboardCache {
 public:
  using Compute = std::function<Result<nlohmann::json>()>;

  // The figures of `area` for `today`: cached when `generation` (read before `compute` would
  // run) equals the one they were computed at; otherwise computed and kept. No generation
  // (a database without a commit counter): always computed.
  Result<nlohmann::json> get(const std::string& area, Date today, std::optional<int64_t> generation,
                             const Compute& compute);

 private:
  static constexpr size_t kMaxAreas = 4096;  // a county has a few hundred villages

  struct Entry {
    int64_t generation = 0;
    Date today;
    nlohmann::json figures;
  };

  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace faxian::api
