#include "common/clock.hpp"

namespace faxian {
namespace {

constexpr int64_t kSecondsPerDay = 86'400;
constexpr int64_t kChinaOffsetSeconds = 8 * 3'600;  // UTC+8 all year, no daylight saving

// Floor division, so instants before 1970 still land on the right day.
int64_t floor_div(int64_t value, int64_t divisor) {
  const int64_t quotient = value / divisor;
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

}  // namespace

Date Clock::today() const {
  const int64_t day = floor_div(now_unix() + kChinaOffsetSeconds, kSecondsPerDay);
  return Date::from_days(static_cast<int32_t>(day));
}

int64_t SystemClock::now_unix() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

FixedClock FixedClock::at(Date date) {
  const int64_t local_noon = int64_t{date.days_since_epoch()} * kSecondsPerDay + 12 * 3'600;
  return FixedClock(local_noon - kChinaOffsetSeconds);
}

}  // namespace faxian
