// Migration 12: case numbers and the change counter without rewriting one row many times in a
// transaction — on PostgreSQL every rewrite of a row inside one transaction leaves a version
// the next rewrite has to step over, so n rewrites cost time in n² (a first county screening
// opening 28,083 leads spent 5.8 s in the lead counter and 11.7 s in the change counter; a
// city's 187,000 leads would take many minutes).
// * issued_numbers: one row per lead or casework number issued — series 'lead' or
//   'casework:<prefix>', day YYYYMMDD, sequence. The next number of a day is its largest + 1,
//   read through the primary key. The last values of lead_counters (migration 7) and
//   casework_counters (migration 9), one row per day rewritten for every number, are carried
//   over and those tables dropped. (Application numbers, issued one at a time by officers, keep
//   application_counters.)
// * PostgreSQL: count_casework_change() (migration 11) moves the 'casework' counter once per
//   transaction instead of once per statement; the caches only ask whether it moved. A
//   transaction-local setting remembers the move, and is undone with a rolled-back savepoint
//   together with the move itself. SQLite's per-row triggers update in place and stay.
// Never edit after release: add a migration instead.

#include "store/migrations/migrations.hpp"

namespace faxian {

std::string numbering_schema_sql() {
  return R"SQL(
CREATE TABLE issued_numbers (
  series TEXT NOT NULL,
  day TEXT NOT NULL CHECK (day LIKE '________'),
  seq {int} NOT NULL CHECK (seq > 0),
  PRIMARY KEY (series, day, seq)
) {strict};
INSERT INTO issued_numbers (series, day, seq) SELECT 'lead', day, last FROM lead_counters
  WHERE last > 0;
INSERT INTO issued_numbers (series, day, seq)
  SELECT 'casework:' || prefix, day, last FROM casework_counters WHERE last > 0;
DROP TABLE lead_counters;
DROP TABLE casework_counters;
{postgres}CREATE OR REPLACE FUNCTION count_casework_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('faxian.casework_counted', true), '') <> 'on' THEN
    UPDATE change_counters SET value = value + 1 WHERE name = 'casework';
    PERFORM set_config('faxian.casework_counted', 'on', true);
  END IF;
  RETURN NULL;
END $$;{/postgres}
)SQL";
}

}  // namespace faxian
