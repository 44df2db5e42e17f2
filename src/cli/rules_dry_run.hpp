#pragma once

#include <string>

#include "cli/cli_context.hpp"

namespace faxian::cli {

// `faxian rules dry-run FILE [--as-of DATE]`: counts by level and township under FILE's rules
// next to those of the rule set in force (changes in brackets). Stores nothing.
int run_rules_dry_run(const GlobalOptions& global, const std::string& file,
                      const std::string& as_of);

}  // namespace faxian::cli
