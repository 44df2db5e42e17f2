#pragma once
// The store test-suite runs every test against every backend: each DatabaseFactory gives a
// clean, migrated database per test. SQLite: a file in a fresh temporary folder. PostgreSQL: a
// fresh schema on the server FAXIAN_TEST_PG names (a postgresql:// URL; `make test` starts a
// throwaway cluster, scripts/pg_cluster.sh). Without FAXIAN_TEST_PG the PostgreSQL tests fail —
// they never skip.

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "domain/household.hpp"
#include "domain/person.hpp"
#include "domain/region.hpp"
#include "store/database.hpp"
#include "store/household_repository.hpp"
#include "store/migrations/migrations.hpp"
#include "store/person_repository.hpp"
#include "store/postgres/postgres_database.hpp"
#include "store/region_repository.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace faxian::testing_support {

// A fresh database, a scratch folder beside it, and whatever must be cleaned up after them.
class TestDatabase {
 public:
  virtual ~TestDatabase() {
    std::error_code ignored;
    if (!folder_.empty())
      std::filesystem::remove_all(folder_, ignored);
  }
  virtual Database& db() = 0;
  // A second connection to the same database (for visibility and durability checks).
  virtual std::unique_ptr<Database> open_again() = 0;
  // What open_database() (and a server's --db) takes to reach this database.
  virtual std::string url() const = 0;
  // A fresh temporary folder, removed with the database (for files a test writes).
  const std::filesystem::path& folder() const { return folder_; }

 protected:
  // Makes the scratch folder; false (and a test failure) if it cannot.
  bool make_folder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "faxian-store-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      ADD_FAILURE() << "mkdtemp failed";
      return false;
    }
    folder_ = pattern;
    return true;
  }

 private:
  std::filesystem::path folder_;
};

class SqliteTestDatabase final : public TestDatabase {
 public:
  // A database file in a new temporary folder; nullptr (and a test failure) if it cannot be made.
  static std::unique_ptr<SqliteTestDatabase> create() {
    std::unique_ptr<SqliteTestDatabase> test_db(new SqliteTestDatabase());
    if (!test_db->make_folder())
      return nullptr;
    test_db->path_ = (test_db->folder() / "faxian.db").string();
    auto opened = SqliteDatabase::open(test_db->path_);
    if (!opened) {
      ADD_FAILURE() << opened.error().to_string();
      return nullptr;
    }
    test_db->db_ = std::move(*opened);
    return test_db;
  }
  ~SqliteTestDatabase() override { db_.reset(); }
  Database& db() override { return *db_; }
  std::unique_ptr<Database> open_again() override {
    auto opened = SqliteDatabase::open(path_);
    if (!opened) {
      ADD_FAILURE() << opened.error().to_string();
      return nullptr;
    }
    return std::move(*opened);
  }
  std::string url() const override { return path_; }
  const std::string& path() const { return path_; }

 private:
  SqliteTestDatabase() = default;

  std::string path_;
  std::unique_ptr<SqliteDatabase> db_;
};

// The PostgreSQL server the tests use, from FAXIAN_TEST_PG; "" (and a test failure) without it.
inline std::string test_postgres_url() {
  const char* url = std::getenv("FAXIAN_TEST_PG");
  if (url == nullptr || *url == '\0') {
    ADD_FAILURE() << "FAXIAN_TEST_PG is not set: the PostgreSQL tests need a server "
                     "(`make test` starts one: scripts/pg_cluster.sh start DIR)";
    return "";
  }
  return url;
}

// A URL for `schema` on the test server: every connection opened with it works in that schema.
inline std::string postgres_url_in_schema(const std::string& url, const std::string& schema) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

class PostgresTestDatabase final : public TestDatabase {
 public:
  // A new schema on the FAXIAN_TEST_PG server; nullptr (and a test failure) if it cannot be made.
  static std::unique_ptr<PostgresTestDatabase> create() {
    const std::string url = test_postgres_url();
    if (url.empty())
      return nullptr;
    static std::atomic<int> counter = 0;
    const std::string schema = "t" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    auto admin = PostgresDatabase::open(url);
    if (!admin) {
      ADD_FAILURE() << admin.error().to_string();
      return nullptr;
    }
    if (auto made = (*admin)->execute("CREATE SCHEMA " + schema); !made) {
      ADD_FAILURE() << made.error().to_string();
      return nullptr;
    }
    std::unique_ptr<PostgresTestDatabase> test_db(
        new PostgresTestDatabase(std::move(*admin), postgres_url_in_schema(url, schema), schema));
    if (!test_db->make_folder())
      return nullptr;
    test_db->db_ = test_db->open_again();
    if (test_db->db_ == nullptr)
      return nullptr;
    return test_db;
  }
  ~PostgresTestDatabase() override {
    db_.reset();
    (void)admin_->execute("DROP SCHEMA " + schema_ + " CASCADE");
  }
  Database& db() override { return *db_; }
  std::unique_ptr<Database> open_again() override {
    auto opened = open_database(url_);
    if (!opened) {
      ADD_FAILURE() << opened.error().to_string();
      return nullptr;
    }
    return std::move(*opened);
  }
  std::string url() const override { return url_; }

 private:
  PostgresTestDatabase(std::unique_ptr<PostgresDatabase> admin, std::string url, std::string schema)
      : admin_(std::move(admin)), url_(std::move(url)), schema_(std::move(schema)) {}

  std::unique_ptr<PostgresDatabase> admin_;
  std::string url_;
  std::string schema_;
  std::unique_ptr<Database> db_;
};

struct DatabaseFactory {
  std::string name;
  std::function<std::unique_ptr<TestDatabase>()> create;
};

inline std::vector<DatabaseFactory> database_factories() {
  return {
      {"sqlite", []() -> std::unique_ptr<TestDatabase> { return SqliteTestDatabase::create(); }},
      {"postgres",
       []() -> std::unique_ptr<TestDatabase> { return PostgresTestDatabase::create(); }}};
}

// The backend of the fixtures that are not parameterised by backend (the workflow and API
// tests): FAXIAN_TEST_BACKEND=postgres selects PostgreSQL, anything else SQLite. CTest runs
// those executables once for each (CMakeLists.txt, `_postgres` tests).
inline std::unique_ptr<TestDatabase> create_test_database() {
  const char* backend = std::getenv("FAXIAN_TEST_BACKEND");
  if (backend != nullptr && std::string_view(backend) == "postgres")
    return PostgresTestDatabase::create();
  return SqliteTestDatabase::create();
}

inline std::string factory_name(const testing::TestParamInfo<DatabaseFactory>& info) {
  return info.param.name;
}

inline Date day(std::string_view iso) {
  return Date::parse_iso(iso).value();
}

// A test over every backend with a migrated database and a clock fixed on 2024-06-01.
class StoreTest : public testing::TestWithParam<DatabaseFactory> {
 protected:
  void SetUp() override {
    test_db_ = GetParam().create();
    ASSERT_NE(test_db_, nullptr);
    auto migrated = migrate(db(), clock_.now_unix());
    ASSERT_TRUE(migrated.has_value()) << migrated.error().to_string();
  }
  Database& db() { return test_db_->db(); }

  // 秀山 county, one street with a community and one town with a village.
  void seed_regions() {
    const std::vector<Region> regions = {
        {"500241", "秀山县", RegionLevel::kCounty, "", ""},
        {"500241001", "中和街道", RegionLevel::kTownship, "500241", ""},
        {"500241001001", "东风社区", RegionLevel::kVillage, "500241001", "111"},
        {"500241101", "清溪场镇", RegionLevel::kTownship, "500241", ""},
        {"500241101200", "大寨村", RegionLevel::kVillage, "500241101", "220"},
    };
    auto stored = RegionRepository(db()).upsert_all(regions);
    ASSERT_TRUE(stored.has_value()) << stored.error().to_string();
  }
  // A stored household in the community (regions must be seeded); 0 on failure.
  int64_t seed_household(const std::string& household_no = "5002410010010001") {
    auto id = HouseholdRepository(db(), clock_)
                  .insert({.household_no = household_no,
                           .village_code = "500241001001",
                           .address = "东风路1号"});
    EXPECT_TRUE(id.has_value()) << id.error().to_string();
    return id.value_or(0);
  }
  // A stored person with the given ID; 0 on failure.
  int64_t seed_person(std::string_view resident_id, std::string_view name = "张三") {
    auto id =
        PersonRepository(db(), clock_)
            .insert(Person::from_id(ResidentId::parse(resident_id).value(), std::string(name)));
    EXPECT_TRUE(id.has_value()) << id.error().to_string();
    return id.value_or(0);
  }

  FixedClock clock_ = FixedClock::at(Date::parse_iso("2024-06-01").value());
  std::unique_ptr<TestDatabase> test_db_;
};

// Valid resident IDs (checksums computed) for tests.
inline constexpr std::string_view kIdMan1980 = "50024119800101001X";
inline constexpr std::string_view kIdWoman1990 = "500241199002150027";
inline constexpr std::string_view kIdChild2010 = "500241201003010034";
inline constexpr std::string_view kIdElder1945 = "500241194506060049";
inline constexpr std::string_view kIdLeap1972 = "50024119720229005X";
inline constexpr std::string_view kIdMan1960 = "500241196001100067";

inline ResidentId rid(std::string_view text) {
  return ResidentId::parse(text).value();
}

}  // namespace faxian::testing_support

#define FAXIAN_INSTANTIATE_STORE_TEST(Fixture)                                               \
  INSTANTIATE_TEST_SUITE_P(Backends, Fixture,                                                \
                           testing::ValuesIn(faxian::testing_support::database_factories()), \
                           faxian::testing_support::factory_name)
