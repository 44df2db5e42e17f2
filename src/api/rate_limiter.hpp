#pragma once
// A per-client sliding-window limit (50-api-security.md: the public report form accepts 5 reports
// per hour per IP by default). In memory, per server process: behind several application servers
// nginx's limit_req does the same job in front (docs/deployment.md).

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace faxian::api {

class RateLimiter {
 public:
  RateLimiter(int max_events, int64_t window_seconds)
      : max_events_(max_events), window_seconds_(window_seconds) {}

  // Records an event for `client` at `now` if it is under the limit; returns false (and records
  // nothing) when the client has used up its window.
  bool try_acquire(std::string_view client, int64_t now);
  // Seconds until `client` may try again (0 when it may now).
  int64_t retry_after(std::string_view client, int64_t now);

 private:
  void forget_old(std::deque<int64_t>& events, int64_t now) const;

  int max_events_;
  int64_t window_seconds_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<int64_t>> events_;
};

}  // namespace faxian::api
