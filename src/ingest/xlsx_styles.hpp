#pragma once
// How an .xlsx's cell styles classify numbers: styles.xml's cellXfs give each style index
// (`s=` on a cell) a number format id; custom formats (numFmts) are classified by their code,
// built-in ids by the table in xlsx_number_format.hpp.

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "ingest/xlsx_number_format.hpp"

namespace faxian::ingest {

class CellStyles {
 public:
  CellStyles() = default;
  explicit CellStyles(std::vector<NumberFormatKind> kinds) : kinds_(std::move(kinds)) {}
  // The kind for a style index; kNumber for an index without a style (including out of range).
  NumberFormatKind kind(int64_t style_index) const {
    if (style_index < 0 || static_cast<uint64_t>(style_index) >= kinds_.size())
      return NumberFormatKind::kNumber;
    return kinds_[static_cast<size_t>(style_index)];
  }

 private:
  std::vector<NumberFormatKind> kinds_;
};

// Parses styles.xml. Errors: malformed XML.
Result<CellStyles> parse_cell_styles(std::string_view styles_xml);

}  // namespace faxian::ingest
