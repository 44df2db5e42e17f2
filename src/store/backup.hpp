#pragma once
// `faxian backup` / `faxian restore` (80-cli.md): online backup and restore of either store.
//
// * SQLite: SQLite's online backup API copies the database page by page into a new SQLite file
//   while the server keeps working (a consistent snapshot), which is then switched to a single
//   file (journal_mode=DELETE) and checked (`PRAGMA integrity_check`). Restoring copies a
//   checked backup back the same way.
// * PostgreSQL: `pg_dump --format=custom` of the connection's schema, checked by
//   `pg_restore --list`; restoring is `pg_restore --clean --if-exists --single-transaction`, so
//   a failed restore changes nothing. The tools come from the newest PostgreSQL under
//   /usr/lib/postgresql (or PATH).
//
// Nothing is ever lost: a backup never overwrites a file (it is written beside it and linked
// into place only when complete and checked), and a restore first backs up the database it
// replaces ("…before-restore-<time>" beside the backup file). Afterwards the restored database
// is migrated to this binary's schema version.

#include <cstdint>
#include <string>

#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian {

struct BackupSummary {
  std::string kind;        // "sqlite" or "postgresql"
  std::string file;        // the backup written or read
  int schema_version = 0;  // of the database backed up or restored
  int64_t bytes = 0;       // size of the backup file
  std::string replaced;    // restore: the backup of the database it replaced ("" if none)
};

// Backs up the database `url` (open in `db`) to `file`, which must not exist.
Result<BackupSummary> backup_database(Database& db, const std::string& url,
                                      const std::string& file);

// Restores the backup `file` into the database `url` (SQLite path or postgresql:// URL of the
// same kind as the backup), after backing up what is there now; `now_unix` names that copy and
// stamps the migrations.
Result<BackupSummary> restore_database(const std::string& url, const std::string& file,
                                       int64_t now_unix);

// SQLite's half (store/sqlite/sqlite_backup.cpp): copies `from` into `to` with the backup API.
// With `single_file`, the copy is switched to journal_mode=DELETE. Checks the copy's integrity.
Result<void> sqlite_copy_database(const std::string& from, const std::string& to, bool single_file);
// Whether `path` is a SQLite database that passes its integrity check (kCorrupt if not).
Result<void> sqlite_check_file(const std::string& path);

}  // namespace faxian
