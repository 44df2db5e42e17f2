// The batch importer's semantics (20-feeds.md "Import semantics") through the real readers and
// parsers: counts, linkage, idempotence, corrections, rejected rows, --strict, failed files,
// bounded error lists, and the same results however rows are chunked or threaded.

#include "ingest/import_runner.hpp"

#include <gtest/gtest.h>

#include "common/file_util.hpp"
#include "ingest/import_issues.hpp"
#include "ingest/import_test_support.hpp"
#include "store/batch_repository.hpp"
#include "store/feed_record_repository.hpp"
#include "store/person_repository.hpp"

namespace faxian::ingest {
namespace {

using testing_support::ImportTest;
using testing_support::valid_id;

const std::string kIdA = valid_id("19800101", 11);
const std::string kIdB = valid_id("19751231", 22);

constexpr std::string_view kMedicalHeader = "结算单号,身份证号,姓名,结算日期,医疗总费用,个人自付\n";

std::string medical_rows() {
  return std::string(kMedicalHeader) + "YB001," + kIdA + ",张三,2024-01-05,1200.50,300\n" +
         "YB002," + kIdA + ",张三,2024-02-01,80,80\n" + "YB003," + kIdB +
         ",李四,2024-03-10,5000,1000\n";
}

class ImporterTest : public ImportTest {};

TEST_P(ImporterTest, ImportsRowsLinksPersonsAndRecordsTheBatch) {
  const ImportOutcome outcome = import_text(FeedKind::kMedical, medical_rows());
  const ImportBatch& batch = outcome.batch;
  EXPECT_EQ(batch.status, BatchStatus::kCommitted);
  EXPECT_EQ(batch.rows, 3);
  EXPECT_EQ(batch.imported, 3);
  EXPECT_EQ(batch.duplicates, 0);
  EXPECT_EQ(batch.rejected, 0);
  EXPECT_TRUE(batch.errors.empty());
  EXPECT_EQ(batch.department, "医保局");
  EXPECT_EQ(outcome.persons_created, 2);
  EXPECT_EQ(outcome.touched_persons.size(), 2u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_medical"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE unregistered = 1"), 2);
  auto stored = BatchRepository(db()).find(batch.id).value();
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(*stored, batch);
  auto person = PersonRepository(db(), clock_).find_by_resident_id(ResidentId::parse(kIdA).value());
  ASSERT_TRUE(person.value().has_value());
  EXPECT_EQ((*person)->name, "张三");
  EXPECT_EQ(count("SELECT COUNT(DISTINCT person_id) FROM feed_medical"), 2);
}

TEST_P(ImporterTest, TheSameFactsAgainAreDuplicatesWhateverTheirForm) {
  import_text(FeedKind::kMedical, medical_rows());
  const ImportOutcome again = import_text(FeedKind::kMedical, medical_rows());
  EXPECT_EQ(again.batch.imported, 0);
  EXPECT_EQ(again.batch.duplicates, 3);
  EXPECT_EQ(again.persons_created, 0);
  EXPECT_TRUE(again.touched_persons.empty());
  // Another date format, money format, column order and ID spacing: still the same facts.
  const std::string spaced = kIdB.substr(0, 6) + " " + kIdB.substr(6, 8) + " " + kIdB.substr(14);
  const std::string other_form =
      "姓名,个人自付,医疗总费用,结算日期,身份证号,结算单号\n李四,\"¥1,000.00\",5000元,2024/3/10," +
      spaced + ",YB003\n";
  const ImportOutcome reformatted = import_text(FeedKind::kMedical, other_form);
  EXPECT_EQ(reformatted.batch.duplicates, 1);
  EXPECT_EQ(reformatted.batch.imported, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_medical"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_batches WHERE status = 'committed'"), 3);
}

TEST_P(ImporterTest, ACorrectionSupersedesTheCurrentRecordAndKeepsHistory) {
  import_text(FeedKind::kMedical, medical_rows());
  const std::string corrected =
      std::string(kMedicalHeader) + "YB003," + kIdB + ",李四,2024-03-10,5000,1500\n";
  const ImportOutcome outcome = import_text(FeedKind::kMedical, corrected);
  EXPECT_EQ(outcome.batch.imported, 1);
  EXPECT_EQ(outcome.batch.duplicates, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_medical"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_medical WHERE superseded_at IS NULL"), 3);
  EXPECT_EQ(count("SELECT self_paid FROM feed_medical WHERE settlement_no = 'YB003' AND "
                  "superseded_at IS NULL"),
            150000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_medical WHERE supersedes_id IS NOT NULL"), 1);
}

TEST_P(ImporterTest, RowsWithErrorsAreRejectedAndListedTheRestCommitted) {
  std::string bad_check = kIdA;
  bad_check[17] = bad_check[17] == '1' ? '2' : '1';
  const std::string text = medical_rows() + "YB004," + bad_check + ",王五,2024-01-01,10,10\n" +
                           "YB005," + kIdB + ",李四,2023-02-30,10,10\n" + "YB006," + kIdB +
                           ",李四,2024-01-01,5.00241E+17,1\n";
  const ImportOutcome outcome = import_text(FeedKind::kMedical, text);
  EXPECT_EQ(outcome.batch.status, BatchStatus::kCommitted);
  EXPECT_EQ(outcome.batch.rows, 6);
  EXPECT_EQ(outcome.batch.imported, 3);
  EXPECT_EQ(outcome.batch.rejected, 3);
  ASSERT_EQ(outcome.batch.errors.size(), 3u);
  EXPECT_EQ(outcome.batch.errors[0].row, 5);
  EXPECT_EQ(outcome.batch.errors[0].column, "身份证号");
  EXPECT_EQ(outcome.batch.errors[0].code, "bad_resident_id");
  EXPECT_EQ(outcome.batch.errors[1].row, 6);
  EXPECT_EQ(outcome.batch.errors[1].code, "bad_date");
  EXPECT_EQ(outcome.batch.errors[2].row, 7);
  EXPECT_EQ(outcome.batch.errors[2].column, "医疗总费用");
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_medical"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 2);  // nobody made up for rejected rows
}

TEST_P(ImporterTest, StrictRejectsTheWholeBatchAndRecordsWhy) {
  const std::string text = medical_rows() + "YB004," + kIdA + ",张三,2023-02-30,10,10\n";
  ImportRequest request;
  request.strict = true;
  const ImportOutcome outcome = import_text(FeedKind::kMedical, text, request);
  EXPECT_EQ(outcome.batch.status, BatchStatus::kRejected);
  EXPECT_EQ(outcome.batch.rows, 4);
  EXPECT_EQ(outcome.batch.rejected, 1);
  EXPECT_EQ(outcome.batch.imported, 0);
  ASSERT_EQ(outcome.batch.errors.size(), 1u);
  EXPECT_EQ(outcome.batch.errors[0].row, 5);
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_medical"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_batches WHERE status = 'rejected'"), 1);
  // Strict with a clean file commits as usual.
  const ImportOutcome clean = import_text(FeedKind::kMedical, medical_rows(), request);
  EXPECT_EQ(clean.batch.status, BatchStatus::kCommitted);
  EXPECT_EQ(clean.batch.imported, 3);
}

TEST_P(ImporterTest, AMissingRequiredColumnFailsTheBatch) {
  const ImportOutcome outcome =
      import_text(FeedKind::kMedical, "结算单号,姓名,结算日期,医疗总费用\nYB1,张三,2024-01-01,1\n");
  EXPECT_EQ(outcome.batch.status, BatchStatus::kFailed);
  ASSERT_EQ(outcome.batch.errors.size(), 1u);
  EXPECT_EQ(outcome.batch.errors[0].code, "missing_column");
  EXPECT_EQ(outcome.batch.errors[0].row, 1);
  EXPECT_NE(outcome.batch.errors[0].message.find("身份证号"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_medical"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_batches WHERE status = 'failed'"), 1);
}

TEST_P(ImporterTest, BlankRowsAreSkippedAndUnknownColumnsWarned) {
  const std::string text = "备注," + std::string(kMedicalHeader) + ",YB001," + kIdA +
                           ",张三,2024-01-05,10,1\n,,,,,,\n\n";
  const ImportOutcome outcome = import_text(FeedKind::kMedical, text);
  EXPECT_EQ(outcome.batch.rows, 1);
  EXPECT_EQ(outcome.batch.imported, 1);
  ASSERT_EQ(outcome.batch.warnings.size(), 1u);
  EXPECT_EQ(outcome.batch.warnings[0].code, "unknown_column");
}

TEST_P(ImporterTest, ARowRepeatedInOneFileIsADuplicate) {
  const std::string text = medical_rows() + "YB001," + kIdA + ",张三,2024/1/5,1200.5,300.00\n";
  const ImportOutcome outcome = import_text(FeedKind::kMedical, text);
  EXPECT_EQ(outcome.batch.imported, 3);
  EXPECT_EQ(outcome.batch.duplicates, 1);
}

TEST_P(ImporterTest, ErrorListsAreBoundedButEveryRejectedRowIsCounted) {
  std::string text(kMedicalHeader);
  for (int index = 0; index < 7; ++index)
    text += fmt::format("YB{},{},张三,2023-02-30,1,1\n", index, kIdA);
  ImportRequest request;
  request.tuning.max_issues = 3;
  const ImportOutcome outcome = import_text(FeedKind::kMedical, text, request);
  EXPECT_EQ(outcome.batch.rejected, 7);
  EXPECT_EQ(outcome.issues_dropped, 4);
  ASSERT_EQ(outcome.batch.errors.size(), 4u);
  EXPECT_EQ(outcome.batch.errors.back().code, import_code::kTooManyErrors);
}

TEST_P(ImporterTest, ChunkingAndThreadingDoNotChangeResults) {
  std::string text(kMedicalHeader);
  for (int index = 0; index < 50; ++index) {
    const std::string& id = index % 3 == 0 ? kIdA : kIdB;
    const std::string date = index % 7 == 0 ? "2023-02-30" : "2024-01-01";
    text += fmt::format("YB{},{},某某,{},{},1\n", index % 40, id, date, 10 + index % 2);
  }
  ImportRequest threaded;
  threaded.tuning.chunk_rows = 3;
  const ImportOutcome first = import_text(FeedKind::kMedical, text, threaded);
  const int64_t rows_after_first = count("SELECT COUNT(*) FROM feed_medical");
  // A fresh store, parsed inline in one chunk.
  SetUp();
  ImportRequest inline_request;
  inline_request.tuning.parse_in_thread = false;
  inline_request.tuning.chunk_rows = 1000;
  const ImportOutcome second = import_text(FeedKind::kMedical, text, inline_request);
  EXPECT_EQ(first.batch.rows, second.batch.rows);
  EXPECT_EQ(first.batch.imported, second.batch.imported);
  EXPECT_EQ(first.batch.duplicates, second.batch.duplicates);
  EXPECT_EQ(first.batch.rejected, second.batch.rejected);
  EXPECT_EQ(first.batch.errors, second.batch.errors);
  EXPECT_EQ(rows_after_first, count("SELECT COUNT(*) FROM feed_medical"));
}

TEST_P(ImporterTest, ProgressIsReportedAfterEachChunk) {
  ImportRequest request;
  request.tuning.chunk_rows = 1;
  std::vector<int64_t> seen;
  request.on_progress = [&](const ImportProgress& progress) { seen.push_back(progress.rows); };
  import_text(FeedKind::kMedical, medical_rows(), request);
  EXPECT_EQ(seen, (std::vector<int64_t>{1, 2, 3}));
}

TEST_P(ImporterTest, MessagesFollowTheLanguage) {
  ImportRequest request;
  request.language = MessageLanguage::kEnglish;
  const std::string text = std::string(kMedicalHeader) + "YB1," + kIdA + ",张三,2023-02-30,1,1\n";
  const ImportOutcome outcome = import_text(FeedKind::kMedical, text, request);
  ASSERT_EQ(outcome.batch.errors.size(), 1u);
  EXPECT_NE(outcome.batch.errors[0].message.find("does not exist"), std::string::npos)
      << outcome.batch.errors[0].message;
  const ImportOutcome chinese = import_text(
      FeedKind::kMedical, std::string(kMedicalHeader) + "YB1," + kIdA + ",张三,2023-02-30,1,1\n");
  EXPECT_NE(chinese.batch.errors[0].message.find("不存在"), std::string::npos)
      << chinese.batch.errors[0].message;
}

// A reader that gives the rows of a CSV text, then fails (a file truncated in transit).
class FailingReader final : public TableReader {
 public:
  FailingReader(std::string_view text, int rows_before_failing)
      : inner_(open_table_bytes(text).value()), left_(rows_before_failing) {}
  Result<bool> next(TableRow& row) override {
    if (left_-- <= 0)
      return fail(ErrorCode::kIo, "文件在第 N 行后被截断", "file truncated");
    return inner_->next(row);
  }
  TableFormat format() const override { return TableFormat::kCsvUtf8; }

 private:
  std::unique_ptr<TableReader> inner_;
  int left_;
};

TEST_P(ImporterTest, AFileThatCannotBeReadToItsEndLeavesNothing) {
  for (bool threaded : {true, false}) {
    FailingReader reader(medical_rows(), 3);  // header + 2 rows, then the failure
    ImportRequest request;
    request.feed = FeedKind::kMedical;
    request.file_name = "cut.csv";
    request.sha256 = "00";
    request.tuning.chunk_rows = 1;
    request.tuning.parse_in_thread = threaded;
    auto parser = make_feed_parser(FeedKind::kMedical, {.import_date = clock_.today()});
    auto outcome = import_table(db(), clock_, reader, *parser, request);
    ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
    EXPECT_EQ(outcome->batch.status, BatchStatus::kFailed);
    EXPECT_EQ(outcome->batch.imported, 0);
    ASSERT_FALSE(outcome->batch.errors.empty());
    EXPECT_EQ(outcome->batch.errors.back().code, import_code::kUnreadableFile);
    EXPECT_EQ(outcome->batch.errors.back().message, "文件在第 N 行后被截断");
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_medical"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 0);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_batches WHERE status = 'failed'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_batches"), 2);
}

TEST_P(ImporterTest, ImportFileHashesTheFileAndFailsAFileThatIsNoTable) {
  const std::string folder = ::testing::TempDir();
  const std::string good = folder + "/import_file_good.csv";
  ASSERT_TRUE(write_file_atomic(good, medical_rows()).has_value());
  ImportRequest request;
  request.feed = FeedKind::kMedical;
  auto outcome = import_file(db(), clock_, good, request);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
  EXPECT_EQ(outcome->batch.file_name, "import_file_good.csv");
  EXPECT_EQ(outcome->batch.sha256.size(), 64u);
  EXPECT_EQ(outcome->batch.imported, 3);

  const std::string empty = folder + "/import_file_empty.csv";
  ASSERT_TRUE(write_file_atomic(empty, "").has_value());
  auto failed = import_file(db(), clock_, empty, request);
  ASSERT_TRUE(failed.has_value()) << failed.error().to_string();
  EXPECT_EQ(failed->batch.status, BatchStatus::kFailed);
  ASSERT_EQ(failed->batch.errors.size(), 1u);
  EXPECT_EQ(failed->batch.errors[0].code, import_code::kEmptyFile);
  // SHA-256 of nothing.
  EXPECT_EQ(failed->batch.sha256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  const std::string utf16 = folder + "/import_file_utf16.csv";
  ASSERT_TRUE(write_file_atomic(utf16, std::string("\xFF\xFE"
                                                   "1\0,\0"
                                                   "2\0\n\0",
                                                   10))
                  .has_value());
  auto unreadable = import_file(db(), clock_, utf16, request);
  ASSERT_TRUE(unreadable.has_value()) << unreadable.error().to_string();
  EXPECT_EQ(unreadable->batch.status, BatchStatus::kFailed);
  ASSERT_EQ(unreadable->batch.errors.size(), 1u);
  EXPECT_EQ(unreadable->batch.errors[0].code, import_code::kUnreadableFile);

  auto missing = import_file(db(), clock_, folder + "/no_such_file.csv", request);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

FAXIAN_INSTANTIATE_STORE_TEST(ImporterTest);

}  // namespace
}  // namespace faxian::ingest
