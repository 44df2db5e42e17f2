// Department records of all 13 feeds: round trips, duplicates, corrections with history,
// `known_at` replays, batch atomicity and constraint errors.

#include "store/feed_record_repository.hpp"

#include <gtest/gtest.h>

#include "store/batch_repository.hpp"
#include "store/bulk_load.hpp"
#include "store/feed_codecs.hpp"
#include "store/testing/feed_samples.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::day;
using testing_support::kIdMan1980;
using testing_support::sample_record;
using testing_support::StoreTest;

template <typename... Ts>
struct TypeList {};
using AllFeedRecords =
    TypeList<PopulationRecord, MedicalRecord, EmploymentRecord, IncomeRecord, DisabilityRecord,
             DeathRecord, DisasterRecord, PovertyMonitoringRecord, EducationRecord, AssetRecord,
             HotlineRecord, ApplicationRecord, RegistryRecord>;

// Calls visit.template operator()<T>() for every feed record type.
template <typename Visit, typename... Ts>
void for_each_feed(TypeList<Ts...>, Visit&& visit) {
  (visit.template operator()<Ts>(), ...);
}

class FeedRecordRepositoryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    person_id_ = seed_person(kIdMan1980);
    batch_id_ = BatchRepository(db())
                    .create({.feed = FeedKind::kMedical,
                             .file_name = "f.csv",
                             .sha256 = "00",
                             .imported_by = "test",
                             .started_at = clock_.now_unix()})
                    .value();
  }

  NewRecordMeta meta(std::string key, std::string hash, int64_t row = 2) {
    return {.batch_id = batch_id_,
            .source_row = row,
            .natural_key = std::move(key),
            .content_hash = std::move(hash),
            .person_id = person_id_};
  }

  int64_t person_id_ = 0;
  int64_t batch_id_ = 0;
};

TEST_P(FeedRecordRepositoryTest, EveryFeedRoundTripsFullAndSparseRecords) {
  for_each_feed(AllFeedRecords{}, [&]<typename T>() {
    SCOPED_TRACE(std::string(FeedCodec<T>::kTable));
    FeedRecordRepository<T> repository(db(), clock_);
    for (int variant : {0, 1}) {
      const T record = sample_record<T>(variant);
      const NewRecordMeta written = meta("key" + std::to_string(variant), "hash", 7 + variant);
      auto id = repository.insert(written, record);
      ASSERT_TRUE(id.has_value()) << id.error().to_string();
      auto stored = repository.get(*id);
      ASSERT_TRUE(stored.has_value()) << stored.error().to_string();
      EXPECT_TRUE(stored->record == record);
      EXPECT_EQ(stored->meta.id, *id);
      EXPECT_EQ(stored->meta.batch_id, batch_id_);
      EXPECT_EQ(stored->meta.source_row, 7 + variant);
      EXPECT_EQ(stored->meta.natural_key, written.natural_key);
      EXPECT_EQ(stored->meta.content_hash, "hash");
      EXPECT_EQ(stored->meta.person_id, person_id_);
      EXPECT_EQ(stored->meta.event_date, record.event_date());
      EXPECT_EQ(stored->meta.imported_at, clock_.now_unix());
      EXPECT_TRUE(stored->meta.is_current());
      EXPECT_FALSE(stored->meta.supersedes_id.has_value());
    }
    EXPECT_EQ(repository.count_current().value(), 2);
  });
}

TEST_P(FeedRecordRepositoryTest, EveryFeedKeepsCorrectionHistory) {
  for_each_feed(AllFeedRecords{}, [&]<typename T>() {
    SCOPED_TRACE(std::string(FeedCodec<T>::kTable));
    FeedRecordRepository<T> repository(db(), clock_);
    const T original = sample_record<T>(0);
    const T corrected = sample_record<T>(1);
    const int64_t before_import = clock_.now_unix() - 1;
    auto first = repository.write(meta("K", "h0"), original);
    ASSERT_TRUE(first.has_value()) << first.error().to_string();
    EXPECT_EQ(first->change, RecordChange::kInserted);
    auto duplicate = repository.write(meta("K", "h0", 9), original);
    ASSERT_TRUE(duplicate.has_value());
    EXPECT_EQ(duplicate->change, RecordChange::kDuplicate);
    EXPECT_EQ(duplicate->id, first->id);

    const int64_t before_correction = clock_.now_unix();
    clock_.advance_seconds(3600);
    auto correction = repository.write(meta("K", "h1"), corrected);
    ASSERT_TRUE(correction.has_value()) << correction.error().to_string();
    EXPECT_EQ(correction->change, RecordChange::kCorrected);
    EXPECT_NE(correction->id, first->id);

    auto history = repository.history("K").value();
    ASSERT_EQ(history.size(), 2u);
    EXPECT_TRUE(history[0].record == original);
    EXPECT_EQ(history[0].meta.superseded_at, clock_.now_unix());
    EXPECT_TRUE(history[1].record == corrected);
    EXPECT_EQ(history[1].meta.supersedes_id, first->id);
    EXPECT_TRUE(repository.find_current("K").value()->record == corrected);
    EXPECT_FALSE(repository.find_current("other").value().has_value());
    EXPECT_EQ(repository.count_current().value(), 1);

    const Date from = day("1900-01-01");
    const Date to = day("2100-01-01");
    auto now = repository.list_by_person(person_id_, from, to).value();
    ASSERT_EQ(now.size(), 1u);
    EXPECT_TRUE(now[0].record == corrected);
    auto then = repository.list_by_person(person_id_, from, to, before_correction).value();
    ASSERT_EQ(then.size(), 1u);
    EXPECT_TRUE(then[0].record == original);
    EXPECT_TRUE(repository.list_by_person(person_id_, from, to, before_import).value().empty());
    clock_.advance_seconds(-3600);
  });
}

TEST_P(FeedRecordRepositoryTest, WriteBatchClassifiesRowsIncludingRepeatsWithinTheBatch) {
  FeedRecordRepository<MedicalRecord> repository(db(), clock_);
  ASSERT_TRUE(repository.write(meta("A", "a0"), sample_record<MedicalRecord>(0)).has_value());
  const std::vector<NewRecord<MedicalRecord>> batch = {
      {meta("A", "a0", 2), sample_record<MedicalRecord>(0)},  // duplicate of a stored record
      {meta("B", "b0", 3), sample_record<MedicalRecord>(0)},  // new
      {meta("B", "b0", 4), sample_record<MedicalRecord>(0)},  // repeat within the batch
      {meta("B", "b1", 5), sample_record<MedicalRecord>(1)},  // correction within the batch
      {meta("A", "a1", 6), sample_record<MedicalRecord>(1)},  // correction of a stored record
  };
  auto writes = repository.write_batch(batch);
  ASSERT_TRUE(writes.has_value()) << writes.error().to_string();
  ASSERT_EQ(writes->size(), 5u);
  EXPECT_EQ((*writes)[0].change, RecordChange::kDuplicate);
  EXPECT_EQ((*writes)[1].change, RecordChange::kInserted);
  EXPECT_EQ((*writes)[2].change, RecordChange::kDuplicate);
  EXPECT_EQ((*writes)[2].id, (*writes)[1].id);
  EXPECT_EQ((*writes)[3].change, RecordChange::kCorrected);
  EXPECT_EQ((*writes)[4].change, RecordChange::kCorrected);
  EXPECT_EQ(repository.count_current().value(), 2);
  EXPECT_EQ(repository.history("B").value().size(), 2u);
}

TEST_P(FeedRecordRepositoryTest, WriteBatchIsAllOrNothing) {
  FeedRecordRepository<MedicalRecord> repository(db(), clock_);
  NewRecordMeta orphan = meta("C", "c0", 4);
  orphan.person_id = person_id_ + 1000;  // unknown person
  const std::vector<NewRecord<MedicalRecord>> batch = {
      {meta("A", "a0", 2), sample_record<MedicalRecord>(0)},
      {meta("B", "b0", 3), sample_record<MedicalRecord>(0)},
      {orphan, sample_record<MedicalRecord>(0)},
  };
  auto writes = repository.write_batch(batch);
  ASSERT_FALSE(writes.has_value());
  EXPECT_EQ(writes.error().code, ErrorCode::kConstraint);
  EXPECT_EQ(repository.count_current().value(), 0);
  EXPECT_EQ(db().transaction_depth(), 0);
}

TEST_P(FeedRecordRepositoryTest, ABatchInsideTheCallersTransactionRollsBackWithIt) {
  FeedRecordRepository<IncomeRecord> repository(db(), clock_);
  {
    auto transaction = Transaction::begin(db());
    ASSERT_TRUE(transaction.has_value());
    const std::vector<NewRecord<IncomeRecord>> batch = {
        {meta("I1", "h"), sample_record<IncomeRecord>(0)}};
    ASSERT_TRUE(repository.write_batch(batch).has_value());
    EXPECT_EQ(repository.count_current().value(), 1);
  }  // dropped: rolled back
  EXPECT_EQ(repository.count_current().value(), 0);
}

TEST_P(FeedRecordRepositoryTest, UnknownBatchOrPersonAndATakenKeyAreRefused) {
  FeedRecordRepository<DeathRecord> repository(db(), clock_);
  NewRecordMeta unknown_batch = meta("D", "h");
  unknown_batch.batch_id = batch_id_ + 50;
  EXPECT_EQ(repository.insert(unknown_batch, sample_record<DeathRecord>(0)).error().code,
            ErrorCode::kConstraint);
  NewRecordMeta unknown_person = meta("D", "h");
  unknown_person.person_id = person_id_ + 50;
  EXPECT_EQ(repository.insert(unknown_person, sample_record<DeathRecord>(0)).error().code,
            ErrorCode::kConstraint);
  NewRecordMeta no_person = meta("D", "h");
  no_person.person_id.reset();
  EXPECT_EQ(repository.insert(no_person, sample_record<DeathRecord>(0)).error().code,
            ErrorCode::kConstraint);
  ASSERT_TRUE(repository.insert(meta("D", "h"), sample_record<DeathRecord>(0)).has_value());
  EXPECT_EQ(repository.insert(meta("D", "h2"), sample_record<DeathRecord>(1)).error().code,
            ErrorCode::kAlreadyExists);
  EXPECT_EQ(repository.get(9999).error().code, ErrorCode::kNotFound);
}

TEST_P(FeedRecordRepositoryTest, SupersedingANonCurrentRecordIsNotFound) {
  FeedRecordRepository<AssetRecord> repository(db(), clock_);
  const int64_t old_id = repository.insert(meta("S", "h0"), sample_record<AssetRecord>(0)).value();
  auto newer = repository.supersede(old_id, meta("S", "h1"), sample_record<AssetRecord>(1));
  ASSERT_TRUE(newer.has_value()) << newer.error().to_string();
  auto again = repository.supersede(old_id, meta("S", "h2"), sample_record<AssetRecord>(0));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repository.history("S").value().size(), 2u);
}

TEST_P(FeedRecordRepositoryTest, HotlineTicketsNeedNoPerson) {
  FeedRecordRepository<HotlineRecord> repository(db(), clock_);
  NewRecordMeta unlinked = meta("GD1", "h");
  unlinked.person_id.reset();
  const HotlineRecord ticket = sample_record<HotlineRecord>(1);
  const int64_t id = repository.insert(unlinked, ticket).value();
  auto stored = repository.get(id).value();
  EXPECT_FALSE(stored.meta.person_id.has_value());
  EXPECT_TRUE(stored.record == ticket);
}

TEST_P(FeedRecordRepositoryTest, ListByPersonFiltersByDateAndOrdersByDate) {
  FeedRecordRepository<IncomeRecord> repository(db(), clock_);
  for (int month : {5, 1, 3}) {
    IncomeRecord income = sample_record<IncomeRecord>(0);
    income.month = Month::from_ym(2024, month).value();
    ASSERT_TRUE(repository.insert(meta("M" + std::to_string(month), "h"), income).has_value());
  }
  auto records = repository.list_by_person(person_id_, day("2024-02-01"), day("2024-05-01"));
  ASSERT_TRUE(records.has_value()) << records.error().to_string();
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].record.month.month(), 3);
  EXPECT_EQ((*records)[1].record.month.month(), 5);
  EXPECT_TRUE(repository.list_by_person(person_id_ + 1, day("2000-01-01"), day("2100-01-01"))
                  .value()
                  .empty());
}

TEST_P(FeedRecordRepositoryTest, ForEachCurrentVisitsCurrentRecordsAndStopsOnError) {
  FeedRecordRepository<EmploymentRecord> repository(db(), clock_);
  ASSERT_TRUE(repository.write(meta("E1", "a"), sample_record<EmploymentRecord>(0)));
  ASSERT_TRUE(repository.write(meta("E1", "b"), sample_record<EmploymentRecord>(1)));
  ASSERT_TRUE(repository.write(meta("E2", "a"), sample_record<EmploymentRecord>(0)));
  std::vector<std::string> keys;
  auto visited = repository.for_each_current([&](const StoredRecord<EmploymentRecord>& stored) {
    keys.push_back(stored.meta.natural_key);
    return ok();
  });
  ASSERT_TRUE(visited.has_value());
  EXPECT_EQ(keys, (std::vector<std::string>{"E1", "E2"}));
  int calls = 0;
  auto stopped = repository.for_each_current([&](const StoredRecord<EmploymentRecord>&) {
    ++calls;
    return Result<void>(fail(ErrorCode::kInternal, "停止", "stop"));
  });
  ASSERT_FALSE(stopped.has_value());
  EXPECT_EQ(calls, 1);
}

// 700 rows (PostgreSQL writes them in multi-row statements of 512, 128, 32, 16, 8 and 4 rows):
// keys K0…K299 first, then rows 300…699 repeat key row % 300 — an even row with the first
// row's content (a duplicate), an odd one with new content (a correction), so that a key's
// versions straddle the statements.
class LargeBatchTest : public FeedRecordRepositoryTest {
 protected:
  static constexpr int kRows = 700;
  static constexpr int kKeys = 300;

  std::vector<NewRecord<IncomeRecord>> large_batch() {
    std::vector<NewRecord<IncomeRecord>> batch;
    for (int row = 0; row < kRows; ++row) {
      const bool repeat = row >= kKeys && row % 2 == 0;
      const std::string hash = row < kKeys || repeat ? "h0" : "h" + std::to_string(row);
      batch.push_back({meta("K" + std::to_string(row % kKeys), hash, row + 2),
                       sample_record<IncomeRecord>(hash == "h0" ? 0 : 1)});
    }
    return batch;
  }
};

TEST_P(LargeBatchTest, WriteBatchClassifiesEveryRowAsRowByRow) {
  FeedRecordRepository<IncomeRecord> repository(db(), clock_);
  const auto batch = large_batch();
  auto writes = repository.write_batch(batch);
  ASSERT_TRUE(writes.has_value()) << writes.error().to_string();
  ASSERT_EQ(writes->size(), static_cast<std::size_t>(kRows));
  for (int row = 0; row < kRows; ++row) {
    const RecordWrite& write = (*writes)[row];
    SCOPED_TRACE(row);
    if (row < kKeys) {
      EXPECT_EQ(write.change, RecordChange::kInserted);
    } else if (row % 2 == 0) {
      EXPECT_EQ(write.change, RecordChange::kDuplicate);
      EXPECT_EQ(write.id, (*writes)[row % kKeys].id);
    } else {
      EXPECT_EQ(write.change, RecordChange::kCorrected);
      EXPECT_EQ(repository.get(write.id).value().meta.content_hash, batch[row].meta.content_hash);
    }
  }
  EXPECT_EQ(repository.count_current().value(), kKeys);
  EXPECT_EQ(repository.history("K1").value().size(), 3u);    // rows 1, 301, 601
  EXPECT_EQ(repository.history("K2").value().size(), 1u);    // rows 2, 302 and 602 the same
  EXPECT_EQ(repository.history("K101").value().size(), 2u);  // rows 101, 401
  EXPECT_EQ(repository.find_current("K1").value()->meta.source_row, 603);
}

TEST_P(LargeBatchTest, AppendThenCollapseEndsAsWriteBatchWould) {
  FeedRecordRepository<IncomeRecord> repository(db(), clock_);
  const auto batch = large_batch();
  auto transaction = Transaction::begin(db());
  ASSERT_TRUE(transaction.has_value());
  auto load = FeedBulkLoad::begin(db(), "feed_income", {.drop_indexes = true});
  ASSERT_TRUE(load.has_value()) << load.error().to_string();
  ASSERT_TRUE(load->indexes_dropped());
  ASSERT_TRUE(repository.append_batch(batch).has_value());
  EXPECT_EQ(repository.count_current().value(), kRows);
  auto duplicates = load->finish([&] { return repository.collapse_duplicate_keys(); });
  ASSERT_TRUE(duplicates.has_value()) << duplicates.error().to_string();
  EXPECT_EQ(*duplicates, 200);  // the even rows 300…698
  ASSERT_TRUE(transaction->commit().has_value());
  EXPECT_EQ(repository.count_current().value(), kKeys);
  EXPECT_EQ(repository.history("K1").value().size(), 3u);
  EXPECT_EQ(repository.history("K2").value().size(), 1u);
  EXPECT_EQ(repository.find_current("K1").value()->meta.source_row, 603);
  // The natural-key index is back: a current key is refused again.
  EXPECT_EQ(repository.insert(meta("K5", "h9"), sample_record<IncomeRecord>(1)).error().code,
            ErrorCode::kAlreadyExists);
}

FAXIAN_INSTANTIATE_STORE_TEST(FeedRecordRepositoryTest);
FAXIAN_INSTANTIATE_STORE_TEST(LargeBatchTest);

}  // namespace
}  // namespace faxian
