#!/usr/bin/env bash
# Benchmarks (70-quality.md). Installs nothing itself beyond what `make bench` built; writes
# bench/results/<date>.md with every figure. Timings live here, never in tests.
# Usage: bench/run.sh [--scale small|county|city] [--seed N]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=county
seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: bench/run.sh [--scale small|county|city] [--seed N]" >&2; exit 2 ;;
  esac
done

faxian=build/faxian
cache=${FAXIAN_BENCH_CACHE:-/tmp/faxian-bench}
mkdir -p "$cache" bench/results
results=bench/results/$(date +%Y-%m-%d).md
machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r)"

seconds() { local start=$1 end=$2; awk -v s="$start" -v e="$end" 'BEGIN{printf "%.2f", (e-s)/1e9}'; }

# 1. Generator: time, output size, determinism (two runs, same seed → same bytes).
gen_run() {
  local out=$1
  rm -rf "$out"
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$out.rss" "$faxian" generate --scale "$scale" --seed "$seed" --out "$out" >/dev/null
  end=$(date +%s%N)
  seconds "$start" "$end"
}
t1=$(gen_run "$cache/gen-$scale-a")
t2=$(gen_run "$cache/gen-$scale-b")
rss_kb=$(cat "$cache/gen-$scale-a.rss")
size=$(du -sh "$cache/gen-$scale-a" | cut -f1)
rows=$(cat "$cache/gen-$scale-a"/*.csv | wc -l)
if diff -r -q "$cache/gen-$scale-a" "$cache/gen-$scale-b" >/dev/null; then same=yes; else same=NO; fi

{
  echo "# Benchmarks $(date +%Y-%m-%d) — scale $scale, seed $seed"
  echo
  echo "Machine: $machine. Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo
  echo "## Synthetic county generator (\`faxian generate\`)"
  echo
  echo "| figure | value | target |"
  echo "|---|---|---|"
  echo "| wall time, run 1 | ${t1} s | < 60 s (county) |"
  echo "| wall time, run 2 | ${t2} s | |"
  echo "| peak RSS | $((rss_kb / 1024)) MiB | |"
  echo "| output | ${size}, ${rows} CSV lines | |"
  echo "| same bytes for the same seed | ${same} | yes |"
} | tee "$results"

# 2. Import: bench/import.sh on the same generation; it writes bench/results/<date>-import.md,
# and its report is appended here too (headings one level down).
echo >>"$results"
bench/import.sh --data "$cache/gen-$scale-a" --scale "$scale" --seed "$seed" | sed 's/^#/##/' | tee -a "$results"

# 3. Screening: bench/screen.sh (engine vs the same rules in SQLite and DuckDB, incremental
# batches); it imports its own database with `faxian demo` into the cache once, writes
# bench/results/<date>-screen.md, and its report is appended here too.
echo >>"$results"
FAXIAN_BENCH_CACHE=$cache bench/screen.sh --scale "$scale" --seed "$seed" | sed 's/^#/##/' | tee -a "$results"
echo "written $results"
