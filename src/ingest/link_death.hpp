#pragma once
// The date of death of a person (30-screening.md): the earlier of the `death` feed's record and
// a 死亡注销 row of the `population` feed, over their current (not superseded) versions.

#include <cstdint>
#include <optional>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "store/feed_record_repository.hpp"
#include "store/person_repository.hpp"

namespace faxian::ingest {

class DeathLinker {
 public:
  DeathLinker(Database& db, const Clock& clock)
      : persons_(db, clock), deaths_(db, clock), population_(db, clock) {}

  // Sets the person's date of death from the death feed and `cancelled` (their earliest
  // 死亡注销, when the caller knows it; read from the store when nullopt). A person with neither
  // keeps what they have. Errors are the store's.
  Result<void> apply(int64_t person_id, std::optional<Date> cancelled = std::nullopt);

 private:
  Result<std::optional<Date>> death_feed_date(int64_t person_id);
  Result<std::optional<Date>> earliest_cancellation(int64_t person_id);

  PersonRepository persons_;
  FeedRecordRepository<DeathRecord> deaths_;
  FeedRecordRepository<PopulationRecord> population_;
};

// The widest dates the store holds, for "every record of a person" queries.
Date earliest_date();
Date latest_date();

}  // namespace faxian::ingest
