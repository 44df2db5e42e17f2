#!/usr/bin/env bash
# Parallel importers on one database (issue 8), on SQLite and on PostgreSQL: five `faxian import`
# processes start at once — medical, income and education, and the medical file twice more.
# Every process succeeds (writers take turns), each feed holds exactly its file's rows (the
# repeated medical file is all duplicates, whichever batch came first), and every batch is
# recorded once as committed.
source "$(dirname "$0")/lib.bash"
need_pg

"$FAXIAN" generate --scale small --seed 4 --out data >/dev/null 2>&1
rows() { echo $(($(wc -l <"data/$1.csv") - 1)); }

import_in_parallel() {  # import_in_parallel LABEL DB
  local label=$1 db=$2 pids=() feed i
  echo "Init-Pass-2026" | "$FAXIAN" --db "$db" init --admin-password-stdin >/dev/null
  "$FAXIAN" --db "$db" import --feed population --file data/population.csv >/dev/null 2>&1
  i=0
  for feed in medical income education medical medical; do
    i=$((i + 1))
    "$FAXIAN" --db "$db" --json import --feed "$feed" --file "data/$feed.csv" \
      >"$label.$i.json" 2>"$label.$i.err" &
    pids+=($!)
  done
  local failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
  check "$label: all five importers succeed" "$failed" 0
  [ "$failed" -eq 0 ] || cat "$label".*.err
  check "$label: medical rows" "$(db_sql "$db" "select count(*) from feed_medical")" "$(rows medical)"
  check "$label: income rows" "$(db_sql "$db" "select count(*) from feed_income")" "$(rows income)"
  check "$label: education rows" "$(db_sql "$db" "select count(*) from feed_education")" \
    "$(rows education)"
  check "$label: six committed batches" \
    "$(db_sql "$db" "select count(*) from import_batches where status = 'committed'")" 6
  check "$label: the medical file was imported once, then twice all duplicates" "$(python3 - \
    "$label" <<'PY'
import json, sys
label = sys.argv[1]
batches = [json.load(open("%s.%d.json" % (label, i))) for i in (1, 4, 5)]
batches = [b.get("batch", b) for b in batches]
print(sorted((b["imported"], b["duplicates"]) for b in batches))
PY
)" "[(0, $(rows medical)), (0, $(rows medical)), ($(rows medical), 0)]"
}

import_in_parallel sqlite "$WORK/parallel.db"
import_in_parallel postgres "$(pg_fresh_database faxian_parallel)"
finish
