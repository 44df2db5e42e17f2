#pragma once
// Test fixture of the field-work tests: a migrated SQLite database, the shipped working-day
// calendar, a clock fixed on 2026-07-20, a small county (two townships, three villages) and
// helpers that store households, members, categories, open warnings and disaster records.

#include <memory>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "common/resident_id.hpp"
#include "common/work_calendar.hpp"
#include "domain/category.hpp"
#include "domain/household.hpp"
#include "domain/person.hpp"
#include "domain/region.hpp"
#include "store/category_repository.hpp"
#include "store/household_repository.hpp"
#include "store/membership_repository.hpp"
#include "store/migrations/migrations.hpp"
#include "store/person_repository.hpp"
#include "store/query.hpp"
#include "store/region_repository.hpp"
#include "store/row_codec.hpp"
#include "store/testing/store_test_support.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::workflow::testing_support {

inline Date day(std::string_view iso) {
  return Date::parse_iso(iso).value();
}

// Township A 500241001 has villages 500241001001 and 500241001002; township B 500241101 has
// village 500241101200.
inline constexpr std::string_view kTownshipA = "500241001";
inline constexpr std::string_view kVillageA1 = "500241001001";
inline constexpr std::string_view kVillageA2 = "500241001002";
inline constexpr std::string_view kTownshipB = "500241101";
inline constexpr std::string_view kVillageB1 = "500241101200";

class FieldworkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test_db_ = faxian::testing_support::create_test_database();
    ASSERT_NE(test_db_, nullptr);
    auto migrated = migrate(db(), clock_.now_unix());
    ASSERT_TRUE(migrated.has_value()) << migrated.error().to_string();
    auto calendar = load_calendar_dir("data/calendar");
    ASSERT_TRUE(calendar.has_value()) << calendar.error().to_string();
    calendar_ = std::move(*calendar);
    leads_ = std::make_unique<LeadService>(db(), clock_, calendar_);
    const std::vector<Region> regions = {
        {"500241", "秀山县", RegionLevel::kCounty, "", ""},
        {std::string(kTownshipA), "中和街道", RegionLevel::kTownship, "500241", ""},
        {std::string(kVillageA1), "东风社区", RegionLevel::kVillage, "500241001", "111"},
        {std::string(kVillageA2), "凤凰社区", RegionLevel::kVillage, "500241001", "112"},
        {std::string(kTownshipB), "清溪场镇", RegionLevel::kTownship, "500241", ""},
        {std::string(kVillageB1), "大寨村", RegionLevel::kVillage, "500241101", "220"},
    };
    auto stored = RegionRepository(db()).upsert_all(regions);
    ASSERT_TRUE(stored.has_value()) << stored.error().to_string();
  }

  Database& db() { return test_db_->db(); }

  // A household in `village`; 0 on failure.
  int64_t add_household(std::string_view household_no, std::string_view village) {
    auto id = HouseholdRepository(db(), clock_)
                  .insert({.household_no = std::string(household_no),
                           .village_code = std::string(village),
                           .address = "测试地址"});
    EXPECT_TRUE(id.has_value()) << id.error().to_string();
    return id.value_or(0);
  }

  // A person born on `birth` (yyyymmdd), the `serial`-th of that day; 0 on failure.
  int64_t add_person(std::string_view birth, int serial, std::string_view name = "张三") {
    const std::string first17 = fmt::format("500241{}{:03d}", birth, serial);
    const std::string text = first17 + ResidentId::check_character(first17);
    auto id = PersonRepository(db(), clock_)
                  .insert(Person::from_id(ResidentId::parse(text).value(), std::string(name)));
    EXPECT_TRUE(id.has_value()) << id.error().to_string();
    return id.value_or(0);
  }

  void add_member(int64_t household_id, int64_t person_id, Date from = day("2000-01-01")) {
    auto id = MembershipRepository(db()).add(
        {.household_id = household_id, .person_id = person_id, .from = from});
    ASSERT_TRUE(id.has_value()) << id.error().to_string();
  }

  // A household in `village` with one member born in 1970; returns the household id.
  int64_t add_family(std::string_view household_no, std::string_view village, int serial) {
    const int64_t household = add_household(household_no, village);
    add_member(household, add_person("19700101", serial));
    return household;
  }

  void add_category(CategoryKind kind, std::optional<int64_t> household_id,
                    std::optional<int64_t> person_id, Date start,
                    std::optional<Date> end = std::nullopt) {
    auto id = CategoryRepository(db(), clock_)
                  .add({.kind = kind,
                        .household_id = household_id,
                        .person_id = person_id,
                        .start = start,
                        .end = end,
                        .source = CategorySource::kManual});
    ASSERT_TRUE(id.has_value()) << id.error().to_string();
  }

  // An open need warning of `level` ("red", "orange", "yellow") for the household.
  void add_open_warning(int64_t household_id, std::string_view level = "orange",
                        std::string_view kind = "need") {
    run("INSERT INTO screening_runs (as_of, mode, rule_set_version, started_at) "
        "SELECT '2026-07-01', 'full', 1, 0 WHERE NOT EXISTS (SELECT 1 FROM screening_runs)");
    run(fmt::format(
        "INSERT INTO warnings (household_id, kind, status, score, level, rules, detail, as_of, "
        "first_detected, last_changed, rule_set_version, run_id, created_at, updated_at) "
        "VALUES ({}, '{}', 'open', 60, {}, 'R01', '{{}}', '2026-07-01', '2026-07-01', "
        "'2026-07-01', 1, (SELECT MIN(id) FROM screening_runs), 0, 0)",
        household_id, kind, kind == "need" ? fmt::format("'{}'", level) : "NULL"));
  }

  // A current disaster record of the person on `date`.
  void add_disaster(int64_t person_id, Date date, std::string_view village) {
    run("INSERT INTO import_batches (feed, file_name, sha256, imported_by, started_at, status) "
        "SELECT 'disaster', 'd.csv', 'x', 'test', 0, 'committed' "
        "WHERE NOT EXISTS (SELECT 1 FROM import_batches)");
    run(fmt::format(
        "INSERT INTO feed_disaster (batch_id, source_row, natural_key, content_hash, person_id, "
        "event_date, imported_at, name, village_code, disaster_type, damage) VALUES ((SELECT "
        "MIN(id) FROM import_batches), 1, 'k{}-{}', 'h', {}, '{}', 0, '张三', '{}', 'flood', "
        "'house_damaged')",
        person_id, date.iso(), person_id, date.iso(), village));
  }

  void run(const std::string& sql) {
    auto done = db().run(sql);
    ASSERT_TRUE(done.has_value()) << done.error().to_string() << "\n" << sql;
  }

  int64_t count(const std::string& sql) {
    auto n = query_int(db(), sql, [](Statement&) {});
    EXPECT_TRUE(n.has_value()) << n.error().to_string();
    return n.value_or(-1);
  }

  FixedClock clock_ = FixedClock::at(day("2026-07-20"));
  WorkCalendar calendar_;
  std::unique_ptr<faxian::testing_support::TestDatabase> test_db_;
  std::unique_ptr<LeadService> leads_;
};

}  // namespace faxian::workflow::testing_support
