#pragma once
// The XLSX TableReader: the first worksheet of a workbook (workbook.xml + its relations),
// streamed row by row (xlsx_sheet_reader.hpp) with the shared strings and cell styles read
// first. Rows whose cells are all empty are skipped; data rows are padded to the header.

#include <memory>
#include <string>

#include "common/error.hpp"
#include "ingest/table_reader.hpp"
#include "ingest/zip_archive.hpp"

namespace faxian::ingest {

// Prepares reading `archive`. Errors: no worksheet, malformed workbook/styles/shared strings,
// the zip guards and limits.
Result<std::unique_ptr<TableReader>> open_xlsx(std::unique_ptr<ZipArchive> archive,
                                               const ReaderLimits& limits);

}  // namespace faxian::ingest
