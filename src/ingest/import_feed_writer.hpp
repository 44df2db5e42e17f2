#pragma once
// The writing half of an import: links each parsed row to a person, writes the rows of a chunk
// through the feed's repository (inserted / duplicate / corrected, 20-feeds.md "Idempotent")
// and keeps derived data in step (memberships, dates of death, categories, hotline
// candidates). Runs inside the batch's transaction, on the thread that owns the Database.

#include <cstdint>
#include <memory>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/feed_kind.hpp"
#include "domain/import_batch.hpp"
#include "ingest/feed_parser.hpp"
#include "ingest/link_persons.hpp"
#include "store/database.hpp"

namespace faxian::ingest {

// What writing one chunk did.
struct ChunkTally {
  int64_t imported = 0;               // new records and corrections
  int64_t duplicates = 0;             // same key and content as a stored record
  int64_t rejected = 0;               // rows the writer refused (they are not written)
  std::vector<BatchRowIssue> issues;  // one per refused row
};

struct WriterContext {
  Database& db;
  const Clock& clock;
  int64_t batch_id = 0;
  MessageLanguage language = MessageLanguage::kChinese;
  PersonLinker& persons;
};

class FeedWriter {
 public:
  virtual ~FeedWriter() = default;
  // Links and writes `rows` (in file order; their records are moved out). Errors are the
  // store's and end the batch.
  virtual Result<void> write_chunk(std::vector<ParsedRow>& rows, ChunkTally& tally) = 0;
  // After the last chunk, still in the transaction: derived data that needs every row of the
  // batch (the 户籍 timelines).
  virtual Result<void> finish() { return ok(); }
  // Hotline candidates recorded so far.
  virtual int64_t hotline_candidates() const { return 0; }
  // Households whose membership the batch changed (a 户籍 batch), ascending.
  virtual std::vector<int64_t> changed_households() const { return {}; }

  // Bulk load (store/bulk_load.hpp): whether this writer may append rows without looking up
  // their keys (only writers without per-row derived data).
  virtual bool bulk_capable() const { return false; }
  // From now on rows are appended (the table's indexes are dropped); each counts as imported
  // until collapse_duplicates() says which were duplicates.
  virtual void append_rows() {}
  // After the last appended chunk: collapses keys the batch repeated; returns the duplicates.
  virtual Result<int64_t> collapse_duplicates() { return 0; }
};

// The writer of `feed`. Errors are the store's (loading the regions for `population`).
Result<std::unique_ptr<FeedWriter>> make_feed_writer(FeedKind feed, WriterContext& context);

}  // namespace faxian::ingest
