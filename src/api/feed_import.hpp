#pragma once
// An uploaded feed file through the same steps as `faxian import` (src/cli/import_command.cpp):
// the batch importer, then — for a committed batch — hotline tickets for a hotline batch, the
// incremental re-screening of the households the batch touched (30-screening.md) and the leads
// of new need warnings (workflow/warning_leads.hpp). The follow-up steps are the library calls
// the CLI makes; when one fails the batch stays committed (as with the CLI, the next screening
// catches up) and the failure is logged.

#include <string>

#include "api/feed_batch_report.hpp"
#include "common/clock.hpp"
#include "common/error.hpp"
#include "ingest/import_request.hpp"
#include "store/database.hpp"

namespace faxian::api {

struct UploadOutcome {
  ingest::ImportOutcome import;
  BatchFollowUp follow_up;
};

// Imports the file at `path` for `request` and runs the follow-up steps. An Error only when the
// importer could not even record a batch.
Result<UploadOutcome> import_upload(Database& db, const Clock& clock, const std::string& path,
                                    const ingest::ImportRequest& request);

}  // namespace faxian::api
