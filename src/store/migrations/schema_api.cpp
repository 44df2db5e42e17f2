// Migration 11: what the HTTP API keeps (50-api-security.md "Authentication"):
// * users gain the failed-login counter and the lock-out time (5 failures → 15 minutes);
// * sessions: server-side, found by the SHA-256 of the cookie's random token (the token itself
//   is never stored), with the CSRF token, idle and absolute expiry;
// * api_tokens: department systems' bearer tokens, stored as SHA-256, scoped to a department's
//   feeds and referral inbox, expiring and revocable; each acts as its department's service
//   account (a users row `api:<department>` that can never log in), so what a token does is
//   recorded against a real user and never mistaken for the system;
// * public_reports: the public form's reports, found by the status code given to the reporter;
// * indexes for the API's reads: 户籍 rows by 户号 (household timeline), leads by creation
//   date (lists page newest first). (A status-first covering index of warnings was tried for the
//   home-page counts and dropped: without statistics SQLite then chose it over
//   warnings_household for "this household's open warnings", scanning all open warnings.)
// * change_counters: 'casework' counts every change to warnings, leads, tasks and households'
//   villages (triggers), so the home-page figures are cached until one of them changes — and
//   not recomputed for the view audits written several times a second.
// Never edit after release: add a migration instead.

#include "store/migrations/migrations.hpp"

#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace faxian {

namespace {

// The triggers that count changes to the data behind the home-page figures: every insert,
// update and delete of warnings, leads and tasks, and a household's move to another village.
// SQLite counts per row; PostgreSQL per statement, through one PL/pgSQL function (the cache
// only asks whether the counter moved, not by how much).
std::string casework_counter_triggers() {
  std::string sqlite = "{sqlite}";
  std::string postgres =
      "{postgres}CREATE FUNCTION count_casework_change() RETURNS trigger LANGUAGE plpgsql AS $$\n"
      "BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'casework'; RETURN NULL;\n"
      "END $$;\n";
  auto add = [&](std::string_view name, std::string_view event) {
    sqlite += fmt::format(
        "CREATE TRIGGER {} AFTER {} BEGIN\n"
        "  UPDATE change_counters SET value = value + 1 WHERE name = 'casework'; END;\n",
        name, event);
    postgres += fmt::format(
        "CREATE TRIGGER {} AFTER {} FOR EACH STATEMENT EXECUTE FUNCTION count_casework_change();\n",
        name, event);
  };
  const std::pair<std::string_view, std::string_view> events[] = {
      {"insert", "INSERT"}, {"update", "UPDATE"}, {"delete", "DELETE"}};
  for (std::string_view table : {"warnings", "leads", "tasks"}) {
    for (const auto& [name, event] : events)
      add(fmt::format("{}_{}_counted", table, name), fmt::format("{} ON {}", event, table));
  }
  add("households_village_counted", "UPDATE OF village_code ON households");
  return sqlite + "{/sqlite}" + postgres + "{/postgres}";
}

}  // namespace

std::string api_schema_sql() {
  return std::string(R"SQL(
ALTER TABLE users ADD COLUMN failed_logins {int} NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until {int} NOT NULL DEFAULT 0;

CREATE TABLE sessions (
  id {id},
  token_hash TEXT NOT NULL UNIQUE,
  user_id {int} NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  source_address TEXT NOT NULL DEFAULT '',
  created_at {int} NOT NULL,
  last_seen_at {int} NOT NULL,
  expires_at {int} NOT NULL,
  ended_at {int}
) {strict};
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id {id},
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash TEXT NOT NULL UNIQUE,
  department TEXT NOT NULL CHECK (department <> ''),
  user_id {int} NOT NULL REFERENCES users(id),
  feeds TEXT NOT NULL DEFAULT '',
  created_by_id {int} REFERENCES users(id),
  created_at {int} NOT NULL,
  expires_at {int} NOT NULL,
  revoked_at {int},
  last_used_at {int}
) {strict};

-- The household timeline reads a household's 户籍 changes by 户号; lead lists page newest first,
-- the inbox filtered by status and level (the count of such a list reads only this index).
CREATE INDEX feed_population_household ON feed_population(household_no);
CREATE INDEX leads_created ON leads(created_on, id);
CREATE INDEX leads_status_created ON leads(status, created_on, id);
CREATE INDEX leads_status_level ON leads(status, level, created_on, id);

CREATE TABLE change_counters (
  name TEXT PRIMARY KEY,
  value {int} NOT NULL
) {strict};
INSERT INTO change_counters (name, value) VALUES ('casework', 0);

CREATE TABLE public_reports (
  id {id},
  code TEXT NOT NULL UNIQUE,
  lead_id {int} NOT NULL REFERENCES leads(id),
  contact_phone TEXT NOT NULL DEFAULT '',
  created_at {int} NOT NULL
) {strict};
)SQL") + casework_counter_triggers();
}

}  // namespace faxian
