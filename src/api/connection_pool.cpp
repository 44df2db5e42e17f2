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
    while (!idle_.empty()) {
      std::unique_ptr<Database> db = std::move(idle_.back());
      idle_.pop_back();
      if (!db->broken())
        return ConnectionLease(*this, std::move(db));
    }
  }
  auto db = open_database(url_);
  if (!db)
    return tl::unexpected(db.error());
  if ((*db)->dialect().kind == DialectKind::kSqlite) {
    // A small page cache each: the kernel's file cache holds the hot pages once for every
    // connection, and with the CLI's 64 MiB a pool of dozens of connections kept growing for
    // as long as new households were read. (Memory-mapping the file instead was tried and was
    // slower: every checkpoint that grew the file made each connection remap it.)
    FAXIAN_TRY((*db)->execute(fmt::format("PRAGMA cache_size = -{}", kCacheKib)));
  }
  return ConnectionLease(*this, std::move(*db));
}

void ConnectionPool::release(std::unique_ptr<Database> db) {
  if (db->broken()) {
    spdlog::warn("the connection to {} was lost; it will be opened again", db->location());
    return;
  }
  if (db->transaction_depth() != 0) {
    spdlog::error("a request left a transaction open on {}; closing the connection",
                  db->location());
    return;
  }
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(db));
}

}  // namespace faxian::api
