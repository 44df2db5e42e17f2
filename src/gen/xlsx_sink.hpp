#pragma once
// Feed rows as .xlsx (libxlsxwriter, constant-memory mode so strings are inline strings):
// workers collect typed cells per chunk (XlsxChunkSink); the main thread appends the chunks in
// order to one worksheet (XlsxFileWriter). IDs and other codes are text cells formatted "@";
// dates are Excel serial numbers with a date format, or text, as the style says; money is
// numeric.

#include <memory>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "gen/cell.hpp"
#include "gen/feed_schema.hpp"
#include "gen/file_style.hpp"
#include "gen/prng.hpp"

namespace faxian::gen {

struct XlsxCell {
  enum class Type : uint8_t { kBlank, kText, kCode, kNumber, kDate };
  Type type = Type::kBlank;
  uint32_t offset = 0;  // into XlsxChunk::strings
  uint32_t length = 0;
  double number = 0;  // kNumber: the value; kDate: the Excel serial day
};

struct XlsxChunk {
  size_t columns = 0;
  std::vector<XlsxCell> cells;  // row-major, `columns` per row
  std::string strings;
  int64_t rows = 0;
};

class XlsxChunkSink : public RowSink {
 public:
  XlsxChunkSink(const FileStyle& style, Rng rng, XlsxChunk& out);
  void row(std::span<const Cell> cells) override;

 private:
  void add_string(XlsxCell::Type type, std::string_view text);
  const FileStyle& style_;
  Rng rng_;
  XlsxChunk& out_;
  std::string text_;
};

class XlsxFileWriter {
 public:
  // Creates the workbook and writes the header row. kIo on failure.
  static Result<std::unique_ptr<XlsxFileWriter>> open(const std::string& path, Feed feed,
                                                      const FileStyle& style);
  ~XlsxFileWriter();
  XlsxFileWriter(const XlsxFileWriter&) = delete;
  XlsxFileWriter& operator=(const XlsxFileWriter&) = delete;

  // Appends a chunk's rows. kUnavailable beyond Excel's 1,048,576 rows.
  Result<void> append(const XlsxChunk& chunk);
  // Writes the file. kIo on failure.
  Result<void> close();

 private:
  XlsxFileWriter() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The Excel (1900 date system) serial number of a date after 1900-02-28.
double excel_serial(Date date);

}  // namespace faxian::gen
