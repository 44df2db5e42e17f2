#pragma once
// The reading half of an import: data rows are read and parsed in chunks — on a thread of its
// own, so that parsing one chunk overlaps linking and writing the previous one — and handed to
// the consumer in file order through a bounded queue (memory stays bounded whatever the file
// size). Blank rows are skipped and not counted.

#include <cstdint>
#include <functional>
#include <vector>

#include "common/error.hpp"
#include "domain/import_batch.hpp"
#include "ingest/feed_parser.hpp"
#include "ingest/import_request.hpp"
#include "ingest/table_reader.hpp"

namespace faxian::ingest {

struct ParsedChunk {
  std::vector<ParsedRow> rows;        // rows that parsed, in file order
  std::vector<BatchRowIssue> issues;  // the errors of rows that did not
  int64_t rows_read = 0;              // data rows in this chunk (rows + rejected)
  int64_t rejected = 0;               // rows with at least one error
};

// Reads every data row after the header from `reader`, parses it with `parser` and calls
// `consume` with each chunk in order, on the calling thread. Returns the first error: the
// reader's (a file that cannot be read further) or `consume`'s (which stops the reading).
// REQUIRES: the header has been read and given to parser.read_header.
Result<void> run_import_pipeline(TableReader& reader, FeedParser& parser,
                                 const ImportTuning& tuning,
                                 const std::function<Result<void>(ParsedChunk&)>& consume);

}  // namespace faxian::ingest
