// Migration 8: applications (救助申请), eligibility checks, temporary-assistance requests,
// reserve funds (备用金) and payments (40-workflow.md "Applications"). Written with
// src/workflow/assistance. Never edit after release: add a migration instead.
// * applications: one application of a household, its state (submitted → … → ended), its
//   deadlines (working-day dates; NULL when the calendar of their year is missing), the
//   decision with its reason and whether it went against the recommendation. `version` rises
//   with every change (two officers acting on one application conflict instead of
//   overwriting).
// * application_events: the history (who, when, what, why); never deleted.
// * application_counters: the daily sequence behind application numbers (SQ20261120-0001).
// * eligibility_checks: stored snapshots of the computed check (figures, their source records
//   and the recommendation as JSON) — what the officer saw when deciding.
// * temporary_aid_requests: 临时救助 amount requests by track (小额快救 / township / 一事一议);
//   a case_by_case request waits for the county's decision.
// * reserve_funds / reserve_fund_entries: each township's 备用金 — the balance row is updated
//   with a guarded UPDATE (never below zero) in the same transaction as its ledger entry; the
//   ledger alone gives the balance too (top-ups minus payments).
// * payments: money paid for an application (amount, date, method, period).

#include "store/migrations/migrations.hpp"

namespace faxian {

std::string assistance_schema_sql() {
  return R"SQL(
CREATE TABLE applications (
  id {id},
  application_no TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('dibao', 'tekun', 'dibao_edge', 'temporary_emergency',
    'temporary_expenditure', 'medical', 'education', 'housing', 'employment', 'other')),
  household_id {int} NOT NULL REFERENCES households(id),
  applicant_person_id {int} REFERENCES persons(id),
  township_code TEXT NOT NULL REFERENCES regions(code),
  village_code TEXT REFERENCES regions(code),
  lead_id {int} REFERENCES leads(id),
  assisted {int} NOT NULL CHECK (assisted IN (0, 1)),
  fast_track {int} NOT NULL DEFAULT 0 CHECK (fast_track IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('submitted', 'investigating', 'economic_check',
    'public_notice', 'decided', 'in_payment', 'ended')),
  description TEXT NOT NULL DEFAULT '',
  submitted_on TEXT NOT NULL CHECK (submitted_on LIKE '____-__-__'),
  special_reason TEXT NOT NULL DEFAULT '',
  process_due TEXT CHECK (process_due LIKE '____-__-__'),
  notice_from TEXT CHECK (notice_from LIKE '____-__-__'),
  notice_until TEXT CHECK (notice_until LIKE '____-__-__'),
  decision TEXT CHECK (decision IN ('approved', 'rejected')),
  decision_reason TEXT NOT NULL DEFAULT '',
  recommendation TEXT CHECK (recommendation IN ('eligible', 'not_eligible', 'manual_review')),
  against_recommendation {int} NOT NULL DEFAULT 0 CHECK (against_recommendation IN (0, 1)),
  eligibility_check_id {int},
  decided_on TEXT CHECK (decided_on LIKE '____-__-__'),
  decided_by {int} REFERENCES users(id),
  start_on TEXT CHECK (start_on LIKE '____-__-__'),
  amount_fen {int} CHECK (amount_fen >= 0),
  refusal_notice_due TEXT CHECK (refusal_notice_due LIKE '____-__-__'),
  ended_on TEXT CHECK (ended_on LIKE '____-__-__'),
  end_reason TEXT NOT NULL DEFAULT '',
  version {int} NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by TEXT NOT NULL,
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL,
  CHECK (decision IS NULL OR decided_on IS NOT NULL)
) {strict};
CREATE INDEX applications_household ON applications(household_id, id);
CREATE INDEX applications_township_status ON applications(township_code, status);
CREATE INDEX applications_lead ON applications(lead_id);

CREATE TABLE application_events (
  id {id},
  application_id {int} NOT NULL REFERENCES applications(id),
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
CREATE INDEX application_events_application ON application_events(application_id, id);

CREATE TABLE application_counters (
  day TEXT NOT NULL PRIMARY KEY CHECK (day LIKE '________'),
  last {int} NOT NULL CHECK (last >= 0)
) {strict};

CREATE TABLE eligibility_checks (
  id {id},
  application_id {int} REFERENCES applications(id),
  household_id {int} NOT NULL REFERENCES households(id),
  programme TEXT NOT NULL,
  as_of TEXT NOT NULL CHECK (as_of LIKE '____-__-__'),
  recommendation TEXT NOT NULL CHECK (recommendation IN ('eligible', 'not_eligible',
    'manual_review')),
  figures TEXT NOT NULL,
  standards_version {int} NOT NULL DEFAULT 0,
  rule_set_version {int} NOT NULL DEFAULT 0,
  computed_by TEXT NOT NULL,
  computed_at {int} NOT NULL
) {strict};
CREATE INDEX eligibility_checks_application ON eligibility_checks(application_id, id);
CREATE INDEX eligibility_checks_household ON eligibility_checks(household_id, id);

CREATE TABLE temporary_aid_requests (
  id {id},
  application_id {int} NOT NULL REFERENCES applications(id),
  household_id {int} NOT NULL REFERENCES households(id),
  township_code TEXT NOT NULL REFERENCES regions(code),
  lead_id {int} REFERENCES leads(id),
  track TEXT NOT NULL CHECK (track IN ('quick', 'township', 'case_by_case')),
  amount_fen {int} NOT NULL CHECK (amount_fen > 0),
  standard_fen {int} NOT NULL CHECK (standard_fen > 0),
  reasons TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected')),
  requested_on TEXT NOT NULL CHECK (requested_on LIKE '____-__-__'),
  decision_due TEXT CHECK (decision_due LIKE '____-__-__'),
  decided_on TEXT CHECK (decided_on LIKE '____-__-__'),
  decided_by {int} REFERENCES users(id),
  decided_by_name TEXT NOT NULL DEFAULT '',
  decision_reason TEXT NOT NULL DEFAULT '',
  payment_id {int},
  version {int} NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by TEXT NOT NULL,
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL
) {strict};
CREATE INDEX temporary_aid_requests_application ON temporary_aid_requests(application_id, id);
CREATE INDEX temporary_aid_requests_status ON temporary_aid_requests(track, status);

CREATE TABLE reserve_funds (
  township_code TEXT NOT NULL PRIMARY KEY REFERENCES regions(code),
  balance_fen {int} NOT NULL CHECK (balance_fen >= 0),
  updated_at {int} NOT NULL
) {strict};

CREATE TABLE reserve_fund_entries (
  id {id},
  township_code TEXT NOT NULL REFERENCES reserve_funds(township_code),
  kind TEXT NOT NULL CHECK (kind IN ('top_up', 'payment')),
  amount_fen {int} NOT NULL CHECK (amount_fen > 0),
  balance_after_fen {int} NOT NULL CHECK (balance_after_fen >= 0),
  on_date TEXT NOT NULL CHECK (on_date LIKE '____-__-__'),
  application_id {int} REFERENCES applications(id),
  note TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  at {int} NOT NULL
) {strict};
CREATE INDEX reserve_fund_entries_township ON reserve_fund_entries(township_code, id);

CREATE TABLE payments (
  id {id},
  application_id {int} NOT NULL REFERENCES applications(id),
  household_id {int} NOT NULL REFERENCES households(id),
  amount_fen {int} NOT NULL CHECK (amount_fen > 0),
  paid_on TEXT NOT NULL CHECK (paid_on LIKE '____-__-__'),
  method TEXT NOT NULL CHECK (method IN ('bank_transfer', 'cash', 'in_kind')),
  source TEXT NOT NULL CHECK (source IN ('regular', 'reserve_fund', 'case_by_case')),
  period_from TEXT NOT NULL CHECK (period_from LIKE '____-__'),
  period_to TEXT NOT NULL CHECK (period_to LIKE '____-__'),
  reserve_entry_id {int} REFERENCES reserve_fund_entries(id),
  note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  at {int} NOT NULL,
  CHECK (period_from <= period_to)
) {strict};
CREATE INDEX payments_application ON payments(application_id, id);
CREATE INDEX payments_household ON payments(household_id, paid_on);
)SQL";
}

}  // namespace faxian
