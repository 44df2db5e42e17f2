// Migration 7: leads (40-workflow.md "Leads", "States", "Outcomes") and what every workflow
// module shares.
// * leads: one possible case of need. A subject is a household (household_id) or an
//   unidentified person (subject_* columns, village_code) until an officer links it. At most one
//   open lead (status other than 'closed') per household: the partial unique index. `version`
//   rises with every change, so two officers acting on one lead conflict instead of
//   overwriting. Deadlines are working-day dates; NULL when the calendar of their year is
//   missing ("unknown — calendar missing").
// * lead_sources: every channel that reported the lead (sources accumulate on deduplication).
// * lead_events: the history (who, when, what, why) of every change; never deleted.
// * lead_outcomes: the outcomes decided for a lead, each with its state (pending until its
//   effect is complete: the application linked, the referral answered …).
// * lead_verifications: the structured verification records.
// * lead_counters: the daily sequence behind lead numbers (XS20230415-0012).
// * tasks: visit and follow-up tasks (follow-up after closure, campaign visits, routine visits,
//   paperwork after 先行救助) with a due date and an assignee area.
// * notifications: stored notices (overdue, escalation) for a user or for the officers of a
//   region and role; the UI shows them.
// * workflow_settings: configurable figures (deadlines in working days …) as key → text.
// * persons_phone: matching an unidentified subject's phone to candidates.
// * audit_log: append-only, hash-chained record of every view and change (50-api-security.md).
// Never edit after release: add a migration instead.

#include "store/migrations/migrations.hpp"

namespace faxian {

std::string leads_schema_sql() {
  return R"SQL(
CREATE TABLE leads (
  id {id},
  lead_no TEXT NOT NULL UNIQUE,
  household_id {int} REFERENCES households(id),
  subject_name TEXT NOT NULL DEFAULT '',
  subject_phone TEXT NOT NULL DEFAULT '',
  subject_address TEXT NOT NULL DEFAULT '',
  township_code TEXT NOT NULL REFERENCES regions(code),
  village_code TEXT REFERENCES regions(code),
  description TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL CHECK (level IN ('red', 'orange', 'yellow')),
  status TEXT NOT NULL CHECK (status IN ('new', 'assigned', 'verifying', 'decided', 'closed')),
  assignee_id {int} REFERENCES users(id),
  warning_id {int} REFERENCES warnings(id),
  created_on TEXT NOT NULL CHECK (created_on LIKE '____-__-__'),
  first_contact_due TEXT CHECK (first_contact_due LIKE '____-__-__'),
  verification_due TEXT CHECK (verification_due LIKE '____-__-__'),
  first_contact_on TEXT CHECK (first_contact_on LIKE '____-__-__'),
  verified_on TEXT CHECK (verified_on LIKE '____-__-__'),
  decided_on TEXT CHECK (decided_on LIKE '____-__-__'),
  closed_on TEXT CHECK (closed_on LIKE '____-__-__'),
  follow_up_on TEXT CHECK (follow_up_on LIKE '____-__-__'),
  merged_into {int} REFERENCES leads(id),
  version {int} NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL,
  CHECK (household_id IS NOT NULL OR subject_name <> '')
) {strict};
CREATE UNIQUE INDEX leads_one_open ON leads(household_id)
  WHERE status <> 'closed' AND household_id IS NOT NULL;
CREATE INDEX leads_township_status ON leads(township_code, status);
CREATE INDEX leads_household ON leads(household_id, id);
CREATE INDEX leads_warning ON leads(warning_id);

CREATE TABLE lead_sources (
  id {id},
  lead_id {int} NOT NULL REFERENCES leads(id),
  source TEXT NOT NULL CHECK (source IN ('data_warning', 'visit', 'campaign', 'hotline',
    'social_report', 'referral', 'self_report', 'superior')),
  reference TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL CHECK (level IN ('red', 'orange', 'yellow')),
  description TEXT NOT NULL DEFAULT '',
  reported_on TEXT NOT NULL CHECK (reported_on LIKE '____-__-__'),
  actor TEXT NOT NULL,
  at {int} NOT NULL
) {strict};
CREATE INDEX lead_sources_lead ON lead_sources(lead_id, id);
CREATE INDEX lead_sources_reference ON lead_sources(source, reference);

CREATE TABLE lead_events (
  id {id},
  lead_id {int} NOT NULL REFERENCES leads(id),
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  actor TEXT NOT NULL,
  actor_role TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  on_date TEXT NOT NULL CHECK (on_date LIKE '____-__-__'),
  at {int} NOT NULL
) {strict};
CREATE INDEX lead_events_lead ON lead_events(lead_id, id);

CREATE TABLE lead_verifications (
  id {id},
  lead_id {int} NOT NULL REFERENCES leads(id),
  visited_on TEXT NOT NULL CHECK (visited_on LIKE '____-__-__'),
  method TEXT NOT NULL CHECK (method IN ('home_visit', 'phone', 'office')),
  met TEXT NOT NULL DEFAULT '',
  conditions TEXT NOT NULL DEFAULT '{}',
  willingness TEXT NOT NULL CHECK (willingness IN ('yes', 'no', 'undecided')),
  ability TEXT NOT NULL CHECK (ability IN ('able', 'needs_help')),
  policy_explained {int} NOT NULL CHECK (policy_explained IN (0, 1)),
  policies TEXT NOT NULL DEFAULT '[]',
  difficulty_found {int} NOT NULL CHECK (difficulty_found IN (0, 1)),
  notes TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  at {int} NOT NULL
) {strict};
CREATE INDEX lead_verifications_lead ON lead_verifications(lead_id, id);

CREATE TABLE lead_outcomes (
  id {id},
  lead_id {int} NOT NULL REFERENCES leads(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('no_need', 'declined', 'assisted_application',
    'application', 'emergency_aid', 'case_by_case', 'referral', 'coordination', 'duplicate')),
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'cancelled')),
  reference TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  decided_on TEXT NOT NULL CHECK (decided_on LIKE '____-__-__'),
  done_on TEXT CHECK (done_on LIKE '____-__-__'),
  at {int} NOT NULL
) {strict};
CREATE INDEX lead_outcomes_lead ON lead_outcomes(lead_id, id);
CREATE INDEX lead_outcomes_reference ON lead_outcomes(outcome, reference);

CREATE TABLE lead_counters (
  day TEXT NOT NULL PRIMARY KEY CHECK (day LIKE '________'),
  last {int} NOT NULL CHECK (last >= 0)
) {strict};

CREATE TABLE tasks (
  id {id},
  kind TEXT NOT NULL CHECK (kind IN ('follow_up', 'campaign_visit', 'routine_visit',
    'paperwork', 'callback')),
  household_id {int} REFERENCES households(id),
  lead_id {int} REFERENCES leads(id),
  campaign_id {int},
  township_code TEXT NOT NULL REFERENCES regions(code),
  village_code TEXT REFERENCES regions(code),
  title TEXT NOT NULL,
  due_on TEXT CHECK (due_on LIKE '____-__-__'),
  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
  assignee_id {int} REFERENCES users(id),
  result TEXT NOT NULL DEFAULT '',
  done_on TEXT CHECK (done_on LIKE '____-__-__'),
  created_on TEXT NOT NULL CHECK (created_on LIKE '____-__-__'),
  created_by TEXT NOT NULL,
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL
) {strict};
CREATE INDEX tasks_area_status ON tasks(township_code, status, due_on);
CREATE INDEX tasks_household ON tasks(household_id, kind);
CREATE INDEX tasks_campaign ON tasks(campaign_id);
CREATE INDEX tasks_lead ON tasks(lead_id);

CREATE TABLE notifications (
  id {id},
  kind TEXT NOT NULL,
  region_code TEXT REFERENCES regions(code),
  role TEXT NOT NULL DEFAULT '',
  user_id {int} REFERENCES users(id),
  subject_type TEXT NOT NULL,
  subject_id {int} NOT NULL,
  message TEXT NOT NULL,
  on_date TEXT NOT NULL CHECK (on_date LIKE '____-__-__'),
  read_at {int},
  created_at {int} NOT NULL
) {strict};
CREATE UNIQUE INDEX notifications_once ON notifications(kind, subject_type, subject_id, on_date,
  role);
CREATE INDEX notifications_region ON notifications(region_code, read_at);

CREATE TABLE workflow_settings (
  key TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at {int} NOT NULL
) {strict};

CREATE INDEX persons_phone ON persons(phone) WHERE phone <> '';

CREATE TABLE audit_log (
  id {id},
  at {int} NOT NULL,
  actor TEXT NOT NULL,
  actor_role TEXT NOT NULL DEFAULT '',
  source_address TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) {strict};
)SQL";
}

}  // namespace faxian
