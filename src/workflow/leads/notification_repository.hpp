#pragma once
// 通知: what the system tells officers — an overdue lead or referral, an escalated warning, a
// missing calendar. Stored, shown by the UI; addressed to one user or to the holders of a role
// in a region (e.g. the township officers of 500241001). The same notice for the same subject
// and day is stored once.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::workflow {

struct Notification {
  int64_t id = 0;
  std::string kind;         // "lead_overdue", "warning_escalated", "referral_overdue" …
  std::string region_code;  // "" when addressed to a user only
  std::string role;         // role key of the addressees; "" for any role in the region
  std::optional<int64_t> user_id{};
  std::string subject_type;  // "lead", "referral", "task" …
  int64_t subject_id = 0;
  std::string message;  // Chinese
  Date on_date{};
  std::optional<int64_t> read_at{};

  bool operator==(const Notification&) const = default;
};

class NotificationRepository {
 public:
  NotificationRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Stores a notice; false when the same kind, subject, day and role was already stored.
  Result<bool> notify(const Notification& notification);
  // Notices for a region prefix (a township code also finds its villages' notices) and/or a
  // user, newest first.
  Result<std::vector<Notification>> list(std::string_view region_prefix,
                                         std::optional<int64_t> user_id, bool unread_only,
                                         int64_t limit = 200);
  Result<void> mark_read(int64_t id);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
