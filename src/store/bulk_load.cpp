#include "store/bulk_load.hpp"

#include <fmt/format.h>

#include "store/query.hpp"

namespace faxian {
namespace {

bool is_sqlite(Database& db) {
  return db.dialect().kind == DialectKind::kSqlite;
}

// The index definitions of migration 2 (schema_feeds.cpp), built again the same way.
std::string key_index_sql(std::string_view table) {
  return fmt::format(
      "CREATE UNIQUE INDEX {0}_current_key ON {0}(natural_key) WHERE superseded_at IS NULL", table);
}
std::string person_index_sql(std::string_view table) {
  return fmt::format("CREATE INDEX {0}_person_date ON {0}(person_id, event_date)", table);
}

Result<bool> table_is_empty(Database& db, std::string_view table) {
  auto any =
      query_int(db, fmt::format("SELECT EXISTS (SELECT 1 FROM {})", table), [](Statement&) {});
  if (!any)
    return tl::unexpected(any.error());
  return *any == 0;
}

}  // namespace

Result<FeedBulkLoad> FeedBulkLoad::begin(Database& db, std::string_view table,
                                         const BulkLoadOptions& options) {
  if (db.transaction_depth() == 0)
    return fail(ErrorCode::kInternal, "数据库内部错误", "bulk load outside a transaction");
  FeedBulkLoad load(db, std::string(table));
  if (options.cache_mib > 0 && is_sqlite(db)) {
    auto current = query_int(db, "PRAGMA cache_size", [](Statement&) {});
    if (!current)
      return tl::unexpected(current.error());
    load.saved_cache_size_ = *current;
    load.cache_mib_ = options.cache_mib;
  }
  if (options.drop_indexes) {
    auto empty = table_is_empty(db, table);
    if (!empty)
      return tl::unexpected(empty.error());
    if (*empty) {
      FAXIAN_TRY(
          db.execute(fmt::format("DROP INDEX {0}_current_key; DROP INDEX {0}_person_date", table)));
      load.indexes_dropped_ = true;
    }
  }
  FAXIAN_TRY(load.set_cache(load.indexes_dropped_ ? options.append_cache_mib : load.cache_mib_));
  return load;
}

Result<void> FeedBulkLoad::set_cache(int64_t mib) {
  if (!saved_cache_size_ || mib <= 0)
    return ok();
  return db_->execute(fmt::format("PRAGMA cache_size = -{}", mib * 1024));
}

Result<void> FeedBulkLoad::set_temp_store(std::string_view mode) {
  if (!is_sqlite(*db_))
    return ok();
  return db_->execute(fmt::format("PRAGMA temp_store = {}", mode));
}

Result<bool> FeedBulkLoad::try_unique_index() {
  auto savepoint = Transaction::savepoint(*db_);
  if (!savepoint)
    return tl::unexpected(savepoint.error());
  auto created = db_->execute(key_index_sql(table_));
  if (!created) {
    if (created.error().code != ErrorCode::kAlreadyExists &&
        created.error().code != ErrorCode::kConstraint) {
      return tl::unexpected(created.error());
    }
    FAXIAN_TRY(savepoint->rollback());
    return false;
  }
  FAXIAN_TRY(savepoint->commit());
  return true;
}

Result<int64_t> FeedBulkLoad::finish(const std::function<Result<int64_t>()>& collapse) {
  if (!indexes_dropped_)
    return 0;
  FAXIAN_TRY(set_cache(cache_mib_));
  // The index builds sort through temporary files (bounded memory for any batch size).
  FAXIAN_TRY(set_temp_store("FILE"));
  int64_t duplicates = 0;
  auto unique = try_unique_index();
  if (!unique)
    return tl::unexpected(unique.error());
  if (!*unique) {
    auto collapsed = collapse();
    if (!collapsed)
      return tl::unexpected(collapsed.error());
    duplicates = *collapsed;
    FAXIAN_TRY(db_->execute(key_index_sql(table_)));
  }
  FAXIAN_TRY(db_->execute(person_index_sql(table_)));
  indexes_dropped_ = false;
  FAXIAN_TRY(set_temp_store("MEMORY"));
  return duplicates;
}

FeedBulkLoad::FeedBulkLoad(FeedBulkLoad&& other) noexcept
    : db_(other.db_),
      table_(std::move(other.table_)),
      indexes_dropped_(other.indexes_dropped_),
      saved_cache_size_(other.saved_cache_size_),
      cache_mib_(other.cache_mib_) {
  other.saved_cache_size_.reset();
  other.indexes_dropped_ = false;
}

FeedBulkLoad::~FeedBulkLoad() {
  if (saved_cache_size_)
    (void)db_->execute(fmt::format("PRAGMA cache_size = {}", *saved_cache_size_));
}

}  // namespace faxian
