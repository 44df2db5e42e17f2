#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for a few seconds on its committed corpus
# (tests/fuzz/corpus/<name>/, copied so the repository is not modified). Fails on the first
# crash, leak or timeout, leaving the reproducer in the build folder.
# Usage: scripts/run_fuzzers.sh BUILD_DIR SECONDS
set -euo pipefail
build=$1
seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
shopt -s nullglob
targets=("$build"/fuzz_*)
echo "fuzz: ${#targets[@]} target(s), ${seconds}s each"
for target in "${targets[@]}"; do
  name=$(basename "$target")
  name=${name#fuzz_}
  corpus=$(mktemp -d "/tmp/faxian-fuzz-$name.XXXXXX")
  if [ -d "$root/tests/fuzz/corpus/$name" ]; then
    cp -r "$root/tests/fuzz/corpus/$name/." "$corpus/"
  fi
  dict=()
  [ -f "$root/tests/fuzz/$name.dict" ] && dict=(-dict="$root/tests/fuzz/$name.dict")
  echo "fuzz: $name"
  (cd "$build" && "./fuzz_$name" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 "$corpus" 2>&1 | tail -n 12)
  rm -rf "$corpus"
done
