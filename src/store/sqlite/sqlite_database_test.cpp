// SQLite-specific settings: WAL, foreign keys, synchronous, busy timeout, durability.

#include "store/sqlite/sqlite_database.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::SqliteTestDatabase;

class SqliteDatabaseTest : public testing::Test {
 protected:
  void SetUp() override {
    test_db_ = SqliteTestDatabase::create();
    ASSERT_NE(test_db_, nullptr);
    sqlite_ = dynamic_cast<SqliteDatabase*>(&test_db_->db());
    ASSERT_NE(sqlite_, nullptr);
  }
  std::unique_ptr<SqliteTestDatabase> test_db_;
  SqliteDatabase* sqlite_ = nullptr;
};

TEST_F(SqliteDatabaseTest, WalModeIsOnAndTheWalFileIsUsed) {
  EXPECT_EQ(sqlite_->pragma_text("journal_mode").value(), "wal");
  ASSERT_TRUE(sqlite_->execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);"));
  EXPECT_TRUE(std::filesystem::exists(test_db_->path() + "-wal"));
}

TEST_F(SqliteDatabaseTest, ForeignKeysSynchronousFullAndBusyTimeout) {
  EXPECT_EQ(sqlite_->pragma_text("foreign_keys").value(), "1");
  EXPECT_EQ(sqlite_->pragma_text("synchronous").value(), "2");  // FULL
  EXPECT_EQ(sqlite_->pragma_text("busy_timeout").value(), "5000");
}

TEST_F(SqliteDatabaseTest, NormalSynchronousCanBeChosen) {
  auto normal = SqliteDatabase::open(test_db_->path(), SqliteOptions{.synchronous_full = false});
  ASSERT_TRUE(normal.has_value());
  EXPECT_EQ((*normal)->pragma_text("synchronous").value(), "1");  // NORMAL
}

TEST_F(SqliteDatabaseTest, CommittedDataSurvivesClosingWithoutCheckpoint) {
  ASSERT_TRUE(sqlite_->execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (42);"));
  // Reopen from the files alone while the first connection is still open (no checkpoint).
  auto reopened = SqliteDatabase::open(test_db_->path());
  ASSERT_TRUE(reopened.has_value());
  auto statement = (*reopened)->prepare("SELECT x FROM t");
  ASSERT_TRUE(statement.has_value());
  ASSERT_TRUE((*statement)->step().value());
  EXPECT_EQ((*statement)->column_int64(0), 42);
}

TEST_F(SqliteDatabaseTest, ANonDatabaseFileIsCorrupt) {
  const std::string path = test_db_->path() + ".txt";
  {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    const std::string junk(4096, 'x');
    std::fwrite(junk.data(), 1, junk.size(), file);
    std::fclose(file);
  }
  auto opened = SqliteDatabase::open(path);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kCorrupt);
  std::filesystem::remove(path);
}

TEST_F(SqliteDatabaseTest, ASecondWriterWaitsThenGetsUnavailable) {
  ASSERT_TRUE(sqlite_->execute("CREATE TABLE t (x INTEGER)"));
  auto other = SqliteDatabase::open(test_db_->path(), SqliteOptions{.busy_timeout_ms = 50});
  ASSERT_TRUE(other.has_value());
  ASSERT_TRUE(sqlite_->begin().has_value());
  auto blocked = (*other)->begin();
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().code, ErrorCode::kUnavailable);
  ASSERT_TRUE(sqlite_->rollback().has_value());
  ASSERT_TRUE((*other)->begin().has_value());
  ASSERT_TRUE((*other)->commit().has_value());
}

// The child commits row 1 (acknowledged through the pipe), opens a transaction with row 2 and is
// killed with SIGKILL before committing it: row 1 must survive, row 2 must be absent.
void run_child_until_killed(const std::string& path, int ack_fd) {
  auto db = SqliteDatabase::open(path);
  if (!db || !(*db)->execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);") ||
      !(*db)->begin() || !(*db)->execute("INSERT INTO t VALUES (2)")) {
    _exit(1);
  }
  const char ack = 'k';
  if (write(ack_fd, &ack, 1) != 1)
    _exit(1);
  while (true)
    pause();
}

TEST_F(SqliteDatabaseTest, KillNineKeepsCommittedAndDropsUncommittedWrites) {
  const std::string path = test_db_->path() + ".kill";
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    run_child_until_killed(path, fds[1]);
  }
  close(fds[1]);
  char ack = 0;
  const ssize_t acknowledged = read(fds[0], &ack, 1);
  close(fds[0]);
  kill(child, SIGKILL);  // whatever happened, never leave the child behind
  ASSERT_EQ(acknowledged, 1);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));

  auto reopened = SqliteDatabase::open(path);
  ASSERT_TRUE(reopened.has_value()) << reopened.error().to_string();
  EXPECT_EQ((*reopened)->pragma_text("integrity_check").value(), "ok");
  {
    auto statement = (*reopened)->prepare("SELECT group_concat(x) FROM t");
    ASSERT_TRUE(statement.has_value());
    ASSERT_TRUE((*statement)->step().value());
    EXPECT_EQ((*statement)->column_text(0), "1");
  }
  reopened->reset();
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path + suffix);
}

TEST_F(SqliteDatabaseTest, InMemoryDatabaseOpens) {
  auto memory = SqliteDatabase::open(":memory:");
  ASSERT_TRUE(memory.has_value()) << memory.error().to_string();
  EXPECT_TRUE((*memory)->execute("CREATE TABLE t (x INTEGER)").has_value());
}

}  // namespace
}  // namespace faxian
