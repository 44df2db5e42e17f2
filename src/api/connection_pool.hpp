#pragma once
// Database connections for the server's worker threads. A Database is used by one thread at a
// time (store/database.hpp), and opening one per request would cost more than most requests, so
// the pool hands out leases: a lease is exclusive while held and returns its connection when
// destroyed. A connection whose transaction was left open (a handler bug) is closed, not reused.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::api {

class ConnectionPool;

class ConnectionLease {
 public:
  ConnectionLease(ConnectionPool& pool, std::unique_ptr<Database> db)
      : pool_(&pool), db_(std::move(db)) {}
  ConnectionLease(ConnectionLease&& other) noexcept = default;
  ConnectionLease& operator=(ConnectionLease&&) = delete;
  ConnectionLease(const ConnectionLease&) = delete;
  ~ConnectionLease();

  Database& operator*() const { return *db_; }
  Database* operator->() const { return db_.get(); }

 private:
  ConnectionPool* pool_;
  std::unique_ptr<Database> db_;
};

class ConnectionPool {
 public:
  explicit ConnectionPool(std::string database_url) : url_(std::move(database_url)) {}

  // A free connection, or a new one; kIo when the database cannot be opened.
  Result<ConnectionLease> acquire();
  const std::string& url() const { return url_; }

 private:
  friend class ConnectionLease;
  void release(std::unique_ptr<Database> db);

  static constexpr int64_t kCacheKib = 8 * 1024;

  std::string url_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Database>> idle_;
};

}  // namespace faxian::api
