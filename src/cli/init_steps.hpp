#pragma once
// The work of `faxian init`, reusable by `faxian demo`.

#include <optional>
#include <string>

#include "cli/cli_context.hpp"
#include "cli/reference_data.hpp"
#include "common/clock.hpp"
#include "store/database.hpp"

namespace faxian::cli {

struct InitRequest {
  std::string regions_file;
  std::string standards_file;
  std::string calendar_dir;
  // The screening rules stored as version 1 when the database has none (a re-run of init never
  // replaces rules county_admin has changed since).
  std::string rules_file;
  // The admin's initial password; when absent and no admin exists, a random one is made and
  // returned in the summary (shown once; the admin must change it at first login).
  std::optional<std::string> admin_password;
};

struct InitSummary {
  int schema_version = 0;
  RegionCounts regions;
  int64_t standards_version = 0;
  int64_t rule_set_version = 0;
  int calendar_years_added = 0;
  std::vector<int> calendar_years;
  bool admin_created = false;
  std::string generated_admin_password;  // empty unless made here
};

// Loads regions, standards, calendar and creates the admin user, all in one transaction.
Result<InitSummary> initialise_database(Database& db, const Clock& clock,
                                        const InitRequest& request);

void print_init_summary(const GlobalOptions& global, Database& db, const InitSummary& summary);

}  // namespace faxian::cli
