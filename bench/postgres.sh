#!/usr/bin/env bash
# The store on PostgreSQL at a given scale (issue 8, docs/scale-out.md): a throwaway cluster on
# loopback, `faxian init`, every feed imported (wall time and rows/s per feed), a full screening
# (wall time, peak RSS), then the same on SQLite for the ratio in the same run. Writes
# bench/results/<date>-postgres-<scale>.md.
# Usage: bench/postgres.sh [--scale small|county|city] [--seed N] [--postgres-only]
# --postgres-only skips the SQLite half (at city scale it takes another half hour; compare with
# an earlier SQLite run of the same data then, and say so).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=county
seed=1
with_sqlite=1
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --postgres-only) with_sqlite=0; shift ;;
    *) echo "usage: bench/postgres.sh [--scale small|county|city] [--seed N] [--postgres-only]" >&2; exit 2 ;;
  esac
done
faxian=$PWD/build/faxian
cache=${FAXIAN_BENCH_CACHE:-/tmp/faxian-bench}
data=$cache/gen-$scale-a
mkdir -p "$cache" bench/results
results=bench/results/$(date +%Y-%m-%d)-postgres-$scale.md
[ -f "$data/population.csv" ] || "$faxian" generate --scale "$scale" --seed "$seed" --out "$data" >/dev/null

cluster=$cache/pg-cluster
# The server settings of docs/deployment.md §7 for this machine's 24 GiB.
export FAXIAN_PG_SETTINGS="-c shared_buffers=6GB -c effective_cache_size=16GB -c work_mem=32MB \
  -c maintenance_work_mem=1GB -c max_wal_size=16GB"
url=$(scripts/pg_cluster.sh start "$cluster" 55499)
trap 'scripts/pg_cluster.sh stop "$cluster"' EXIT
psql "$url" -X -q -c "CREATE DATABASE faxian_bench" >/dev/null
pg=${url%/*}/faxian_bench
sqlite=$cache/postgres-bench-sqlite.db
rm -f "$sqlite" "$sqlite-wal" "$sqlite-shm"

seconds() { awk -v s="$1" -v e="$2" 'BEGIN{printf "%.1f", (e-s)/1e9}'; }
feeds="population income medical education employment disability assets disaster death registry
  poverty_monitoring applications hotline"

# load DB LABEL: init, import every feed, full screening; prints "feed seconds rows" lines and
# "screen seconds rss_mib".
load() {
  local db=$1 feed start end
  echo "Bench-Pass-2026" | "$faxian" --db "$db" init --admin-password-stdin >/dev/null
  for feed in $feeds; do
    [ -f "$data/$feed.csv" ] || continue
    start=$(date +%s%N)
    "$faxian" --db "$db" import --feed "$feed" --file "$data/$feed.csv" \
      >"$cache/import-$feed-$2.log" 2>&1 || true
    end=$(date +%s%N)
    echo "$feed $(seconds "$start" "$end") $(($(wc -l <"$data/$feed.csv") - 1))"
  done
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$cache/screen.rss" "$faxian" --db "$db" screen --full \
    >"$cache/screen-$2.out" 2>&1
  end=$(date +%s%N)
  echo "screen $(seconds "$start" "$end") $(($(cat "$cache/screen.rss") / 1024))"
}

load "$pg" postgres >"$cache/pg.times"
[ "$with_sqlite" = 1 ] && load "$sqlite" sqlite >"$cache/sqlite.times"
{
  echo "# PostgreSQL store $(date +%Y-%m-%d) — scale $scale, seed $seed"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB. Commit:" \
    "$(git rev-parse --short HEAD). PostgreSQL $(psql "$url" -X -A -t -c 'show server_version')" \
    "on loopback, the same machine; fsync and synchronous_commit on, and" \
    "$(echo "$FAXIAN_PG_SETTINGS" | sed 's/-c //g; s/  */ /g')."
  echo
  if [ "$with_sqlite" = 1 ]; then
    echo "| step | rows | PostgreSQL s | rows/s | SQLite s | rows/s | PG / SQLite |"
    echo "|---|---|---|---|---|---|---|"
    join <(sort "$cache/pg.times") <(sort "$cache/sqlite.times") | grep -v '^screen' |
      awk '{printf "| import %s | %d | %.1f | %.0f | %.1f | %.0f | %.2f |\n", $1, $3, $2, $3/($2>0?$2:1), $4, $3/($4>0?$4:1), $2/($4>0?$4:1)}'
    join <(sort "$cache/pg.times") <(sort "$cache/sqlite.times") | grep '^screen' |
      awk '{printf "| full screening (peak RSS %d MiB on PG, %d MiB on SQLite) | | %.1f | | %.1f | | %.2f |\n", $3, $5, $2, $4, $2/($4>0?$4:1)}'
  else
    echo "| step | rows | PostgreSQL s | rows/s |"
    echo "|---|---|---|---|"
    sort "$cache/pg.times" | grep -v '^screen' |
      awk '{printf "| import %s | %d | %.1f | %.0f |\n", $1, $3, $2, $3/($2>0?$2:1)}'
    grep '^screen' "$cache/pg.times" |
      awk '{printf "| full screening (peak RSS %d MiB) | | %.1f | |\n", $3, $2}'
  fi
  echo
  if [ "$with_sqlite" = 1 ]; then
    echo "Warnings on PostgreSQL: $(psql "$pg" -X -A -t -c 'select count(*) from warnings')," \
      "on SQLite: $(sqlite3 "$sqlite" 'select count(*) from warnings') (the same rules on the" \
      "same data)."
  else
    echo "Warnings on PostgreSQL: $(psql "$pg" -X -A -t -c 'select count(*) from warnings')." \
      "SQLite was not run (--postgres-only)."
  fi
  echo
  echo "The PostgreSQL screening's own report:"
  echo
  echo '```'
  cat "$cache/screen-postgres.out"
  echo '```'
  echo
  echo "Database size on PostgreSQL: $(psql "$pg" -X -A -t -c \
    "select pg_size_pretty(pg_database_size(current_database()))")."
} | tee "$results"
