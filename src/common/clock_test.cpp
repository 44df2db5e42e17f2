#include "common/clock.hpp"

#include <gtest/gtest.h>

namespace faxian {
namespace {

TEST(Clock, TodayIsChinaStandardTime) {
  // 2023-12-31 16:00:00 UTC is 2024-01-01 00:00 in China.
  FixedClock clock(1704038400);
  EXPECT_EQ(clock.today().iso(), "2024-01-01");
  clock.advance_seconds(-1);  // 23:59:59 China time
  EXPECT_EQ(clock.today().iso(), "2023-12-31");
}

TEST(Clock, TodayBeforeTheEpoch) {
  FixedClock clock(-1);  // 1970-01-01 07:59:59 China time
  EXPECT_EQ(clock.today().iso(), "1970-01-01");
  clock.set(-8 * 3600 - 1);  // 1969-12-31 23:59:59 China time
  EXPECT_EQ(clock.today().iso(), "1969-12-31");
}

TEST(FixedClock, AtIsNoonChinaTime) {
  const Date date = *Date::from_ymd(2026, 2, 12);
  const FixedClock clock = FixedClock::at(date);
  EXPECT_EQ(clock.today(), date);
  EXPECT_EQ(clock.now_unix() % 86400, 4 * 3600);  // 12:00 China = 04:00 UTC
}

TEST(FixedClock, JumpingAMonth) {
  FixedClock clock = FixedClock::at(*Date::from_ymd(2024, 1, 31));
  clock.advance_seconds(int64_t{29} * 86400);
  EXPECT_EQ(clock.today().iso(), "2024-02-29");
}

TEST(SystemClock, ReadsAPlausibleWallClock) {
  SystemClock clock;
  EXPECT_GE(clock.today().year(), 2024);
  EXPECT_LE(clock.today().year(), 2200);
}

}  // namespace
}  // namespace faxian
