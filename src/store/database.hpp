#pragma once
// The database seam: one connection, prepared statements with bound parameters, transactions.
// SQLite (sqlite/) is the embedded default; a PostgreSQL implementation plugs in behind the same
// interface and passes the same test-suite. So SQL is written portably — `?` placeholders (a PG
// backend rewrites them to $n), ISO text dates, integer money, `INSERT … ON CONFLICT … RETURNING`
// (both dialects) — and what differs (DDL types, how a write transaction begins) lives in
// Dialect.
//
// Thread-safety: a Database (and its statements) must be used by one thread at a time; open one
// connection per thread.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace faxian {

enum class DialectKind { kSqlite, kPostgres };

// What differs between the SQL dialects Faxian speaks.
struct Dialect {
  DialectKind kind = DialectKind::kSqlite;

  static Dialect sqlite() { return {DialectKind::kSqlite}; }
  static Dialect postgres() { return {DialectKind::kPostgres}; }

  // Portable DDL → this dialect. Tokens: {id} an auto-assigned 64-bit primary key, {int} a
  // 64-bit integer, {real} a double, {blob} bytes, {strict} the table option that makes column
  // types enforced (SQLite STRICT; PostgreSQL always enforces them). {sqlite}…{/sqlite} and
  // {postgres}…{/postgres} hold what only one dialect says (triggers).
  std::string render_ddl(std::string_view portable_sql) const;
  // The statement that opens a write transaction ("BEGIN IMMEDIATE" on SQLite, so that two
  // writers never deadlock upgrading read locks; on PostgreSQL "BEGIN" and the writers'
  // advisory lock, so that writers are serialised as on SQLite).
  std::string_view begin_write() const;
  // Appended to a hot-path INSERT to learn the new row's id: "" on SQLite (read
  // Database::last_insert_id() after a change, which costs nothing), " RETURNING id" on
  // PostgreSQL. See step_insert().
  std::string_view returning_id() const;
};

enum class ColumnType { kNull, kInteger, kReal, kText, kBlob };

// A prepared statement leased from its Database's cache; destroying it resets it and returns
// it to the cache. Parameters are numbered from 1 in the order the `?` appear; columns from 0.
class Statement {
 public:
  virtual ~Statement() = default;

  // Bind calls never fail on their own: a bad index or value is reported by the next step().
  virtual void bind_null(int index) = 0;
  virtual void bind_int64(int index, int64_t value) = 0;
  virtual void bind_double(int index, double value) = 0;
  virtual void bind_text(int index, std::string_view value) = 0;
  virtual void bind_blob(int index, std::span<const std::byte> value) = 0;

  // Runs to the next result row: true when a row is ready, false when the statement is done.
  // Errors (constraint violations included) come back as Error values, never as exceptions.
  virtual Result<bool> step() = 0;
  // Makes the statement ready to run again; clears the bindings.
  virtual void reset() = 0;

  // Runs a statement that returns no rows to completion (extra rows are skipped).
  Result<void> run();

  // Column access for the current row. REQUIRES: step() returned true; 0 ≤ column < count.
  virtual int column_count() const = 0;
  virtual ColumnType column_type(int column) const = 0;
  virtual int64_t column_int64(int column) const = 0;
  virtual double column_double(int column) const = 0;
  // Valid until the next step(), reset() or destruction.
  virtual std::string_view column_text(int column) const = 0;
  virtual std::span<const std::byte> column_blob(int column) const = 0;
  bool column_is_null(int column) const { return column_type(column) == ColumnType::kNull; }
};

using StatementPtr = std::unique_ptr<Statement>;

class Database {
 public:
  virtual ~Database() = default;
  Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  virtual const Dialect& dialect() const = 0;
  // Where this database lives, for messages (a path, or a URL without password).
  virtual std::string location() const = 0;

  // A prepared statement for `sql` (one statement, `?` placeholders), compiled on first use and
  // cached. REQUIRES: the statement is destroyed before this Database.
  virtual Result<StatementPtr> prepare(std::string_view sql) = 0;
  // Runs SQL without parameters; it may hold several statements separated by ';'.
  virtual Result<void> execute(std::string_view sql) = 0;
  // The id assigned by the last successful INSERT on this connection.
  virtual int64_t last_insert_id() const = 0;
  // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
  virtual int64_t changes() const = 0;
  // How long a write waits for another writer before kUnavailable (default 5 s: an officer's
  // request; batch commands wait longer).
  virtual Result<void> set_lock_timeout(int milliseconds) = 0;
  // Whether the connection is lost for good (a PostgreSQL server restarted or the network
  // failed): a pool drops such a connection instead of handing it out again.
  virtual bool broken() const { return false; }

  // Prepares, binds nothing and runs `sql` to completion (convenience for one-off statements).
  Result<void> run(std::string_view sql);

  // How a begin() nests (see Transaction below).
  enum class Scope {
    kNested,        // outermost: a write transaction; inside one: a savepoint (or a flat level)
    kAllOrNothing,  // outermost only: inner kNested levels are flat (no savepoints)
    kSavepoint,     // always a real savepoint inside a transaction, even an all-or-nothing one
  };
  // Transactions nest: the outermost begin() opens a write transaction, inner ones are
  // savepoints. Prefer the Transaction guard below.
  Result<void> begin(Scope scope = Scope::kNested);
  Result<void> commit();
  Result<void> rollback();
  int transaction_depth() const { return static_cast<int>(levels_.size()); }

 protected:
  // Whether the backend itself still has a transaction open (SQLite rolls a transaction back
  // by itself after some errors; the depth counter must follow).
  virtual bool backend_in_transaction() const = 0;

 private:
  enum class Level : uint8_t { kTransaction, kSavepoint, kFlat };
  void reset_levels();

  std::vector<Level> levels_;
  bool all_or_nothing_ = false;
  bool doomed_ = false;  // a flat level rolled back: the transaction can only roll back
};

// Runs an INSERT built with Dialect::returning_id() (and possibly ON CONFLICT … DO NOTHING) and
// returns the new row's id, or nullopt when no row was inserted.
Result<std::optional<int64_t>> step_insert(Database& db, Statement& statement);

// RAII transaction: rolls back on destruction unless commit() succeeded. Nested guards become
// savepoints, so a repository can be atomic on its own and also part of a caller's transaction.
// Inside an all-or-nothing transaction (a large batch whose every error aborts it) nested guards
// are flat: no savepoint journal, and a nested rollback dooms the whole transaction, whose
// commit() then fails. SQLite writes the original of every page a savepoint touches to its
// statement journal, which made savepoints most of the cost of a 户籍 import.
class Transaction {
 public:
  // Opens a transaction (or a savepoint inside an open one).
  static Result<Transaction> begin(Database& db);
  // Opens the outermost transaction of an all-or-nothing batch. REQUIRES: none open.
  static Result<Transaction> begin_all_or_nothing(Database& db);
  // A real savepoint inside the open transaction, to try something and roll it back alone.
  static Result<Transaction> savepoint(Database& db);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  // Commits (or releases the savepoint). On failure everything is rolled back and the error
  // returned. REQUIRES: not yet committed or rolled back.
  Result<void> commit();
  // Rolls back now (the destructor would do it anyway).
  Result<void> rollback();

 private:
  explicit Transaction(Database& db) : db_(&db) {}
  Database* db_;
  bool open_ = true;
};

// Runs `body` (a callable returning Result<T>) in a transaction: commits when it succeeds,
// rolls back and returns its error when it fails.
template <typename Body>
auto in_transaction(Database& db, Body&& body) -> decltype(body()) {
  auto transaction = Transaction::begin(db);
  if (!transaction)
    return tl::unexpected(transaction.error());
  auto result = body();
  if (!result)
    return result;
  if (auto committed = transaction->commit(); !committed)
    return tl::unexpected(committed.error());
  return result;
}

// Opens a database by URL: a file path (or "sqlite://PATH") opens SQLite in WAL mode, creating
// the file if needed; "postgresql://…" / "postgres://…" connects to a PostgreSQL server
// (store/postgres). Does not migrate: call migrate() (store/migrations).
Result<std::unique_ptr<Database>> open_database(std::string_view url);

}  // namespace faxian
