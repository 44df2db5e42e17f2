#include "cli/warning_leads_step.hpp"

#include <fmt/format.h>

#include "store/calendar_repository.hpp"
#include "workflow/casework/hotline_service.hpp"

namespace faxian::cli {

Result<workflow::WarningLeadsOutcome> open_warning_leads(const GlobalOptions& global, Database& db,
                                                         const Clock& clock) {
  WorkCalendar calendar;
  FAXIAN_TRY_ASSIGN(calendar, CalendarRepository(db, clock).load());
  workflow::DeadlinePolicy policy;
  FAXIAN_TRY_ASSIGN(policy, workflow::DeadlinePolicy::load(db));
  workflow::WarningLeadsOutcome outcome;
  FAXIAN_TRY_ASSIGN(outcome, workflow::open_leads_for_warnings(db, clock, calendar, policy));
  if (global.json)
    return outcome;
  if (global.lang == "en") {
    fmt::print(
        "leads: {} opened in the township inboxes, {} reports added to open leads, {} "
        "raised with their warning, {} referrals sent to departments, in {:.1f} s\n",
        outcome.opened, outcome.attached, outcome.raised, outcome.referrals, outcome.seconds);
  } else {
    fmt::print(
        "线索：新开立 {} 条（已进入乡镇（街道）待分派），并入已有线索 {} 条，随预警升级 {} "
        "条，转介相关部门 {} 件，用时 {:.1f} 秒\n",
        outcome.opened, outcome.attached, outcome.raised, outcome.referrals, outcome.seconds);
  }
  return outcome;
}

Result<int64_t> receive_hotline_tickets(const GlobalOptions& global, Database& db,
                                        const Clock& clock) {
  WorkCalendar calendar;
  FAXIAN_TRY_ASSIGN(calendar, CalendarRepository(db, clock).load());
  workflow::DeadlinePolicy policy;
  FAXIAN_TRY_ASSIGN(policy, workflow::DeadlinePolicy::load(db));
  workflow::FeedIntake intake;
  FAXIAN_TRY_ASSIGN(intake, workflow::HotlineService(db, clock, calendar, policy)
                                .receive_feed(workflow::Actor::system()));
  const auto received = static_cast<int64_t>(intake.received.size());
  if (!global.json && received > 0) {
    fmt::print(fmt::runtime(global.lang == "en"
                                ? "hotline: {} tickets waiting for an operator's judgement\n"
                                : "热线：{} 张工单待接线员研判后转乡镇（街道）\n"),
               received);
  }
  return received;
}

}  // namespace faxian::cli
