#pragma once
// After every screening the CLI (screen, import, demo) opens the leads of new need warnings
// (workflow/warning_leads.hpp) and says what it did.

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

}  // namespace faxian::cli
