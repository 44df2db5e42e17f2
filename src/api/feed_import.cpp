// The import of an uploaded feed and its follow-up steps (feed_import.hpp).

#include "api/feed_import.hpp"

#include <spdlog/spdlog.h>

#include "ingest/import_runner.hpp"
#include "screen/screening_job.hpp"
#include "store/calendar_repository.hpp"
#include "workflow/casework/hotline_service.hpp"
#include "workflow/leads/deadline_policy.hpp"
#include "workflow/warning_leads.hpp"

namespace faxian::api {
namespace {

struct Workdays {
  WorkCalendar calendar;
  workflow::DeadlinePolicy policy;
};

Result<Workdays> load_workdays(Database& db, const Clock& clock) {
  Workdays workdays;
  FAXIAN_TRY_ASSIGN(workdays.calendar, CalendarRepository(db, clock).load());
  FAXIAN_TRY_ASSIGN(workdays.policy, workflow::DeadlinePolicy::load(db));
  return workdays;
}

// After a hotline batch: every imported ticket becomes one awaiting an operator's judgement.
Result<int64_t> receive_hotline_tickets(Database& db, const Clock& clock,
                                        const Workdays& workdays) {
  workflow::FeedIntake intake;
  FAXIAN_TRY_ASSIGN(intake, workflow::HotlineService(db, clock, workdays.calendar, workdays.policy)
                                .receive_feed(workflow::Actor::system()));
  return static_cast<int64_t>(intake.received.size());
}

void log_follow_up_failure(std::string_view step, int64_t batch_id, const Error& error) {
  spdlog::warn("batch {}: {} after the import failed (the next screening catches up): {}", batch_id,
               step, error.to_string());
}

BatchFollowUp follow_up(Database& db, const Clock& clock, const ingest::ImportOutcome& outcome) {
  BatchFollowUp done;
  const int64_t batch_id = outcome.batch.id;
  auto workdays = load_workdays(db, clock);
  if (!workdays) {
    log_follow_up_failure("loading the calendar", batch_id, workdays.error());
    return done;
  }
  if (outcome.batch.feed == FeedKind::kHotline) {
    if (auto tickets = receive_hotline_tickets(db, clock, *workdays); tickets)
      done.hotline_tickets = *tickets;
    else
      log_follow_up_failure("receiving hotline tickets", batch_id, tickets.error());
  }
  auto screened =
      screen::screen_after_batch(db, clock, outcome.touched_persons, outcome.touched_households);
  if (!screened) {
    log_follow_up_failure("re-screening", batch_id, screened.error());
    return done;
  }
  if (!*screened)  // no screening has run yet: `faxian screen` will see these rows
    return done;
  done.screening = (*screened)->counts;
  // Leads for what this batch changed: the households whose warnings it opened or escalated
  // (the full reconciliation runs with every `faxian screen`).
  workflow::WarningScope changed;
  for (const OpenedWarning& opened : (*screened)->applied.opened)
    changed.household_ids.push_back(opened.household_id);
  for (const EscalatedWarning& escalated : (*screened)->applied.escalated)
    changed.household_ids.push_back(escalated.household_id);
  if (changed.household_ids.empty())
    return done;
  auto leads =
      workflow::open_leads_for_warnings(db, clock, workdays->calendar, workdays->policy, changed);
  if (leads)
    done.leads = *leads;
  else
    log_follow_up_failure("opening leads", batch_id, leads.error());
  return done;
}

}  // namespace

Result<UploadOutcome> import_upload(Database& db, const Clock& clock, const std::string& path,
                                    const ingest::ImportRequest& request) {
  UploadOutcome outcome;
  FAXIAN_TRY_ASSIGN(outcome.import, ingest::import_file(db, clock, path, request));
  if (outcome.import.batch.status == BatchStatus::kCommitted)
    outcome.follow_up = follow_up(db, clock, outcome.import);
  return outcome;
}

}  // namespace faxian::api
