#pragma once
// Opening the database a command works on: open by --db URL and bring the schema up to date.

#include <memory>

#include "cli/cli_context.hpp"
#include "store/database.hpp"

namespace faxian::cli {

// Opens `global.db` (creating a SQLite file if needed) and applies pending migrations.
Result<std::unique_ptr<Database>> open_and_migrate(const GlobalOptions& global, int64_t now_unix);

// Picks the Chinese or English text by --lang.
inline const char* say(const GlobalOptions& global, const char* zh, const char* en) {
  return global.lang == "en" ? en : zh;
}

}  // namespace faxian::cli
