#!/usr/bin/env bash
# End to end: generate a county with the product, import it (faxian demo), run the SQL rules
# in SQLite and in DuckDB, require both outputs to be byte-identical and compare them with the
# generator's truth.csv. Exit 0 only when everything agrees.
# Usage: bench/sql/check.sh [--scale small|county|city] [--seed N] [--as-of DATE] [--dir DIR]
#                           [--repeat N]
#   --dir     where the data and the outputs go (default: a new temporary folder). A folder that
#             already holds faxian.db and truth.csv is reused as is (no generation, no import).
#   --repeat  run each engine N times (timings only; the outputs must agree every time).
# Needs: build/faxian (or $FAXIAN), sqlite3, python3 (3.11+), node 20 (npm ci is run here when
# node_modules is missing).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
faxian=${FAXIAN:-$repo/build/faxian}
scale=small
seed=1
as_of=2026-11-20
dir=
repeat=1
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --as-of) as_of=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    *) echo "usage: check.sh [--scale S] [--seed N] [--as-of DATE] [--dir DIR] [--repeat N]" >&2; exit 2 ;;
  esac
done
[ -n "$dir" ] || dir=$(mktemp -d "${TMPDIR:-/tmp}/faxian-sql-check.XXXXXX")
mkdir -p "$dir"

if [ ! -f "$dir/faxian.db" ] || [ ! -f "$dir/truth.csv" ]; then
  [ -x "$faxian" ] || { echo "check.sh: no faxian binary at $faxian (set FAXIAN)" >&2; exit 2; }
  echo "== generating and importing: scale $scale, seed $seed, as of $as_of → $dir" >&2
  start=$(date +%s)
  "$faxian" --db "$dir/faxian.db" demo --scale "$scale" --seed "$seed" --as-of "$as_of" \
    --data-dir "$dir" > "$dir/demo.log" 2>&1 || { tail -20 "$dir/demo.log" >&2; exit 1; }
  echo "   done in $(( $(date +%s) - start )) s" >&2
else
  echo "== reusing $dir (faxian.db and truth.csv present)" >&2
fi
[ -d "$here/node_modules/@duckdb/node-api" ] || (cd "$here" && npm ci --no-audit --no-fund >&2)

status=0
for run in $(seq 1 "$repeat"); do
  echo "== run $run of $repeat" >&2
  "$here/run_sqlite.sh" "$dir/faxian.db" "$as_of" > "$dir/sqlite.csv"
  node "$here/run_duckdb.mjs" "$dir/faxian.db" "$as_of" --keep "$dir/duckdb-csv" > "$dir/duckdb.csv"
  if ! cmp -s "$dir/sqlite.csv" "$dir/duckdb.csv"; then
    echo "check.sh: SQLite and DuckDB outputs differ ($dir/sqlite.csv, $dir/duckdb.csv)" >&2
    status=1
  fi
done
echo "== SQL result vs truth.csv" >&2
python3 "$here/check_truth.py" "$dir/sqlite.csv" "$dir/truth.csv" || status=1
echo "outputs in $dir" >&2
exit $status
