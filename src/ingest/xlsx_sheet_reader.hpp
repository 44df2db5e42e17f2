#pragma once
// Streams one worksheet's rows: the sheet XML is inflated in chunks, parsed by expat and the
// parser suspended at every `</row>`, so memory holds one row whatever the sheet's size.
// Cells are placed by their `r=` reference (sparse rows, gaps kEmpty), rows numbered by theirs;
// parsing stops at `</sheetData>` (the rest is inflated unparsed so that the CRC is checked).
//
// Cell kinds: t="s" shared string, t="inlineStr", t="str" (formula text) → kText; t="b" →
// kBool ("TRUE"/"FALSE"); t="e" → kError ("#N/A"); t="d" (ISO date) → kDate; numbers → kDate
// when their style has a date format (number = serial, 1904 serials converted to 1900),
// kText when formatted as text (`@`; text is the stored value), kNumber otherwise. A cell
// element without a value (styled but empty, or a formula never computed) is kEmpty.

#include <cstdint>
#include <memory>
#include <string>

#include "common/error.hpp"
#include "ingest/table_reader.hpp"
#include "ingest/xlsx_shared_strings.hpp"
#include "ingest/xlsx_styles.hpp"
#include "ingest/xlsx_xml.hpp"
#include "ingest/zip_archive.hpp"

namespace faxian::ingest {

struct SheetContext {
  const SharedStrings* strings = nullptr;
  const CellStyles* styles = nullptr;
  bool date1904 = false;
  ReaderLimits limits;
};

class SheetReader final : public XmlHandler {
 public:
  // REQUIRES: the context's tables outlive the reader.
  SheetReader(std::unique_ptr<ZipEntryStream> stream, const std::string& part,
              const SheetContext& context);

  // Reads the next `<row>` element into `row` (cells exactly as stored, possibly all empty):
  // true, false after the last row, or an Error (corrupt zip data, malformed XML).
  Result<bool> next(TableRow& row);

  void on_start(std::string_view name, const char** attributes) override;
  void on_end(std::string_view name) override;
  void on_text(std::string_view text) override;

 private:
  enum class ValueType { kNumber, kShared, kInline, kFormulaText, kBool, kError, kIsoDate };

  static ValueType value_type_of(const char* attribute);
  Result<XmlParser::Status> advance();
  // Reads the rest of the entry after </sheetData> unparsed, so that its CRC is checked.
  Result<void> drain();
  void start_row(const char** attributes);
  void start_cell(const char** attributes);
  void finish_cell();
  void finish_row();
  Cell& cell_at(int64_t column);
  void set_problem(std::string message);
  void fill_number(Cell& cell);
  void fill_shared(Cell& cell);

  std::unique_ptr<ZipEntryStream> stream_;
  SheetContext context_;
  XmlParser parser_;
  bool suspended_ = false;
  bool input_done_ = false;
  bool finished_ = false;

  TableRow* row_ = nullptr;
  bool in_row_ = false;
  int64_t row_number_ = 0;
  size_t cells_used_ = 0;
  int64_t next_column_ = 0;

  bool in_cell_ = false;
  int64_t column_ = 0;
  int64_t style_ = -1;
  ValueType type_ = ValueType::kNumber;
  bool has_value_ = false;
  bool in_value_ = false;
  bool in_inline_ = false;
  bool in_text_ = false;
  int phonetic_depth_ = 0;
  bool value_too_long_ = false;
  std::string value_;
};

}  // namespace faxian::ingest
