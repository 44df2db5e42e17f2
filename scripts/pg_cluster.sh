#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the tests (70-quality.md: the store, API,
# durability and backup tests run against a real server). Never skips: if the server cannot
# start, this fails and so does `make test`.
#
#   scripts/pg_cluster.sh start DIR [PORT]   # initdb + start; prints the connection URL
#   scripts/pg_cluster.sh stop DIR           # stop and delete DIR
#
# FAXIAN_PG_SETTINGS adds server settings ("-c name=value …"; bench/postgres.sh uses those of
# docs/deployment.md §7).
#
# As root the cluster runs as the `postgres` user (PostgreSQL refuses to run as root); as
# another user it runs as that user.
set -euo pipefail

command=${1:?usage: pg_cluster.sh start|stop DIR [PORT]}
dir=${2:?usage: pg_cluster.sh start|stop DIR [PORT]}
port=${3:-55432}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pgbin" ]; then
  echo "pg_cluster: no PostgreSQL server under /usr/lib/postgresql (run scripts/bootstrap.sh)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

case "$command" in
  start)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "'$pgbin/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_owner "'$pgbin/initdb' -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
      >'$dir/initdb.log' 2>&1" || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync stays on: the durability tests kill the server's clients, and the backup tests
    # restore what the server wrote.
    as_owner "'$pgbin/pg_ctl' -D '$dir/data' -l '$dir/pg.log' -w -t 60 start \
      -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=200 \
      -c shared_buffers=256MB ${FAXIAN_PG_SETTINGS:-}\"" >/dev/null || { cat "$dir/pg.log" >&2; exit 1; }
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "'$pgbin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "pg_cluster: unknown command $command" >&2
    exit 2
    ;;
esac
