#pragma once
// The batch importer (20-feeds.md "Import semantics"): one file of one feed becomes one batch.
// * All-or-nothing: the batch record and every accepted row are written in ONE transaction, so
//   a crash or kill at any moment leaves the whole batch or nothing (a killed import leaves no
//   trace at all, not even a "running" batch record).
// * Rows with errors are rejected and listed ({row, column, code, message}); the accepted rows
//   are committed — unless `strict`, when one rejected row rejects the whole batch (nothing is
//   committed; the batch is recorded as rejected with every error).
// * A file that cannot be read to its end, or a store failure, fails the batch: nothing is
//   committed; the batch is recorded as failed with the reason.
// * Idempotent by natural key: the same facts again are duplicates, a changed row a correction
//   (the older version is kept in history). See docs/decisions/0003-import.md.

#include <string>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "ingest/feed_parser.hpp"
#include "ingest/import_request.hpp"
#include "ingest/table_reader.hpp"
#include "store/database.hpp"

namespace faxian::ingest {

// Imports the rows of `reader` — its first row is the header — parsed by `parser` (made for
// request.feed) as one batch. Returns the outcome whatever the batch's status; an Error only
// when not even a failed batch could be recorded (the database refused). REQUIRES: `db` is
// migrated and not inside a transaction; no other thread uses it meanwhile.
Result<ImportOutcome> import_table(Database& db, const Clock& clock, TableReader& reader,
                                   FeedParser& parser, const ImportRequest& request);

// Imports the file at `path`: its SHA-256 as received, its format found by content (CSV in
// UTF-8 or GB18030, or XLSX), parsed for request.feed. request.file_name and request.sha256
// are filled in when empty. An Error when the file cannot be opened at all (nothing recorded);
// a file that opens but cannot be read as a table gives a failed batch.
Result<ImportOutcome> import_file(Database& db, const Clock& clock, const std::string& path,
                                  ImportRequest request);

}  // namespace faxian::ingest
