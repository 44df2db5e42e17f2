#pragma once
// 审计日志 (50-api-security.md "Privacy"): an append-only record of who viewed or changed what,
// when, from where and why. Each entry's hash is SHA-256 over the previous entry's hash and the
// entry's own fields, so editing, deleting or reordering a row breaks the chain at that row.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::workflow {

struct AuditEntry {
  std::string actor;           // username or "system"
  std::string actor_role;      // role key; "" for the system
  std::string source_address;  // client address; "" for the CLI
  std::string action;          // e.g. "lead.assign", "household.view", "id.reveal"
  std::string object_type;     // e.g. "lead", "household", "application"
  std::string object_id;       // e.g. the lead number or 户号
  std::string reason;          // stated reason (required for reveals)
  std::string detail = "{}";   // JSON
};

struct AuditRecord {
  int64_t id = 0;
  int64_t at = 0;
  AuditEntry entry;
  std::string prev_hash;
  std::string hash;
};

struct ChainCheck {
  int64_t entries = 0;
  std::optional<int64_t> first_bad_id{};  // nullopt when the chain is intact
  std::string problem;                    // Chinese, when broken
};

class AuditLog {
 public:
  AuditLog(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Appends one entry inside the caller's transaction (or its own); returns its id.
  Result<int64_t> append(const AuditEntry& entry);
  // Entries for one object, oldest first.
  Result<std::vector<AuditRecord>> for_object(std::string_view object_type,
                                              std::string_view object_id);
  // Walks the whole chain and recomputes every hash.
  Result<ChainCheck> verify();

 private:
  Database& db_;
  const Clock& clock_;
};

// The hash of an entry given the previous hash (hex SHA-256); exposed for tests.
std::string audit_hash(std::string_view prev_hash, int64_t at, const AuditEntry& entry);

}  // namespace faxian::workflow
