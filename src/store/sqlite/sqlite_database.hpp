#pragma once
// The SQLite implementation of Database: one connection to one file in WAL mode.
//
// Durability: `synchronous=FULL` by default. In WAL mode a commit appends the transaction to the
// WAL file; with FULL the WAL is fsynced before COMMIT returns, so an acknowledged transaction
// survives kill -9 of the process *and* a power cut or OS crash. (NORMAL would already survive
// kill -9 — the WAL write is in the OS page cache when COMMIT returns — but could lose the last
// transactions on power loss.) The cost is one fsync per transaction: imports commit a batch
// per transaction and officer actions are few, so it is negligible. See
// docs/decisions/0001-store.md.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace faxian {

struct SqliteOptions {
  bool synchronous_full = true;  // false: synchronous=NORMAL (survives kill -9, not power loss)
  int busy_timeout_ms = 5000;    // wait this long for another writer before kUnavailable
  int cache_size_kib = 65536;    // page cache per connection
  std::size_t max_idle_statements_per_sql = 4;
};

class SqliteDatabase final : public Database {
 public:
  // Opens (creating if needed) the SQLite file at `path` with WAL, foreign keys, busy timeout
  // and the synchronous level of `options`. ":memory:" opens a private in-memory database
  // (no WAL; for tools only). kIo if the file cannot be opened, kCorrupt if it is not SQLite.
  static Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path,
                                                      const SqliteOptions& options = {});
  ~SqliteDatabase() override;

  const Dialect& dialect() const override { return dialect_; }
  std::string location() const override { return path_; }
  Result<StatementPtr> prepare(std::string_view sql) override;
  Result<void> execute(std::string_view sql) override;
  int64_t last_insert_id() const override;
  int64_t changes() const override;
  Result<void> set_lock_timeout(int milliseconds) override;

  // The value of a pragma that returns one row, e.g. pragma_text("journal_mode") → "wal".
  Result<std::string> pragma_text(std::string_view name);

  // Called by a leased statement when it is destroyed. Not for other callers.
  void return_statement(const std::string* sql, sqlite3_stmt* handle);

 protected:
  bool backend_in_transaction() const override;

 private:
  SqliteDatabase(sqlite3* handle, std::string path, const SqliteOptions& options);
  Result<void> configure();

  sqlite3* handle_;
  std::string path_;
  SqliteOptions options_;
  Dialect dialect_ = Dialect::sqlite();
  // SQL text → idle prepared statements for it (std::less<> for lookups by string_view).
  std::map<std::string, std::vector<sqlite3_stmt*>, std::less<>> idle_statements_;
  int leased_statements_ = 0;  // checked (assert) when the connection is destroyed
};

}  // namespace faxian
