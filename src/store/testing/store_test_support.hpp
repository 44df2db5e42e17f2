#pragma once
// The store test-suite runs every test against every backend: each DatabaseFactory gives a
// clean, migrated database per test. SQLite always (a file in a fresh temporary folder);
// a PostgreSQL factory is to be added here when that backend exists (FAXIAN_TEST_PG).

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
#include "store/region_repository.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace faxian::testing_support {

// A fresh database and whatever must be cleaned up after it.
class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  virtual Database& db() = 0;
  // A second connection to the same database (for visibility and durability checks).
  virtual std::unique_ptr<Database> open_again() = 0;
};

class SqliteTestDatabase final : public TestDatabase {
 public:
  // A database file in a new temporary folder; nullptr (and a test failure) if it cannot be made.
  static std::unique_ptr<SqliteTestDatabase> create() {
    std::string pattern = (std::filesystem::temp_directory_path() / "faxian-store-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      ADD_FAILURE() << "mkdtemp failed";
      return nullptr;
    }
    std::unique_ptr<SqliteTestDatabase> test_db(new SqliteTestDatabase(pattern));
    auto opened = SqliteDatabase::open(test_db->path_);
    if (!opened) {
      ADD_FAILURE() << opened.error().to_string();
      return nullptr;
    }
    test_db->db_ = std::move(*opened);
    return test_db;
  }
  ~SqliteTestDatabase() override {
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  Database& db() override { return *db_; }
  std::unique_ptr<Database> open_again() override {
    auto opened = SqliteDatabase::open(path_);
    if (!opened) {
      ADD_FAILURE() << opened.error().to_string();
      return nullptr;
    }
    return std::move(*opened);
  }
  const std::string& path() const { return path_; }

 private:
  explicit SqliteTestDatabase(const std::string& folder)
      : folder_(folder), path_((folder_ / "faxian.db").string()) {}

  std::filesystem::path folder_;
  std::string path_;
  std::unique_ptr<SqliteDatabase> db_;
};

struct DatabaseFactory {
  std::string name;
  std::function<std::unique_ptr<TestDatabase>()> create;
};

inline std::vector<DatabaseFactory> database_factories() {
  return {
      {"sqlite", []() -> std::unique_ptr<TestDatabase> { return SqliteTestDatabase::create(); }}};
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
