#!/usr/bin/env bash
# Crash safety (70-quality.md): kill -9 of an import at 20 random moments → the database opens,
# every earlier batch is intact, the killed batch is wholly present or wholly absent, and
# importing it again succeeds with the right counts.
#
# The killed import is a 医保 (medical) file big enough to take a few seconds: the small
# county's medical.csv repeated with distinct 结算单号 prefixes. The 20 moments are seeded
# random fractions (reproducible), stratified over 0 … 1.1 × the import time measured in this
# run (one moment in each twentieth of that span), so kills land while reading, while writing the WAL (rows, then the rebuilt indexes), during
# commit/checkpoint and, for the last ones, after the import finished. Each kill prints its
# moment, the phase it interrupted (judged from the WAL and database file sizes) and whether
# the batch came out absent or present.
source "$(dirname "$0")/lib.bash"

kKills=20
kCopies=30  # small medical.csv × 30 ≈ 290,000 rows, a few seconds to import
RANDOM=20261130

import_pid=""
trap 'if [ -n "$import_pid" ]; then kill -9 "$import_pid" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
trap 'echo "FAIL - unexpected error (exit $?) at line $LINENO: $BASH_COMMAND"' ERR

now_ms() { echo $(($(date +%s%N) / 1000000)); }
json_field() { sqlite3 :memory: "select json_extract(readfile('$1'), '\$.$2')"; }
table_hash() { sqlite3 "$1" "$2" | sha256sum | cut -c1-16; }
reset_db() { rm -f db db-wal db-shm; cp base.db db; }

# The earlier (户籍) batch: its batch row and every row it stored. It must never change.
earlier_fingerprint() {
  echo "batch:$(table_hash "$1" "select * from import_batches where id = 1")" \
    "rows:$(sqlite3 "$1" ".dump feed_population" | sha256sum | cut -c1-16)"
}
# Everything else but the medical rows and the batch rows (checked on their own): the content
# of every other table (persons, …) and the schema — the bulk load drops and rebuilds
# feed_medical's indexes inside its transaction, so a rollback must bring them back. A killed
# batch must leave this as it was before (absent) or as a clean import leaves it (present).
state_fingerprint() {
  local tables
  tables=$(sqlite3 "$1" "select group_concat(name, ' ') from sqlite_master where type = 'table' and name not in ('feed_medical', 'import_batches')")
  echo "tables:$(sqlite3 "$1" ".dump $tables" | sha256sum | cut -c1-16)" \
    "schema:$(table_hash "$1" "select type, name, tbl_name, sql from sqlite_master order by name")"
}
medical_fingerprint() {
  table_hash "$1" "select id, batch_id, source_row, natural_key, content_hash, person_id, event_date, settlement_no, self_paid from feed_medical order by id"
}
medical_batch() {
  sqlite3 "$1" "select id, feed, file_name, sha256, status, row_count, imported_count, duplicate_count, rejected_count, finished_at is not null from import_batches where id <> 1 order by id"
}

# 1. Data: the small county, its medical file repeated with distinct settlement numbers.
"$FAXIAN" generate --scale small --seed 7 --out data >/dev/null
awk -v copies="$kCopies" 'NR == 1 { print; next } { rows[++n] = $0 }
  END { for (c = 1; c <= copies; c++) for (i = 1; i <= n; i++) print "R" c "-" rows[i] }' \
  data/medical.csv >medical.csv
medical_rows=$(($(wc -l <medical.csv) - 1))

# 2. The earlier batch: 户籍, committed into base.db, which every iteration starts from.
"$FAXIAN" --db base.db init --admin-password-stdin <<<"Admin-pass-123" >/dev/null
"$FAXIAN" --db base.db --json import --feed population --file data/population.csv >population.json
check "户籍 batch committed" "$(json_field population.json status)" committed
population_rows=$(json_field population.json imported)
sqlite3 base.db 'pragma wal_checkpoint(truncate)' >/dev/null
check "base database has no WAL left to copy" "$(ls base.db-wal base.db-shm 2>/dev/null | wc -l)" 0
base_earlier=$(earlier_fingerprint base.db)
base_state=$(state_fingerprint base.db)
check "户籍 rows in base" "$(sqlite3 base.db 'select count(*) from feed_population')" "$population_rows"

# 3. Clean medical imports: their result is the reference every present batch must equal, and
# their time spreads the kill moments. The machine is shared and its speed drifts, so the
# estimate is the mean of two clean runs (the first also warms the caches), then moves halfway
# towards each later full import (an import again after an absent outcome).
estimate_ms=0
for clean_run in 1 2; do
  reset_db
  start=$(now_ms)
  "$FAXIAN" --db db --json import --feed medical --file medical.csv >clean.json 2>/dev/null
  run_ms=$(($(now_ms) - start))
  echo "clean import $clean_run: $medical_rows medical rows in $run_ms ms"
  estimate_ms=$((estimate_ms + run_ms / 2))
done
check "clean medical import commits every row" \
  "$(json_field clean.json status),$(json_field clean.json imported),$(json_field clean.json rejected)" \
  "committed,$medical_rows,0"
clean_medical=$(medical_fingerprint db)
clean_batch=$(medical_batch db)
clean_state=$(state_fingerprint db)
check "clean import leaves the earlier batch intact" "$(earlier_fingerprint db)" "$base_earlier"

# 4. Twenty kills.
absent=0
present=0
finished_first=0
reimports=0
seen_absent=0
seen_present=0
base_bytes=$(stat -c %s base.db)
for ((kill_idx = 1; kill_idx <= kKills; kill_idx++)); do
  reset_db
  # Stratified: one random moment inside the kill_idx-th twentieth of 0 … 1.1 × the estimate.
  slot_ms=$((estimate_ms * 11 / 10 / kKills))
  moment_ms=$(((kill_idx - 1) * slot_ms + RANDOM % (slot_ms + 1)))
  "$FAXIAN" --db db --json import --feed medical --file medical.csv >killed.json 2>/dev/null &
  import_pid=$!
  sleep "$(printf '%d.%03d' $((moment_ms / 1000)) $((moment_ms % 1000)))"
  wal_bytes=$(stat -c %s db-wal 2>/dev/null || echo 0)
  db_bytes=$(stat -c %s db)
  import_status=0
  # Braces with stderr closed: bash reports a job killed by a signal ("Killed") otherwise.
  {
    kill -9 "$import_pid" || true
    wait "$import_pid" || import_status=$?
  } 2>/dev/null
  import_pid=""
  check "kill $kill_idx: the import exited by itself (0) or by the kill (137)" \
    "$([ "$import_status" -eq 0 ] || [ "$import_status" -eq 137 ] && echo yes || echo "no, $import_status")" yes
  if [ "$import_status" -ne 137 ]; then
    phase="already finished"
    finished_first=$((finished_first + 1))
  elif [ "$db_bytes" -gt "$base_bytes" ]; then
    phase="checkpointing"
  elif [ "$wal_bytes" -gt 0 ]; then
    phase="in transaction, WAL $(awk -v b="$wal_bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB"
  else
    phase="reading"
  fi

  label="kill $kill_idx at ${moment_ms} ms ($phase)"
  check "$label: integrity" "$(sqlite3 db 'pragma integrity_check')" ok
  check "$label: earlier batch intact" "$(earlier_fingerprint db)" "$base_earlier"
  check "$label: no batch left running" "$(sqlite3 db "select count(*) from import_batches where status <> 'committed'")" 0
  medical_count=$(sqlite3 db 'select count(*) from feed_medical')
  if [ "$medical_count" -eq 0 ]; then
    outcome=absent
    absent=$((absent + 1))
    check "$label: absent batch has no batch row" "$(medical_batch db)" ""
    check "$label: absent batch left every other table and the schema as before" "$(state_fingerprint db)" "$base_state"
  else
    outcome=present
    present=$((present + 1))
    check "$label: present batch has every row" "$medical_count" "$medical_rows"
    check "$label: present batch rows are the clean ones" "$(medical_fingerprint db)" "$clean_medical"
    check "$label: present batch row committed and complete" "$(medical_batch db)" "$clean_batch"
    check "$label: present batch left every other table and the schema as a clean import does" \
      "$(state_fingerprint db)" "$clean_state"
  fi
  line="kill $(printf '%2d' "$kill_idx") at $(printf '%5d' "$moment_ms") ms ($(printf '%3d' $((moment_ms * 100 / estimate_ms)))% of ${estimate_ms} ms), $phase, exit $import_status → $outcome"

  # Import again: every third kill, and the first kill of each outcome.
  if [ $((kill_idx % 3)) -eq 0 ] || { [ $outcome = absent ] && [ $seen_absent -eq 0 ]; } ||
    { [ $outcome = present ] && [ $seen_present -eq 0 ]; }; then
    reimports=$((reimports + 1))
    reimport_status=0
    start=$(now_ms)
    "$FAXIAN" --db db --json import --feed medical --file medical.csv >again.json 2>/dev/null ||
      reimport_status=$?
    if [ $outcome = absent ]; then estimate_ms=$(((estimate_ms + $(now_ms) - start) / 2)); fi
    if [ $outcome = absent ]; then expected="$medical_rows,0"; else expected="0,$medical_rows"; fi
    check "$label: import again exits 0" "$reimport_status" 0
    check "$label: import again committed, $medical_rows rows, 0 rejected" \
      "$(json_field again.json status),$(json_field again.json rows),$(json_field again.json rejected)" \
      "committed,$medical_rows,0"
    check "$label: import again imported,duplicates" \
      "$(json_field again.json imported),$(json_field again.json duplicates)" "$expected"
    check "$label: after import again, feed_medical is the clean batch" "$(medical_fingerprint db)" "$clean_medical"
    check "$label: after import again, the rest as a clean import leaves it" "$(state_fingerprint db)" "$clean_state"
    check "$label: after import again, the earlier batch intact" "$(earlier_fingerprint db)" "$base_earlier"
    line+="; import again: imported $(json_field again.json imported), duplicates $(json_field again.json duplicates)"
  fi
  [ $outcome = absent ] && seen_absent=1
  [ $outcome = present ] && seen_present=1
  echo "$line"
done

echo "summary: $kKills kills, $absent left the batch absent, $present present ($finished_first of them after the import had finished); $reimports imported again"
check "every kill accounted for" "$((absent + present))" "$kKills"
if [ "$absent" -eq 0 ] || [ "$present" -eq 0 ]; then
  echo "note: this run's kills did not cover both outcomes (machine much slower or faster than the clean run)"
fi
finish
