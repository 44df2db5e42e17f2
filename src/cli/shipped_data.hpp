#pragma once
// Where the shipped data (data/regions, data/standards, data/calendar) is found: the
// FAXIAN_DATA_DIR environment variable, else <executable>/../share/faxian (an installed
// build), else the source tree the binary was built from.

#include <string>

namespace faxian::cli {

// The data folder (no trailing slash). Never fails: the source-tree fallback always exists
// for a binary built from a checkout; a missing file is reported by whoever reads it.
std::string shipped_data_dir();
std::string shipped_regions_file();    // data/regions/500241.csv
std::string shipped_standards_file();  // data/standards/chongqing.toml
std::string shipped_calendar_dir();    // data/calendar
std::string shipped_rules_file();      // data/rules/default.toml
// The built web UI: FAXIAN_WEB_DIR, else <executable>/../share/faxian/web, else web/dist of
// the source tree (built by Vite).
std::string shipped_web_dir();

}  // namespace faxian::cli
