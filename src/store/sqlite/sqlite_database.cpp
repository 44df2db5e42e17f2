#include "store/sqlite/sqlite_database.hpp"

#include <cassert>

#include <fmt/format.h>
#include <sqlite3.h>

#include "store/sqlite/sqlite_error.hpp"

namespace faxian {
namespace {

// A statement leased from the cache. Bind errors are kept and reported by step().
class SqliteStatement final : public Statement {
 public:
  SqliteStatement(SqliteDatabase& owner, sqlite3* db, const std::string* sql, sqlite3_stmt* handle)
      : owner_(owner), db_(db), sql_(sql), handle_(handle) {}
  ~SqliteStatement() override { owner_.return_statement(sql_, handle_); }

  void bind_null(int index) override { note_bind(sqlite3_bind_null(handle_, index)); }
  void bind_int64(int index, int64_t value) override {
    note_bind(sqlite3_bind_int64(handle_, index, value));
  }
  void bind_double(int index, double value) override {
    note_bind(sqlite3_bind_double(handle_, index, value));
  }
  void bind_text(int index, std::string_view value) override {
    note_bind(sqlite3_bind_text64(handle_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                  SQLITE_UTF8));
  }
  void bind_blob(int index, std::span<const std::byte> value) override {
    note_bind(sqlite3_bind_blob64(handle_, index, value.data(), value.size(), SQLITE_TRANSIENT));
  }

  Result<bool> step() override {
    if (bind_error_ != SQLITE_OK) {
      const int rc = bind_error_;
      bind_error_ = SQLITE_OK;
      return tl::unexpected(sqlite_error(db_, rc, "bind " + *sql_));
    }
    const int rc = sqlite3_step(handle_);
    if (rc == SQLITE_ROW)
      return true;
    if (rc == SQLITE_DONE)
      return false;
    Error error = sqlite_error(db_, rc, *sql_);
    sqlite3_reset(handle_);
    return tl::unexpected(std::move(error));
  }

  void reset() override {
    sqlite3_reset(handle_);
    sqlite3_clear_bindings(handle_);
    bind_error_ = SQLITE_OK;
  }

  int column_count() const override { return sqlite3_column_count(handle_); }
  ColumnType column_type(int column) const override {
    switch (sqlite3_column_type(handle_, column)) {
      case SQLITE_INTEGER:
        return ColumnType::kInteger;
      case SQLITE_FLOAT:
        return ColumnType::kReal;
      case SQLITE_TEXT:
        return ColumnType::kText;
      case SQLITE_BLOB:
        return ColumnType::kBlob;
      default:
        return ColumnType::kNull;
    }
  }
  int64_t column_int64(int column) const override { return sqlite3_column_int64(handle_, column); }
  double column_double(int column) const override { return sqlite3_column_double(handle_, column); }
  std::string_view column_text(int column) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(handle_, column));
    if (text == nullptr)
      return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(handle_, column))};
  }
  std::span<const std::byte> column_blob(int column) const override {
    const auto* bytes = static_cast<const std::byte*>(sqlite3_column_blob(handle_, column));
    if (bytes == nullptr)
      return {};
    return {bytes, static_cast<std::size_t>(sqlite3_column_bytes(handle_, column))};
  }

 private:
  void note_bind(int rc) {
    if (rc != SQLITE_OK && bind_error_ == SQLITE_OK)
      bind_error_ = rc;
  }

  SqliteDatabase& owner_;
  sqlite3* db_;
  const std::string* sql_;  // key in the owner's cache; stable (std::map node)
  sqlite3_stmt* handle_;
  int bind_error_ = SQLITE_OK;
};

// Once per process, before the first connection: no global memory statistics (they take a
// process-wide mutex on every allocation, ~8 % of an import measured).
void configure_library_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path,
                                                             const SqliteOptions& options) {
  configure_library_once();
  sqlite3* handle = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error = sqlite_error(handle, rc, "open");
    error.message = fmt::format("无法打开数据库文件：{}", error.message);
    sqlite3_close_v2(handle);
    return tl::unexpected(std::move(error));
  }
  sqlite3_extended_result_codes(handle, 1);
  std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(handle, path, options));
  FAXIAN_TRY(database->configure());
  return database;
}

SqliteDatabase::SqliteDatabase(sqlite3* handle, std::string path, const SqliteOptions& options)
    : handle_(handle), path_(std::move(path)), options_(options) {}

SqliteDatabase::~SqliteDatabase() {
  // A statement outliving its connection would write into freed memory when destroyed.
  assert(leased_statements_ == 0 && "destroy statements before their Database");
  for (auto& [sql, handles] : idle_statements_) {
    for (sqlite3_stmt* handle : handles)
      sqlite3_finalize(handle);
  }
  sqlite3_close_v2(handle_);
}

Result<void> SqliteDatabase::configure() {
  sqlite3_busy_timeout(handle_, options_.busy_timeout_ms);
  FAXIAN_TRY(execute("PRAGMA foreign_keys = ON"));
  // Statement journals in memory: a multi-row statement inside a large batch otherwise spills
  // the original of every page it touches to a temporary file (9.3 million writes for the
  // county 户籍, half its time). Index builds of bulk loads switch to files for their sorts
  // (store/bulk_load.cpp), so that huge batches stay in bounded memory.
  FAXIAN_TRY(execute("PRAGMA temp_store = MEMORY"));
  auto mode = pragma_text("journal_mode = WAL");
  if (!mode)
    return tl::unexpected(mode.error());
  if (*mode != "wal" && path_ != ":memory:") {
    return fail(ErrorCode::kIo, "数据库无法切换到 WAL 模式",
                fmt::format("journal_mode is {} instead of wal", *mode));
  }
  FAXIAN_TRY(execute(options_.synchronous_full ? "PRAGMA synchronous = FULL"
                                               : "PRAGMA synchronous = NORMAL"));
  return execute(fmt::format("PRAGMA cache_size = -{}", options_.cache_size_kib));
}

Result<StatementPtr> SqliteDatabase::prepare(std::string_view sql) {
  auto found = idle_statements_.find(sql);
  if (found == idle_statements_.end()) {
    found = idle_statements_.emplace(std::string(sql), std::vector<sqlite3_stmt*>()).first;
  }
  const std::string* key = &found->first;
  sqlite3_stmt* handle = nullptr;
  if (!found->second.empty()) {
    handle = found->second.back();
    found->second.pop_back();
  } else {
    const int rc = sqlite3_prepare_v3(handle_, key->data(), static_cast<int>(key->size()),
                                      SQLITE_PREPARE_PERSISTENT, &handle, nullptr);
    if (rc != SQLITE_OK || handle == nullptr) {
      sqlite3_finalize(handle);
      if (rc == SQLITE_OK) {
        return fail(ErrorCode::kInternal, "数据库内部错误", "empty SQL statement");
      }
      return tl::unexpected(sqlite_error(handle_, rc, *key));
    }
  }
  ++leased_statements_;
  return std::make_unique<SqliteStatement>(*this, handle_, key, handle);
}

void SqliteDatabase::return_statement(const std::string* sql, sqlite3_stmt* handle) {
  --leased_statements_;
  sqlite3_reset(handle);
  sqlite3_clear_bindings(handle);
  auto found = idle_statements_.find(*sql);
  if (found == idle_statements_.end() ||
      found->second.size() >= options_.max_idle_statements_per_sql) {
    sqlite3_finalize(handle);
    return;
  }
  found->second.push_back(handle);
}

Result<void> SqliteDatabase::execute(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK)
    return tl::unexpected(sqlite_error(handle_, rc, text));
  return ok();
}

Result<std::string> SqliteDatabase::pragma_text(std::string_view name) {
  auto statement = prepare(fmt::format("PRAGMA {}", name));
  if (!statement)
    return tl::unexpected(statement.error());
  auto has_row = (*statement)->step();
  if (!has_row)
    return tl::unexpected(has_row.error());
  if (!*has_row)
    return std::string();
  return std::string((*statement)->column_text(0));
}

int64_t SqliteDatabase::last_insert_id() const {
  return sqlite3_last_insert_rowid(handle_);
}

int64_t SqliteDatabase::changes() const {
  return sqlite3_changes64(handle_);
}

Result<void> SqliteDatabase::set_lock_timeout(int milliseconds) {
  sqlite3_busy_timeout(handle_, milliseconds);
  return ok();
}

bool SqliteDatabase::backend_in_transaction() const {
  return sqlite3_get_autocommit(handle_) == 0;
}

}  // namespace faxian
