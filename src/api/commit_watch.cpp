#include "api/commit_watch.hpp"

#include <spdlog/spdlog.h>

#include "store/query.hpp"

namespace faxian::api {

std::optional<int64_t> CommitWatch::generation() {
  std::lock_guard lock(mutex_);
  if (unsupported_)
    return std::nullopt;
  if (watch_ == nullptr) {
    auto opened = open_database(url_);
    if (!opened) {
      spdlog::warn("commit watch: cannot open {}: {}", url_, opened.error().detail);
      return std::nullopt;
    }
    if ((*opened)->dialect().kind != DialectKind::kSqlite) {
      unsupported_ = true;
      return std::nullopt;
    }
    watch_ = std::move(*opened);
  }
  auto version = query_int(*watch_, "PRAGMA data_version", [](Statement&) {});
  if (!version) {
    spdlog::warn("commit watch: {}", version.error().detail);
    watch_.reset();  // reopened on the next call
    return std::nullopt;
  }
  return *version;
}

}  // namespace faxian::api
