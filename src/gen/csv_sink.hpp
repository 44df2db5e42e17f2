#pragma once
// Writes feed rows as CSV text (RFC 4180 quoting) into a chunk buffer, in the file's style.

#include <string>

#include "gen/cell.hpp"
#include "gen/feed_schema.hpp"
#include "gen/file_style.hpp"
#include "gen/prng.hpp"

namespace faxian::gen {

class CsvChunkSink : public RowSink {
 public:
  // Appends rows to `out` (UTF-8; the caller converts a GB18030 file's chunk afterwards).
  CsvChunkSink(const FileStyle& style, Rng rng, std::string& out);
  void row(std::span<const Cell> cells) override;
  int64_t rows() const { return rows_; }

 private:
  const FileStyle& style_;
  Rng rng_;
  std::string& out_;
  std::string field_;
  int64_t rows_ = 0;
};

// The header line of a feed file in `style` (UTF-8, with BOM when the style says so, and the
// line ending).
std::string csv_header(Feed feed, const FileStyle& style);
// Appends `field` to `out`, quoted when it contains a comma, quote or line break.
void append_csv_field(std::string& out, std::string_view field);

}  // namespace faxian::gen
