#pragma once
// Reading a department's file as rows of cells, whatever it is: CSV (UTF-8 with or without
// BOM, or GB18030/GBK; quoting; CRLF or LF) or XLSX (the first worksheet). Streaming: memory
// stays bounded whatever the file size. The header is simply the first row.
//
// Both formats look alike to the feed parsers:
// * a row whose cells are all empty (a blank line, `,,,`, a formatted but empty sheet row) is
//   skipped — it still counts in `line`, so line numbers match what Excel shows;
// * every row after the header has at least as many cells as the header (missing → kEmpty);
// * cell text is always valid UTF-8 (an undecodable CSV field is kError, shown with U+FFFD).
// An Error from next() means the file cannot be trusted past that point (corrupt zip data, a
// CRC mismatch found at the end of the sheet, malformed XML): rows already returned came from
// the same damaged file, so an importer should reject the whole batch.
// Details: csv_reader.hpp, csv_tokenizer.hpp, encoding_detect.hpp, xlsx_reader.hpp,
// xlsx_sheet_reader.hpp, zip_archive.hpp.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace faxian::ingest {

enum class CellKind {
  kEmpty,   // no value (blank CSV field, missing or empty XLSX cell)
  kText,    // text: every CSV field; XLSX shared/inline strings and cells formatted as text
  kNumber,  // XLSX numeric cell without a date format; `text` holds the number as stored
  kDate,    // XLSX numeric cell with a date/time format; `number` is the Excel serial (1900 system)
  kBool,    // XLSX boolean
  kError,   // XLSX error value (#N/A …) or a CSV field that is not valid in the file's encoding
};

struct Cell {
  CellKind kind = CellKind::kEmpty;
  std::string text;   // UTF-8; for kNumber/kDate the raw stored value ("5.00241E+17", "45292")
  double number = 0;  // kNumber and kDate
};

struct TableRow {
  int64_t line = 0;  // 1-based row number as a user sees it (CSV: record index incl. header;
                     // XLSX: the sheet's row number)
  std::vector<Cell> cells;
  // A problem that makes the whole row unusable (bad encoding, an unterminated quote, a
  // field over the size limit); empty when fine. Chinese.
  std::string problem;
};

enum class TableFormat { kCsvUtf8, kCsvGb18030, kXlsx };

class TableReader {
 public:
  virtual ~TableReader() = default;
  // Reads the next row into `row`: true when a row was read, false at the end. An Error only
  // when the file cannot be read any further (I/O error, corrupt zip, XML that cannot be
  // parsed); a bad row is reported in `row.problem`, never as an Error.
  virtual Result<bool> next(TableRow& row) = 0;
  virtual TableFormat format() const = 0;
};

struct ReaderLimits {
  int64_t max_field_bytes = 1 << 20;                  // a longer field is a row problem
  int64_t max_row_cells = 1000;                       // more cells is a row problem
  int64_t max_uncompressed_bytes = int64_t{4} << 30;  // XLSX: zip-bomb guard
  // Added by the readers (defaults are what a county's files need, with a wide margin):
  int64_t max_row_bytes = 16 << 20;  // a longer row (all its fields) is a row problem
  // XLSX: an entry whose size is more than this many times its compressed size (beyond its
  // first MiB) is refused as a zip bomb; real sheets compress 5–30×, deflate tops out ~1000×.
  int64_t max_compression_ratio = 200;
  // XLSX: the shared-strings table is kept in memory (one arena); a larger one is an Error.
  int64_t max_shared_strings_bytes = int64_t{1} << 30;
};

// Opens a file by content (zip magic → XLSX; otherwise CSV with encoding detection: valid
// UTF-8 throughout → UTF-8, else GB18030). Errors: unreadable file, empty file, an XLSX
// without a worksheet, a zip that is corrupt or exceeds the limits.
Result<std::unique_ptr<TableReader>> open_table_file(const std::string& path,
                                                     const ReaderLimits& limits = {});

// The same for bytes already in memory (tests, fuzzers, files pushed over the API); the bytes
// are copied, so the view need not outlive the reader. Errors as for open_table_file.
Result<std::unique_ptr<TableReader>> open_table_bytes(std::string_view bytes,
                                                      const ReaderLimits& limits = {});

}  // namespace faxian::ingest
