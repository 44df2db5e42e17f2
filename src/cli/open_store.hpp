#pragma once
// Opening the database a command works on: open by --db URL and bring the schema up to date.

#include <memory>

#include "cli/cli_context.hpp"
#include "store/database.hpp"

namespace faxian::cli {

// How long a command waits for another writer: 30 minutes.
inline constexpr int kCommandLockTimeoutMs = 30 * 60 * 1000;

// Opens `global.db` (creating a SQLite file if needed), lets it wait kCommandLockTimeoutMs for
// other writers, and applies pending migrations.
Result<std::unique_ptr<Database>> open_and_migrate(const GlobalOptions& global, int64_t now_unix);

// Picks the Chinese or English text by --lang.
inline const char* say(const GlobalOptions& global, const char* zh, const char* en) {
  return global.lang == "en" ? en : zh;
}

}  // namespace faxian::cli
