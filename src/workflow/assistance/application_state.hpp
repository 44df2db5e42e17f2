#pragma once
// The application state machine of 40-workflow.md: submitted 已受理 → investigating 入户调查 →
// economic_check 家庭经济状况核对 → public_notice 公示 (低保/特困 only) → decided → in_payment
// 发放中 → ended 退出. Pure functions: which move is legal for which kind, and the Chinese
// message when it is not.
//
// Beyond the straight line (decisions recorded in docs, see the report of issue 5):
// * 临时救助 may go from submitted straight to decided (小额快救 has no means test; 先行救助 is
//   decided at once and documented afterwards).
// * Kinds other than 低保/特困 skip 公示 (economic_check → decided).
// * A 公示 with an objection goes back to investigating.
// * Any application not yet ended may end (withdrawn / 撤回, or 退出 after payment); a rejected
//   application ends when its refusal has been notified.

#include <optional>
#include <string>

#include "common/error.hpp"
#include "workflow/assistance/assistance_enums.hpp"

namespace faxian::workflow {

// Whether `kind` may move from `from` to `to`. `decision` is the application's decision (only
// in_payment needs one: approved).
bool is_legal_transition(ApplicationKind kind, ApplicationStatus from, ApplicationStatus to,
                         std::optional<ApplicationDecision> decision);

// ok() when legal, else kIllegalTransition naming both states in Chinese.
Result<void> check_transition(ApplicationKind kind, ApplicationStatus from, ApplicationStatus to,
                              std::optional<ApplicationDecision> decision);

}  // namespace faxian::workflow
