// Audit-log search (see admin_audit.hpp). Every filter is a bound parameter; an empty one
// matches everything.

#include "api/admin_audit.hpp"

#include <limits>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::api {
namespace {

constexpr int64_t kSecondsPerDay = 86'400;
constexpr int64_t kChinaOffsetSeconds = 8 * 3'600;

constexpr const char* kWhere =
    " WHERE (? = '' OR actor = ?) AND (? = '' OR action = ?) AND (? = '' OR object_type = ?)"
    " AND (? = '' OR object_id = ?) AND at >= ? AND at < ?";

// The first second of a day in China time.
int64_t day_start(Date date) {
  return int64_t{date.days_since_epoch()} * kSecondsPerDay - kChinaOffsetSeconds;
}

void bind_filter(Statement& statement, const AuditFilter& filter) {
  ParamBinder bind(statement);
  for (const std::string* value :
       {&filter.actor, &filter.action, &filter.object_type, &filter.object_id})
    bind.text(*value).text(*value);
  bind.integer(filter.from ? day_start(*filter.from) : std::numeric_limits<int64_t>::min());
  bind.integer(filter.to ? day_start(filter.to->add_days(1)) : std::numeric_limits<int64_t>::max());
}

Result<nlohmann::json> read_entry(const Statement& row) {
  const std::string detail_text(row.column_text(9));
  nlohmann::json detail = nlohmann::json::parse(detail_text, nullptr, false);
  if (detail.is_discarded())
    detail = detail_text;
  return nlohmann::json{{"id", row.column_int64(0)},
                        {"at", row.column_int64(1)},
                        {"actor", row.column_text(2)},
                        {"actor_role", row.column_text(3)},
                        {"source_address", row.column_text(4)},
                        {"action", row.column_text(5)},
                        {"object_type", row.column_text(6)},
                        {"object_id", row.column_text(7)},
                        {"reason", row.column_text(8)},
                        {"detail", std::move(detail)},
                        {"prev_hash", row.column_text(10)},
                        {"hash", row.column_text(11)}};
}

}  // namespace

Result<AuditPage> search_audit(Database& db, const AuditFilter& filter, int64_t limit,
                               int64_t offset) {
  AuditPage page;
  FAXIAN_TRY_ASSIGN(page.total,
                    query_int(db, std::string("SELECT count(*) FROM audit_log") + kWhere,
                              [&](Statement& s) { bind_filter(s, filter); }));
  std::vector<nlohmann::json> rows;
  FAXIAN_TRY_ASSIGN(rows,
                    query_rows<nlohmann::json>(
                        db,
                        std::string("SELECT id, at, actor, actor_role, source_address, action, "
                                    "object_type, object_id, reason, detail, prev_hash, hash "
                                    "FROM audit_log") +
                            kWhere + " ORDER BY id DESC LIMIT ? OFFSET ?",
                        [&](Statement& s) {
                          bind_filter(s, filter);
                          ParamBinder(s, 11).integer(limit).integer(offset);
                        },
                        read_entry));
  page.items = std::move(rows);
  return page;
}

}  // namespace faxian::api
