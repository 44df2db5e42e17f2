#include "workflow/leads/audit_log.hpp"

#include <sodium.h>

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

// The hash of the first entry's predecessor.
constexpr std::string_view kGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

constexpr std::string_view kColumns =
    "id, at, actor, actor_role, source_address, action, object_type, object_id, reason, detail, "
    "prev_hash, hash";

Result<AuditRecord> read_record(const Statement& statement) {
  RowReader row(statement);
  AuditRecord record;
  record.id = row.integer();
  record.at = row.integer();
  record.entry.actor = row.text();
  record.entry.actor_role = row.text();
  record.entry.source_address = row.text();
  record.entry.action = row.text();
  record.entry.object_type = row.text();
  record.entry.object_id = row.text();
  record.entry.reason = row.text();
  record.entry.detail = row.text();
  record.prev_hash = row.text();
  record.hash = row.text();
  FAXIAN_TRY(row.status());
  return record;
}

Result<std::string> last_hash(Database& db) {
  auto last = query_one<std::string>(
      db, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", [](Statement&) {},
      [](const Statement& row) -> Result<std::string> { return std::string(row.column_text(0)); });
  if (!last)
    return tl::unexpected(last.error());
  return last->value_or(std::string(kGenesis));
}

}  // namespace

std::string audit_hash(std::string_view prev_hash, int64_t at, const AuditEntry& entry) {
  // Fields joined by the ASCII unit separator, which no field may hold unnoticed: a field
  // containing it would only shift bytes between fields, never make two entries collide with
  // the same field values.
  const std::string text =
      fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", prev_hash, at,
                  entry.actor, entry.actor_role, entry.source_address, entry.action,
                  entry.object_type, entry.object_id, entry.reason, entry.detail);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

Result<int64_t> AuditLog::append(const AuditEntry& entry) {
  return in_transaction(db_, [&]() -> Result<int64_t> {
    std::string prev;
    FAXIAN_TRY_ASSIGN(prev, last_hash(db_));
    const int64_t at = clock_.now_unix();
    const std::string hash = audit_hash(prev, at, entry);
    auto id = returning_id(
        db_,
        "INSERT INTO audit_log (at, actor, actor_role, source_address, action, object_type, "
        "object_id, reason, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        [&](Statement& statement) {
          ParamBinder(statement)
              .integer(at)
              .text(entry.actor)
              .text(entry.actor_role)
              .text(entry.source_address)
              .text(entry.action)
              .text(entry.object_type)
              .text(entry.object_id)
              .text(entry.reason)
              .text(entry.detail)
              .text(prev)
              .text(hash);
        });
    if (!id)
      return tl::unexpected(id.error());
    return id->value_or(0);
  });
}

Result<std::vector<AuditRecord>> AuditLog::for_object(std::string_view object_type,
                                                      std::string_view object_id) {
  return query_rows<AuditRecord>(
      db_,
      fmt::format("SELECT {} FROM audit_log WHERE object_type = ? AND object_id = ? ORDER BY id",
                  kColumns),
      [&](Statement& statement) { ParamBinder(statement).text(object_type).text(object_id); },
      read_record);
}

Result<ChainCheck> AuditLog::verify() {
  ChainCheck check;
  std::string expected_prev(kGenesis);
  auto walked = for_each_row(
      db_, fmt::format("SELECT {} FROM audit_log ORDER BY id", kColumns),
      [&](const Statement& statement) -> Result<void> {
        if (check.first_bad_id)
          return ok();
        auto record = read_record(statement);
        if (!record)
          return tl::unexpected(record.error());
        ++check.entries;
        if (record->prev_hash != expected_prev) {
          check.first_bad_id = record->id;
          check.problem =
              fmt::format("第 {} 条审计记录的前序哈希与上一条不符（记录被删除或插入）", record->id);
        } else if (audit_hash(record->prev_hash, record->at, record->entry) != record->hash) {
          check.first_bad_id = record->id;
          check.problem =
              fmt::format("第 {} 条审计记录的内容与其哈希不符（记录被修改）", record->id);
        }
        expected_prev = record->hash;
        return ok();
      });
  if (!walked)
    return tl::unexpected(walked.error());
  return check;
}

}  // namespace faxian::workflow
