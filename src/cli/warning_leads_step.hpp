#pragma once
// The workflow steps the CLI runs after an import or a screening (screen, import, demo): open
// the leads of new need warnings (workflow/warning_leads.hpp), receive hotline tickets.

#include "cli/cli_context.hpp"
#include "common/clock.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/warning_leads.hpp"

namespace faxian::cli {

// Loads the calendar and the deadline settings and opens the missing leads; prints one line
// unless --json. Errors come back for the caller to report.
Result<workflow::WarningLeadsOutcome> open_warning_leads(const GlobalOptions& global, Database& db,
                                                         const Clock& clock);

// After a hotline batch: every imported ticket without a hotline ticket yet becomes one,
// waiting for an operator's judgement (40-workflow.md "Hotline"). Returns how many.
Result<int64_t> receive_hotline_tickets(const GlobalOptions& global, Database& db,
                                        const Clock& clock);

}  // namespace faxian::cli
