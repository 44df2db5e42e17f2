#!/usr/bin/env bash
# Runs the SQL screening rules (params.py + rules.sql) on a faxian SQLite database with the
# sqlite3 CLI and writes the warnings as CSV to stdout:
#   household_no,kind,level,score,rules      (rules ascending, joined by ';')
# The database is opened read-only; every table the rules create is TEMP. Timing to stderr.
# Usage: run_sqlite.sh DB AS_OF [--standards FILE] [--rules FILE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 2 ]; then
  echo "usage: run_sqlite.sh DB AS_OF [--standards FILE] [--rules FILE]" >&2
  exit 2
fi
db=$1
as_of=$2
shift 2
[ -f "$db" ] || { echo "run_sqlite.sh: no database $db" >&2; exit 2; }

params=$(python3 "$here/params.py" --as-of "$as_of" "$@")
start=$(date +%s%N)
{
  echo "$params"
  cat "$here/rules.sql"
  echo ".headers on"
  echo ".mode csv"
  echo ".separator , \"\\n\""
  echo "SELECT household_no, kind, level, score, rules FROM warnings ORDER BY household_no, kind;"
} | sqlite3 -readonly -bail "$db"
end=$(date +%s%N)
awk -v s="$start" -v e="$end" -v v="$(sqlite3 --version | cut -d' ' -f1)" \
  'BEGIN { printf "sqlite %s: rules (query + output) %.3f s\n", v, (e - s) / 1e9 }' >&2
