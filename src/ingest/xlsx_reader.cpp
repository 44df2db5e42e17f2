#include "ingest/xlsx_reader.hpp"

#include <optional>

#include "ingest/table_reader_rows.hpp"
#include "ingest/xlsx_shared_strings.hpp"
#include "ingest/xlsx_sheet_reader.hpp"
#include "ingest/xlsx_styles.hpp"
#include "ingest/xlsx_workbook.hpp"

namespace faxian::ingest {
namespace {

constexpr int64_t kMaxStylesBytes = 64 << 20;

class XlsxReader final : public TableReader {
 public:
  XlsxReader(std::unique_ptr<ZipArchive> archive, SharedStrings strings, CellStyles styles)
      : archive_(std::move(archive)), strings_(std::move(strings)), styles_(std::move(styles)) {}

  // Starts the sheet stream (after construction: the context points into this object).
  Result<void> start(const WorkbookParts& parts, const ReaderLimits& limits) {
    auto stream = archive_->open_entry(*archive_->find(parts.sheet));
    if (!stream)
      return tl::unexpected(stream.error());
    SheetContext context{&strings_, &styles_, parts.date1904, limits};
    sheet_.emplace(std::move(*stream), parts.sheet, context);
    return ok();
  }

  Result<bool> next(TableRow& row) override {
    while (true) {
      auto read = sheet_->next(row);
      if (!read || !*read)
        return read;
      if (row_is_blank(row))
        continue;
      if (header_cells_ == 0)
        header_cells_ = row.cells.size();
      pad_row(row, header_cells_);
      return true;
    }
  }

  TableFormat format() const override { return TableFormat::kXlsx; }

 private:
  std::unique_ptr<ZipArchive> archive_;
  SharedStrings strings_;
  CellStyles styles_;
  std::optional<SheetReader> sheet_;
  size_t header_cells_ = 0;
};

Result<CellStyles> read_styles(ZipArchive& archive, const std::string& part) {
  const std::optional<int64_t> index = part.empty() ? std::nullopt : archive.find(part);
  if (!index)
    return CellStyles();
  auto bytes = archive.read_entry(*index, kMaxStylesBytes);
  if (!bytes)
    return tl::unexpected(bytes.error());
  return parse_cell_styles(*bytes);
}

}  // namespace

Result<std::unique_ptr<TableReader>> open_xlsx(std::unique_ptr<ZipArchive> archive,
                                               const ReaderLimits& limits) {
  auto parts = locate_workbook_parts(*archive);
  if (!parts)
    return tl::unexpected(parts.error());
  auto styles = read_styles(*archive, parts->styles);
  if (!styles)
    return tl::unexpected(styles.error());
  SharedStrings strings;
  if (!parts->shared_strings.empty()) {
    auto read = read_shared_strings(*archive, parts->shared_strings, limits);
    if (!read)
      return tl::unexpected(read.error());
    strings = std::move(*read);
  }
  auto reader =
      std::make_unique<XlsxReader>(std::move(archive), std::move(strings), std::move(*styles));
  FAXIAN_TRY(reader->start(*parts, limits));
  return std::unique_ptr<TableReader>(std::move(reader));
}

}  // namespace faxian::ingest
