#pragma once
// 逾期督办 (40-workflow.md "Deadlines"): once a day (the server's timer, or `faxian deadlines
// check`) every item past its deadline is flagged to whoever must act — overdue leads and
// applications to their township's officers, overdue referrals to the department and the
// township, overdue coordination tasks and hotline callbacks — and, from 1 November, the
// county's administrators are told when next year's working-day calendar is still missing.
// Each notice is stored once per subject and day, so running the sweep twice changes nothing.

#include <cstdint>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "common/work_calendar.hpp"
#include "store/database.hpp"
#include "workflow/leads/deadline_policy.hpp"

namespace faxian::workflow {

struct SweepCounts {
  int64_t overdue_leads = 0;         // leads past their first-contact or verification deadline
  int64_t overdue_applications = 0;  // undecided applications past their process deadline
  int64_t notices = 0;               // notices stored by this sweep (new ones only)
  bool calendar_missing = false;     // next year's calendar is missing and it is November or later

  bool operator==(const SweepCounts&) const = default;
};

Result<SweepCounts> run_deadline_sweep(Database& db, const Clock& clock,
                                       const WorkCalendar& calendar, const DeadlinePolicy& policy,
                                       Date on);

}  // namespace faxian::workflow
