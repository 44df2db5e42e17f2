#pragma once
// Row shaping shared by the CSV and XLSX readers: which rows are skipped and how short rows
// are padded, so that both formats look the same to the feed parsers.

#include <cstddef>

#include "ingest/table_reader.hpp"

namespace faxian::ingest {

// Whether every cell is empty and there is no problem: such a row (a blank line, `,,,`, a
// formatted but empty sheet row) carries no data and is not returned; it still counts in the
// line numbers.
inline bool row_is_blank(const TableRow& row) {
  if (!row.problem.empty())
    return false;
  for (const Cell& cell : row.cells) {
    if (cell.kind != CellKind::kEmpty)
      return false;
  }
  return true;
}

// Pads a row with kEmpty cells to `width` (the header's cell count), so a row with fewer
// cells than the header can be indexed by header position.
inline void pad_row(TableRow& row, size_t width) {
  while (row.cells.size() < width) {
    row.cells.emplace_back();
  }
}

}  // namespace faxian::ingest
