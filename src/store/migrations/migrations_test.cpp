#include "store/migrations/migrations.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/issued_numbers.hpp"
#include "store/query.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::DatabaseFactory;
using testing_support::TestDatabase;

// Starts from an empty database (StoreTest migrates in SetUp; these tests migrate themselves).
class MigrationsTest : public testing::TestWithParam<DatabaseFactory> {
 protected:
  void SetUp() override {
    test_db_ = GetParam().create();
    ASSERT_NE(test_db_, nullptr);
  }
  Database& db() { return test_db_->db(); }
  int64_t count(std::string_view sql) {
    auto value = query_int(db(), sql, [](Statement&) {});
    EXPECT_TRUE(value.has_value()) << value.error().to_string();
    return value.value_or(-1);
  }
  // Leaves the database as an earlier release would have: migrations 1 … `version` applied.
  void apply_up_to(int version) {
    ASSERT_TRUE(schema_version(db()).has_value());
    for (const Migration& migration : all_migrations()) {
      if (migration.version > version)
        break;
      ASSERT_TRUE(db().execute(db().dialect().render_ddl(migration.portable_sql())));
      ASSERT_TRUE(db().run(fmt::format(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES ({}, 'old', 1)",
          migration.version)));
    }
  }
  std::unique_ptr<TestDatabase> test_db_;
};

TEST_P(MigrationsTest, AnEmptyDatabaseIsVersionZero) {
  EXPECT_EQ(schema_version(db()).value(), 0);
}

TEST_P(MigrationsTest, MigratesToTheLatestVersionAndRecordsEachStep) {
  auto version = migrate(db(), 1700000000);
  ASSERT_TRUE(version.has_value()) << version.error().to_string();
  EXPECT_EQ(*version, latest_schema_version());
  EXPECT_EQ(schema_version(db()).value(), latest_schema_version());
  EXPECT_EQ(count("SELECT COUNT(*) FROM schema_migrations"),
            static_cast<int64_t>(all_migrations().size()));
  EXPECT_EQ(count("SELECT MIN(applied_at) FROM schema_migrations"), 1700000000);
}

TEST_P(MigrationsTest, VersionsAreConsecutiveFromOne) {
  int expected = 1;
  for (const Migration& migration : all_migrations()) {
    EXPECT_EQ(migration.version, expected++);
    EXPECT_FALSE(migration.name.empty());
  }
}

TEST_P(MigrationsTest, ApplyingTwiceIsANoOp) {
  ASSERT_TRUE(migrate(db(), 1).has_value());
  auto again = migrate(db(), 2);
  ASSERT_TRUE(again.has_value()) << again.error().to_string();
  EXPECT_EQ(*again, latest_schema_version());
  EXPECT_EQ(count("SELECT COUNT(*) FROM schema_migrations"),
            static_cast<int64_t>(all_migrations().size()));
  EXPECT_EQ(count("SELECT MAX(applied_at) FROM schema_migrations"), 1);
}

TEST_P(MigrationsTest, EveryTableExistsAfterMigrating) {
  ASSERT_TRUE(migrate(db(), 1).has_value());
  for (std::string_view table :
       {"regions",         "persons",        "households",         "memberships",
        "categories",      "import_batches", "standards_versions", "calendar_years",
        "feed_population", "feed_medical",   "feed_employment",    "feed_income",
        "feed_disability", "feed_death",     "feed_disaster",      "feed_poverty_monitoring",
        "feed_education",  "feed_assets",    "feed_hotline",       "feed_applications",
        "feed_registry"}) {
    EXPECT_EQ(count("SELECT COUNT(*) FROM " + std::string(table)), 0) << table;
  }
}

// A database that an earlier release left at version 5, with data in it.
TEST_P(MigrationsTest, WarningsMigrationAppliesOnAVersionFiveDatabase) {
  ASSERT_NO_FATAL_FAILURE(apply_up_to(5));
  ASSERT_TRUE(
      db().run("INSERT INTO regions (code, name, level) VALUES ('500241', '秀山县', 'county')"));
  ASSERT_TRUE(
      db().run("INSERT INTO households (household_no, village_code, created_at, updated_at) "
               "VALUES ('5002410010010001', '500241', 1, 1)"));
  ASSERT_EQ(schema_version(db()).value(), 5);

  auto version = migrate(db(), 1700000000);
  ASSERT_TRUE(version.has_value()) << version.error().to_string();
  EXPECT_EQ(*version, latest_schema_version());
  EXPECT_EQ(count("SELECT applied_at FROM schema_migrations WHERE version = 6"), 1700000000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM households"), 1);
  for (std::string_view table :
       {"screening_runs", "warnings", "warning_events", "warning_suppressions"}) {
    EXPECT_EQ(count("SELECT COUNT(*) FROM " + std::string(table)), 0) << table;
  }
}

// A database at version 11 keeps numbering leads and casework where its counters stopped.
TEST_P(MigrationsTest, NumbersContinueFromTheCountersOfAVersionElevenDatabase) {
  ASSERT_NO_FATAL_FAILURE(apply_up_to(11));
  ASSERT_TRUE(db().run("INSERT INTO lead_counters (day, last) VALUES ('20261120', 12)"));
  ASSERT_TRUE(
      db().run("INSERT INTO casework_counters (prefix, day, last) VALUES ('ZJ', '20261120', 3)"));
  auto version = migrate(db(), 1700000000);
  ASSERT_TRUE(version.has_value()) << version.error().to_string();
  auto transaction = Transaction::begin(db());
  ASSERT_TRUE(transaction.has_value());
  EXPECT_EQ(issue_number(db(), "lead", "20261120").value(), 13);
  EXPECT_EQ(issue_number(db(), "lead", "20261120").value(), 14);
  EXPECT_EQ(issue_number(db(), "lead", "20261121").value(), 1);
  EXPECT_EQ(issue_number(db(), "casework:ZJ", "20261120").value(), 4);
  EXPECT_EQ(issue_number(db(), "casework:RX", "20261120").value(), 1);
  ASSERT_TRUE(transaction->commit().has_value());
  // Numbers of a rolled-back transaction are issued again.
  {
    auto rolled_back = Transaction::begin(db());
    ASSERT_TRUE(rolled_back.has_value());
    EXPECT_EQ(issue_number(db(), "lead", "20261120").value(), 15);
  }
  auto again = Transaction::begin(db());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(issue_number(db(), "lead", "20261120").value(), 15);
}

// The home-page caches ask whether the 'casework' counter moved: it must move in every
// committed transaction that changed casework, also after a rolled-back savepoint's change.
TEST_P(MigrationsTest, TheChangeCounterMovesInEveryTransactionThatChangesCasework) {
  ASSERT_TRUE(migrate(db(), 1).has_value());
  ASSERT_TRUE(
      db().run("INSERT INTO regions (code, name, level) VALUES ('500241', '秀山县', "
               "'county'), ('500241001', '中和', 'township')"));
  ASSERT_TRUE(
      db().run("INSERT INTO households (household_no, village_code, created_at, updated_at) "
               "VALUES ('H1', '500241', 1, 1)"));
  const std::string counter = "SELECT value FROM change_counters WHERE name = 'casework'";
  auto move_household = [&](std::string_view village) {
    ASSERT_TRUE(db().run(fmt::format(
        "UPDATE households SET village_code = '{}' WHERE household_no = 'H1'", village)));
  };
  const int64_t before = count(counter);
  {
    auto transaction = Transaction::begin(db());
    ASSERT_TRUE(transaction.has_value());
    move_household("500241001");
    move_household("500241");
    ASSERT_TRUE(transaction->commit().has_value());
  }
  const int64_t after_first = count(counter);
  EXPECT_GT(after_first, before);
  {
    auto transaction = Transaction::begin(db());
    ASSERT_TRUE(transaction.has_value());
    {
      auto savepoint = Transaction::savepoint(db());
      ASSERT_TRUE(savepoint.has_value());
      move_household("500241001");
    }  // rolled back, with its move of the counter
    move_household("500241001");
    ASSERT_TRUE(transaction->commit().has_value());
  }
  EXPECT_GT(count(counter), after_first);
}

TEST_P(MigrationsTest, ADatabaseNewerThanTheBinaryIsRefused) {
  ASSERT_TRUE(migrate(db(), 1).has_value());
  ASSERT_TRUE(
      db().run("INSERT INTO schema_migrations (version, name, applied_at) "
               "VALUES (999, 'from the future', 1)"));
  auto refused = migrate(db(), 2);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_NE(refused.error().message.find("999"), std::string::npos);
}

TEST_P(MigrationsTest, AFailedMigrationLeavesThePreviousVersion) {
  // A table that migration 1 wants to create already exists: migration 1 fails and nothing of
  // it (or of later ones) is applied.
  ASSERT_TRUE(db().run("CREATE TABLE households (x INTEGER)"));
  auto failed = migrate(db(), 1);
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(schema_version(db()).value(), 0);
  EXPECT_EQ(db().transaction_depth(), 0);
  EXPECT_FALSE(db().run("SELECT COUNT(*) FROM regions").has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationsTest,
                         testing::ValuesIn(testing_support::database_factories()),
                         testing_support::factory_name);

}  // namespace
}  // namespace faxian
