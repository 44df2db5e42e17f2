// SQLite's half of store/backup.hpp: the online backup API (https://sqlite.org/backup.html).

#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <sqlite3.h>

#include "store/backup.hpp"
#include "store/sqlite/sqlite_error.hpp"

namespace faxian {
namespace {

struct Connection {
  sqlite3* handle = nullptr;
  ~Connection() { sqlite3_close_v2(handle); }
};

Result<void> open_raw(Connection& connection, const std::string& path, int flags) {
  const int rc = sqlite3_open_v2(path.c_str(), &connection.handle, flags, nullptr);
  if (rc != SQLITE_OK)
    return tl::unexpected(sqlite_error(connection.handle, rc, "open " + path));
  sqlite3_extended_result_codes(connection.handle, 1);
  sqlite3_busy_timeout(connection.handle, 5000);
  return ok();
}

Result<std::string> first_text(sqlite3* handle, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  int rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr);
  if (rc != SQLITE_OK)
    return tl::unexpected(sqlite_error(handle, rc, sql));
  std::string text;
  rc = sqlite3_step(statement);
  if (rc == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr)
    text = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  sqlite3_finalize(statement);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tl::unexpected(sqlite_error(handle, rc, sql));
  return text;
}

Result<void> check_integrity(sqlite3* handle, const std::string& path) {
  auto verdict = first_text(handle, "PRAGMA integrity_check");
  if (!verdict)
    return tl::unexpected(verdict.error());
  if (*verdict != "ok") {
    return fail(ErrorCode::kCorrupt, fmt::format("数据库文件 {} 已损坏：{}", path, *verdict),
                fmt::format("integrity_check of {}: {}", path, *verdict));
  }
  return ok();
}

}  // namespace

Result<void> sqlite_check_file(const std::string& path) {
  Connection connection;
  FAXIAN_TRY(open_raw(connection, path, SQLITE_OPEN_READONLY));
  return check_integrity(connection.handle, path);
}

Result<void> sqlite_copy_database(const std::string& from, const std::string& to,
                                  bool single_file) {
  Connection source;
  Connection target;
  FAXIAN_TRY(open_raw(source, from, SQLITE_OPEN_READONLY));
  FAXIAN_TRY(open_raw(target, to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  sqlite3_backup* backup = sqlite3_backup_init(target.handle, "main", source.handle, "main");
  if (backup == nullptr)
    return tl::unexpected(sqlite_error(target.handle, sqlite3_errcode(target.handle), "backup"));
  // Every page in one step, inside one read transaction of the source: in WAL mode writers
  // carry on meanwhile, and the copy is the state at the step's start. (Copying in slices
  // restarts from the first page whenever another process writes between two slices: under a
  // steady write load a database larger than one slice was never done.)
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE)
    return tl::unexpected(sqlite_error(target.handle, rc, "backup step " + from + " → " + to));
  if (single_file) {
    auto mode = first_text(target.handle, "PRAGMA journal_mode = DELETE");
    if (!mode)
      return tl::unexpected(mode.error());
  }
  return check_integrity(target.handle, to);
}

}  // namespace faxian
