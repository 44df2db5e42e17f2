#include "api/connection_pool.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "store/migrations/migrations.hpp"

namespace faxian::api {

ConnectionLease::~ConnectionLease() {
  if (pool_ != nullptr && db_ != nullptr)
    pool_->release(std::move(db_));
}

Result<ConnectionLease> ConnectionPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Database> db = std::move(idle_.back());
      idle_.pop_back();
      return ConnectionLease(*this, std::move(db));
    }
  }
  auto db = open_database(url_);
  if (!db)
    return tl::unexpected(db.error());
  if ((*db)->dialect().kind == DialectKind::kSqlite) {
    // Reads straight from the file's pages in the kernel's cache instead of a pread() and a
    // copy into each connection's own cache (a fifth of a household profile's time on a
    // county). SQLite caps the size at its compile-time limit (2 GiB in Debian's build).
    FAXIAN_TRY((*db)->execute(fmt::format("PRAGMA mmap_size = {}", kMmapBytes)));
  }
  return ConnectionLease(*this, std::move(*db));
}

void ConnectionPool::release(std::unique_ptr<Database> db) {
  if (db->transaction_depth() != 0) {
    spdlog::error("a request left a transaction open on {}; closing the connection",
                  db->location());
    return;
  }
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(db));
}

}  // namespace faxian::api
