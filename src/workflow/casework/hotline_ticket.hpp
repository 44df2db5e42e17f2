#pragma once
// 热线工单: a call to the assistance hotline (12345/12349), typed in by an operator or taken
// from the `hotline` feed (40-workflow.md "Hotline", 20-feeds.md). The operator classifies it,
// judges its reasonableness (合理 / 部分合理 / 不合理, with a reason) and routes it to the
// township, which opens (or joins) a lead; the caller is called back within the deadline and the
// result is recorded.
//
//   received 待研判 ─► routed 已转办 (lead + callback task) ─► called_back 已回访
//
// Numbering: a typed-in call gets RX + the call date + a daily sequence (RX20261120-0001); a
// feed ticket keeps the 工单号 of the 12345 system.

#include <cstdint>
#include <optional>
#include <string>

#include "common/date.hpp"
#include "domain/enum_table.hpp"
#include "domain/feed_enums.hpp"
#include "domain/local_date_time.hpp"

namespace faxian {

enum class Reasonableness : uint8_t {
  kReasonable,        // 合理
  kPartlyReasonable,  // 部分合理
  kUnreasonable,      // 不合理
};
FAXIAN_DECLARE_ENUM_TABLE(Reasonableness, "诉求合理性", std::nullopt);

enum class TicketStatus : uint8_t {
  kReceived,    // 待研判
  kRouted,      // 已转办
  kCalledBack,  // 已回访
};
FAXIAN_DECLARE_ENUM_TABLE(TicketStatus, "工单状态", std::nullopt);

}  // namespace faxian

namespace faxian::workflow {

struct HotlineTicket {
  int64_t id = 0;
  std::string ticket_no;
  std::optional<int64_t> feed_record_id{};  // the feed_hotline row it came from
  LocalDateTime call_time{};
  std::string caller_name;
  std::string caller_phone;
  std::string subject_name;  // 求助人 when not the caller ("" when the caller is the subject)
  std::string subject_phone;
  std::string subject_address;
  std::string village_code;   // "" when unknown
  std::string township_code;  // "" until known (at the latest when routed)
  std::optional<int64_t> household_id{};
  std::optional<int64_t> person_id{};
  std::optional<HotlineCategory> category{};
  std::string content;
  std::optional<Reasonableness> reasonableness{};
  std::string reasonableness_reason;
  TicketStatus status = TicketStatus::kReceived;
  std::optional<int64_t> lead_id{};
  std::optional<int64_t> callback_task_id{};
  std::optional<Date> callback_due{};  // nullopt until routed, or when the calendar is missing
  std::optional<Date> called_back_on{};
  std::string recorded_by;
  std::string routed_by;
  int64_t version = 1;

  // Routed and not called back after the deadline day: callback_due < on.
  bool callback_overdue_on(Date on) const {
    return status == TicketStatus::kRouted && callback_due && *callback_due < on;
  }

  bool operator==(const HotlineTicket&) const = default;
};

// One callback attempt.
struct HotlineCallback {
  int64_t id = 0;
  Date called_on{};
  bool reached = false;             // the caller was reached
  std::optional<bool> satisfied{};  // the caller's satisfaction, when asked
  std::string result;               // what was said / done
  std::string recorded_by;

  bool operator==(const HotlineCallback&) const = default;
};

}  // namespace faxian::workflow
