#pragma once
// The CSV TableReader: encoding chosen on the whole file (encoding_detect.hpp), a UTF-8 or
// GB18030 byte-order mark skipped, records split by CsvTokenizer and each field decoded to
// UTF-8. A field that is not valid in the file's encoding makes its cell kError (its text the
// field with each bad sequence replaced by U+FFFD, so it is always valid UTF-8) and the row a
// problem. Every other non-empty field is kText; an empty one (`` or `""`) is kEmpty.

#include <memory>

#include "common/error.hpp"
#include "ingest/table_reader.hpp"
#include "ingest/table_reader_source.hpp"

namespace faxian::ingest {

// Scans `source` once to choose the encoding, then returns a reader positioned on the first
// record. Errors: the source's read errors; "文件为空" when nothing follows the byte-order mark.
Result<std::unique_ptr<TableReader>> open_csv(std::unique_ptr<ByteSource> source,
                                              const ReaderLimits& limits);

}  // namespace faxian::ingest
