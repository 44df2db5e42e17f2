// The Database contract, run against every backend.

#include "store/database.hpp"

#include <array>
#include <cstddef>
#include <limits>

#include <gtest/gtest.h>

#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::StoreTest;

class DatabaseTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    auto created = db().execute(db().dialect().render_ddl(
        "CREATE TABLE sample (id {id}, label TEXT NOT NULL UNIQUE, amount {int}, ratio {real}, "
        "payload {blob}, CHECK (amount IS NULL OR amount >= 0)) {strict};"
        "CREATE TABLE sample_child (id {id}, sample_id {int} NOT NULL REFERENCES sample(id)) "
        "{strict}"));
    ASSERT_TRUE(created.has_value()) << created.error().to_string();
  }

  Result<void> insert_label(std::string_view label, std::optional<int64_t> amount = 1) {
    auto statement = db().prepare("INSERT INTO sample (label, amount) VALUES (?, ?)");
    if (!statement)
      return tl::unexpected(statement.error());
    (*statement)->bind_text(1, label);
    if (amount) {
      (*statement)->bind_int64(2, *amount);
    } else {
      (*statement)->bind_null(2);
    }
    return (*statement)->run();
  }

  int64_t count_samples() {
    auto statement = db().prepare("SELECT COUNT(*) FROM sample");
    EXPECT_TRUE(statement.has_value());
    EXPECT_TRUE((*statement)->step().value_or(false));
    return (*statement)->column_int64(0);
  }
};

TEST_P(DatabaseTest, BindsAndReadsEveryValueType) {
  const std::array<std::byte, 4> payload = {std::byte{0}, std::byte{0xff}, std::byte{0},
                                            std::byte{7}};
  // UTF-8, with an embedded NUL where the backend can store one (PostgreSQL text cannot: see
  // TextWithANulIsStoredOrRefusedNeverCut).
  const bool sqlite = db().dialect().kind == DialectKind::kSqlite;
  const std::string label = sqlite ? std::string("秀山\0县", 10) : std::string("秀山县");
  auto insert =
      db().prepare("INSERT INTO sample (label, amount, ratio, payload) VALUES (?, ?, ?, ?)");
  ASSERT_TRUE(insert.has_value()) << insert.error().to_string();
  (*insert)->bind_text(1, label);
  (*insert)->bind_int64(2, std::numeric_limits<int64_t>::max());
  (*insert)->bind_double(3, 0.125);
  (*insert)->bind_blob(4, payload);
  ASSERT_TRUE((*insert)->run().has_value());
  EXPECT_EQ(db().changes(), 1);
  EXPECT_GT(db().last_insert_id(), 0);

  auto select = db().prepare("SELECT label, amount, ratio, payload, NULL FROM sample");
  ASSERT_TRUE(select.has_value());
  ASSERT_TRUE((*select)->step().value());
  EXPECT_EQ((*select)->column_count(), 5);
  EXPECT_EQ((*select)->column_type(0), ColumnType::kText);
  EXPECT_EQ((*select)->column_text(0), label);
  EXPECT_EQ((*select)->column_type(1), ColumnType::kInteger);
  EXPECT_EQ((*select)->column_int64(1), std::numeric_limits<int64_t>::max());
  EXPECT_EQ((*select)->column_type(2), ColumnType::kReal);
  EXPECT_DOUBLE_EQ((*select)->column_double(2), 0.125);
  EXPECT_EQ((*select)->column_type(3), ColumnType::kBlob);
  auto blob = (*select)->column_blob(3);
  EXPECT_TRUE(std::equal(blob.begin(), blob.end(), payload.begin(), payload.end()));
  EXPECT_TRUE((*select)->column_is_null(4));
  EXPECT_FALSE((*select)->step().value());
}

TEST_P(DatabaseTest, TextWithANulIsStoredOrRefusedNeverCut) {
  const std::string label("秀山\0县", 10);
  auto insert = db().prepare("INSERT INTO sample (label) VALUES (?)");
  ASSERT_TRUE(insert.has_value()) << insert.error().to_string();
  (*insert)->bind_text(1, label);
  auto inserted = (*insert)->run();
  if (db().dialect().kind == DialectKind::kPostgres) {
    ASSERT_FALSE(inserted.has_value());
    EXPECT_EQ(inserted.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(count_samples(), 0);
    return;
  }
  ASSERT_TRUE(inserted.has_value()) << inserted.error().to_string();
  auto select = db().prepare("SELECT label FROM sample");
  ASSERT_TRUE(select.has_value() && (*select)->step().value());
  EXPECT_EQ((*select)->column_text(0), label);
}

TEST_P(DatabaseTest, ReturningIdAndChangesCount) {
  auto insert = db().prepare("INSERT INTO sample (label) VALUES (?) RETURNING id");
  ASSERT_TRUE(insert.has_value());
  (*insert)->bind_text(1, "a");
  ASSERT_TRUE((*insert)->step().value());
  const int64_t id = (*insert)->column_int64(0);
  EXPECT_EQ(db().last_insert_id(), id);
  ASSERT_TRUE(insert_label("b").has_value());
  ASSERT_TRUE(insert_label("c").has_value());
  ASSERT_TRUE(db().run("UPDATE sample SET amount = 5").has_value());
  EXPECT_EQ(db().changes(), 3);
}

TEST_P(DatabaseTest, ExecuteRunsSeveralStatements) {
  ASSERT_TRUE(db().execute("INSERT INTO sample (label) VALUES ('x'); "
                           "INSERT INTO sample (label) VALUES ('y');")
                  .has_value());
  EXPECT_EQ(count_samples(), 2);
}

TEST_P(DatabaseTest, StatementsAreReusedAndMayBeLeasedTwiceAtOnce) {
  for (int index = 0; index < 5; ++index) {
    ASSERT_TRUE(insert_label("label" + std::to_string(index)).has_value());
  }
  auto outer = db().prepare("SELECT label FROM sample ORDER BY id");
  auto inner = db().prepare("SELECT label FROM sample ORDER BY id");
  ASSERT_TRUE(outer.has_value() && inner.has_value());
  int pairs = 0;
  while ((*outer)->step().value()) {
    (*inner)->reset();
    while ((*inner)->step().value())
      ++pairs;
  }
  EXPECT_EQ(pairs, 25);
}

TEST_P(DatabaseTest, ErrorsAreValuesNeverCrashes) {
  auto syntax = db().prepare("SELEC nonsense");
  ASSERT_FALSE(syntax.has_value());
  EXPECT_EQ(syntax.error().code, ErrorCode::kInternal);
  EXPECT_FALSE(syntax.error().message.empty());

  auto missing_table = db().execute("INSERT INTO no_such_table VALUES (1)");
  ASSERT_FALSE(missing_table.has_value());

  auto bad_index = db().prepare("INSERT INTO sample (label) VALUES (?)");
  ASSERT_TRUE(bad_index.has_value());
  (*bad_index)->bind_text(7, "x");
  auto stepped = (*bad_index)->step();
  ASSERT_FALSE(stepped.has_value());
  EXPECT_EQ(stepped.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(DatabaseTest, ConstraintViolationsMapToErrorCodes) {
  ASSERT_TRUE(insert_label("taken").has_value());
  auto unique = insert_label("taken");
  ASSERT_FALSE(unique.has_value());
  EXPECT_EQ(unique.error().code, ErrorCode::kAlreadyExists);

  auto check = insert_label("negative", -5);
  ASSERT_FALSE(check.has_value());
  EXPECT_EQ(check.error().code, ErrorCode::kConstraint);

  auto not_null = db().run("INSERT INTO sample (amount) VALUES (3)");
  ASSERT_FALSE(not_null.has_value());
  EXPECT_EQ(not_null.error().code, ErrorCode::kConstraint);

  auto foreign_key = db().run("INSERT INTO sample_child (sample_id) VALUES (999)");
  ASSERT_FALSE(foreign_key.has_value());
  EXPECT_EQ(foreign_key.error().code, ErrorCode::kConstraint);

  // A value of the wrong type for a typed column is refused, not silently stored as text.
  auto statement = db().prepare("INSERT INTO sample (label, amount) VALUES (?, ?)");
  ASSERT_TRUE(statement.has_value());
  (*statement)->bind_text(1, "typed");
  (*statement)->bind_text(2, "not a number");
  auto wrong_type = (*statement)->run();
  ASSERT_FALSE(wrong_type.has_value());
  EXPECT_EQ(wrong_type.error().code, ErrorCode::kConstraint);
  EXPECT_EQ(count_samples(), 1);
}

TEST_P(DatabaseTest, TransactionCommitsAndGuardRollsBackWhenDropped) {
  {
    auto transaction = Transaction::begin(db());
    ASSERT_TRUE(transaction.has_value());
    ASSERT_TRUE(insert_label("kept").has_value());
    ASSERT_TRUE(transaction->commit().has_value());
  }
  {
    auto transaction = Transaction::begin(db());
    ASSERT_TRUE(transaction.has_value());
    ASSERT_TRUE(insert_label("dropped").has_value());
    EXPECT_EQ(db().transaction_depth(), 1);
  }
  EXPECT_EQ(db().transaction_depth(), 0);
  EXPECT_EQ(count_samples(), 1);
}

TEST_P(DatabaseTest, InTransactionRollsBackEverythingOnError) {
  auto result = in_transaction(db(), [&]() -> Result<int> {
    FAXIAN_TRY(insert_label("first"));
    FAXIAN_TRY(insert_label("first"));  // unique violation
    return 1;
  });
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(count_samples(), 0);
  EXPECT_EQ(db().transaction_depth(), 0);
}

TEST_P(DatabaseTest, NestedTransactionsAreSavepoints) {
  auto outer = Transaction::begin(db());
  ASSERT_TRUE(outer.has_value());
  ASSERT_TRUE(insert_label("outer").has_value());
  {
    auto inner = Transaction::begin(db());
    ASSERT_TRUE(inner.has_value());
    EXPECT_EQ(db().transaction_depth(), 2);
    ASSERT_TRUE(insert_label("inner-rolled-back").has_value());
  }
  auto inner_kept = in_transaction(db(), [&]() -> Result<void> { return insert_label("inner"); });
  ASSERT_TRUE(inner_kept.has_value());
  ASSERT_TRUE(outer->commit().has_value());
  EXPECT_EQ(count_samples(), 2);
}

TEST_P(DatabaseTest, AllOrNothingTransactionHasFlatNestedLevels) {
  auto outer = Transaction::begin_all_or_nothing(db());
  ASSERT_TRUE(outer.has_value());
  auto inner = in_transaction(db(), [&]() -> Result<void> { return insert_label("inner"); });
  ASSERT_TRUE(inner.has_value());
  {
    // A real savepoint still rolls back on its own.
    auto savepoint = Transaction::savepoint(db());
    ASSERT_TRUE(savepoint.has_value());
    ASSERT_TRUE(insert_label("tried").has_value());
  }
  ASSERT_TRUE(outer->commit().has_value());
  EXPECT_EQ(count_samples(), 1);
  EXPECT_EQ(db().transaction_depth(), 0);
}

TEST_P(DatabaseTest, FlatLevelThatRollsBackDoomsTheWholeTransaction) {
  auto outer = Transaction::begin_all_or_nothing(db());
  ASSERT_TRUE(outer.has_value());
  ASSERT_TRUE(insert_label("before").has_value());
  {
    auto inner = Transaction::begin(db());
    ASSERT_TRUE(inner.has_value());
    EXPECT_EQ(db().transaction_depth(), 2);
    ASSERT_TRUE(insert_label("inner").has_value());
  }  // dropped: cannot roll back alone
  auto committed = outer->commit();
  ASSERT_FALSE(committed.has_value());
  EXPECT_EQ(committed.error().code, ErrorCode::kInternal);
  EXPECT_EQ(db().transaction_depth(), 0);
  EXPECT_EQ(count_samples(), 0);
  // The connection is usable afterwards, in either mode.
  ASSERT_TRUE(insert_label("after").has_value());
  EXPECT_EQ(count_samples(), 1);
}

TEST_P(DatabaseTest, AllOrNothingOnlyOutermostAndSavepointOnlyInside) {
  EXPECT_FALSE(Transaction::savepoint(db()).has_value());
  auto outer = Transaction::begin(db());
  ASSERT_TRUE(outer.has_value());
  auto nested = Transaction::begin_all_or_nothing(db());
  ASSERT_FALSE(nested.has_value());
  EXPECT_EQ(nested.error().code, ErrorCode::kInternal);
  EXPECT_EQ(db().transaction_depth(), 1);
}

TEST_P(DatabaseTest, CommittedDataIsVisibleToAnotherConnection) {
  ASSERT_TRUE(insert_label("shared").has_value());
  std::unique_ptr<Database> other = test_db_->open_again();
  ASSERT_NE(other, nullptr);
  auto statement = other->prepare("SELECT label FROM sample");
  ASSERT_TRUE(statement.has_value());
  ASSERT_TRUE((*statement)->step().value());
  EXPECT_EQ((*statement)->column_text(0), "shared");
}

TEST_P(DatabaseTest, UncommittedDataIsInvisibleToAnotherConnection) {
  auto transaction = Transaction::begin(db());
  ASSERT_TRUE(transaction.has_value());
  ASSERT_TRUE(insert_label("pending").has_value());
  std::unique_ptr<Database> other = test_db_->open_again();
  ASSERT_NE(other, nullptr);
  auto statement = other->prepare("SELECT COUNT(*) FROM sample");
  ASSERT_TRUE(statement.has_value());
  ASSERT_TRUE((*statement)->step().value());
  EXPECT_EQ((*statement)->column_int64(0), 0);
}

TEST_P(DatabaseTest, RenderDdlReplacesEveryToken) {
  const std::string rendered = db().dialect().render_ddl("{id} {int} {real} {blob} {strict} {x}");
  EXPECT_EQ(rendered.find("{id}"), std::string::npos);
  EXPECT_EQ(rendered.find("{int}"), std::string::npos);
  EXPECT_EQ(rendered.find("{strict}"), std::string::npos);
  EXPECT_NE(rendered.find("{x}"), std::string::npos);  // unknown tokens are left alone
}

FAXIAN_INSTANTIATE_STORE_TEST(DatabaseTest);

TEST(OpenDatabaseTest, PostgresUrlsConnectToTheServer) {
  const std::string url = testing_support::test_postgres_url();
  ASSERT_FALSE(url.empty());
  auto opened = open_database(url);
  ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
  EXPECT_EQ((*opened)->dialect().kind, DialectKind::kPostgres);
  EXPECT_TRUE((*opened)->location().starts_with("postgresql://postgres@"));
  // No server on the port: kUnavailable, with libpq's reason in the user's message.
  auto refused = open_database("postgresql://faxian@127.0.0.1:1/faxian?connect_timeout=2");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(refused.error().message.find("无法连接数据库服务器"), std::string::npos);
}

TEST(OpenDatabaseTest, UnopenablePathIsAnIoError) {
  auto opened = open_database("/nonexistent-folder/sub/faxian.db");
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kIo);
  EXPECT_FALSE(open_database("").has_value());
}

TEST(OpenDatabaseTest, OpensSqlitePathsWithOrWithoutScheme) {
  auto test_db = testing_support::SqliteTestDatabase::create();
  ASSERT_NE(test_db, nullptr);
  auto plain = open_database(test_db->path());
  ASSERT_TRUE(plain.has_value()) << plain.error().to_string();
  EXPECT_EQ((*plain)->dialect().kind, DialectKind::kSqlite);
  auto with_scheme = open_database("sqlite://" + test_db->path());
  ASSERT_TRUE(with_scheme.has_value()) << with_scheme.error().to_string();
  EXPECT_EQ((*with_scheme)->location(), test_db->path());
}

}  // namespace
}  // namespace faxian
