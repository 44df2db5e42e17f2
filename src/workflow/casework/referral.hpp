#pragma once
// 转介: one household (or a lead's unidentified subject) referred to one department's inbox
// (40-workflow.md "Referrals"): the masked summary the department may see, why it is referred,
// the answer deadline (5 working days by default), and the department's answer — accepted or
// not applicable, with the result (e.g. 医疗救助 paid 12,300 yuan) and an optional amount.

#include <cstdint>
#include <optional>
#include <string>

#include "common/date.hpp"
#include "common/money.hpp"
#include "domain/enum_table.hpp"
#include "workflow/casework/department.hpp"
#include "workflow/casework/household_summary.hpp"

namespace faxian {

enum class ReferralStatus : uint8_t {
  kPending,        // 待答复
  kAccepted,       // 已受理
  kNotApplicable,  // 不符合/不适用
};
FAXIAN_DECLARE_ENUM_TABLE(ReferralStatus, "转介状态", std::nullopt);

}  // namespace faxian

namespace faxian::workflow {

struct Referral {
  int64_t id = 0;
  std::string referral_no;  // ZJ20261120-0001
  Department department = Department::kCivilAffairs;
  std::optional<int64_t> household_id{};
  std::optional<int64_t> lead_id{};
  std::optional<int64_t> warning_id{};
  std::string township_code;
  std::string village_code;  // "" when unknown
  std::string reason;        // why the department is asked (Chinese)
  HouseholdSummary summary;  // masked, as of sent_on
  ReferralStatus status = ReferralStatus::kPending;
  Date sent_on{};
  std::optional<Date> due_on{};  // nullopt: calendar missing
  std::optional<Date> escalated_on{};
  std::optional<Date> answered_on{};
  std::string result;
  std::optional<Money> amount{};
  std::string answered_by;
  std::optional<int64_t> answered_by_id{};
  std::string created_by;
  std::optional<int64_t> created_by_id{};
  int64_t version = 1;
  int64_t created_at = 0;
  int64_t updated_at = 0;

  // Unanswered after its deadline day: due_on < on.
  bool overdue_on(Date on) const {
    return status == ReferralStatus::kPending && due_on && *due_on < on;
  }

  bool operator==(const Referral&) const = default;
};

}  // namespace faxian::workflow
