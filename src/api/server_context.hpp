#pragma once
// What the server's handlers share: its settings, the clock, the connection pool, the view-audit
// queue, the in-memory rate limits and the caches of figures every page asks for.

#include <string>

#include "api/audit_queue.hpp"
#include "api/casework_cache.hpp"
#include "api/connection_pool.hpp"
#include "api/login_service.hpp"
#include "api/rate_limiter.hpp"
#include "api/rule_set_cache.hpp"
#include "api/session_store.hpp"
#include "common/clock.hpp"

namespace faxian::api {

struct ServerConfig;

struct ServerContext {
  ServerContext(const ServerConfig& config, const Clock& clock);

  const ServerConfig& config;
  const Clock& clock;
  ConnectionPool pool;
  AuditQueue audit;
  SessionLimits sessions;
  LockoutPolicy lockout;
  RateLimiter public_reports;  // per client address
  RateLimiter login_attempts;  // per client address, against password spraying
  RateLimiter public_lookups;  // per client address: status lookups by 查询码
  CaseworkCache dashboards;    // home-page figures by area
  CaseworkCache lead_totals;   // totals of lead lists by filter
  RuleSetCache rules;
  bool tls = false;  // cookies get Secure
};

}  // namespace faxian::api
