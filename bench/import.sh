#!/usr/bin/env bash
# Import benchmark (70-quality.md): `faxian import --feed medical` of the county medical.csv
# into a database that already holds the county 户籍, against the `sqlite3` CLI's `.mode csv` +
# `.import` of the same file into a plain table of a fresh database (no validation, no
# linkage, no indexes). Targets: ≥ 250,000 rows/s, and our time / theirs ≤ 1.5.
# Each side runs 3 times, interleaved (ours, theirs, ours, …) so drifting load hits both; the
# report gives every run, the medians, rows/s and the ratio. Writes
# bench/results/<date>-import.md and prints it on stdout (progress goes to stderr).
# Usage: bench/import.sh [--data DIR] [--scale small|county|city] [--seed N]
#   --data DIR  reuse a generation (population.csv, medical.csv) of that scale and seed instead
#               of generating one into a temporary folder (bench/run.sh passes its cache)
set -euo pipefail
cd "$(dirname "$0")/.."
data=""
scale=county
seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: bench/import.sh [--data DIR] [--scale small|county|city] [--seed N]" >&2; exit 2 ;;
  esac
done

kRuns=3
kTargetRowsPerSecond=250000
kTargetRatio=1.5

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r)"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain -- src 2>/dev/null | wc -l)
binary_built=$(date -u -r build/faxian '+%Y-%m-%d %H:%M UTC')
work=$(mktemp -d /tmp/faxian-bench-import.XXXXXX)
trap 'rm -rf "$work"' EXIT
# A private copy of the binary: build/faxian may be rebuilt while the benchmark runs.
cp build/faxian "$work/faxian"
faxian=$work/faxian
mkdir -p bench/results
results=bench/results/$(date +%Y-%m-%d)-import.md

now_ns() { date +%s%N; }
seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.2f", (e - s) / 1e9 }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
per_second() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%d", n / s }'; }
thousands() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }
json_field() { sqlite3 :memory: "select json_extract(readfile('$1'), '\$.$2')"; }
log() { echo "import bench: $*" >&2; }

if [ -z "$data" ]; then
  data=$work/data
  log "generating scale $scale, seed $seed, into $data"
  "$faxian" generate --scale "$scale" --seed "$seed" --out "$data" >/dev/null
fi
for feed in population medical; do
  [ -s "$data/$feed.csv" ] || { echo "no $data/$feed.csv" >&2; exit 1; }
done
medical_rows=$(($(wc -l <"$data/medical.csv") - 1))
population_rows=$(($(wc -l <"$data/population.csv") - 1))
medical_size=$(du -h "$data/medical.csv" | cut -f1)

# 1. The database the medical batches go into: initialised, county 户籍 imported (timed).
log "importing population ($population_rows rows)"
"$faxian" --db "$work/base.db" init --admin-password-stdin <<<"Bench-pass-2026" >/dev/null
start=$(now_ns)
"$faxian" --db "$work/base.db" --json import --feed population --file "$data/population.csv" \
  >"$work/population.json" 2>/dev/null
population_s=$(seconds "$start" "$(now_ns)")
[ "$(json_field "$work/population.json" status)" = committed ] || { echo "population import failed" >&2; exit 1; }
sqlite3 "$work/base.db" 'pragma wal_checkpoint(truncate)' >/dev/null

# 2. Medical, ours and theirs, interleaved. The file is read once first so both find it cached.
cat "$data/medical.csv" >/dev/null
ours=()
ours_inner=()
ours_rss=()
theirs=()
theirs_rss=()
for ((run_idx = 1; run_idx <= kRuns; run_idx++)); do
  rm -f "$work"/run.db*
  cp "$work/base.db" "$work/run.db"
  log "run $run_idx: faxian import --feed medical"
  start=$(now_ns)
  /usr/bin/time -f %M -o "$work/rss" \
    "$faxian" --db "$work/run.db" --json import --feed medical --file "$data/medical.csv" \
    >"$work/medical.json" 2>/dev/null
  ours+=("$(seconds "$start" "$(now_ns)")")
  ours_rss+=("$(($(cat "$work/rss") / 1024))")
  ours_inner+=("$(awk -v s="$(json_field "$work/medical.json" seconds)" 'BEGIN { printf "%.2f", s }')")
  imported=$(json_field "$work/medical.json" imported)
  [ "$imported" = "$medical_rows" ] || { echo "run $run_idx imported $imported of $medical_rows" >&2; exit 1; }

  rm -f "$work"/plain.db*
  log "run $run_idx: sqlite3 .import"
  start=$(now_ns)
  /usr/bin/time -f %M -o "$work/rss" \
    sqlite3 "$work/plain.db" -cmd '.mode csv' ".import '$data/medical.csv' medical"
  theirs+=("$(seconds "$start" "$(now_ns)")")
  theirs_rss+=("$(($(cat "$work/rss") / 1024))")
  loaded=$(sqlite3 "$work/plain.db" 'select count(*) from medical')
  [ "$loaded" = "$medical_rows" ] || { echo "sqlite3 .import loaded $loaded of $medical_rows" >&2; exit 1; }
done
rm -f "$work"/run.db* "$work"/plain.db*

ours_median=$(median "${ours[@]}")
theirs_median=$(median "${theirs[@]}")
ours_rate=$(per_second "$medical_rows" "$ours_median")
theirs_rate=$(per_second "$medical_rows" "$theirs_median")
ratio=$(awk -v o="$ours_median" -v t="$theirs_median" 'BEGIN { printf "%.2f", o / t }')
rate_verdict=$([ "$ours_rate" -ge "$kTargetRowsPerSecond" ] && echo met || echo "**missed**")
ratio_verdict=$(awk -v r="$ratio" -v t="$kTargetRatio" 'BEGIN { print (r <= t) ? "met" : "**missed**" }')
population_rate=$(per_second "$population_rows" "$population_s")

{
  echo "# Import benchmark $(date +%Y-%m-%d) — scale $scale, seed $seed"
  echo
  echo "Machine: $machine; load average at start $load_at_start. Commit: $commit" \
    "($dirty modified files under src/ now); binary build/faxian built $binary_built."
  echo
  echo "Input: \`medical.csv\`, $(thousands "$medical_rows") rows, $medical_size; the database already"
  echo "holds the 户籍 ($(thousands "$population_rows") rows, imported in ${population_s} s ="
  echo "$(thousands "$population_rate") rows/s). Ours: \`faxian import --feed medical\` (parse, validate, link,"
  echo "hash, one transaction, WAL, synchronous=FULL) into a fresh copy of that database. Theirs:"
  echo "\`sqlite3\` $(sqlite3 --version | cut -d' ' -f1) \`.mode csv\` + \`.import\` into a plain table of a fresh database"
  echo "(TEXT columns, no validation, no indexes, CLI defaults). $kRuns runs each, interleaved; wall time."
  echo
  echo "| figure | ours | theirs | target | verdict |"
  echo "|---|---|---|---|---|"
  echo "| wall time, runs | ${ours[*]} s | ${theirs[*]} s | | |"
  echo "| importer's own time (\`seconds\` in its report), runs | ${ours_inner[*]} s | | | |"
  echo "| peak RSS, runs | ${ours_rss[*]} MiB | ${theirs_rss[*]} MiB | | |"
  echo "| median wall time | ${ours_median} s | ${theirs_median} s | | |"
  echo "| rows/s (median) | $(thousands "$ours_rate") | $(thousands "$theirs_rate") | ≥ 250,000 | $rate_verdict |"
  echo "| ratio ours / theirs (medians) | ${ratio} | | ≤ 1.5 | $ratio_verdict |"
  echo
  if [ "$rate_verdict" = met ] && [ "$ratio_verdict" = met ]; then
    echo "Both import targets met."
  else
    echo "**Import targets missed in this run:** $(thousands "$ours_rate") rows/s against ≥ 250,000, and" \
      "ours / theirs ${ratio} against ≤ 1.5 (the verdict column says which)."
  fi
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$results"
echo "written $results" >&2
