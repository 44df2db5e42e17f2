#!/usr/bin/env bash
# faxian demo --scale small: generates, initialises the given database, imports every feed.
source "$(dirname "$0")/lib.bash"

"$FAXIAN" --db demo.db demo --scale small --seed 3 --data-dir data >out.txt
check "demo exits 0" "$?" 0
check "feeds generated" "$(ls data/*.csv | wc -l)" 15
check "database initialised" "$(sqlite3 demo.db "select count(*) from regions where level='village'")" 268
check "summary names the townships" "$(grep -c '27 个乡镇' out.txt)" 1
check "one committed batch per feed" \
  "$(sqlite3 demo.db "select count(*) from import_batches where status='committed'")" 13
check "户籍 imported first" \
  "$(sqlite3 demo.db "select feed from import_batches order by id limit 1")" population
check "every 户籍 row imported" "$(sqlite3 demo.db "select count(*) from feed_population")" \
  "$(($(wc -l <data/population.csv) - 1))"
check "every medical row imported" "$(sqlite3 demo.db "select count(*) from feed_medical")" \
  "$(($(wc -l <data/medical.csv) - 1))"
check "no person left unregistered by a clean demo" \
  "$(sqlite3 demo.db "select count(*) from persons where unregistered=1")" 0
check "one line per imported feed" "$(grep -c '已导入' out.txt)" 13
finish
