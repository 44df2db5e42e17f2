#pragma once
// Cells and rows for the field-parser and schema tests.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/table_reader.hpp"

namespace faxian::ingest::testing {

inline Cell text_cell(std::string_view text) {
  return Cell{CellKind::kText, std::string(text), 0};
}
// A number cell as an XLSX reader delivers it: the stored text and its value.
inline Cell number_cell(std::string_view stored, double value) {
  return Cell{CellKind::kNumber, std::string(stored), value};
}
inline Cell date_cell(double serial) {
  return Cell{CellKind::kDate, std::to_string(serial), serial};
}
inline Cell empty_cell() {
  return Cell{};
}
inline Cell bool_cell(bool value) {
  return Cell{CellKind::kBool, value ? "1" : "0", value ? 1.0 : 0.0};
}
inline Cell error_cell(std::string_view text) {
  return Cell{CellKind::kError, std::string(text), 0};
}

inline TableRow text_row(int64_t line, const std::vector<std::string>& values) {
  TableRow row;
  row.line = line;
  for (const std::string& value : values)
    row.cells.push_back(value.empty() ? empty_cell() : text_cell(value));
  return row;
}

}  // namespace faxian::ingest::testing
