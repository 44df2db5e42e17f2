#include "cli/open_store.hpp"

#include "store/migrations/migrations.hpp"

namespace faxian::cli {

Result<std::unique_ptr<Database>> open_and_migrate(const GlobalOptions& global, int64_t now_unix) {
  auto db = open_database(global.db);
  if (!db)
    return tl::unexpected(db.error());
  // A command is a batch job: it waits its turn behind another writer (an import may hold the
  // writers' lock for minutes) instead of failing after an officer's 5 s.
  if (auto waiting = (*db)->set_lock_timeout(kCommandLockTimeoutMs); !waiting)
    return tl::unexpected(waiting.error());
  if (auto migrated = migrate(**db, now_unix); !migrated)
    return tl::unexpected(migrated.error());
  return db;
}

}  // namespace faxian::cli
