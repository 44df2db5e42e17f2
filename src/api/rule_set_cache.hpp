#pragma once
// The latest screening rule set, parsed once per version. Pages that name rules (warnings,
// household profiles) would otherwise parse the rules' TOML on every request. A stored version
// never changes, so the parsed set is kept until a newer version is stored; each call costs one
// indexed read of the newest version number.

#include <cstdint>
#include <memory>
#include <mutex>

#include "common/clock.hpp"
#include "domain/rule_set.hpp"
#include "store/database.hpp"

namespace faxian::api {

class RuleSetCache {
 public:
  // The newest stored rule set; an empty one when none is stored or it cannot be read (callers
  // then show rule codes without names).
  std::shared_ptr<const RuleSet> latest(Database& db, const Clock& clock);

 private:
  std::mutex mutex_;
  int64_t version_ = 0;
  std::shared_ptr<const RuleSet> rules_ = std::make_shared<const RuleSet>();
};

}  // namespace faxian::api
