#!/usr/bin/env bash
# faxian generate: every file of 80-cli.md, the same bytes for the same seed, another seed
# differs, headers as 20-feeds.md names them.
source "$(dirname "$0")/lib.bash"

"$FAXIAN" generate --scale small --seed 7 --out a >/dev/null
"$FAXIAN" generate --scale small --seed 7 --out b >/dev/null
"$FAXIAN" generate --scale small --seed 8 --out c >/dev/null
for feed in population medical employment income disability death disaster poverty_monitoring \
  education assets hotline applications registry; do
  check "$feed.csv written" "$(test -s a/$feed.csv && echo yes)" yes
done
check "regions.csv is the shipped file" "$(cmp -s a/regions.csv "$OLDPWD/data/regions/500241.csv" && echo same)" same
check "truth.csv header" "$(head -1 a/truth.csv | tr -d '\r')" "household_no,in_need,reasons"
check "same seed, same bytes" "$(diff -r -q a b >/dev/null && echo same)" same
check "another seed differs" "$(cmp -s a/medical.csv c/medical.csv && echo same || echo differs)" differs
check "medical header starts with 结算单号" "$(head -1 a/medical.csv | sed 's/^\xEF\xBB\xBF//' | cut -d, -f1)" "结算单号"
households=$(($(wc -l <a/truth.csv) - 1))
check "small scale has about 1,700 households" "$((households > 1500 && households < 1900))" 1

set +e
"$FAXIAN" generate --scale huge --seed 1 --out d 2>/dev/null
check "unknown scale is a usage error" "$?" 2
set -e
finish
