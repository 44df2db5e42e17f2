#pragma once
// 办理时限 (40-workflow.md "Deadlines"): the defaults of the spec in working days, each
// configurable in workflow_settings under the key shown beside it. None of these is law (no
// official warning levels or verification deadlines exist): they are the county's own.

#include <array>
#include <optional>

#include "common/date.hpp"
#include "common/error.hpp"
#include "common/work_calendar.hpp"
#include "domain/rule_set.hpp"
#include "store/database.hpp"

namespace faxian::workflow {

struct DeadlinePolicy {
  // Indexed by WarningLevel (yellow, orange, red).
  std::array<int, 3> first_contact{7, 3, 1};  // deadline.first_contact.{yellow,orange,red}
  std::array<int, 3> verification{15, 7, 3};  // deadline.verification.{yellow,orange,red}
  int hotline_callback = 1;                   // deadline.hotline_callback
  int referral_answer = 5;                    // deadline.referral_answer
  int emergency_paperwork = 5;                // deadline.emergency_paperwork
  int case_by_case_decision = 5;              // deadline.case_by_case_decision
  int dibao_process = 25;                     // deadline.dibao_process
  int dibao_process_special = 40;             // deadline.dibao_process_special
  int county_decision = 10;                   // deadline.county_decision
  int public_notice_calendar_days = 7;        // deadline.public_notice_calendar_days
  int refusal_notice = 3;                     // deadline.refusal_notice
  int quick_aid_calendar_days = 3;            // deadline.quick_aid_calendar_days
  int follow_up = 90;                         // deadline.follow_up

  int first_contact_days(WarningLevel level) const {
    return first_contact[static_cast<size_t>(level)];
  }
  int verification_days(WarningLevel level) const {
    return verification[static_cast<size_t>(level)];
  }

  // The defaults overridden by the rows of workflow_settings whose key starts "deadline.".
  // kCorrupt for a stored value that is not a whole number in 0…365 or an unknown key.
  static Result<DeadlinePolicy> load(Database& db);
};

// `n` working days after `start` by the calendar; nullopt when the walk enters a year without
// a calendar (the deadline is shown as "unknown — calendar missing", never guessed).
std::optional<Date> working_days_after(const WorkCalendar& calendar, Date start, int n);

struct LeadDeadlines {
  std::optional<Date> first_contact;
  std::optional<Date> verification;
};
LeadDeadlines lead_deadlines(const WorkCalendar& calendar, const DeadlinePolicy& policy,
                             Date created_on, WarningLevel level);

}  // namespace faxian::workflow
