// Hotline tickets arriving: a typed-in call, or a row of the imported `hotline` feed
// (hotline_service.hpp).

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "common/text.hpp"
#include "domain/feed_records.hpp"
#include "store/feed_record_repository.hpp"
#include "store/membership_repository.hpp"
#include "workflow/casework/casework_support.hpp"
#include "workflow/casework/hotline_service.hpp"

namespace faxian::workflow {
namespace {

using nlohmann::json;

constexpr std::string_view kNumberPrefix = "RX";  // 热线

bool takes_calls(const Actor& actor) {
  return actor.is_county() || actor.role == Role::kHotlineOperator;
}

Error may_not_take_calls() {
  return Error(ErrorCode::kIllegalTransition, "只有热线接线员或县民政局可以登记热线来电",
               "role does not take hotline calls");
}

// Fills the ticket's township (and village) from the household, the village or the township,
// the most precise first.
Result<void> locate_ticket(Database& db, const Clock& clock, HotlineTicket& ticket) {
  if (ticket.household_id) {
    Place place;
    FAXIAN_TRY_ASSIGN(place, place_of_household(db, clock, *ticket.household_id));
    ticket.township_code = place.township_code;
    ticket.village_code = place.village_code;
  } else if (!ticket.village_code.empty()) {
    Place place;
    FAXIAN_TRY_ASSIGN(place, place_of_village(db, ticket.village_code));
    ticket.township_code = place.township_code;
  } else if (!ticket.township_code.empty()) {
    FAXIAN_TRY(check_township(db, ticket.township_code));
  }
  return ok();
}

Result<void> audit_received(Database& db, const Clock& clock, const Actor& actor,
                            const HotlineTicket& ticket) {
  const json detail = {
      {"feed_record_id", ticket.feed_record_id ? json(*ticket.feed_record_id) : json()},
      {"category", ticket.category ? json(enum_key(*ticket.category)) : json()},
      {"caller_phone", mask_phone(ticket.caller_phone)}};
  return audit_change(db, clock, actor, "hotline.receive", "hotline_ticket", ticket.ticket_no, "",
                      detail.dump());
}

// The ticket of a feed row: the 工单号 kept, the linked person's household on the call date.
Result<HotlineTicket> ticket_of_row(Database& db, const StoredRecord<HotlineRecord>& row) {
  const HotlineRecord& record = row.record;
  HotlineTicket ticket;
  ticket.ticket_no = record.ticket_no;
  ticket.feed_record_id = row.meta.id;
  ticket.call_time = record.call_time;
  ticket.caller_name = record.caller_name;
  ticket.caller_phone = record.caller_phone;
  ticket.subject_name = record.subject_name;
  ticket.subject_address = record.address;
  ticket.category = record.category;
  ticket.content = record.content;
  ticket.person_id = row.meta.person_id;
  if (row.meta.person_id) {
    std::optional<Membership> membership;
    FAXIAN_TRY_ASSIGN(membership, MembershipRepository(db).active_for_person(
                                      *row.meta.person_id, record.call_time.date));
    if (membership)
      ticket.household_id = membership->household_id;
  }
  // A village code the regions do not know is kept out (the operator picks the township).
  if (!record.village_code.empty() && place_of_village(db, record.village_code))
    ticket.village_code = record.village_code;
  return ticket;
}

}  // namespace

Result<HotlineTicket> HotlineService::record_call(const Actor& actor, const CallRecord& call) {
  return in_transaction(db_, [&] { return record_in_transaction(actor, call); });
}

Result<HotlineTicket> HotlineService::record_in_transaction(const Actor& actor,
                                                            const CallRecord& call) {
  if (!takes_calls(actor))
    return tl::unexpected(may_not_take_calls());
  if (trim(call.content).empty())
    return fail(ErrorCode::kInvalidArgument, "请填写诉求内容", "empty content");
  if (!call.household_id && trim(call.subject_name).empty() && trim(call.caller_name).empty())
    return fail(ErrorCode::kInvalidArgument, "请填写来电人或求助人姓名", "no name");
  HotlineTicket ticket;
  ticket.call_time = call.call_time;
  ticket.caller_name = std::string(trim(call.caller_name));
  ticket.caller_phone = std::string(trim(call.caller_phone));
  ticket.subject_name = std::string(trim(call.subject_name));
  ticket.subject_phone = std::string(trim(call.subject_phone));
  ticket.subject_address = std::string(trim(call.subject_address));
  ticket.village_code = call.village_code;
  ticket.township_code = call.township_code;
  ticket.household_id = call.household_id;
  ticket.category = call.category;
  ticket.content = std::string(trim(call.content));
  ticket.recorded_by = actor.name;
  FAXIAN_TRY(locate_ticket(db_, clock_, ticket));
  FAXIAN_TRY_ASSIGN(ticket.ticket_no,
                    next_casework_number(db_, kNumberPrefix, call.call_time.date, 4));
  int64_t id = 0;
  FAXIAN_TRY_ASSIGN(id, HotlineTicketRepository(db_, clock_).insert(ticket, actor.user_id));
  FAXIAN_TRY(audit_received(db_, clock_, actor, ticket));
  return reread(id);
}

Result<HotlineTicket> HotlineService::receive_from_feed(const Actor& actor,
                                                        int64_t hotline_record_id) {
  return in_transaction(db_, [&]() -> Result<HotlineTicket> {
    std::optional<HotlineTicket> received;
    FAXIAN_TRY_ASSIGN(received, receive_in_transaction(actor, hotline_record_id));
    if (received)
      return *received;
    // Already received: the ticket of this row, or of its 工单号.
    HotlineTicketRepository tickets(db_, clock_);
    std::optional<HotlineTicket> existing;
    FAXIAN_TRY_ASSIGN(existing, tickets.find_by_feed_record(hotline_record_id));
    if (existing)
      return *existing;
    auto row = FeedRecordRepository<HotlineRecord>(db_, clock_).get(hotline_record_id);
    if (!row)
      return tl::unexpected(row.error());
    FAXIAN_TRY_ASSIGN(existing, tickets.find(row->record.ticket_no));
    if (!existing)
      return fail(ErrorCode::kInternal, "热线工单保存失败", "received ticket not found");
    return *existing;
  });
}

Result<std::optional<HotlineTicket>> HotlineService::receive_in_transaction(
    const Actor& actor, int64_t hotline_record_id) {
  if (!takes_calls(actor))
    return tl::unexpected(may_not_take_calls());
  HotlineTicketRepository tickets(db_, clock_);
  std::optional<HotlineTicket> existing;
  FAXIAN_TRY_ASSIGN(existing, tickets.find_by_feed_record(hotline_record_id));
  if (existing)
    return std::optional<HotlineTicket>();
  auto row = FeedRecordRepository<HotlineRecord>(db_, clock_).get(hotline_record_id);
  if (!row)
    return tl::unexpected(row.error());
  FAXIAN_TRY_ASSIGN(existing, tickets.find(row->record.ticket_no));
  if (existing)
    return std::optional<HotlineTicket>();
  HotlineTicket ticket;
  FAXIAN_TRY_ASSIGN(ticket, ticket_of_row(db_, *row));
  ticket.recorded_by = actor.name;
  FAXIAN_TRY(locate_ticket(db_, clock_, ticket));
  int64_t id = 0;
  FAXIAN_TRY_ASSIGN(id, tickets.insert(ticket, actor.user_id));
  FAXIAN_TRY(audit_received(db_, clock_, actor, ticket));
  HotlineTicket stored;
  FAXIAN_TRY_ASSIGN(stored, reread(id));
  return std::optional<HotlineTicket>(std::move(stored));
}

Result<FeedIntake> HotlineService::receive_feed(const Actor& actor) {
  return in_transaction(db_, [&]() -> Result<FeedIntake> {
    std::vector<int64_t> rows;
    FAXIAN_TRY_ASSIGN(rows, HotlineTicketRepository(db_, clock_).feed_rows_without_ticket());
    FeedIntake intake;
    for (int64_t row_id : rows) {
      std::optional<HotlineTicket> received;
      FAXIAN_TRY_ASSIGN(received, receive_in_transaction(actor, row_id));
      if (received)
        intake.received.push_back(std::move(*received));
    }
    return intake;
  });
}

}  // namespace faxian::workflow
