// Migration 10: campaigns (集中排查), visits (走访) with their checklists, routine visit plans
// and the publicity log (40-workflow.md). Tasks themselves are in migration 7. Written with
// src/workflow/fieldwork.
// * campaigns: one concentrated screening for an event over chosen villages and dates.
// * campaign_villages: the chosen villages (12-digit codes).
// * campaign_checklist_items: the questions a coordinator ticks per household; an answer equal
//   to `concern_answer` is a finding of difficulty.
// * campaign_targets: every household the campaign must visit (each once) with why it was
//   included and its visit task.
// * visits: one home visit (routine, campaign or ad hoc) with who, when, what was found and the
//   lead it opened; visit_answers its checklist answers, visit_needs the needs found.
// * visit_plan_rules: routine visit frequencies per target group; no rows = the defaults of
//   standards.md ("Visit frequencies").
// * publicity_activities: the publicity log (宣传): date, village, type, audience size.
// Never edit after release: add a migration instead.

#include "store/migrations/migrations.hpp"

namespace faxian {

std::string fieldwork_schema_sql() {
  return R"SQL(
CREATE TABLE campaigns (
  id {id},
  name TEXT NOT NULL CHECK (name <> ''),
  event_type TEXT NOT NULL CHECK (event_type IN ('flood', 'geological', 'drought', 'fire',
    'earthquake', 'cold_wave', 'epidemic', 'other')),
  description TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL CHECK (starts_on LIKE '____-__-__'),
  ends_on TEXT NOT NULL CHECK (ends_on LIKE '____-__-__'),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  created_by TEXT NOT NULL,
  created_on TEXT NOT NULL CHECK (created_on LIKE '____-__-__'),
  closed_on TEXT CHECK (closed_on LIKE '____-__-__'),
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL,
  CHECK (ends_on >= starts_on)
) {strict};
CREATE INDEX campaigns_dates ON campaigns(starts_on, ends_on);

CREATE TABLE campaign_villages (
  campaign_id {int} NOT NULL REFERENCES campaigns(id),
  village_code TEXT NOT NULL REFERENCES regions(code),
  PRIMARY KEY (campaign_id, village_code)
) {strict};

CREATE TABLE campaign_checklist_items (
  id {id},
  campaign_id {int} NOT NULL REFERENCES campaigns(id),
  position {int} NOT NULL,
  item_key TEXT NOT NULL CHECK (item_key <> ''),
  question TEXT NOT NULL CHECK (question <> ''),
  concern_answer TEXT NOT NULL CHECK (concern_answer IN ('yes', 'no')),
  UNIQUE (campaign_id, item_key)
) {strict};

CREATE TABLE campaign_targets (
  id {id},
  campaign_id {int} NOT NULL REFERENCES campaigns(id),
  household_id {int} NOT NULL REFERENCES households(id),
  village_code TEXT NOT NULL REFERENCES regions(code),
  township_code TEXT NOT NULL REFERENCES regions(code),
  task_id {int} REFERENCES tasks(id),
  low_income {int} NOT NULL CHECK (low_income IN (0, 1)),
  open_warning {int} NOT NULL CHECK (open_warning IN (0, 1)),
  disaster {int} NOT NULL CHECK (disaster IN (0, 1)),
  UNIQUE (campaign_id, household_id)
) {strict};
CREATE INDEX campaign_targets_village ON campaign_targets(campaign_id, village_code);

CREATE TABLE visits (
  id {id},
  household_id {int} NOT NULL REFERENCES households(id),
  village_code TEXT NOT NULL REFERENCES regions(code),
  township_code TEXT NOT NULL REFERENCES regions(code),
  visited_on TEXT NOT NULL CHECK (visited_on LIKE '____-__-__'),
  campaign_id {int} REFERENCES campaigns(id),
  task_id {int} REFERENCES tasks(id),
  visitor TEXT NOT NULL,
  visitor_user_id {int} REFERENCES users(id),
  met TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  difficulty_found {int} NOT NULL CHECK (difficulty_found IN (0, 1)),
  lead_id {int} REFERENCES leads(id),
  created_at {int} NOT NULL
) {strict};
CREATE INDEX visits_household ON visits(household_id, visited_on);
CREATE INDEX visits_campaign ON visits(campaign_id, household_id);
CREATE INDEX visits_village ON visits(village_code, visited_on);

CREATE TABLE visit_answers (
  visit_id {int} NOT NULL REFERENCES visits(id),
  item_key TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'not_applicable')),
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (visit_id, item_key)
) {strict};

CREATE TABLE visit_needs (
  visit_id {int} NOT NULL REFERENCES visits(id),
  need TEXT NOT NULL CHECK (need IN ('basic_living', 'medical', 'housing', 'education',
    'employment', 'care', 'disability', 'emergency', 'other')),
  PRIMARY KEY (visit_id, need)
) {strict};

CREATE TABLE visit_plan_rules (
  target TEXT NOT NULL PRIMARY KEY CHECK (target IN ('dibao', 'dibao_edge', 'tekun',
    'child_in_difficulty', 'serious_illness', 'disabled', 'no_work_capacity', 'elderly_alone')),
  interval_months {int} NOT NULL CHECK (interval_months BETWEEN 1 AND 24),
  low_income_only {int} NOT NULL CHECK (low_income_only IN (0, 1)),
  enabled {int} NOT NULL CHECK (enabled IN (0, 1)),
  updated_by TEXT NOT NULL,
  updated_at {int} NOT NULL
) {strict};

CREATE TABLE publicity_activities (
  id {id},
  held_on TEXT NOT NULL CHECK (held_on LIKE '____-__-__'),
  region_code TEXT NOT NULL REFERENCES regions(code),
  activity_type TEXT NOT NULL CHECK (activity_type IN ('meeting', 'door_to_door', 'leaflet',
    'poster', 'broadcast', 'online', 'consultation_stall', 'training', 'other')),
  topic TEXT NOT NULL DEFAULT '',
  audience_size {int} NOT NULL CHECK (audience_size >= 0),
  notes TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  created_at {int} NOT NULL
) {strict};
CREATE INDEX publicity_activities_region ON publicity_activities(region_code, held_on);
)SQL";
}

}  // namespace faxian
