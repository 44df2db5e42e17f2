#pragma once
// The batch report a department clerk reads after an import (`faxian import`, the demo, the
// API): counts, status and the first row errors as text (Chinese by default), or everything as
// JSON.

#include <string>

#include <nlohmann/json.hpp>

#include "ingest/feed_parser.hpp"
#include "ingest/import_request.hpp"

namespace faxian::ingest {

// The report as text: a summary and at most `errors_listed` errors and warnings each.
std::string format_import_report(const ImportOutcome& outcome, MessageLanguage language,
                                 int errors_listed = 20);

// The report as JSON: {batch_id, feed, file_name, sha256, department, imported_by, started_at,
// finished_at, status, rows, imported, duplicates, rejected, warnings: [...], errors: [...],
// persons_created, hotline_candidates, seconds}; every error {row, column, code, message}.
nlohmann::json import_report_json(const ImportOutcome& outcome);

// One line for a feed in a list of imports (the demo): "medical  rows … imported … ".
std::string format_import_line(const ImportOutcome& outcome, MessageLanguage language);

}  // namespace faxian::ingest
