#include "workflow/leads/notification_repository.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

constexpr std::string_view kColumns =
    "id, kind, region_code, role, user_id, subject_type, subject_id, message, on_date, read_at";

Result<Notification> read_notification(const Statement& statement) {
  RowReader row(statement);
  Notification notification;
  notification.id = row.integer();
  notification.kind = row.text();
  notification.region_code = row.text_or_empty();
  notification.role = row.text();
  notification.user_id = row.optional_integer();
  notification.subject_type = row.text();
  notification.subject_id = row.integer();
  notification.message = row.text();
  notification.on_date = row.date();
  notification.read_at = row.optional_integer();
  FAXIAN_TRY(row.status());
  return notification;
}

}  // namespace

Result<bool> NotificationRepository::notify(const Notification& notification) {
  auto id = returning_id(
      db_,
      "INSERT INTO notifications (kind, region_code, role, user_id, subject_type, subject_id, "
      "message, on_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING RETURNING id",
      [&](Statement& statement) {
        ParamBinder binder(statement);
        binder.text(notification.kind);
        if (notification.region_code.empty())
          binder.null();
        else
          binder.text(notification.region_code);
        binder.text(notification.role)
            .integer(notification.user_id)
            .text(notification.subject_type)
            .integer(notification.subject_id)
            .text(notification.message)
            .date(notification.on_date)
            .integer(clock_.now_unix());
      });
  if (!id)
    return tl::unexpected(id.error());
  return id->has_value();
}

Result<std::vector<Notification>> NotificationRepository::list(std::string_view region_prefix,
                                                               std::optional<int64_t> user_id,
                                                               bool unread_only, int64_t limit) {
  std::string where = "1 = 1";
  if (!region_prefix.empty())
    where += " AND region_code LIKE ? || '%'";
  if (user_id)
    where += " AND user_id = ?";
  if (unread_only)
    where += " AND read_at IS NULL";
  return query_rows<Notification>(
      db_,
      fmt::format("SELECT {} FROM notifications WHERE {} ORDER BY id DESC LIMIT ?", kColumns,
                  where),
      [&](Statement& statement) {
        ParamBinder binder(statement);
        if (!region_prefix.empty())
          binder.text(region_prefix);
        if (user_id)
          binder.integer(*user_id);
        binder.integer(limit);
      },
      read_notification);
}

Result<void> NotificationRepository::mark_read(int64_t id) {
  FAXIAN_TRY(run_bound(db_, "UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL",
                       [&](Statement& statement) {
                         ParamBinder(statement).integer(clock_.now_unix()).integer(id);
                       }));
  return ok();
}

}  // namespace faxian::workflow
