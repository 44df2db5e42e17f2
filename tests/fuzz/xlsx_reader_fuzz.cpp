// libFuzzer target for the XLSX reader. Random bytes rarely get past a zip's CRCs, so an
// input that does not start with "PK" is taken as the parts of a workbook separated by a line
// "=====" — sheet XML, shared strings (<si> items), styles.xml, workbook.xml — and zipped
// (stored, valid CRCs) before reading: mutations then reach the XML parsers. An input that
// starts with "PK" is read as an archive as it is. Checks as csv_reader_fuzz.cpp.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.hpp"
#include "ingest/table_reader.hpp"
#include "ingest/xlsx_test_book.hpp"

namespace {

void check(bool condition) {
  if (!condition)
    std::abort();
}

std::vector<std::string> split_parts(std::string_view input) {
  std::vector<std::string> parts;
  constexpr std::string_view kSeparator = "\n=====\n";
  while (parts.size() < 3) {
    const size_t at = input.find(kSeparator);
    if (at == std::string_view::npos)
      break;
    parts.emplace_back(input.substr(0, at));
    input.remove_prefix(at + kSeparator.size());
  }
  parts.emplace_back(input);
  return parts;
}

std::string workbook_from_parts(std::string_view input) {
  const std::vector<std::string> parts = split_parts(input);
  faxian::ingest::testing::TestBook book;
  book.sheet_xml = parts[0];
  book.force_shared_strings = true;
  if (parts.size() > 1)
    book.shared_strings = parts[1];
  if (parts.size() > 2)
    book.styles = parts[2];
  if (parts.size() > 3)
    book.workbook_xml = parts[3];
  return faxian::ingest::testing::make_xlsx(book);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string bytes =
      input.starts_with("PK") ? std::string(input) : workbook_from_parts(input);
  faxian::ingest::ReaderLimits limits;
  limits.max_field_bytes = 256;
  limits.max_row_cells = 64;
  limits.max_uncompressed_bytes = 8 << 20;
  limits.max_shared_strings_bytes = 1 << 20;
  auto reader = faxian::ingest::open_table_bytes(bytes, limits);
  if (!reader) {
    check(!reader.error().message.empty());
    return 0;
  }
  faxian::ingest::TableRow row;
  for (int count = 0; count < 100000; ++count) {
    auto read = (*reader)->next(row);
    if (!read || !*read)
      break;
    check(static_cast<int64_t>(row.cells.size()) <= limits.max_row_cells);
    for (const faxian::ingest::Cell& cell : row.cells) {
      check(faxian::is_valid_utf8(cell.text));
      // 3×: input starting "PK" but not a zip is read as CSV, where decoding may lengthen it.
      check(static_cast<int64_t>(cell.text.size()) <= 3 * limits.max_field_bytes);
    }
  }
  return 0;
}
