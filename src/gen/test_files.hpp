#pragma once
// Test helpers for src/gen tests (implemented in test_files_test.cpp): read back what the
// generator wrote — CSV in UTF-8 (BOM or not) or GB18030, and the first sheet of an .xlsx
// (ZIP + inflate via zlib, inline and shared strings, dates through the cell style).

#include <string>
#include <string_view>
#include <vector>

#include "gen/generator.hpp"

namespace faxian::gen::testing {

struct Table {
  std::vector<std::string> header;             // trimmed
  std::vector<std::vector<std::string>> rows;  // padded to the header width
};

std::string read_bytes(const std::string& path);
// UTF-8 (BOM removed) when valid, else decoded from GB18030; `was_gb18030` tells which.
std::string to_utf8(std::string_view bytes, bool* was_gb18030 = nullptr);
// RFC 4180 rows (quotes, doubled quotes, CR LF or LF, line breaks inside quotes).
std::vector<std::vector<std::string>> parse_csv(std::string_view text);
// One entry of a ZIP archive, inflated; empty if absent.
std::string unzip_entry(const std::string& path, const std::string& entry);
// The first worksheet: strings as text, date-formatted numbers as YYYY-MM-DD, other numbers
// with two decimals.
Table read_xlsx(const std::string& path);
// A feed file (.csv or .xlsx) as a table.
Table read_table(const std::string& path);

// A folder under the system temp folder, emptied; unique per process and name.
std::string fresh_dir(const std::string& name);
// Generates a county with the shipped regions and standards.
GenerateSummary generate_small(const std::string& dir, uint64_t seed, bool messy, int threads = 2,
                               int64_t households = 0);

}  // namespace faxian::gen::testing
