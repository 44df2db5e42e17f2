#pragma once
// A number that changes whenever anything commits to the database — this server's connections,
// its audit queue or another process (a `faxian import` beside the server). Results cached under
// it are therefore never stale, only recomputed when something may have changed.
//
// SQLite: `PRAGMA data_version` on a connection of its own that never writes (the value changes
// when any *other* connection commits). Other databases: nullopt, and callers do not cache.

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::api {

class CommitWatch {
 public:
  explicit CommitWatch(std::string database_url) : url_(std::move(database_url)) {}

  // Thread-safe. An error (the database cannot be opened) is nullopt too: caching is an
  // optimisation, and the request itself reports the database's state.
  std::optional<int64_t> generation();

 private:
  std::string url_;
  std::mutex mutex_;
  std::unique_ptr<Database> watch_;
  bool unsupported_ = false;
};

}  // namespace faxian::api
