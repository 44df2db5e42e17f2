// Standards versions and calendar years.

#include "store/standards_repository.hpp"

#include <gtest/gtest.h>

#include "common/file_util.hpp"
#include "common/source_dir_for_tests.hpp"
#include "store/calendar_repository.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::day;
using testing_support::StoreTest;

constexpr std::string_view kStandards =
    "[[period]]\nfrom = \"2024-09-01\"\ndibao_urban = 750\ndibao_rural = 610\ntekun = 975\n";

class StandardsRepositoryTest : public StoreTest {};

TEST_P(StandardsRepositoryTest, EveryLoadIsANewVersionAndTheLatestIsInForce) {
  StandardsRepository repository(db(), clock_);
  EXPECT_FALSE(repository.latest().value().has_value());
  EXPECT_EQ(repository.load_latest().error().code, ErrorCode::kUnavailable);
  auto first = repository.add(kStandards, "admin", "初始标准");
  ASSERT_TRUE(first.has_value()) << first.error().to_string();
  clock_.advance_seconds(60);
  const std::string raised = std::string(kStandards) + "[edge]\nmultiple = 2\n";
  const int64_t second = repository.add(raised, "admin", "调整边缘倍数").value();
  EXPECT_GT(second, *first);
  auto latest = repository.latest().value();
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->version, second);
  EXPECT_EQ(latest->toml_text, raised);
  EXPECT_EQ(latest->loaded_by, "admin");
  EXPECT_EQ(latest->note, "调整边缘倍数");
  EXPECT_EQ(latest->loaded_at, clock_.now_unix());
  EXPECT_EQ(repository.load_latest().value().edge_multiple_bp, 20000);
  auto versions = repository.list().value();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1].version, *first);
  EXPECT_EQ(repository.get(*first).value()->toml_text, kStandards);
  EXPECT_FALSE(repository.get(second + 1).value().has_value());
}

TEST_P(StandardsRepositoryTest, AnInvalidFileIsRefusedAndNotStored) {
  StandardsRepository repository(db(), clock_);
  auto refused = repository.add("[[period]]\nfrom = \"2024-09-01\"\n", "admin", "");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(repository.list().value().empty());
}

TEST_P(StandardsRepositoryTest, StoresTheShippedChongqingFile) {
  auto text = read_file(faxian_source_dir() + "/data/standards/chongqing.toml");
  ASSERT_TRUE(text.has_value());
  StandardsRepository repository(db(), clock_);
  ASSERT_TRUE(repository.add(*text, "init", "shipped").has_value());
  EXPECT_EQ(repository.load_latest().value().periods.size(), 5u);
}

class CalendarRepositoryTest : public StoreTest {};

constexpr std::string_view kYear2027 =
    R"({"year":2027,"source":"test","holidays":["2027-01-01"],"workdays":["2027-02-06"]})";

TEST_P(CalendarRepositoryTest, StoresYearsAndLoadsAWorkCalendar) {
  CalendarRepository repository(db(), clock_);
  auto year = repository.put_json(kYear2027, "admin");
  ASSERT_TRUE(year.has_value()) << year.error().to_string();
  EXPECT_EQ(*year, 2027);
  EXPECT_EQ(repository.get_json(2027).value(), std::string(kYear2027));
  EXPECT_FALSE(repository.get_json(2028).value().has_value());
  auto calendar = repository.load();
  ASSERT_TRUE(calendar.has_value()) << calendar.error().to_string();
  EXPECT_TRUE(calendar->has_year(2027));
  EXPECT_FALSE(calendar->is_working_day(day("2027-01-01")).value());
  EXPECT_TRUE(calendar->is_working_day(day("2027-02-06")).value());  // a make-up Saturday
  EXPECT_FALSE(calendar->is_working_day(day("2028-01-03")).has_value());
}

TEST_P(CalendarRepositoryTest, ReplacingAYearKeepsOneRow) {
  CalendarRepository repository(db(), clock_);
  ASSERT_TRUE(repository.put_json(kYear2027, "admin").has_value());
  CalendarYear corrected{
      .year = 2027, .holidays = {day("2027-01-01"), day("2027-01-02")}, .workdays = {}};
  ASSERT_TRUE(repository.put(corrected, "admin").has_value());
  EXPECT_EQ(repository.years().value(), std::vector<int>{2027});
  auto calendar = repository.load().value();
  EXPECT_TRUE(calendar.is_working_day(day("2027-02-06")).has_value());
  EXPECT_FALSE(calendar.is_working_day(day("2027-02-06")).value());
}

TEST_P(CalendarRepositoryTest, InvalidJsonIsRefused) {
  CalendarRepository repository(db(), clock_);
  EXPECT_FALSE(repository.put_json("{\"year\":2027,", "admin").has_value());
  EXPECT_TRUE(repository.years().value().empty());
}

TEST_P(CalendarRepositoryTest, StoresTheShippedCalendarYears) {
  auto files = list_files(faxian_source_dir() + "/data/calendar", ".json");
  ASSERT_TRUE(files.has_value());
  CalendarRepository repository(db(), clock_);
  for (const std::string& file : *files) {
    auto text = read_file(file);
    ASSERT_TRUE(text.has_value());
    ASSERT_TRUE(repository.put_json(*text, "init").has_value()) << file;
  }
  EXPECT_EQ(repository.years().value(), (std::vector<int>{2022, 2023, 2024, 2025, 2026}));
  auto calendar = repository.load().value();
  EXPECT_EQ(calendar.add_working_days(day("2026-02-12"), 5).value(), day("2026-02-26"));
}

FAXIAN_INSTANTIATE_STORE_TEST(StandardsRepositoryTest);
FAXIAN_INSTANTIATE_STORE_TEST(CalendarRepositoryTest);

}  // namespace
}  // namespace faxian
