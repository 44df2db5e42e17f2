#pragma once
// Matching a file's header row to a feed's columns (20-feeds.md): the Chinese name or the
// English alias (ASCII case-insensitive), in any order, surrounding spaces (ASCII, U+3000,
// no-break space) and a byte-order mark ignored. Unknown columns become warnings; a missing
// required column or a column given twice is a file-level error.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/import_batch.hpp"
#include "ingest/feed_parser.hpp"
#include "ingest/table_reader.hpp"

namespace faxian::ingest {

struct ColumnName {
  std::string_view zh;
  std::string_view alias;
  bool required = false;
};

struct HeaderMatch {
  // Per schema column: its index in the file's rows, or -1 when the file lacks it.
  std::vector<int> file_index;
  // Per schema column: its header as the file writes it (trimmed), or the Chinese name.
  std::vector<std::string> written;
  // Headers that name no column, with their index in the row (file order).
  std::vector<std::pair<int, std::string>> unknown;
  // Schema columns that are required and absent.
  std::vector<std::size_t> missing;
  // Schema columns named more than once (by name or alias), once each.
  std::vector<std::size_t> duplicated;
};

// A header cell's text as compared: without a BOM and surrounding spaces.
std::string_view normalise_header_text(std::string_view text);
// Which file column holds each schema column. Blank header cells are ignored.
HeaderMatch match_header(std::span<const ColumnName> columns, const TableRow& header);
// The file-level error of a match (every missing required column and every duplicated column,
// in `language`), or ok(). Also an error when the header row itself could not be read.
Result<void> header_error(std::span<const ColumnName> columns, const HeaderMatch& match,
                          const TableRow& header, MessageLanguage language);
// One kUnknownColumn warning per unknown header, in file order (row = the header's line).
std::vector<BatchRowIssue> header_warnings(const HeaderMatch& match, const TableRow& header,
                                           MessageLanguage language);

}  // namespace faxian::ingest
