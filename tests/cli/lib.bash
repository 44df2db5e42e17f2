# Shared helpers for the CLI tests: each test script gets the faxian binary as $1 and runs in
# a fresh temporary folder that is removed at exit.
set -euo pipefail
FAXIAN=$(readlink -f "$1")
WORK=$(mktemp -d /tmp/faxian-cli-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
FAILURES=0

check() {  # check "description" actual expected
  if [ "$2" == "$3" ]; then
    echo "ok   - $1"
  else
    echo "FAIL - $1: got '$2', expected '$3'"
    FAILURES=$((FAILURES + 1))
  fi
}

finish() {
  if [ "$FAILURES" -ne 0 ]; then
    echo "$FAILURES check(s) failed"
    exit 1
  fi
  echo "all checks passed"
}

# PostgreSQL (the tests that need it fail without it; `make test` starts a throwaway cluster,
# scripts/with_pg_cluster.sh, and puts its URL in FAXIAN_TEST_PG).
need_pg() {
  if [ -z "${FAXIAN_TEST_PG:-}" ]; then
    echo "FAIL - FAXIAN_TEST_PG is not set: this test needs a PostgreSQL server" \
      "(make test starts one: scripts/with_pg_cluster.sh)"
    exit 1
  fi
}

pg_sql() {  # pg_sql URL SQL → the result, unaligned, without headers
  PGOPTIONS='-c client_min_messages=warning' psql "$1" -X -q -A -t -v ON_ERROR_STOP=1 -c "$2"
}

pg_fresh_database() {  # pg_fresh_database NAME → prints the URL of a new, empty database NAME
  need_pg
  pg_sql "$FAXIAN_TEST_PG" "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null
  pg_sql "$FAXIAN_TEST_PG" "CREATE DATABASE $1" >/dev/null
  echo "${FAXIAN_TEST_PG%/*}/$1"
}

db_sql() {  # db_sql DB SQL: a query on a SQLite file or a postgresql:// database
  case "$1" in
    postgresql://* | postgres://*) pg_sql "$1" "$2" ;;
    *) sqlite3 -separator , "$1" "$2" ;;
  esac
}

free_port() {  # a TCP port on 127.0.0.1 free now, below the ephemeral range (32768–60999),
  # where no client connection of a concurrent test takes a port on its own
  python3 -c '
import random, socket
while True:
    port = random.randint(20000, 32767)
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
    print(port)
    break'
}

wait_ready() {  # wait_ready PORT PID: until /readyz answers 200 (or the server exits)
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$1/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
