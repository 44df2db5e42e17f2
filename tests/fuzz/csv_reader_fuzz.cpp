// libFuzzer target: any bytes through open_table_bytes (CSV and encoding detection, and the
// XLSX path when the bytes happen to start like a zip), with small limits so that the limit
// and recovery paths are reached. Checks the reader's promises: no crash, no unbounded
// reading, every cell's text valid UTF-8, at most max_row_cells cells, increasing lines.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/text.hpp"
#include "ingest/table_reader.hpp"

namespace {

void check(bool condition) {
  if (!condition)
    std::abort();
}

void read_all(std::string_view bytes, const faxian::ingest::ReaderLimits& limits) {
  auto reader = faxian::ingest::open_table_bytes(bytes, limits);
  if (!reader) {
    check(!reader.error().message.empty());
    return;
  }
  faxian::ingest::TableRow row;
  int64_t last_line = 0;
  for (int count = 0; count < 100000; ++count) {
    auto read = (*reader)->next(row);
    if (!read || !*read)
      return;
    if ((*reader)->format() != faxian::ingest::TableFormat::kXlsx)
      check(row.line > last_line);  // XLSX row numbers are whatever the sheet says
    last_line = row.line;
    check(static_cast<int64_t>(row.cells.size()) <= limits.max_row_cells);
    for (const faxian::ingest::Cell& cell : row.cells) {
      check(faxian::is_valid_utf8(cell.text));
      // Decoding GB18030 (2 bytes → 3) or marking bad bytes (1 → 3) may lengthen a field.
      check(static_cast<int64_t>(cell.text.size()) <= 3 * limits.max_field_bytes);
    }
    check(faxian::is_valid_utf8(row.problem));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  faxian::ingest::ReaderLimits limits;
  limits.max_field_bytes = 64;
  limits.max_row_cells = 12;
  limits.max_row_bytes = 256;
  limits.max_uncompressed_bytes = 1 << 20;
  read_all(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  return 0;
}
