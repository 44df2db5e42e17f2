#pragma once
// Bulk loading one feed table inside the caller's write transaction (the importer's batch):
// * a larger page cache for the connection while the load runs (bounded: a set number of MiB),
//   so that a large batch is not spilled page by page into the WAL mid-transaction;
// * when the table holds no row yet (a first load), its two indexes — the natural key's and
//   (person, event date) — are dropped, the rows appended without lookups
//   (FeedRecordRepository::append_batch), and the indexes built again in sorted passes before
//   the transaction commits, after repeated keys of the batch were collapsed
//   (collapse_duplicate_keys). Random-order B-tree inserts into those two indexes are ~75 % of
//   SQLite's cost per row. Being part of the same transaction, a crash or rollback restores the
//   indexes with everything else.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian {

struct BulkLoadOptions {
  int64_t cache_mib = 0;      // page cache for the load (0: leave it as it is)
  bool drop_indexes = false;  // drop and rebuild the table's indexes when it is empty
  // Page cache while rows are appended (indexes dropped): appended pages are written once, so
  // a small cache is faster (no page faults for memory that only passes through).
  int64_t append_cache_mib = 16;
};

class FeedBulkLoad {
 public:
  // Prepares `table` (e.g. "feed_medical") for a bulk load. REQUIRES: inside a transaction.
  static Result<FeedBulkLoad> begin(Database& db, std::string_view table,
                                    const BulkLoadOptions& options);
  // Whether the indexes were dropped: the rows must then be appended (append_batch).
  bool indexes_dropped() const { return indexes_dropped_; }
  // Builds the dropped indexes again. `collapse` makes each natural key current at most once
  // (collapse_duplicate_keys) and returns how many duplicates it deleted; it runs only when
  // the batch repeated a key. Returns that number (0 when nothing was dropped). Call before
  // committing. The page cache is restored when this object is destroyed.
  Result<int64_t> finish(const std::function<Result<int64_t>()>& collapse);

  FeedBulkLoad(FeedBulkLoad&& other) noexcept;
  FeedBulkLoad& operator=(FeedBulkLoad&&) = delete;
  ~FeedBulkLoad();

 private:
  FeedBulkLoad(Database& db, std::string table) : db_(&db), table_(std::move(table)) {}
  Result<bool> try_unique_index();
  Result<void> set_cache(int64_t mib);
  Result<void> set_temp_store(std::string_view mode);  // SQLite: MEMORY or FILE

  Database* db_;
  std::string table_;
  bool indexes_dropped_ = false;
  std::optional<int64_t> saved_cache_size_;  // PRAGMA cache_size before the load (SQLite)
  int64_t cache_mib_ = 0;
};

}  // namespace faxian
