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
