#pragma once
// Test fixture for the assistance workflow: a migrated SQLite database initialised like
// `faxian init` (秀山 regions, Chongqing standards, the default rules), the shipped working-day
// calendar, a clock, users of each role, and feed files imported through the batch importer
// (the same path as `faxian import`).

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "common/file_util.hpp"
#include "common/source_dir_for_tests.hpp"
#include "common/work_calendar.hpp"
#include "domain/region.hpp"
#include "ingest/import_runner.hpp"
#include "store/household_repository.hpp"
#include "store/region_repository.hpp"
#include "store/rule_set_repository.hpp"
#include "store/standards_repository.hpp"
#include "store/testing/store_test_support.hpp"
#include "store/user_repository.hpp"
#include "workflow/leads/actor.hpp"

namespace faxian::workflow::testing_support {

inline const std::string kSourceDir = faxian_source_dir();

// Loads regions, standards and rules into a migrated database (what `faxian init` does).
inline Result<void> initialise_like_init(Database& db, const Clock& clock) {
  std::vector<Region> regions;
  FAXIAN_TRY_ASSIGN(regions, load_regions_file(kSourceDir + "/data/regions/500241.csv"));
  FAXIAN_TRY(RegionRepository(db).upsert_all(regions));
  std::string standards;
  FAXIAN_TRY_ASSIGN(standards, read_file(kSourceDir + "/data/standards/chongqing.toml"));
  FAXIAN_TRY(StandardsRepository(db, clock).add(standards, "test", "shipped standards"));
  std::string rules;
  FAXIAN_TRY_ASSIGN(rules, read_file(kSourceDir + "/data/rules/default.toml"));
  FAXIAN_TRY(RuleSetRepository(db, clock).add(rules, "test", "default rules"));
  return ok();
}

// Imports one feed file as one batch; an error when the batch did not commit every row.
inline Result<void> import_feed_file(Database& db, const Clock& clock, FeedKind feed,
                                     const std::string& path) {
  ingest::ImportRequest request;
  request.feed = feed;
  request.imported_by = "test";
  request.tuning.parse_in_thread = false;
  ingest::ImportOutcome outcome;
  FAXIAN_TRY_ASSIGN(outcome, ingest::import_file(db, clock, path, request));
  if (outcome.batch.status == BatchStatus::kFailed || outcome.batch.rejected > 0)
    return fail(ErrorCode::kInvalidArgument, "导入失败",
                path + ": " + std::to_string(outcome.batch.rejected) + " rows rejected" +
                    (outcome.batch.errors.empty() ? std::string()
                                                  : " (" + outcome.batch.errors[0].message + ")"));
  return ok();
}

class AssistanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test_db_ = faxian::testing_support::create_test_database();
    ASSERT_NE(test_db_, nullptr);
    auto migrated = migrate(db(), clock_.now_unix());
    ASSERT_TRUE(migrated.has_value()) << migrated.error().to_string();
    auto initialised = initialise_like_init(db(), clock_);
    ASSERT_TRUE(initialised.has_value()) << initialised.error().to_string();
    auto calendar = load_calendar_dir(kSourceDir + "/data/calendar");
    ASSERT_TRUE(calendar.has_value()) << calendar.error().to_string();
    calendar_ = std::move(*calendar);
    files_ = test_db_->folder();
  }

  Database& db() { return test_db_->db(); }

  // Writes `csv` (UTF-8, Chinese headers) and imports it as `feed`.
  void import_csv(FeedKind feed, const std::string& csv) {
    const auto path =
        files_ / (std::string(feed_name(feed)) + std::to_string(++files_made_) + ".csv");
    std::ofstream(path) << csv;
    auto imported = import_feed_file(db(), clock_, feed, path.string());
    ASSERT_TRUE(imported.has_value()) << imported.error().to_string();
  }

  // The store id of a household by 户号 (0 and a test failure when unknown).
  int64_t household_id(const std::string& household_no) {
    auto found = HouseholdRepository(db(), clock_).find_by_number(household_no);
    EXPECT_TRUE(found.has_value() && found->has_value()) << household_no;
    return found.has_value() && found->has_value() ? (*found)->id : 0;
  }

  // A stored user of `role` (scoped to `region` for township roles) as an Actor.
  Actor user(const std::string& username, Role role, const std::string& region = "") {
    User stored;
    stored.username = username;
    stored.role = role;
    stored.region_code = region;
    stored.password_hash = "x";
    auto id = UserRepository(db(), clock_).insert(stored);
    EXPECT_TRUE(id.has_value()) << id.error().to_string();
    stored.id = id.value_or(0);
    return Actor::of(stored);
  }

  // 500241002200201 in 大田坝村 (rural): a couple (56 and 54) with 12,000 yuan of wages over the
  // 12 months to 2026-06 — per capita 500 < 630, eligible for 低保 on 2026-06-15.
  int64_t seed_poor_household() {
    import_csv(FeedKind::kPopulation,
               "户号,身份证号,姓名,与户主关系,村社区代码,变动类型,变动日期\n"
               "500241002200201,500241197001010031,向德明,户主,500241002200,新增,2000-01-01\n"
               "500241002200201,500241197202020041,彭秀兰,配偶,500241002200,新增,2000-01-01\n");
    import_csv(FeedKind::kIncome,
               "身份证号,姓名,所属期,收入类型,金额\n"
               "500241197001010031,向德明,2026-03,工资薪金,12000.00\n");
    return household_id("500241002200201");
  }
  // 500241002200202: a single man of 61 with 48,000 yuan of pension (4,000 a month): not
  // eligible for anything means-tested.
  int64_t seed_well_off_household() {
    import_csv(FeedKind::kPopulation,
               "户号,身份证号,姓名,与户主关系,村社区代码,变动类型,变动日期\n"
               "500241002200202,500241196505050059,龙光华,户主,500241002200,新增,2000-01-01\n");
    import_csv(FeedKind::kIncome,
               "身份证号,姓名,所属期,收入类型,金额\n"
               "500241196505050059,龙光华,2026-03,养老金,48000.00\n");
    return household_id("500241002200202");
  }

  static Date day(std::string_view iso) { return Date::parse_iso(iso).value(); }

  FixedClock clock_ = FixedClock::at(Date::parse_iso("2026-06-15").value());
  WorkCalendar calendar_;
  std::unique_ptr<faxian::testing_support::TestDatabase> test_db_;
  std::filesystem::path files_;
  int files_made_ = 0;
};

}  // namespace faxian::workflow::testing_support
