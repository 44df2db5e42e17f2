#include "store/feed_record_repository.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "store/feed_codecs.hpp"
#include "store/query.hpp"
#include "store/row_batch_write.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr std::string_view kCommonInsertColumns =
    "batch_id, source_row, natural_key, content_hash, person_id, event_date, imported_at, "
    "supersedes_id";
constexpr int kCommonInsertCount = 8;
constexpr std::string_view kCommonSelectColumns =
    "t.id, t.batch_id, t.source_row, t.natural_key, t.content_hash, t.person_id, t.event_date, "
    "t.imported_at, t.supersedes_id, t.superseded_at, p.resident_id";

// The SQL of one feed table, built once from its codec.
template <typename T>
struct FeedSql {
  std::string insert;              // fails on a current key
  std::string append;              // a plain INSERT (bulk load: no key index, no id wanted)
  RowBatchSql append_rows;         // append in multi-row INSERTs (PostgreSQL)
  RowBatchSql insert_rows_if_new;  // skips rows whose key is current; returns id, natural_key
  std::string insert_if_new;       // returns no row on a current key
  std::string select;              // SELECT … FROM t LEFT JOIN persons p (add WHERE …)
  std::string current_key;
  std::string mark_superseded;
  std::string count_current;

  static const FeedSql& get(const Dialect& dialect) {
    static const FeedSql sqlite = build(Dialect::sqlite());
    static const FeedSql postgres = build(Dialect::postgres());
    return dialect.kind == DialectKind::kSqlite ? sqlite : postgres;
  }

  static FeedSql build(const Dialect& dialect) {
    using Codec = FeedCodec<T>;
    const std::string table(Codec::kTable);
    std::string columns(kCommonInsertColumns);
    std::string placeholders = "?";
    std::string feed_columns;
    for (int index = 1; index < kCommonInsertCount; ++index)
      placeholders += ", ?";
    for (std::string_view column : Codec::kColumns) {
      columns += fmt::format(", {}", column);
      placeholders += ", ?";
      feed_columns += fmt::format(", t.{}", column);
    }
    const std::string insert =
        fmt::format("INSERT INTO {} ({}) VALUES ({})", table, columns, placeholders);
    FeedSql sql;
    sql.append = insert;
    const std::string prefix = fmt::format("INSERT INTO {} ({}) VALUES ", table, columns);
    sql.append_rows = {prefix, "(" + placeholders + ")", ""};
    sql.insert_rows_if_new = {prefix, "(" + placeholders + ")",
                              " ON CONFLICT (natural_key) WHERE superseded_at IS NULL DO NOTHING "
                              "RETURNING id, natural_key"};
    sql.insert = insert + std::string(dialect.returning_id());
    sql.insert_if_new = insert +
                        " ON CONFLICT (natural_key) WHERE superseded_at IS NULL DO NOTHING" +
                        std::string(dialect.returning_id());
    sql.select = fmt::format("SELECT {}{} FROM {} t LEFT JOIN persons p ON p.id = t.person_id ",
                             kCommonSelectColumns, feed_columns, table);
    sql.current_key = fmt::format(
        "SELECT id, content_hash FROM {} WHERE natural_key = ? AND superseded_at IS NULL", table);
    sql.mark_superseded = fmt::format(
        "UPDATE {} SET superseded_at = ? WHERE id = ? AND superseded_at IS NULL RETURNING id",
        table);
    sql.count_current = fmt::format("SELECT COUNT(*) FROM {} WHERE superseded_at IS NULL", table);
    return sql;
  }
};

template <typename T>
Result<StoredRecord<T>> read_stored(const Statement& statement) {
  RowReader reader(statement);
  RecordMeta meta{.id = reader.integer(),
                  .batch_id = reader.integer(),
                  .source_row = reader.integer(),
                  .natural_key = reader.text(),
                  .content_hash = reader.text(),
                  .person_id = reader.optional_integer(),
                  .event_date = reader.date(),
                  .imported_at = reader.integer(),
                  .supersedes_id = reader.optional_integer(),
                  .superseded_at = reader.optional_integer()};
  T record = FeedCodec<T>::read(reader, meta.event_date);
  FAXIAN_TRY(reader.status());
  return StoredRecord<T>{std::move(meta), std::move(record)};
}

template <typename T>
void bind_row(ParamBinder& binder, const NewRecordMeta& meta, const T& record, int64_t now,
              std::optional<int64_t> supersedes_id) {
  binder.integer(meta.batch_id)
      .integer(meta.source_row)
      .text(meta.natural_key)
      .text(meta.content_hash)
      .integer(meta.person_id)
      .date(record.event_date())
      .integer(now)
      .integer(supersedes_id);
  FeedCodec<T>::bind(binder, record);
}

template <typename T>
void bind_row(Statement& statement, const NewRecordMeta& meta, const T& record, int64_t now,
              std::optional<int64_t> supersedes_id) {
  ParamBinder binder(statement);
  bind_row(binder, meta, record, now, supersedes_id);
}

// Appends `records` in multi-row INSERTs (PostgreSQL).
template <typename T>
Result<void> append_in_groups(Database& db, std::span<const NewRecord<T>> records, int64_t now) {
  return write_rows(db, FeedSql<T>::get(db.dialect()).append_rows, records.size(),
                    [&](ParamBinder& binder, std::size_t index) {
                      bind_row(binder, records[index].meta, records[index].record, now,
                               std::nullopt);
                    });
}

}  // namespace

template <typename T>
Result<std::optional<int64_t>> FeedRecordRepository<T>::try_insert(
    Statement& statement, const NewRecordMeta& meta, const T& record, int64_t now,
    std::optional<int64_t> supersedes_id) {
  statement.reset();
  bind_row(statement, meta, record, now, supersedes_id);
  return step_insert(db_, statement);
}

template <typename T>
Result<int64_t> FeedRecordRepository<T>::insert(const NewRecordMeta& meta, const T& record) {
  auto statement = db_.prepare(FeedSql<T>::get(db_.dialect()).insert);
  if (!statement)
    return tl::unexpected(statement.error());
  auto id = try_insert(**statement, meta, record, clock_.now_unix(), std::nullopt);
  if (!id)
    return tl::unexpected(id.error());
  if (!*id)
    return fail(ErrorCode::kInternal, "数据库内部错误", "INSERT returned no id");
  return **id;
}

template <typename T>
Result<int64_t> FeedRecordRepository<T>::supersede_at(int64_t current_id, const NewRecordMeta& meta,
                                                      const T& record, int64_t now) {
  return in_transaction(db_, [&]() -> Result<int64_t> {
    auto mark = db_.prepare(FeedSql<T>::get(db_.dialect()).mark_superseded);
    if (!mark)
      return tl::unexpected(mark.error());
    (*mark)->bind_int64(1, now);
    (*mark)->bind_int64(2, current_id);
    auto marked = (*mark)->step();
    if (!marked)
      return tl::unexpected(marked.error());
    if (!*marked) {
      return fail(ErrorCode::kNotFound, "要更正的记录不存在或已被更正",
                  fmt::format("record {} of {} is not current", current_id, FeedCodec<T>::kTable));
    }
    (*mark)->reset();
    auto insert = db_.prepare(FeedSql<T>::get(db_.dialect()).insert);
    if (!insert)
      return tl::unexpected(insert.error());
    auto id = try_insert(**insert, meta, record, now, current_id);
    if (!id)
      return tl::unexpected(id.error());
    if (!*id)
      return fail(ErrorCode::kInternal, "数据库内部错误", "INSERT returned no id");
    return **id;
  });
}

template <typename T>
Result<int64_t> FeedRecordRepository<T>::supersede(int64_t current_id, const NewRecordMeta& meta,
                                                   const T& record) {
  return supersede_at(current_id, meta, record, clock_.now_unix());
}

template <typename T>
Result<RecordWrite> FeedRecordRepository<T>::write_one(Statement& insert_if_new,
                                                       const NewRecordMeta& meta, const T& record,
                                                       int64_t now) {
  auto inserted = try_insert(insert_if_new, meta, record, now, std::nullopt);
  if (!inserted)
    return tl::unexpected(inserted.error());
  if (*inserted)
    return RecordWrite{RecordChange::kInserted, **inserted};
  return write_over_current(meta, record, now);
}

template <typename T>
Result<RecordWrite> FeedRecordRepository<T>::write_over_current(const NewRecordMeta& meta,
                                                                const T& record, int64_t now) {
  auto current = current_key(meta.natural_key);
  if (!current)
    return tl::unexpected(current.error());
  if (!*current) {
    return fail(ErrorCode::kInternal, "数据库内部错误", "key conflict without a current record");
  }
  if ((*current)->content_hash == meta.content_hash) {
    return RecordWrite{RecordChange::kDuplicate, (*current)->id};
  }
  auto corrected = supersede_at((*current)->id, meta, record, now);
  if (!corrected)
    return tl::unexpected(corrected.error());
  return RecordWrite{RecordChange::kCorrected, *corrected};
}

template <typename T>
Result<RecordWrite> FeedRecordRepository<T>::write(const NewRecordMeta& meta, const T& record) {
  return in_transaction(db_, [&]() -> Result<RecordWrite> {
    auto statement = db_.prepare(FeedSql<T>::get(db_.dialect()).insert_if_new);
    if (!statement)
      return tl::unexpected(statement.error());
    return write_one(**statement, meta, record, clock_.now_unix());
  });
}

template <typename T>
Result<std::vector<RecordWrite>> FeedRecordRepository<T>::write_batch(
    std::span<const NewRecord<T>> records) {
  return in_transaction(db_, [&]() -> Result<std::vector<RecordWrite>> {
    const int64_t now = clock_.now_unix();
    if (db_.dialect().kind != DialectKind::kSqlite)
      return write_in_groups(records, now);
    auto statement = db_.prepare(FeedSql<T>::get(db_.dialect()).insert_if_new);
    if (!statement)
      return tl::unexpected(statement.error());
    std::vector<RecordWrite> writes;
    writes.reserve(records.size());
    for (const NewRecord<T>& item : records) {
      auto written = write_one(**statement, item.meta, item.record, now);
      if (!written)
        return tl::unexpected(written.error());
      writes.push_back(*written);
    }
    return writes;
  });
}

// PostgreSQL: the rows go in multi-row INSERTs … ON CONFLICT DO NOTHING, then the rows they
// skipped are written one by one, in order, over the current record of their key. The outcome
// is write_one's row by row: a statement inserts a row only when neither the store nor an
// earlier row of the batch holds its key as current, and every later row with that key was
// skipped and so is compared with the current record in its turn.
template <typename T>
Result<std::vector<RecordWrite>> FeedRecordRepository<T>::write_in_groups(
    std::span<const NewRecord<T>> records, int64_t now) {
  std::unordered_map<std::string, int64_t> inserted;  // natural key → id; a key at most once
  FAXIAN_TRY(write_rows(
      db_, FeedSql<T>::get(db_.dialect()).insert_rows_if_new, records.size(),
      [&](ParamBinder& binder, std::size_t index) {
        bind_row(binder, records[index].meta, records[index].record, now, std::nullopt);
      },
      [&](const Statement& row) { inserted.emplace(row.column_text(1), row.column_int64(0)); }));
  std::vector<RecordWrite> writes;
  writes.reserve(records.size());
  for (const NewRecord<T>& item : records) {
    // Only the first row of a key can have been inserted.
    if (auto id = inserted.find(item.meta.natural_key); id != inserted.end()) {
      writes.push_back({RecordChange::kInserted, id->second});
      inserted.erase(id);
      continue;
    }
    auto written = write_over_current(item.meta, item.record, now);
    if (!written)
      return tl::unexpected(written.error());
    writes.push_back(*written);
  }
  return writes;
}

template <typename T>
Result<void> FeedRecordRepository<T>::append_batch(std::span<const NewRecord<T>> records) {
  return in_transaction(db_, [&]() -> Result<void> {
    const int64_t now = clock_.now_unix();
    if (db_.dialect().kind != DialectKind::kSqlite)
      return append_in_groups(db_, records, now);
    auto statement = db_.prepare(FeedSql<T>::get(db_.dialect()).append);
    if (!statement)
      return tl::unexpected(statement.error());
    for (const NewRecord<T>& item : records) {
      (*statement)->reset();
      bind_row(**statement, item.meta, item.record, now, std::nullopt);
      FAXIAN_TRY((*statement)->run());
    }
    return ok();
  });
}

template <typename T>
Result<int64_t> FeedRecordRepository<T>::collapse_duplicate_keys() {
  const std::string table(FeedCodec<T>::kTable);
  const std::string index = table + "_collapse_keys";
  return in_transaction(db_, [&]() -> Result<int64_t> {
    FAXIAN_TRY(db_.execute(fmt::format(
        "CREATE INDEX {} ON {}(natural_key, id) WHERE superseded_at IS NULL", index, table)));
    std::vector<std::string> keys;
    {
      auto repeated = db_.prepare(
          fmt::format("SELECT natural_key FROM {} WHERE superseded_at IS NULL GROUP BY natural_key "
                      "HAVING COUNT(*) > 1",
                      table));
      if (!repeated)
        return tl::unexpected(repeated.error());
      while (true) {
        auto row = (*repeated)->step();
        if (!row)
          return tl::unexpected(row.error());
        if (!*row)
          break;
        keys.emplace_back((*repeated)->column_text(0));
      }
    }
    int64_t deleted = 0;
    for (const std::string& key : keys) {
      auto removed = collapse_key(key, table);
      if (!removed)
        return tl::unexpected(removed.error());
      deleted += *removed;
    }
    FAXIAN_TRY(db_.execute(fmt::format("DROP INDEX {}", index)));
    return deleted;
  });
}

template <typename T>
Result<int64_t> FeedRecordRepository<T>::collapse_key(const std::string& key,
                                                      const std::string& table) {
  std::vector<std::pair<int64_t, std::string>> versions;  // id, content hash; in id order
  {
    auto statement = db_.prepare(fmt::format(
        "SELECT id, content_hash FROM {} WHERE natural_key = ? AND superseded_at IS NULL "
        "ORDER BY id",
        table));
    if (!statement)
      return tl::unexpected(statement.error());
    (*statement)->bind_text(1, key);
    while (true) {
      auto row = (*statement)->step();
      if (!row)
        return tl::unexpected(row.error());
      if (!*row)
        break;
      versions.emplace_back((*statement)->column_int64(0),
                            std::string((*statement)->column_text(1)));
    }
  }
  const int64_t now = clock_.now_unix();
  int64_t deleted = 0;
  std::size_t current = 0;
  for (std::size_t later = 1; later < versions.size(); ++later) {
    if (versions[later].second == versions[current].second) {
      FAXIAN_TRY(run_bound(db_, fmt::format("DELETE FROM {} WHERE id = ?", table),
                           [&](Statement& s) { s.bind_int64(1, versions[later].first); }));
      ++deleted;
      continue;
    }
    FAXIAN_TRY(run_bound(
        db_, fmt::format("UPDATE {} SET superseded_at = ? WHERE id = ?", table),
        [&](Statement& s) { ParamBinder(s).integer(now).integer(versions[current].first); }));
    FAXIAN_TRY(run_bound(
        db_, fmt::format("UPDATE {} SET supersedes_id = ? WHERE id = ?", table), [&](Statement& s) {
          ParamBinder(s).integer(versions[current].first).integer(versions[later].first);
        }));
    current = later;
  }
  return deleted;
}

template <typename T>
Result<std::optional<CurrentKey>> FeedRecordRepository<T>::current_key(
    std::string_view natural_key) {
  auto statement = db_.prepare(FeedSql<T>::get(db_.dialect()).current_key);
  if (!statement)
    return tl::unexpected(statement.error());
  (*statement)->bind_text(1, natural_key);
  auto has_row = (*statement)->step();
  if (!has_row)
    return tl::unexpected(has_row.error());
  if (!*has_row)
    return std::optional<CurrentKey>();
  return std::optional<CurrentKey>(
      CurrentKey{(*statement)->column_int64(0), std::string((*statement)->column_text(1))});
}

template <typename T>
Result<std::vector<StoredRecord<T>>> FeedRecordRepository<T>::query(
    std::string_view sql, const std::function<void(Statement&)>& bind) {
  auto statement = db_.prepare(sql);
  if (!statement)
    return tl::unexpected(statement.error());
  bind(**statement);
  std::vector<StoredRecord<T>> records;
  while (true) {
    auto has_row = (*statement)->step();
    if (!has_row)
      return tl::unexpected(has_row.error());
    if (!*has_row)
      return records;
    auto record = read_stored<T>(**statement);
    if (!record)
      return tl::unexpected(record.error());
    records.push_back(std::move(*record));
  }
}

template <typename T>
Result<std::optional<StoredRecord<T>>> FeedRecordRepository<T>::find_current(
    std::string_view natural_key) {
  const std::string sql =
      FeedSql<T>::get(db_.dialect()).select + "WHERE t.natural_key = ? AND t.superseded_at IS NULL";
  auto found = query(sql, [&](Statement& s) { s.bind_text(1, natural_key); });
  if (!found)
    return tl::unexpected(found.error());
  if (found->empty())
    return std::optional<StoredRecord<T>>();
  return std::optional<StoredRecord<T>>(std::move(found->front()));
}

template <typename T>
Result<StoredRecord<T>> FeedRecordRepository<T>::get(int64_t id) {
  const std::string sql = FeedSql<T>::get(db_.dialect()).select + "WHERE t.id = ?";
  auto found = query(sql, [&](Statement& s) { s.bind_int64(1, id); });
  if (!found)
    return tl::unexpected(found.error());
  if (found->empty()) {
    return fail(ErrorCode::kNotFound, "记录不存在",
                fmt::format("no record {} in {}", id, FeedCodec<T>::kTable));
  }
  return std::move(found->front());
}

template <typename T>
Result<std::vector<StoredRecord<T>>> FeedRecordRepository<T>::list_by_person(
    int64_t person_id, Date from, Date to, std::optional<int64_t> known_at) {
  const std::string filter =
      known_at ? "AND t.imported_at <= ? AND (t.superseded_at IS NULL OR t.superseded_at > ?) "
               : "AND t.superseded_at IS NULL ";
  const std::string sql = FeedSql<T>::get(db_.dialect()).select +
                          "WHERE t.person_id = ? AND t.event_date >= ? AND t.event_date <= ? " +
                          filter + "ORDER BY t.event_date, t.id";
  return query(sql, [&](Statement& s) {
    ParamBinder binder(s);
    binder.integer(person_id).date(from).date(to);
    if (known_at)
      binder.integer(*known_at).integer(*known_at);
  });
}

template <typename T>
Result<std::vector<StoredRecord<T>>> FeedRecordRepository<T>::history(
    std::string_view natural_key) {
  auto current = find_current(natural_key);
  if (!current)
    return tl::unexpected(current.error());
  std::vector<StoredRecord<T>> versions;
  if (!*current)
    return versions;
  versions.push_back(std::move(**current));
  while (versions.back().meta.supersedes_id) {
    auto older = get(*versions.back().meta.supersedes_id);
    if (!older)
      return tl::unexpected(older.error());
    versions.push_back(std::move(*older));
  }
  std::reverse(versions.begin(), versions.end());
  return versions;
}

template <typename T>
Result<void> FeedRecordRepository<T>::for_each_current(
    const std::function<Result<void>(const StoredRecord<T>&)>& visit) {
  return visit_current("ORDER BY t.id", visit);
}

template <typename T>
Result<void> FeedRecordRepository<T>::for_each_current_by_person(
    const std::function<Result<void>(const StoredRecord<T>&)>& visit) {
  return visit_current("ORDER BY t.person_id, t.event_date, t.id", visit);
}

template <typename T>
Result<void> FeedRecordRepository<T>::visit_current(
    std::string_view order_by, const std::function<Result<void>(const StoredRecord<T>&)>& visit) {
  const std::string sql = FeedSql<T>::get(db_.dialect()).select + "WHERE t.superseded_at IS NULL " +
                          std::string(order_by);
  return for_each_row(db_, sql, [&](const Statement& row) -> Result<void> {
    auto record = read_stored<T>(row);
    if (!record)
      return tl::unexpected(record.error());
    return visit(*record);
  });
}

template <typename T>
Result<int64_t> FeedRecordRepository<T>::count_current() {
  auto statement = db_.prepare(FeedSql<T>::get(db_.dialect()).count_current);
  if (!statement)
    return tl::unexpected(statement.error());
  auto has_row = (*statement)->step();
  if (!has_row)
    return tl::unexpected(has_row.error());
  return *has_row ? (*statement)->column_int64(0) : 0;
}

template class FeedRecordRepository<PopulationRecord>;
template class FeedRecordRepository<MedicalRecord>;
template class FeedRecordRepository<EmploymentRecord>;
template class FeedRecordRepository<IncomeRecord>;
template class FeedRecordRepository<DisabilityRecord>;
template class FeedRecordRepository<DeathRecord>;
template class FeedRecordRepository<DisasterRecord>;
template class FeedRecordRepository<PovertyMonitoringRecord>;
template class FeedRecordRepository<EducationRecord>;
template class FeedRecordRepository<AssetRecord>;
template class FeedRecordRepository<HotlineRecord>;
template class FeedRecordRepository<ApplicationRecord>;
template class FeedRecordRepository<RegistryRecord>;

}  // namespace faxian
