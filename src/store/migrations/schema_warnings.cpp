// Migration 6: screening runs and the warnings they produce (30-screening.md "Warnings").
// * screening_runs: one row per run (full or incremental) with what it found and changed.
// * warnings: one row per raised warning; at most one open row per household and kind (the
//   partial unique index), cleared and suppressed rows stay as history. `rules` is the rule ids
//   ascending joined by ';' ("R01;R03"), `detail` the fired rules with points, red flag,
//   evidence and explanation plus actions and departments as JSON (store/warning_codec.hpp).
// * warning_events: the escalation and history log of each warning.
// * warning_suppressions: a closed lead's rules and evidence ("feed:record_id", sorted JSON
//   array) that must not raise the household again; at most one active (lifted_at NULL) per
//   household and kind.
// rule_set_version is not a foreign key: a run records the version it screened with, and the
// store keeps versions forever, so the reference is only ever informative.
// Never edit after release: add a migration instead.

#include "store/migrations/migrations.hpp"

namespace faxian {

std::string warnings_schema_sql() {
  return R"SQL(
CREATE TABLE screening_runs (
  id {id},
  as_of TEXT NOT NULL CHECK (as_of LIKE '____-__-__'),
  mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
  rule_set_version {int} NOT NULL,
  started_at {int} NOT NULL,
  finished_at {int},
  households_screened {int} NOT NULL DEFAULT 0,
  need_red {int} NOT NULL DEFAULT 0,
  need_orange {int} NOT NULL DEFAULT 0,
  need_yellow {int} NOT NULL DEFAULT 0,
  review {int} NOT NULL DEFAULT 0,
  opened {int} NOT NULL DEFAULT 0,
  updated {int} NOT NULL DEFAULT 0,
  escalated {int} NOT NULL DEFAULT 0,
  cleared {int} NOT NULL DEFAULT 0,
  suppressed {int} NOT NULL DEFAULT 0
) {strict};

CREATE TABLE warnings (
  id {id},
  household_id {int} NOT NULL REFERENCES households(id),
  kind TEXT NOT NULL CHECK (kind IN ('need', 'review')),
  status TEXT NOT NULL CHECK (status IN ('open', 'cleared', 'suppressed')),
  score {int} NOT NULL DEFAULT 0 CHECK (score >= 0),
  level TEXT CHECK (level IN ('red', 'orange', 'yellow')),
  rules TEXT NOT NULL,
  detail TEXT NOT NULL,
  as_of TEXT NOT NULL CHECK (as_of LIKE '____-__-__'),
  first_detected TEXT NOT NULL CHECK (first_detected LIKE '____-__-__'),
  last_changed TEXT NOT NULL CHECK (last_changed LIKE '____-__-__'),
  rule_set_version {int} NOT NULL,
  run_id {int} NOT NULL REFERENCES screening_runs(id),
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL,
  CHECK ((kind = 'need' AND level IS NOT NULL) OR (kind = 'review' AND level IS NULL))
) {strict};
CREATE UNIQUE INDEX warnings_one_open ON warnings(household_id, kind) WHERE status = 'open';
CREATE INDEX warnings_status_kind ON warnings(status, kind);
CREATE INDEX warnings_household ON warnings(household_id, kind);

CREATE TABLE warning_events (
  id {id},
  warning_id {int} NOT NULL REFERENCES warnings(id),
  run_id {int} REFERENCES screening_runs(id),
  event TEXT NOT NULL CHECK (event IN ('opened', 'updated', 'escalated', 'cleared', 'reopened',
    'suppressed')),
  from_level TEXT CHECK (from_level IN ('red', 'orange', 'yellow')),
  to_level TEXT CHECK (to_level IN ('red', 'orange', 'yellow')),
  rules TEXT NOT NULL,
  as_of TEXT NOT NULL CHECK (as_of LIKE '____-__-__'),
  at {int} NOT NULL
) {strict};
CREATE INDEX warning_events_warning ON warning_events(warning_id, id);

CREATE TABLE warning_suppressions (
  id {id},
  household_id {int} NOT NULL REFERENCES households(id),
  kind TEXT NOT NULL CHECK (kind IN ('need', 'review')),
  warning_id {int} REFERENCES warnings(id),
  rules TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '[]',
  reason TEXT NOT NULL CHECK (reason IN ('no_need', 'declined', 'not_eligible')),
  closed_on TEXT NOT NULL CHECK (closed_on LIKE '____-__-__'),
  cooldown_days {int} NOT NULL CHECK (cooldown_days >= 0),
  created_at {int} NOT NULL,
  lifted_at {int}
) {strict};
CREATE UNIQUE INDEX warning_suppressions_active ON warning_suppressions(household_id, kind)
  WHERE lifted_at IS NULL;
)SQL";
}

}  // namespace faxian
