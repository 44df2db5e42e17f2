#!/usr/bin/env bash
# Property test of 30-screening.md: incremental screening (after every import batch, on the
# households the batch touched) and full screening give identical results for the same as-of
# date. For three generated small counties (each with its own as-of date): init, `screen
# --as-of D --full` on the empty store (so a run exists and every import screens
# incrementally), then every feed split into 2–4 chunks (rows shuffled between chunks with a
# seeded RNG, tests/cli/screen_property/plan.py) imported in a random order — population
# anywhere, last, or late — with corrections (same natural key, other content: income, medical,
# death, population household, registry end, disability grade, application result, monitoring
# risk cleared, education fees; one corrected back to its first content), a new death and two
# re-imports of whole chunks (all duplicates) mixed in. After EVERY import the stored open
# warnings (`faxian warnings`, kept up to date only by the incremental screening) must equal,
# in all six columns, those of a copy of the database (`sqlite3 .backup`) screened with
# `screen --as-of D --full`; and the stored evidence (warnings.detail) must be the same too.
# A failing step prints the diff (`<` full re-evaluation, `>` stored by the incremental runs).
#
# Usage: tests/cli/screen_incremental.sh FAXIAN
#   PROP_SEED=N   base of the shuffle seeds (default 20261120; county seed S shuffles with N+S)
#   PROP_JOBS=N   counties run N at a time (default: the number of CPUs, at most 3)
#   PROP_KEEP=DIR copy the work folder of every county with a failing step into DIR/
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/lib.bash"

PLAN=$HERE/screen_property/plan.py
PY=$(python3 -c 'import sys; print(sys.executable)')   # resolve a version-manager shim once
base_seed=${PROP_SEED:-20261120}
jobs=${PROP_JOBS:-$(nproc 2>/dev/null || echo 2)}
[ "$jobs" -gt 3 ] && jobs=3
password='x-Strong-Passw0rd!'
# county: generator seed, as-of date, order of the population chunks
counties=("11 2026-11-20 random" "12 2025-12-31 population-last" "13 2026-03-01 population-late")

compare() {  # compare DESCRIPTION EXPECTED_FILE ACTUAL_FILE: check line, and the diff on failure
  if cmp -s "$2" "$3"; then
    echo "ok   - $1"
  else
    echo "FAIL - $1"
    diff "$2" "$3" | head -60 | cut -c1-400 | sed 's/^/       /'
  fi
}

open_detail() {  # open_detail DB: the stored open warnings with their evidence, one per line
  sqlite3 "$1" "select h.household_no, w.kind, w.score, ifnull(w.level, ''), w.rules,
                       w.first_detected, w.detail
                from warnings w join households h on h.id = w.household_id
                where w.status = 'open' order by h.household_no, w.kind"
}

run_county() {  # run_county SEED AS_OF ORDER: works in ./county-SEED/, prints its check lines
  local seed=$1 as_of=$2 order=$3 shuffle=$((base_seed + $1)) n=0 changed=0 total rc feed file label note
  mkdir "county-$seed" && cd "county-$seed"
  echo "# county seed $seed, as of $as_of, population chunks: $order, shuffle seed $shuffle"
  "$FAXIAN" generate --scale small --seed "$seed" --as-of "$as_of" --out data >generate.txt
  "$FAXIAN" --db store.db init --admin-password-stdin <<<"$password" >init.txt
  "$FAXIAN" --db store.db screen --as-of "$as_of" --full >screen0.txt
  check "seed $seed: the first run (empty store) is full" \
    "$(sqlite3 store.db "select mode || ' ' || as_of from screening_runs")" "full $as_of"
  "$PY" "$PLAN" split data chunks "$shuffle" "$order" "$as_of"
  total=$(wc -l <chunks/steps.tsv)
  echo "household_no,kind,level,score,rules,first_detected" >previous.csv
  while IFS=$'\t' read -r feed file label <&3; do
    n=$((n + 1))
    rc=0
    "$FAXIAN" --db store.db import --feed "$feed" --file "$file" >import.txt 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "FAIL - seed $seed step $n/$total: $label: import exit $rc"
      sed 's/^/       /' import.txt
      continue
    fi
    "$FAXIAN" --db store.db warnings >stored.csv
    open_detail store.db >stored_detail.txt
    rm -f copy.db
    sqlite3 store.db ".backup copy.db"
    "$FAXIAN" --db copy.db screen --as-of "$as_of" --full >full.txt
    "$FAXIAN" --db copy.db warnings >full.csv
    open_detail copy.db >full_detail.txt
    note="$(($(wc -l <full.csv) - 1)) warnings"
    cmp -s stored.csv previous.csv || { changed=$((changed + 1)); note="$note, changed"; }
    mv stored.csv previous.csv
    compare "seed $seed step $n/$total: $label: stored = full re-evaluation ($note)" \
      full.csv previous.csv
    compare "seed $seed step $n/$total: evidence of the open warnings identical too" \
      full_detail.txt stored_detail.txt
  done 3<chunks/steps.tsv
  echo "# seed $seed: $changed of $total steps changed the stored warnings"
  check "seed $seed: the imports screened incrementally" \
    "$(sqlite3 store.db "select count(*) > 0 and sum(mode <> 'incremental') = 1 and
                         count(distinct as_of) = 1 from screening_runs")" 1
}

for county in "${counties[@]}"; do
  set -- $county
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  (run_county "$@" >"log-$1.txt" 2>&1 || echo "FAIL - seed $1: the run stopped (exit $?)" >>"log-$1.txt") &
done
wait
for county in "${counties[@]}"; do
  set -- $county
  cat "log-$1.txt"
  if grep -q '^FAIL' "log-$1.txt"; then
    FAILURES=$((FAILURES + $(grep -c '^FAIL' "log-$1.txt")))
    [ -n "${PROP_KEEP:-}" ] && mkdir -p "$PROP_KEEP" && cp -r "county-$1" "$PROP_KEEP/"
  fi
done
echo "$(cat log-*.txt | grep -c '^ok') checks passed"
finish
