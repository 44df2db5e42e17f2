// A batch that fills the disk (70-quality.md "Bad input", issue 8): SQLite's max_page_count
// stands in for a full disk (tests/cli/disk_full.sh does it with a real 6 MiB filesystem). The
// import fails with a clear message, nothing of the batch is stored, the batches committed
// before are intact, the database passes its integrity check, and once there is room again the
// same file imports in full.

#include <gtest/gtest.h>

#include "ingest/import_runner.hpp"
#include "ingest/import_test_support.hpp"

namespace faxian::ingest {
namespace {

using testing_support::ImportTest;
using testing_support::valid_id;

constexpr std::string_view kMedicalHeader = "结算单号,身份证号,姓名,结算日期,医疗总费用,个人自付\n";

// `rows` medical settlements of distinct persons.
std::string many_medical_rows(int rows, int first) {
  std::string text(kMedicalHeader);
  for (int i = first; i < first + rows; ++i) {
    text +=
        fmt::format("YB{:07},{},张三,2024-01-05,1200.50,300\n", i, valid_id("19800101", i % 1000));
  }
  return text;
}

class DiskFullTest : public ImportTest {
 protected:
  // Lets the database grow by at most `pages` pages from now on (0: no limit).
  void limit_growth(int64_t pages) {
    const int64_t limit = pages == 0 ? 1073741823 : count("PRAGMA page_count") + pages;
    ASSERT_TRUE(db().execute(fmt::format("PRAGMA max_page_count = {}", limit)).has_value());
  }
};

TEST_P(DiskFullTest, ABatchThatFillsTheDiskFailsWholeAndTheRestIsIntact) {
  const ImportOutcome first = import_text(FeedKind::kMedical, many_medical_rows(10, 0));
  ASSERT_EQ(first.batch.status, BatchStatus::kCommitted);

  limit_growth(16);  // 64 KiB: far less than 20,000 rows need
  const std::string big = many_medical_rows(20000, 1000);
  auto reader = open_table_bytes(big);
  ASSERT_TRUE(reader.has_value());
  ImportRequest request;
  request.feed = FeedKind::kMedical;
  request.file_name = "big.csv";
  request.sha256 = std::string(64, '1');
  request.imported_by = "test";
  auto parser = make_feed_parser(FeedKind::kMedical, {.import_date = clock_.today()});
  auto outcome = import_table(db(), clock_, **reader, *parser, request);
  ASSERT_FALSE(outcome.has_value() && outcome->batch.status == BatchStatus::kCommitted);
  const std::string message =
      outcome ? (outcome->batch.errors.empty() ? "" : outcome->batch.errors.back().message)
              : outcome.error().message;
  EXPECT_NE(message.find("已满"), std::string::npos) << message;
  if (!outcome) {
    EXPECT_EQ(outcome.error().code, ErrorCode::kIo);
  }

  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_medical"), 10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_batches WHERE status = 'committed'"), 1);
  EXPECT_EQ(text("PRAGMA integrity_check"), "ok");

  limit_growth(0);
  const ImportOutcome again = import_text(FeedKind::kMedical, big);
  EXPECT_EQ(again.batch.status, BatchStatus::kCommitted);
  EXPECT_EQ(again.batch.imported, 20000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_medical"), 20010);
  EXPECT_EQ(text("PRAGMA integrity_check"), "ok");
}

// max_page_count is SQLite's; the PostgreSQL server's own disk-full error (SQLSTATE 53100) maps
// to the same kIo and message (store/postgres/postgres_error.cpp).
INSTANTIATE_TEST_SUITE_P(Sqlite, DiskFullTest,
                         testing::Values(faxian::testing_support::database_factories()[0]),
                         faxian::testing_support::factory_name);

}  // namespace
}  // namespace faxian::ingest
