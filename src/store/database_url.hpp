#pragma once
// What a `--db` URL names: a PostgreSQL server ("postgresql://…", "postgres://…") or a SQLite
// file (a path, or "sqlite://PATH"). open_database() (database.hpp) dispatches on it; backup
// and restore pick their tool by it.

#include <string_view>

namespace faxian {

inline bool is_postgres_url(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

// The file path of a SQLite URL.
inline std::string_view sqlite_path(std::string_view url) {
  if (url.starts_with("sqlite://"))
    url.remove_prefix(9);
  return url;
}

}  // namespace faxian
