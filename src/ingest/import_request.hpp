#pragma once
// What a caller asks of the batch importer (20-feeds.md "Import semantics") and what it gets
// back. One import = one file (or one API push) of one feed = one batch, committed in one
// transaction. See docs/decisions/0003-import.md.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/feed_kind.hpp"
#include "domain/import_batch.hpp"
#include "ingest/feed_parser.hpp"

namespace faxian::ingest {

// Knobs that change speed and memory, never results.
struct ImportTuning {
  // Rows parsed, linked and written together; memory holds about (queued_chunks + 2) chunks.
  int64_t chunk_rows = 4096;
  int queued_chunks = 4;
  // Parse on a thread of its own while the calling thread links and writes (false: parse on
  // the calling thread — same results, for debugging).
  bool parse_in_thread = true;
  // Row errors kept in the report and the batch record; further ones are counted (in
  // `rejected`) but not listed, so that a file of a million bad rows stays in bounded memory.
  int64_t max_issues = 100000;
  // Bulk load (store/bulk_load.hpp): into an empty table of a feed without derived data, rows
  // are appended with the table's indexes dropped and the indexes built again before commit —
  // same transaction, same result, a fraction of the work.
  bool bulk_load = true;
  // SQLite page cache while the batch runs (MiB; allocated only as pages are used): a batch
  // larger than the cache spills pages into the WAL mid-transaction, rewriting them many
  // times. While rows are only appended (bulk load) a small cache is faster.
  int64_t cache_mib = 128;
  int64_t append_cache_mib = 16;
};

// Progress after each chunk (on the thread that writes).
struct ImportProgress {
  int64_t rows = 0;      // data rows read so far
  int64_t rejected = 0;  // of which rejected
};

struct ImportRequest {
  FeedKind feed = FeedKind::kPopulation;
  std::string file_name;  // as reported (a file's base name)
  std::string sha256;     // of the file as received, lower-case hex
  // When sha256 is empty: returns it, waiting if need be (import_file hashes the file on
  // another thread while the rows are imported). An error fails the batch.
  std::function<Result<std::string>()> await_sha256{};
  std::string department;   // empty: the feed's usual department (feed_department)
  std::string imported_by;  // user name or API token name
  bool strict = false;      // reject the whole batch if any row is rejected
  MessageLanguage language = MessageLanguage::kChinese;
  ImportTuning tuning{};
  std::function<void(const ImportProgress&)> on_progress{};
};

// The result of an import that ran (whatever its status); a Result error means the batch could
// not even be recorded (database unavailable, file unreadable before it could be received).
struct ImportOutcome {
  ImportBatch batch;               // as stored: status, counts, errors, warnings
  int64_t persons_created = 0;     // unregistered persons created by linkage
  int64_t persons_registered = 0;  // persons first seen in this 户籍 batch, created registered
  int64_t hotline_candidates = 0;  // candidate persons recorded for tickets without an ID
  int64_t issues_dropped = 0;      // row errors beyond tuning.max_issues (counted, not listed)
  double seconds = 0;              // wall time (reporting only)
  // Persons with a new or corrected record, ascending: the screening engine re-evaluates their
  // households after the batch (30-screening.md). Empty unless committed.
  std::vector<int64_t> touched_persons;
  // Households whose memberships the batch changed, including any a person left entirely
  // (the touched persons' memberships no longer lead there). Ascending.
  std::vector<int64_t> touched_households;
};

}  // namespace faxian::ingest
