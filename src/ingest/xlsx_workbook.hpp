#pragma once
// Where the parts of an .xlsx are: the package relations (_rels/.rels) name the workbook; the
// workbook and its relations name the first worksheet, the shared-strings table and the
// styles. Writers that skip the relations get the usual paths (xl/worksheets/sheet1.xml …).

#include <string>
#include <string_view>

#include "common/error.hpp"
#include "ingest/zip_archive.hpp"

namespace faxian::ingest {

struct WorkbookParts {
  std::string sheet;           // the first worksheet, e.g. "xl/worksheets/sheet1.xml"
  std::string shared_strings;  // empty when the workbook has none
  std::string styles;          // empty when the workbook has none
  bool date1904 = false;       // serials count from 1904 (old Mac Excel)
};

// Finds the parts. Errors: no workbook, no worksheet, malformed XML.
Result<WorkbookParts> locate_workbook_parts(ZipArchive& archive);

// "xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml"; a target starting with '/'
// is taken from the package root, otherwise relative to `base_dir` ("xl/").
std::string resolve_part_path(std::string_view base_dir, std::string_view target);

}  // namespace faxian::ingest
