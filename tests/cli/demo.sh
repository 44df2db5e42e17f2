#!/usr/bin/env bash
# faxian demo --scale small: generates, initialises the given database and says so.
source "$(dirname "$0")/lib.bash"

"$FAXIAN" --db demo.db demo --scale small --seed 3 --data-dir data >out.txt
check "feeds generated" "$(ls data/*.csv | wc -l)" 15
check "database initialised" "$(sqlite3 demo.db "select count(*) from regions where level='village'")" 268
check "summary names the townships" "$(grep -c '27 个乡镇' out.txt)" 1
finish
