#!/usr/bin/env bash
# faxian import on the generator's messy small county (GB18030, XLSX, BOMs, English headers,
# every date/money/ID form): every feed commits with nothing rejected and stores exactly what
# the clean files of the same seed store; each bad/ file reports the counts bad/expected.csv
# gives; importing everything again adds nothing.
source "$(dirname "$0")/lib.bash"

"$FAXIAN" generate --scale small --seed 5 --messy --out messy >/dev/null
"$FAXIAN" generate --scale small --seed 5 --out clean >/dev/null
for db in messy.db clean.db; do
  "$FAXIAN" --db $db init --admin-password-stdin <<<"Admin-pass-123" >/dev/null
done

feeds="population medical employment income disability death disaster poverty_monitoring
       education assets hotline applications registry"
feed_file() {  # feed_file DIR FEED → the file of FEED in DIR, whatever its container
  if [ -e "$1/$2.csv" ]; then echo "$1/$2.csv"; else echo "$1/$2.xlsx"; fi
}
import_json() {  # import_json DB FEED FILE → the JSON report (exit code in $rc)
  rc=0
  "$FAXIAN" --db "$1" --json import --feed "$2" --file "$3" >report.json 2>/dev/null || rc=$?
}

for feed in $feeds; do
  for kind in messy clean; do
    import_json $kind.db "$feed" "$(feed_file $kind "$feed")"
    check "$kind $feed: exit 0" "$rc" 0
    check "$kind $feed: committed, all imported" \
      "$(jq -r '"\(.status) \(.rejected) \(.rows == .imported)"' report.json)" "committed 0 true"
  done
  table="feed_$feed"
  same=$(sqlite3 messy.db "attach 'clean.db' as c;
    select (select count(*) from (select natural_key, content_hash from main.$table
                                  except select natural_key, content_hash from c.$table))
         + (select count(*) from (select natural_key, content_hash from c.$table
                                  except select natural_key, content_hash from main.$table))")
  check "$feed: messy and clean files store the same records" "$same" 0
  check "$feed: as many records" "$(sqlite3 messy.db "select count(*) from $table")" \
    "$(sqlite3 clean.db "select count(*) from $table")"
done
check "persons: same IDs from messy and clean files" \
  "$(sqlite3 messy.db "attach 'clean.db' as c; select count(*) from (
      select resident_id, name, unregistered, ethnicity, relation from main.persons except
      select resident_id, name, unregistered, ethnicity, relation from c.persons)")" 0
check "nobody left unregistered" \
  "$(sqlite3 messy.db "select count(*) from persons where unregistered = 1")" 0

# Everything again: nothing new.
for feed in $feeds; do
  import_json messy.db "$feed" "$(feed_file messy "$feed")"
  check "$feed again: only duplicates" \
    "$(jq -r '"\(.status) \(.imported) \(.duplicates == .rows)"' report.json)" "committed 0 true"
done

# bad/: each file on its own into a copy of the imported database.
cp messy.db base.db
tail -n +2 messy/bad/expected.csv | while IFS=, read -r file feed rows imported duplicates rejected; do
  cp base.db bad.db
  import_json bad.db "$feed" "messy/bad/$file"
  check "bad/$file: exit 3 (rows rejected)" "$rc" 3
  check "bad/$file: rows imported duplicates rejected" \
    "$(jq -r '"\(.rows) \(.imported) \(.duplicates) \(.rejected)"' report.json)" \
    "$rows $imported $duplicates $rejected"
  check "bad/$file: errors name every rejected row" \
    "$(jq '[.errors[].row] | unique | length' report.json)" "$rejected"
done
finish
