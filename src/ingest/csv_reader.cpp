#include "ingest/csv_reader.hpp"

#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "ingest/csv_tokenizer.hpp"
#include "ingest/encoding_detect.hpp"
#include "ingest/encoding_gb18030.hpp"
#include "ingest/table_reader_rows.hpp"

namespace faxian::ingest {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kGb18030Bom = "\x84\x31\x95\x33";

class CsvReader final : public TableReader {
 public:
  CsvReader(std::unique_ptr<ByteSource> source, int64_t start, TextEncoding encoding,
            bool verify_utf8, std::optional<Gb18030Decoder> decoder, const ReaderLimits& limits)
      : source_(std::move(source)),
        tokenizer_(*source_, start, limits),
        encoding_(encoding),
        verify_utf8_(verify_utf8),
        decoder_(std::move(decoder)) {}

  Result<bool> next(TableRow& row) override {
    while (true) {
      auto count = tokenizer_.next_record(row);
      if (!count)
        return tl::unexpected(count.error());
      if (*count == 0)
        return false;
      row.line = ++line_;
      decode(row);
      if (row_is_blank(row))
        continue;
      if (header_cells_ == 0)
        header_cells_ = row.cells.size();
      pad_row(row, header_cells_);
      return true;
    }
  }

  TableFormat format() const override {
    return encoding_ == TextEncoding::kUtf8 ? TableFormat::kCsvUtf8 : TableFormat::kCsvGb18030;
  }

 private:
  // Sets each cell's kind and converts GB18030 fields to UTF-8.
  void decode(TableRow& row) {
    for (size_t column = 0; column < row.cells.size(); ++column) {
      Cell& cell = row.cells[column];
      cell.number = 0;
      if (cell.text.empty()) {
        cell.kind = CellKind::kEmpty;
        continue;
      }
      cell.kind = CellKind::kText;
      if (!decode_cell(cell) && row.problem.empty()) {
        row.problem =
            fmt::format("第 {} 列含有 {} 编码中无效的字节序列", column + 1, encoding_name());
      }
    }
  }

  // Decodes one non-empty cell in place; false (and kind kError) when its bytes are invalid.
  bool decode_cell(Cell& cell) {
    if (encoding_ == TextEncoding::kGb18030) {
      if (is_ascii(cell.text))
        return true;
      if (!decoder_->to_utf8(cell.text, scratch_)) {
        cell.kind = CellKind::kError;
        cell.text = decoder_->to_utf8_lossy(cell.text);
        return false;
      }
      cell.text.swap(scratch_);
      return true;
    }
    if (verify_utf8_ && !is_utf8(cell.text)) {
      cell.kind = CellKind::kError;
      cell.text = replace_invalid_utf8(cell.text);
      return false;
    }
    return true;
  }

  const char* encoding_name() const {
    return encoding_ == TextEncoding::kUtf8 ? "UTF-8" : "GB18030";
  }

  std::unique_ptr<ByteSource> source_;
  CsvTokenizer tokenizer_;
  TextEncoding encoding_;
  bool verify_utf8_;
  std::optional<Gb18030Decoder> decoder_;
  std::string scratch_;
  int64_t line_ = 0;
  size_t header_cells_ = 0;
};

// Length of the byte-order mark at the start of the file for `encoding` (0 if none).
Result<int64_t> bom_length(ByteSource& source, TextEncoding encoding) {
  char head[4] = {};
  auto count = source.read_at(0, head, sizeof head);
  if (!count)
    return tl::unexpected(count.error());
  const std::string_view start(head, *count);
  if (start.starts_with(kUtf8Bom))
    return static_cast<int64_t>(kUtf8Bom.size());
  if (encoding == TextEncoding::kGb18030 && start.starts_with(kGb18030Bom))
    return static_cast<int64_t>(kGb18030Bom.size());
  return int64_t{0};
}

}  // namespace

Result<std::unique_ptr<TableReader>> open_csv(std::unique_ptr<ByteSource> source,
                                              const ReaderLimits& limits) {
  auto census = scan_utf8_source(*source);
  if (!census)
    return tl::unexpected(census.error());
  const TextEncoding encoding = choose_encoding(*census);
  auto start = bom_length(*source, encoding);
  if (!start)
    return tl::unexpected(start.error());
  if (*start >= source->size())
    return fail(ErrorCode::kInvalidArgument, "文件为空", "the file has no content");
  std::optional<Gb18030Decoder> decoder;
  if (encoding == TextEncoding::kGb18030) {
    auto created = Gb18030Decoder::create();
    if (!created)
      return tl::unexpected(created.error());
    decoder.emplace(std::move(*created));
  }
  const bool verify_utf8 = encoding == TextEncoding::kUtf8 && census->invalid > 0;
  return std::make_unique<CsvReader>(std::move(source), *start, encoding, verify_utf8,
                                     std::move(decoder), limits);
}

}  // namespace faxian::ingest
