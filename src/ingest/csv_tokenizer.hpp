#pragma once
// Splits a CSV byte stream into records of raw fields (RFC 4180: quoted fields with commas,
// doubled quotes and line breaks; CRLF, LF or a lone CR ends a record). Bytes are not decoded
// here. Bounded memory whatever the input: one read buffer, and at most max_field_bytes per
// field and max_row_bytes per record are kept.
//
// Recovery: a quoted field that reaches the end of the file, grows past the field or row limit,
// or spans lines and is closed by a quote followed by more text, is almost always a stray
// quote. The record becomes a problem and reading resumes just after the first line break
// inside that quoted field, so the rows after it are not lost. `"a"b` on one line reads as
// `ab`, as in Excel.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "ingest/table_reader.hpp"
#include "ingest/table_reader_source.hpp"

namespace faxian::ingest {

class CsvTokenizer {
 public:
  // Reads `source` from `start_offset` (after a byte-order mark). REQUIRES: source outlives this.
  CsvTokenizer(ByteSource& source, int64_t start_offset, const ReaderLimits& limits);

  // Reads the next record: its raw fields into row.cells[i].text (row.cells resized to the
  // stored field count, kinds untouched) and any problem into row.problem. Returns the number
  // of fields (≥ 1), 0 at the end of the input, or the source's read error.
  Result<size_t> next_record(TableRow& row);

 private:
  enum class FieldEnd { kComma, kLineEnd, kInputEnd };

  bool fill() { return pos_ < end_ || refill(); }
  bool refill();
  void seek(int64_t offset);
  void skip_line_feed();
  FieldEnd read_plain(TableRow& row, std::string* text, size_t column);
  FieldEnd read_quoted(TableRow& row, std::string* text, size_t column);
  FieldEnd resync(TableRow& row, int64_t line_break, size_t column);
  void append(TableRow& row, std::string* text, size_t column, const char* data, size_t size);
  static void note(TableRow& row, std::string message);

  ByteSource& source_;
  ReaderLimits limits_;
  std::vector<char> buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  int64_t buffer_offset_ = 0;  // absolute offset of buffer_[0]
  bool at_end_ = false;
  std::optional<Error> read_error_;
  // Per record / per field state.
  int64_t row_bytes_ = 0;
  bool row_too_long_ = false;
  bool field_too_long_ = false;
  bool saw_nul_ = false;
};

}  // namespace faxian::ingest
