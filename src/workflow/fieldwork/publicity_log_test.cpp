// The publicity log: recording, listing by area and dates, totals, and the checks.

#include "workflow/fieldwork/publicity_log.hpp"

#include <gtest/gtest.h>

#include "workflow/fieldwork/fieldwork_test_support.hpp"

namespace faxian::workflow {
namespace {

using testing_support::day;
using testing_support::kTownshipA;
using testing_support::kTownshipB;
using testing_support::kVillageA1;
using testing_support::kVillageB1;

class PublicityLogTest : public testing_support::FieldworkTest {
 protected:
  PublicityActivity activity(std::string_view region, std::string_view on, int64_t audience) {
    PublicityActivity entry;
    entry.held_on = day(on);
    entry.region_code = std::string(region);
    entry.type = PublicityType::kMeeting;
    entry.topic = "低保政策宣讲";
    entry.audience_size = audience;
    return entry;
  }
};

TEST_F(PublicityLogTest, RecordsAndListsNewestFirst) {
  PublicityLog log(db(), clock_);
  ASSERT_TRUE(log.record(Actor::system(), activity(kVillageA1, "2026-06-01", 40)).has_value());
  ASSERT_TRUE(log.record(Actor::system(), activity(kTownshipA, "2026-07-01", 120)).has_value());
  ASSERT_TRUE(log.record(Actor::system(), activity(kVillageB1, "2026-07-02", 30)).has_value());

  auto in_a = log.list(PublicityQuery{.region_prefix = std::string(kTownshipA)});
  ASSERT_TRUE(in_a.has_value()) << in_a.error().to_string();
  ASSERT_EQ(in_a->size(), 2u);
  EXPECT_EQ(in_a->at(0).held_on, day("2026-07-01"));
  EXPECT_EQ(in_a->at(0).region_name, "中和街道");
  EXPECT_EQ(in_a->at(0).audience_size, 120);
  EXPECT_EQ(in_a->at(0).recorded_by, "system");
  EXPECT_EQ(in_a->at(1).region_code, kVillageA1);
  EXPECT_EQ(in_a->at(1).topic, "低保政策宣讲");

  auto summary = log.summary(PublicityQuery{
      .region_prefix = "500241", .from = day("2026-07-01"), .to = day("2026-07-31")});
  ASSERT_TRUE(summary.has_value()) << summary.error().to_string();
  EXPECT_EQ(summary->activities, 2);
  EXPECT_EQ(summary->audience, 150);
  auto empty = log.summary(
      PublicityQuery{.region_prefix = std::string(kTownshipB), .to = day("2026-06-30")});
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(empty->activities, 0);
  EXPECT_EQ(empty->audience, 0);
}

TEST_F(PublicityLogTest, RefusesBadEntries) {
  PublicityLog log(db(), clock_);
  EXPECT_EQ(log.record(Actor::system(), activity(kVillageA1, "2026-06-01", -1)).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(log.record(Actor::system(), activity("500241", "2026-06-01", 5)).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(log.record(Actor::system(), activity("500241001999", "2026-06-01", 5)).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(log.record(Actor::system(), activity(kVillageA1, "2026-07-21", 5)).error().code,
            ErrorCode::kInvalidArgument);
  const Actor village{2, "coord", Role::kVillageCoordinator, std::string(kVillageA1), ""};
  const Actor other_village{1, "coord", Role::kVillageCoordinator, std::string(kVillageA1), ""};
  EXPECT_EQ(log.record(other_village, activity(kVillageB1, "2026-06-01", 5)).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(count("SELECT COUNT(*) FROM publicity_activities"), 0);
  EXPECT_TRUE(log.record(village, activity(kVillageA1, "2026-06-01", 5)).has_value());
}

}  // namespace
}  // namespace faxian::workflow
