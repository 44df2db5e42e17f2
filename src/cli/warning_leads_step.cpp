#include "cli/warning_leads_step.hpp"

#include <fmt/format.h>

#include "store/calendar_repository.hpp"

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
        "raised with their warning, in {:.1f} s\n",
        outcome.opened, outcome.attached, outcome.raised, outcome.seconds);
  } else {
    fmt::print(
        "线索：新开立 {} 条（已进入乡镇（街道）待分派），并入已有线索 {} 条，随预警升级 {} "
        "条，用时 {:.1f} 秒\n",
        outcome.opened, outcome.attached, outcome.raised, outcome.seconds);
  }
  return outcome;
}

}  // namespace faxian::cli
