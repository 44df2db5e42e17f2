#!/usr/bin/env bash
# As-of evaluation (10-domain.md "Time", 30-screening.md): on one generated small county,
# imported in full without any screening run,
#  (a) `faxian warnings --as-of D` (evaluated afresh in memory, nothing stored) prints exactly
#      (all six columns) what a copy of the database prints after `screen --as-of D --full`
#      and `warnings`, for several dates: the generator's as-of date D0, D0 − 30, D0 − 200,
#      29 February 2024, 28 February and 1 March 2026 (birthdays of people born on 29 February),
#      year end 2025; it stores no run; and after a full run as of D0 is stored, evaluating
#      the other dates afresh still gives the same warnings (columns 1–5);
#  (b) records dated after D do not change the result as of D: the feeds with every row whose
#      event date is after D removed (tests/cli/screen_property/plan.py filter: population
#      变动日期, medical 结算日期, employment 事件日期, income 所属期 month, disability 发证日期,
#      death 死亡日期, disaster 受灾日期, poverty_monitoring 识别日期, education 学年, assets
#      登记日期, hotline 来电时间, applications 申请日期, registry 开始日期) imported into a
#      second database give the same `warnings --as-of D` (columns 1–5) for D0 − 30, D0 − 200,
#      year end 2025 and 1 March 2026.
# A failing check prints the diff (`<` expected, `>` actual).
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/lib.bash"

PLAN=$HERE/screen_property/plan.py
PY=$(python3 -c 'import sys; print(sys.executable)')
password='x-Strong-Passw0rd!'
seed=21
feeds="population medical employment income disability death disaster poverty_monitoring
       education assets hotline applications registry"

compare() {  # compare DESCRIPTION EXPECTED_FILE ACTUAL_FILE: check line, and the diff on failure
  if cmp -s "$2" "$3"; then
    echo "ok   - $1"
  else
    echo "FAIL - $1"
    diff "$2" "$3" | head -60 | sed 's/^/       /'
    FAILURES=$((FAILURES + 1))
  fi
}
count() { echo $(($(wc -l <"$1") - 1)); }
runs() { sqlite3 "$1" "select count(*) from screening_runs"; }

import_all() {  # import_all DB DIR: every feed of DIR into a fresh DB, population first
  local feed rc bad=""
  "$FAXIAN" --db "$1" init --admin-password-stdin <<<"$password" >/dev/null
  for feed in $feeds; do
    rc=0
    "$FAXIAN" --db "$1" import --feed "$feed" --file "$2/$feed.csv" >"import-$1-$feed.txt" 2>&1 || rc=$?
    [ "$rc" -eq 0 ] || bad="$bad $feed:$rc"
  done
  check "$1: every feed imported with exit 0" "${bad:-none}" none
}

"$FAXIAN" generate --scale small --seed $seed --out data >generate.txt
D0=$(sed -n 's/.*截至 \([0-9-]*\)）.*/\1/p' generate.txt)
check "the generator's as-of date" "$D0" 2026-11-20
minus() { date -u -d "$D0 - $1 days" +%F; }
import_all full.db data
check "importing stores no screening run" "$(runs full.db)" 0

# (a) fresh evaluation = a stored full run, for the same date.
dates="$D0 $(minus 30) $(minus 200) 2024-02-29 2026-02-28 2026-03-01 2025-12-31"
for d in $dates; do
  "$FAXIAN" --db full.db warnings --as-of "$d" >"fresh-$d.csv"
  rm -f copy.db
  sqlite3 full.db ".backup copy.db"
  "$FAXIAN" --db copy.db screen --as-of "$d" --full >"screen-$d.txt"
  "$FAXIAN" --db copy.db warnings >"stored-$d.csv"
  compare "as of $d: warnings --as-of = screen --full + stored warnings ($(count "fresh-$d.csv") warnings)" \
    "stored-$d.csv" "fresh-$d.csv"
  "$FAXIAN" --db copy.db warnings --as-of "$d" >"stored-as-of-$d.csv"
  compare "as of $d: warnings --as-of the run's date prints the stored ones" \
    "stored-$d.csv" "stored-as-of-$d.csv"
done
check "warnings --as-of stored no run" "$(runs full.db)" 0
check "the dates give different warnings (the test sees time)" \
  "$(cat fresh-*.csv | sort | uniq -u | wc -l | awk '{print ($1 > 0)}')" 1

# (a') with a stored run as of D0, other dates are still evaluated afresh.
"$FAXIAN" --db full.db screen --as-of "$D0" --full >screen-D0.txt
for d in $dates; do
  [ "$d" = "$D0" ] && continue
  "$FAXIAN" --db full.db warnings --as-of "$d" | cut -d, -f1-5 >"again-$d.csv"
  cut -d, -f1-5 "fresh-$d.csv" >"fresh5-$d.csv"
  compare "as of $d with a stored run as of $D0: the same warnings (columns 1–5)" \
    "fresh5-$d.csv" "again-$d.csv"
done
check "evaluating other dates stored no run" "$(runs full.db)" 1

# (b) records dated after D change nothing as of D.
for d in $(minus 30) $(minus 200) 2025-12-31 2026-03-01; do
  "$PY" "$PLAN" filter data "cut-$d" "$d" >"cut-$d.txt"
  removed=$(awk '{s += $3} END {print s}' "cut-$d.txt")
  check "as of $d: rows dated after it exist and are removed ($removed)" "$((removed > 0))" 1
  import_all "cut-$d.db" "cut-$d"
  "$FAXIAN" --db "cut-$d.db" warnings --as-of "$d" | cut -d, -f1-5 >"cut-$d.csv"
  cut -d, -f1-5 "fresh-$d.csv" >"fresh5-$d.csv"
  compare "as of $d: only the records dated on or before it give the same warnings ($(count "cut-$d.csv") warnings, columns 1–5)" \
    "fresh5-$d.csv" "cut-$d.csv"
  "$FAXIAN" --db "cut-$d.db" warnings --as-of "$D0" | cut -d, -f1-5 >"cut-at-D0-$d.csv"
  cut -d, -f1-5 "fresh-$D0.csv" >"fresh5-$D0.csv"
  check "as of $D0 the removed rows do matter (the cut database warns otherwise)" \
    "$(cmp -s "fresh5-$D0.csv" "cut-at-D0-$d.csv" && echo same || echo differs)" differs
done
finish
