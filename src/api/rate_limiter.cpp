#include "api/rate_limiter.hpp"

#include <algorithm>

namespace faxian::api {

void RateLimiter::forget_old(std::deque<int64_t>& events, int64_t now) const {
  while (!events.empty() && events.front() <= now - window_seconds_)
    events.pop_front();
}

bool RateLimiter::try_acquire(std::string_view client, int64_t now) {
  std::lock_guard lock(mutex_);
  // Keep the table small: drop clients whose window has emptied.
  if (events_.size() > 100000) {
    std::erase_if(events_, [&](const auto& entry) {
      return entry.second.empty() || entry.second.back() <= now - window_seconds_;
    });
  }
  std::deque<int64_t>& events = events_[std::string(client)];
  forget_old(events, now);
  if (static_cast<int>(events.size()) >= max_events_)
    return false;
  events.push_back(now);
  return true;
}

int64_t RateLimiter::retry_after(std::string_view client, int64_t now) {
  std::lock_guard lock(mutex_);
  auto found = events_.find(std::string(client));
  if (found == events_.end())
    return 0;
  forget_old(found->second, now);
  if (static_cast<int>(found->second.size()) < max_events_)
    return 0;
  return std::max<int64_t>(0, found->second.front() + window_seconds_ - now);
}

}  // namespace faxian::api
