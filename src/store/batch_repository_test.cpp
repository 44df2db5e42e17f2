#include "store/batch_repository.hpp"

#include <gtest/gtest.h>

#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::StoreTest;

ImportBatch medical_batch() {
  return ImportBatch{.feed = FeedKind::kMedical,
                     .file_name = "医保结算2024年5月.csv",
                     .sha256 = std::string(64, 'a'),
                     .department = "医保局",
                     .imported_by = "liaison01",
                     .started_at = 1717200000};
}

class BatchRepositoryTest : public StoreTest {};

TEST_P(BatchRepositoryTest, CreatesFinishesAndReadsBackABatch) {
  BatchRepository repository(db());
  ImportBatch batch = medical_batch();
  auto id = repository.create(batch);
  ASSERT_TRUE(id.has_value()) << id.error().to_string();
  batch.id = *id;
  EXPECT_EQ(repository.find(*id).value(), batch);

  batch.finished_at = 1717200042;
  batch.status = BatchStatus::kCommitted;
  batch.rows = 1000;
  batch.imported = 990;
  batch.duplicates = 7;
  batch.rejected = 3;
  batch.errors = {
      {.row = 12, .column = "身份证号", .code = "bad_resident_id", .message = "身份证号校验位错误"},
      {.row = 0, .column = "", .code = "missing_column", .message = "缺少列"}};
  batch.warnings = {{.row = 1, .column = "备注", .code = "unknown_column", .message = "未知列"}};
  ASSERT_TRUE(repository.finish(batch).has_value());
  EXPECT_EQ(repository.find(*id).value(), batch);
  EXPECT_FALSE(repository.find(*id + 1).value().has_value());
}

TEST_P(BatchRepositoryTest, ListsNewestFirstByFeedAndFindsBySha) {
  BatchRepository repository(db());
  const int64_t first = repository.create(medical_batch()).value();
  ImportBatch income = medical_batch();
  income.feed = FeedKind::kIncome;
  income.sha256 = std::string(64, 'b');
  const int64_t second = repository.create(income).value();
  const int64_t third = repository.create(medical_batch()).value();
  auto all = repository.list(std::nullopt, 10).value();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, third);
  auto medical = repository.list(FeedKind::kMedical, 10).value();
  ASSERT_EQ(medical.size(), 2u);
  EXPECT_EQ(medical[1].id, first);
  EXPECT_EQ(repository.list(std::nullopt, 1).value().size(), 1u);
  auto same_file = repository.find_by_sha256(std::string(64, 'a')).value();
  ASSERT_EQ(same_file.size(), 2u);
  EXPECT_EQ(repository.find_by_sha256(std::string(64, 'b')).value()[0].id, second);
}

TEST_P(BatchRepositoryTest, FinishingAnUnknownBatchIsNotFound) {
  BatchRepository repository(db());
  ImportBatch batch = medical_batch();
  batch.id = 777;
  EXPECT_EQ(repository.finish(batch).error().code, ErrorCode::kNotFound);
}

TEST(BatchIssuesJsonTest, RoundTripsAndRejectsMalformedJson) {
  const std::vector<BatchRowIssue> issues = {
      {.row = 3, .column = "金额", .code = "bad_money", .message = "金额格式错误：\"1,2\""}};
  EXPECT_EQ(issues_from_json(issues_to_json(issues)).value(), issues);
  EXPECT_TRUE(issues_from_json("[]").value().empty());
  EXPECT_EQ(issues_from_json("{").error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(issues_from_json("[{\"row\":\"x\"}]").error().code, ErrorCode::kCorrupt);
  // Invalid UTF-8 from a badly encoded file never throws.
  const std::vector<BatchRowIssue> broken = {{.row = 1, .message = std::string("\xff\xfe")}};
  EXPECT_TRUE(issues_from_json(issues_to_json(broken)).has_value());
}

FAXIAN_INSTANTIATE_STORE_TEST(BatchRepositoryTest);

}  // namespace
}  // namespace faxian
