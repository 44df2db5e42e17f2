#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on loopback (scripts/pg_cluster.sh) whose
# URL is in FAXIAN_TEST_PG, then stops and deletes the cluster. If the server cannot start, the
# command does not run and this fails: the PostgreSQL tests never skip.
#   scripts/with_pg_cluster.sh ctest -R _tests
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/faxian-pg.XXXXXX)

# The first free port from 55433 on (a developer's own cluster may hold 55432).
port=55433
while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do
  port=$((port + 1))
done

cleanup() { "$here/pg_cluster.sh" stop "$dir" || true; }
trap cleanup EXIT
FAXIAN_TEST_PG=$("$here/pg_cluster.sh" start "$dir" "$port")
export FAXIAN_TEST_PG
echo "with_pg_cluster: PostgreSQL at $FAXIAN_TEST_PG"
"$@"
