#include "cli/open_store.hpp"

#include "store/migrations/migrations.hpp"

namespace faxian::cli {

Result<std::unique_ptr<Database>> open_and_migrate(const GlobalOptions& global, int64_t now_unix) {
  auto db = open_database(global.db);
  if (!db)
    return tl::unexpected(db.error());
  if (auto migrated = migrate(**db, now_unix); !migrated)
    return tl::unexpected(migrated.error());
  return db;
}

}  // namespace faxian::cli
