#pragma once
// Searching the audit log for the audit page (50-api-security.md "Privacy"): exact filters on
// actor, action, object type and id, a date range in China time, newest entries first.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::api {

struct AuditFilter {
  std::string actor;  // "" = any
  std::string action;
  std::string object_type;
  std::string object_id;
  std::optional<Date> from{};  // inclusive, China time
  std::optional<Date> to{};    // inclusive
};

struct AuditPage {
  nlohmann::json items = nlohmann::json::array();
  int64_t total = 0;
};

// One page of matching entries, newest first: {id, at, actor, actor_role, source_address, action,
// object_type, object_id, reason, detail (parsed JSON), prev_hash, hash}.
Result<AuditPage> search_audit(Database& db, const AuditFilter& filter, int64_t limit,
                               int64_t offset);

}  // namespace faxian::api
