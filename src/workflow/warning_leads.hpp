#pragma once
// 预警转线索 (30-screening.md "Warnings"; 40-workflow.md "Leads"): every open need warning is
// reported to its household's township inbox as a data-warning lead — a new lead, or one more
// source on the household's open lead — and referred to each department it lists (other than
// the township itself). The lead is created on the as-of date of the screening
// run that first raised the warning, with the deadlines of its level from that date.
//
// It reconciles rather than reacts: it looks for open need warnings that no lead reports yet
// (a data_warning source whose reference is the warning id), so running it after every
// screening — full, incremental after an import, or after a crash between the two — leaves
// exactly one lead per open need warning, and running it twice changes nothing.

#include <cstdint>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "common/work_calendar.hpp"
#include "store/database.hpp"
#include "workflow/leads/deadline_policy.hpp"

namespace faxian::workflow {

struct WarningLeadsOutcome {
  int64_t opened = 0;               // new leads
  int64_t attached = 0;             // reports added to a household's open lead
  int64_t raised = 0;               // open leads whose level rose with an escalated warning
  int64_t referrals = 0;            // referrals sent to the departments the warnings list
  int64_t unknown_departments = 0;  // listed departments not in the catalogue (not sent)
  double seconds = 0;
};

// The households whose warnings are reconciled: every household (the default, after a full
// screening), or those listed (after an import batch: the households whose warnings the batch's
// screening opened or escalated — reconciling the county's 20,000 open warnings after each push
// of a few rows would cost more than the push).
struct WarningScope {
  std::vector<int64_t> household_ids{};  // empty: every household
};

// One transaction; on error nothing is written.
Result<WarningLeadsOutcome> open_leads_for_warnings(Database& db, const Clock& clock,
                                                    const WorkCalendar& calendar,
                                                    const DeadlinePolicy& policy,
                                                    const WarningScope& scope = {});

}  // namespace faxian::workflow
