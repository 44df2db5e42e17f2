#pragma once
// The PostgreSQL implementation of Database (libpq): one connection to one server database.
//
// * SQL: the repositories' `?` placeholders are rewritten to `$1 … $n` (outside quoted strings
//   and comments) and each statement is prepared once per connection under a generated name.
//   Parameter types are left to the server to infer from the statement ("unknown"), except
//   integers (int8), doubles (float8) and bytes (bytea); a parameter the server cannot type on
//   its own (`? IS NULL`) is retried as text. Values travel as text, bytes as binary.
// * Rows stream (libpq single-row mode), so screening can read tens of millions of records in
//   bounded memory. A connection runs one command at a time: when another statement runs while
//   one is still streaming, the rest of the first one's rows are buffered first.
// * Transactions follow SQLite's semantics, which the code above the store was written for: a
//   write transaction takes one advisory lock (`BEGIN; SELECT pg_advisory_xact_lock(…)`), so
//   writers are serialised exactly as SQLite's single writer serialises them, and readers never
//   wait; a writer waits at most 5 s for the lock (lock_timeout, as SQLite's busy timeout),
//   then gets kUnavailable. A statement that fails inside a transaction aborts it on PostgreSQL
//   (SQLite carries on): the caller's Transaction guard rolls back or to its savepoint, and a
//   COMMIT of an aborted transaction is reported as the failure it is, never as success.
// * Durability: the server's own (synchronous_commit on, fsync on): COMMIT returns after the WAL
//   is flushed. See docs/deployment.md for the server settings.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

struct pg_conn;

namespace faxian {

class PostgresStatement;

class PostgresDatabase final : public Database {
 public:
  // Connects with a libpq connection string or URL ("postgresql://user@host:port/db",
  // "host=… dbname=…"). kUnavailable when the server cannot be reached, with libpq's reason.
  static Result<std::unique_ptr<PostgresDatabase>> open(const std::string& conninfo);
  ~PostgresDatabase() override;

  const Dialect& dialect() const override { return dialect_; }
  std::string location() const override { return location_; }
  Result<StatementPtr> prepare(std::string_view sql) override;
  Result<void> execute(std::string_view sql) override;
  // The repositories learn ids through `RETURNING id` (Dialect::returning_id(), step_insert());
  // this asks the server (lastval()) and costs a round trip. 0 before any INSERT.
  int64_t last_insert_id() const override;
  int64_t changes() const override { return changes_; }
  Result<void> set_lock_timeout(int milliseconds) override;
  bool broken() const override;

  // For PostgresStatement only.
  struct PreparedSql {
    std::string text;  // with $n placeholders
    int parameters = 0;
    // Server-side prepared statement names by parameter type signature.
    std::map<std::string, std::string, std::less<>> names;
  };
  pg_conn* connection() { return connection_; }
  // Makes the connection free for a new command: buffers the rows of a statement still
  // streaming (`next` is the statement about to run; nullptr for a plain command).
  void claim(PostgresStatement* next);
  void release(PostgresStatement* statement);
  void note_changes(int64_t changes) { changes_ = changes; }
  // The server-side name of `sql` prepared for `types` (one letter per parameter), preparing it
  // on first use. With `retype`, a parameter the server cannot type is retried as text (and
  // `types` updated); without, that case is kUnavailable.
  Result<std::string> prepared_name(PreparedSql& sql, std::string& types, bool retype);

 protected:
  bool backend_in_transaction() const override;

 private:
  PostgresDatabase(pg_conn* connection, std::string location);
  Result<void> prepare_on_server(const PreparedSql& sql, const std::string& types,
                                 const std::string& name);

  pg_conn* connection_;
  std::string location_;
  Dialect dialect_ = Dialect::postgres();
  std::map<std::string, PreparedSql, std::less<>> prepared_;
  PostgresStatement* streaming_ = nullptr;
  int64_t changes_ = 0;
  int next_statement_number_ = 0;
};

// `sql` with each `?` outside quotes and comments replaced by $1, $2, …; `count` receives how
// many there were.
std::string number_placeholders(std::string_view sql, int& count);

}  // namespace faxian
