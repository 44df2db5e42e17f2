#pragma once
// The hotline_tickets and hotline_callbacks tables (migration 9) ↔ HotlineTicket. The service
// (hotline_service.hpp) owns the rules; this file reads and writes inside the caller's
// transaction. Version-guarded writes return false when the stored version differs.

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/casework/hotline_ticket.hpp"

namespace faxian::workflow {

struct TicketQuery {
  std::optional<TicketStatus> status{};
  std::string township_code;                  // "" for every township
  std::optional<Date> callback_overdue_on{};  // routed with callback_due < this date
  int64_t limit = 500;
  int64_t offset = 0;
};

class HotlineTicketRepository {
 public:
  HotlineTicketRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Inserts a received ticket; returns its id. kAlreadyExists when the number is taken.
  Result<int64_t> insert(const HotlineTicket& ticket, std::optional<int64_t> recorded_by_id);
  Result<std::optional<HotlineTicket>> find(std::string_view ticket_no);
  Result<std::optional<HotlineTicket>> find_by_id(int64_t id);
  Result<std::optional<HotlineTicket>> find_by_feed_record(int64_t feed_record_id);
  // By call time, then id.
  Result<std::vector<HotlineTicket>> list(const TicketQuery& query);
  // Ids of current feed_hotline rows whose 工单号 has no ticket yet, ascending.
  Result<std::vector<int64_t>> feed_rows_without_ticket();

  // Stores the triage and routing fields of `ticket` (status routed).
  Result<bool> write_routed(const HotlineTicket& ticket, int64_t version);
  // Raises the version after a callback attempt; sets status called_back and the day when
  // `called_back_on` is given.
  Result<bool> write_callback(int64_t ticket_id, int64_t version,
                              std::optional<Date> called_back_on);
  Result<int64_t> insert_callback(int64_t ticket_id, const HotlineCallback& callback,
                                  std::optional<int64_t> recorded_by_id);
  // Oldest first.
  Result<std::vector<HotlineCallback>> callbacks_of(int64_t ticket_id);

 private:
  Result<std::optional<HotlineTicket>> find_where(std::string_view where,
                                                  const std::function<void(Statement&)>& bind);

  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
