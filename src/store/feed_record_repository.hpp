#pragma once
// 部门数据: the records of one department feed (one table per feed), with import provenance and
// correction history. A natural key has at most one current record; writing a record whose key
// is current with the same content hash is a duplicate (nothing written), with a different hash
// a correction (the current one is superseded — kept, with superseded_at — and the new one
// points at it through supersedes_id).
//
// Instantiated for the 13 record types of domain/feed_records.hpp. Not thread-safe (one
// Database per thread).

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/feed_records.hpp"
#include "store/database.hpp"

namespace faxian {

// What the importer knows about a row besides its typed fields.
struct NewRecordMeta {
  int64_t batch_id = 0;
  int64_t source_row = 0;              // line in the file (header = 1), or index in an API push
  std::string natural_key{};           // per 20-feeds.md; "row" feeds: a hash of the normalised row
  std::string content_hash{};          // hash of the normalised known columns
  std::optional<int64_t> person_id{};  // linked person (required except for hotline tickets)
};

template <typename T>
struct NewRecord {
  NewRecordMeta meta;
  T record;
};

struct RecordMeta {
  int64_t id = 0;
  int64_t batch_id = 0;
  int64_t source_row = 0;
  std::string natural_key{};
  std::string content_hash{};
  std::optional<int64_t> person_id{};
  Date event_date{};
  int64_t imported_at = 0;                 // Unix seconds
  std::optional<int64_t> supersedes_id{};  // the older version this one corrected
  std::optional<int64_t> superseded_at{};  // when a newer version replaced this one

  bool is_current() const { return !superseded_at.has_value(); }
};

template <typename T>
struct StoredRecord {
  RecordMeta meta;
  T record;
};

enum class RecordChange {
  kInserted,   // a new natural key
  kDuplicate,  // same key and content as the current record: nothing written
  kCorrected,  // same key, new content: the current record was superseded
};

struct RecordWrite {
  RecordChange change = RecordChange::kInserted;
  int64_t id = 0;  // the current record's id afterwards
};

// The current record of a natural key, without its fields (for duplicate detection).
struct CurrentKey {
  int64_t id = 0;
  std::string content_hash{};
};

template <typename T>
class FeedRecordRepository {
 public:
  FeedRecordRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Inserts a record as the current one of its key. kAlreadyExists if the key is current
  // already; kConstraint for an unknown batch or person.
  Result<int64_t> insert(const NewRecordMeta& meta, const T& record);
  // Inserts, or recognises a duplicate, or supersedes the current record (see top of file).
  // Atomic; joins the caller's transaction if one is open.
  Result<RecordWrite> write(const NewRecordMeta& meta, const T& record);
  // write() for many records through one cached statement, all or nothing, in order. Within
  // the batch a later record with an earlier one's key is a duplicate or correction of it.
  Result<std::vector<RecordWrite>> write_batch(std::span<const NewRecord<T>> records);
  // Bulk load (store/bulk_load.hpp): inserts every record as current without looking for its
  // key — for a table loaded while its natural-key index is dropped. All or nothing. Follow
  // with collapse_duplicate_keys() before the index is built again.
  Result<void> append_batch(std::span<const NewRecord<T>> records);
  // After append_batch: makes each natural key current at most once again, as write_batch would
  // have, in id order — a later record with the same content as the current one is deleted (a
  // duplicate), one with other content supersedes it (a correction). Returns the number of
  // duplicates deleted. Works with or without the natural-key index (it builds a temporary
  // one).
  Result<int64_t> collapse_duplicate_keys();
  // Supersedes current record `current_id` with a corrected version; returns the new id.
  // kNotFound if `current_id` is not a current record of this feed.
  Result<int64_t> supersede(int64_t current_id, const NewRecordMeta& meta, const T& record);

  // The id and content hash of the current record of a key; nullopt when there is none.
  Result<std::optional<CurrentKey>> current_key(std::string_view natural_key);
  // The current record of a key; nullopt when there is none.
  Result<std::optional<StoredRecord<T>>> find_current(std::string_view natural_key);
  // Any version by id; kNotFound when there is none.
  Result<StoredRecord<T>> get(int64_t id);
  // A person's records with event date in [from, to], by event date then id. Without
  // `known_at`: the current versions. With it: the versions the system held at that instant
  // (imported at or before it and not yet superseded then) — for `--known-at` replays.
  Result<std::vector<StoredRecord<T>>> list_by_person(int64_t person_id, Date from, Date to,
                                                      std::optional<int64_t> known_at = {});
  // Every version of a natural key, oldest first.
  Result<std::vector<StoredRecord<T>>> history(std::string_view natural_key);
  // Calls `visit` for every current record in id order (loading the screening engine); stops
  // at and returns the first error `visit` returns.
  Result<void> for_each_current(const std::function<Result<void>(const StoredRecord<T>&)>& visit);
  // Calls `visit` for every current record ordered by person, event date and id (one pass
  // over a feed by person, e.g. the 户籍 timelines of a large batch); stops at and returns the
  // first error `visit` returns.
  Result<void> for_each_current_by_person(
      const std::function<Result<void>(const StoredRecord<T>&)>& visit);
  // Number of current records.
  Result<int64_t> count_current();

 private:
  Result<std::optional<int64_t>> try_insert(Statement& statement, const NewRecordMeta& meta,
                                            const T& record, int64_t now,
                                            std::optional<int64_t> supersedes_id);
  Result<RecordWrite> write_one(Statement& insert_if_new, const NewRecordMeta& meta,
                                const T& record, int64_t now);
  Result<RecordWrite> write_over_current(const NewRecordMeta& meta, const T& record, int64_t now);
  Result<std::vector<RecordWrite>> write_in_groups(std::span<const NewRecord<T>> records,
                                                   int64_t now);
  Result<int64_t> supersede_at(int64_t current_id, const NewRecordMeta& meta, const T& record,
                               int64_t now);
  Result<int64_t> collapse_key(const std::string& key, const std::string& table);
  Result<void> visit_current(std::string_view order_by,
                             const std::function<Result<void>(const StoredRecord<T>&)>& visit);
  Result<std::vector<StoredRecord<T>>> query(std::string_view sql,
                                             const std::function<void(Statement&)>& bind);

  Database& db_;
  const Clock& clock_;
};

extern template class FeedRecordRepository<PopulationRecord>;
extern template class FeedRecordRepository<MedicalRecord>;
extern template class FeedRecordRepository<EmploymentRecord>;
extern template class FeedRecordRepository<IncomeRecord>;
extern template class FeedRecordRepository<DisabilityRecord>;
extern template class FeedRecordRepository<DeathRecord>;
extern template class FeedRecordRepository<DisasterRecord>;
extern template class FeedRecordRepository<PovertyMonitoringRecord>;
extern template class FeedRecordRepository<EducationRecord>;
extern template class FeedRecordRepository<AssetRecord>;
extern template class FeedRecordRepository<HotlineRecord>;
extern template class FeedRecordRepository<ApplicationRecord>;
extern template class FeedRecordRepository<RegistryRecord>;

}  // namespace faxian
