#pragma once
// The time seam: screening "as of", deadlines and tests that jump a month all read time
// through a Clock, never the wall clock directly.

#include <chrono>
#include <cstdint>

#include "common/date.hpp"

namespace faxian {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t now_unix() const = 0;
  // Today's date in China Standard Time (UTC+8, no daylight saving).
  Date today() const;
};

class SystemClock final : public Clock {
 public:
  int64_t now_unix() const override;
};

// A clock tests and the demo set by hand.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t unix_seconds) : now_(unix_seconds) {}
  // Noon China time on `date`.
  static FixedClock at(Date date);
  int64_t now_unix() const override { return now_; }
  void set(int64_t unix_seconds) { now_ = unix_seconds; }
  void advance_seconds(int64_t seconds) { now_ += seconds; }

 private:
  int64_t now_;
};

}  // namespace faxian
