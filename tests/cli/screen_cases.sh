#!/usr/bin/env bash
# Screening rules R01–R15 and V01, black-box through the CLI: every folder of
# tests/cases/screen/ (format: tests/cases/screen/README.md) is imported into a fresh database
# (`faxian init`, then `faxian import` per feed in case.json's order), screened in full as of
# its date, and `faxian warnings --as-of D` must print exactly its expected.csv.
#
# Usage: tests/cli/screen_cases.sh FAXIAN
#   CASES='GLOB …'      only the case folders whose name matches one of the space-separated
#                       shell globs (e.g. CASES='r03_* v01_*')
#   SCREEN_ORACLE=sql   instead of `faxian screen`/`faxian warnings`, run the independent SQL
#                       rules (bench/sql/run_sqlite.sh) on the same database and compare with
#                       expected.csv without its first_detected column (or with expected_sql.csv
#                       where a case records a known disagreement of the SQL with the spec;
#                       SCREEN_SQL_STRICT=1 compares with expected.csv all the same)
#   SCREEN_JOBS=N       cases run N at a time (default: the number of CPUs); output is in case
#                       order whatever N
#   SCREEN_KEEP=DIR     copy the database, import reports and output of every failing case into
#                       DIR/<case>/
#   SCREEN_VERBOSE=1    print each case's description
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CASE_DIR=$ROOT/tests/cases/screen
SQL_RUNNER=$ROOT/bench/sql/run_sqlite.sh
keep=${SCREEN_KEEP:+$(realpath -m "$SCREEN_KEEP")}  # before lib.bash moves to a temporary folder
source "$ROOT/tests/cli/lib.bash"

oracle=${SCREEN_ORACLE:-cli}
case $oracle in
  cli | sql) ;;
  *) echo "SCREEN_ORACLE must be cli or sql, not '$oracle'" >&2; exit 2 ;;
esac
pattern=${CASES:-*}
jobs=${SCREEN_JOBS:-$(nproc 2>/dev/null || echo 2)}
password='x-Strong-Passw0rd!'

if [ "$oracle" = sql ]; then
  # run_sqlite.sh calls `python3` once per case: resolve it once here (a version-manager shim
  # such as pyenv's can take a second per start) and put the interpreter itself first on PATH.
  mkdir bin
  ln -s "$(python3 -c 'import sys; print(sys.executable)')" bin/python3
  PATH=$PWD/bin:$PATH
fi

# One initialised database with the shipped regions, standards and rules, copied per case
# (a case with its own standards.toml gets its own init).
"$FAXIAN" --db template.db init --admin-password-stdin <<<"$password" >init.txt

run_case() {  # run_case DIR: works in ./NAME/, writes NAME/status ("ok" or why not) and NAME/diff
  local dir=$1 name as_of standards feed file rc n expected
  name=$(basename "$dir")
  mkdir "$name" && cd "$name"
  as_of=$(jq -r '.as_of' "$dir/case.json")
  standards=$(jq -r '.standards // empty' "$dir/case.json")
  if [ -n "$standards" ]; then
    "$FAXIAN" --db case.db init --standards "$dir/$standards" \
      --admin-password-stdin <<<"$password" >init.txt 2>&1 ||
      { echo "init --standards failed: $(tail -1 init.txt)" >status; return 0; }
  else
    cp ../template.db case.db
  fi

  # feeds: "population" means population.csv; {"feed": F, "file": X} imports X as feed F.
  n=0
  while IFS=$'\t' read -r feed file; do
    n=$((n + 1))
    rc=0
    "$FAXIAN" --db case.db import --feed "$feed" --file "$dir/$file" >"import_$n.txt" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "import of $file exited $rc: $(tr '\n' ' ' <"import_$n.txt" | cut -c1-400)" >status
      return 0
    fi
  done < <(jq -r '.feeds[] | if type == "string" then [., . + ".csv"] else [.feed, .file] end
                  | @tsv' "$dir/case.json")

  if [ "$oracle" = sql ]; then
    local args=()
    [ -n "$standards" ] && args=(--standards "$dir/$standards")
    "$SQL_RUNNER" case.db "$as_of" "${args[@]}" >got.csv 2>sql.txt ||
      { echo "run_sqlite.sh failed: $(tail -1 sql.txt)" >status; return 0; }
    # sqlite3 prints no header when there is no row: an empty result is the header alone.
    [ -s got.csv ] || echo "household_no,kind,level,score,rules" >got.csv
    expected=$dir/expected.csv
    if [ -f "$dir/expected_sql.csv" ] && [ "${SCREEN_SQL_STRICT:-0}" != 1 ]; then
      expected=$dir/expected_sql.csv
    fi
    sed 's/,[^,]*$//' "$expected" >expected.csv
  else
    rc=0
    "$FAXIAN" --db case.db screen --as-of "$as_of" --full >screen.txt 2>&1 || rc=$?
    [ "$rc" -eq 0 ] || { echo "screen exited $rc: $(tail -1 screen.txt)" >status; return 0; }
    "$FAXIAN" --db case.db warnings --as-of "$as_of" >got.csv 2>warnings.txt || rc=$?
    [ "$rc" -eq 0 ] || { echo "warnings exited $rc: $(tail -1 warnings.txt)" >status; return 0; }
    cp "$dir/expected.csv" expected.csv
  fi
  if cmp -s got.csv expected.csv; then
    echo ok >status
  else
    diff -u --label expected expected.csv --label got got.csv >diff || true
    echo "warnings differ from expected.csv (diff above)" >status
  fi
}

names=()
read -ra globs <<<"$pattern"
mapfile -t dirs < <(for glob in "${globs[@]}"; do printf '%s\n' "$CASE_DIR"/$glob/; done |
                    LC_ALL=C sort -u)
for dir in "${dirs[@]}"; do
  [ -f "$dir/case.json" ] || continue
  dir=${dir%/}
  names+=("$(basename "$dir")")
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  (run_case "$dir") &
done
wait

for name in "${names[@]}"; do
  [ "${SCREEN_VERBOSE:-0}" = 1 ] && echo "# $name: $(jq -r '.description' "$CASE_DIR/$name/case.json")"
  [ -f "$name/diff" ] && sed 's/^/    /' "$name/diff"
  status=$(cat "$name/status" 2>/dev/null || echo "no result")
  if [ "$oracle" = sql ] && [ "${SCREEN_SQL_STRICT:-0}" != 1 ] && [ "$status" = ok ] &&
     [ -f "$CASE_DIR/$name/expected_sql.csv" ]; then
    echo "     ($name: the SQL differs from expected.csv here, as its case.json's sql_differs says)"
  fi
  check "$name" "$status" ok
  if [ "$status" != ok ] && [ -n "$keep" ]; then
    mkdir -p "$keep/$name" && cp -r "$name/." "$keep/$name/"
  fi
done
check "cases found (CASES='$pattern')" "$([ "${#names[@]}" -gt 0 ] && echo yes)" yes
echo "${#names[@]} case(s), oracle $oracle"
finish
