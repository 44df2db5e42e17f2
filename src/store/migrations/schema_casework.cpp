// Migration 9: referrals to departments (转介), county coordination cases (县级协调) with
// per-department tasks, and hotline tickets (热线) (40-workflow.md). Written with
// src/workflow/casework.
// * casework_counters: the daily sequences behind referral, case and ticket numbers
//   (ZJ20261120-0001, XT20261120-01, RX20261120-0001), one row per prefix and day.
// * referrals: one referral of a household (or an unidentified lead subject) to one department's
//   inbox, with the masked summary the department may see (JSON, a snapshot taken when sent),
//   the answer deadline and the answer (accepted / not_applicable, result, amount in fen). A
//   warning refers a household to a department at most once (partial unique index). `version`
//   rises with every change: a department answering a referral it read before a change conflicts.
// * coordination_cases / coordination_tasks: the county's case for a lead (one open case per
//   lead), its meeting and measures, and one task per participating department with its
//   result. Tasks carry their own version so that two departments answering at once do not
//   conflict with each other.
// * hotline_tickets / hotline_callbacks: calls typed in by an operator or taken from the
//   `hotline` feed (feed_record_id, at most one ticket per feed row), their classification,
//   reasonableness judgement (合理 / 部分合理 / 不合理, a reason required), the lead they were
//   routed to, the callback task and deadline, and every callback attempt.
// Department keys are the catalogue of src/workflow/casework/department.hpp; a new department
// needs a migration that widens the CHECKs. Never edit after release: add a migration instead.

#include "store/migrations/migrations.hpp"

namespace faxian {

std::string casework_schema_sql() {
  return R"SQL(
CREATE TABLE casework_counters (
  prefix TEXT NOT NULL,
  day TEXT NOT NULL CHECK (day LIKE '________'),
  last {int} NOT NULL CHECK (last >= 0),
  PRIMARY KEY (prefix, day)
) {strict};

CREATE TABLE referrals (
  id {id},
  referral_no TEXT NOT NULL UNIQUE,
  department TEXT NOT NULL CHECK (department IN ('human_resources', 'medical_security',
    'disabled_persons_federation', 'education', 'housing', 'rural_revitalisation', 'emergency',
    'health', 'civil_affairs', 'public_security')),
  household_id {int} REFERENCES households(id),
  lead_id {int} REFERENCES leads(id),
  warning_id {int} REFERENCES warnings(id),
  township_code TEXT NOT NULL REFERENCES regions(code),
  village_code TEXT REFERENCES regions(code),
  reason TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'not_applicable')),
  sent_on TEXT NOT NULL CHECK (sent_on LIKE '____-__-__'),
  due_on TEXT CHECK (due_on LIKE '____-__-__'),
  escalated_on TEXT CHECK (escalated_on LIKE '____-__-__'),
  answered_on TEXT CHECK (answered_on LIKE '____-__-__'),
  result TEXT NOT NULL DEFAULT '',
  amount {int} CHECK (amount IS NULL OR amount >= 0),
  answered_by TEXT NOT NULL DEFAULT '',
  answered_by_id {int} REFERENCES users(id),
  created_by TEXT NOT NULL,
  created_by_id {int} REFERENCES users(id),
  version {int} NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL,
  CHECK (household_id IS NOT NULL OR lead_id IS NOT NULL),
  CHECK (status = 'pending' OR (answered_on IS NOT NULL AND result <> ''))
) {strict};
CREATE UNIQUE INDEX referrals_warning_department ON referrals(warning_id, department)
  WHERE warning_id IS NOT NULL;
CREATE INDEX referrals_inbox ON referrals(department, status, due_on);
CREATE INDEX referrals_lead ON referrals(lead_id);
CREATE INDEX referrals_household ON referrals(household_id);
CREATE INDEX referrals_township ON referrals(township_code, status);

CREATE TABLE coordination_cases (
  id {id},
  case_no TEXT NOT NULL UNIQUE,
  lead_id {int} NOT NULL REFERENCES leads(id),
  household_id {int} REFERENCES households(id),
  township_code TEXT NOT NULL REFERENCES regions(code),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  reason TEXT NOT NULL DEFAULT '',
  meeting_on TEXT CHECK (meeting_on LIKE '____-__-__'),
  measures TEXT NOT NULL DEFAULT '',
  opened_on TEXT NOT NULL CHECK (opened_on LIKE '____-__-__'),
  opened_by TEXT NOT NULL,
  opened_by_id {int} REFERENCES users(id),
  closed_on TEXT CHECK (closed_on LIKE '____-__-__'),
  closed_by TEXT NOT NULL DEFAULT '',
  conclusion TEXT NOT NULL DEFAULT '',
  version {int} NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL,
  CHECK (status = 'open' OR closed_on IS NOT NULL)
) {strict};
CREATE UNIQUE INDEX coordination_cases_one_open ON coordination_cases(lead_id)
  WHERE status = 'open';
CREATE INDEX coordination_cases_township ON coordination_cases(township_code, status);

CREATE TABLE coordination_tasks (
  id {id},
  case_id {int} NOT NULL REFERENCES coordination_cases(id),
  department TEXT NOT NULL CHECK (department IN ('human_resources', 'medical_security',
    'disabled_persons_federation', 'education', 'housing', 'rural_revitalisation', 'emergency',
    'health', 'civil_affairs', 'public_security')),
  task TEXT NOT NULL CHECK (task <> ''),
  due_on TEXT CHECK (due_on LIKE '____-__-__'),
  status TEXT NOT NULL CHECK (status IN ('pending', 'done')),
  result TEXT NOT NULL DEFAULT '',
  amount {int} CHECK (amount IS NULL OR amount >= 0),
  answered_on TEXT CHECK (answered_on LIKE '____-__-__'),
  answered_by TEXT NOT NULL DEFAULT '',
  answered_by_id {int} REFERENCES users(id),
  version {int} NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL,
  UNIQUE (case_id, department),
  CHECK (status = 'pending' OR (answered_on IS NOT NULL AND result <> ''))
) {strict};
CREATE INDEX coordination_tasks_inbox ON coordination_tasks(department, status);

CREATE TABLE hotline_tickets (
  id {id},
  ticket_no TEXT NOT NULL UNIQUE,
  feed_record_id {int} UNIQUE REFERENCES feed_hotline(id),
  call_time TEXT NOT NULL CHECK (call_time LIKE '____-__-__ __:__:__'),
  call_date TEXT NOT NULL CHECK (call_date LIKE '____-__-__'),
  caller_name TEXT NOT NULL DEFAULT '',
  caller_phone TEXT NOT NULL DEFAULT '',
  subject_name TEXT NOT NULL DEFAULT '',
  subject_phone TEXT NOT NULL DEFAULT '',
  subject_address TEXT NOT NULL DEFAULT '',
  village_code TEXT REFERENCES regions(code),
  township_code TEXT REFERENCES regions(code),
  household_id {int} REFERENCES households(id),
  person_id {int} REFERENCES persons(id),
  category TEXT CHECK (category IN ('living', 'medical', 'housing', 'education', 'employment',
    'disability', 'elderly', 'other')),
  content TEXT NOT NULL CHECK (content <> ''),
  reasonableness TEXT CHECK (reasonableness IN ('reasonable', 'partly_reasonable',
    'unreasonable')),
  reasonableness_reason TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('received', 'routed', 'called_back')),
  lead_id {int} REFERENCES leads(id),
  callback_task_id {int} REFERENCES tasks(id),
  callback_due TEXT CHECK (callback_due LIKE '____-__-__'),
  called_back_on TEXT CHECK (called_back_on LIKE '____-__-__'),
  recorded_by TEXT NOT NULL,
  recorded_by_id {int} REFERENCES users(id),
  routed_by TEXT NOT NULL DEFAULT '',
  version {int} NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL,
  CHECK (reasonableness IS NULL OR reasonableness_reason <> ''),
  CHECK (status = 'received' OR (reasonableness IS NOT NULL AND lead_id IS NOT NULL))
) {strict};
CREATE INDEX hotline_tickets_status ON hotline_tickets(status, callback_due);
CREATE INDEX hotline_tickets_township ON hotline_tickets(township_code, status);
CREATE INDEX hotline_tickets_lead ON hotline_tickets(lead_id);

CREATE TABLE hotline_callbacks (
  id {id},
  ticket_id {int} NOT NULL REFERENCES hotline_tickets(id),
  called_on TEXT NOT NULL CHECK (called_on LIKE '____-__-__'),
  reached {int} NOT NULL CHECK (reached IN (0, 1)),
  satisfied {int} CHECK (satisfied IN (0, 1)),
  result TEXT NOT NULL CHECK (result <> ''),
  recorded_by TEXT NOT NULL,
  recorded_by_id {int} REFERENCES users(id),
  at {int} NOT NULL
) {strict};
CREATE INDEX hotline_callbacks_ticket ON hotline_callbacks(ticket_id, id);
)SQL";
}

}  // namespace faxian
