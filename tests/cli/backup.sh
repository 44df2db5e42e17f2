#!/usr/bin/env bash
# faxian backup --to FILE / restore --from FILE (80-cli.md) on SQLite and on PostgreSQL: a
# backup taken while the server is under write load restores to exactly the content it was
# taken from (every table compared row by row); a backup never overwrites a file; a restore
# keeps the database it replaces; a truncated or foreign file, or a backup of the other kind,
# is refused with a clear message and changes nothing; the restored database serves and its
# audit chain verifies.
HERE=$(dirname "$(readlink -f "$0")")
source "$HERE/lib.bash"
need_pg

content() {  # content DB → one line per table: name and the md5 of its rows in key order
  local db=$1 tables
  case "$db" in
    postgresql://*) tables=$(db_sql "$db" "select table_name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1") ;;
    *) tables=$(db_sql "$db" "select name from sqlite_master where type = 'table'
        and name not like 'sqlite_%' order by 1") ;;
  esac
  for table in $tables; do
    echo "$table $(db_sql "$db" "select * from $table order by 1" | md5sum | cut -c1-12)"
  done
}

backup_and_restore() {  # backup_and_restore LABEL DB OTHER_KIND_DB
  local label=$1 db=$2 other=$3 port pid load
  "$FAXIAN" --db "$db" demo --scale small --seed 5 --data-dir "data.$label" >"demo.$label.out"
  echo "Hotline-Pass-2026" | "$FAXIAN" --db "$db" user add --username hotline1 \
    --role hotline_operator --password-stdin >/dev/null
  local village
  village=$(db_sql "$db" "select code from regions where level = 'village' order by code limit 1")

  # Online: the backup is taken while four operators write as fast as the server answers.
  port=$(free_port)
  "$FAXIAN" --db "$db" serve --listen "127.0.0.1:$port" >"serve.$label.log" 2>&1 &
  pid=$!
  wait_ready "$port" "$pid" || { echo "server did not start"; cat "serve.$label.log"; }
  python3 "$HERE/write_load.py" "$port" hotline1 Hotline-Pass-2026 "$village" "acked.$label" 4 &
  load=$!
  sleep 1
  "$FAXIAN" --db "$db" backup --to "b.$label" >"backup.$label.out" 2>&1
  check "$label: backup under write load exits 0" "$?" 0
  sleep 0.5
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  wait "$load" || true
  check "$label: the backup file is private (0600)" "$(stat -c %a "b.$label")" 600
  grep -q "已备份到 b.$label" "backup.$label.out"
  check "$label: the backup reports its file" "$?" 0

  # The content the backup holds: restore it into a scratch database of the same kind.
  local scratch
  case "$db" in
    postgresql://*) scratch=$(pg_fresh_database faxian_backup_scratch) ;;
    *) scratch="$WORK/scratch.$label.db" ;;
  esac
  "$FAXIAN" --db "$scratch" restore --from "b.$label" >/dev/null
  check "$label: restore into an empty database exits 0" "$?" 0
  local tickets_in_backup
  tickets_in_backup=$(db_sql "$scratch" "select count(*) from hotline_tickets")
  check "$label: the backup caught some of the load" "$([ "$tickets_in_backup" -gt 0 ] && echo yes)" yes
  content "$scratch" >"content.backup.$label"

  local before_sum
  before_sum=$(md5sum <"b.$label")
  set +e
  "$FAXIAN" --db "$db" backup --to "b.$label" >/dev/null 2>"again.$label.err"
  check "$label: a backup never overwrites a file (exit 1)" "$?" 1
  set -e
  check "$label: … and says so" "$(grep -c '已存在，不会覆盖' "again.$label.err")" 1
  check "$label: … and the file is unchanged" "$(md5sum <"b.$label")" "$before_sum"

  # Later changes, then restore: the database is the backup again, row for row.
  echo "Officer-Pass-2026" | "$FAXIAN" --db "$db" user add --username officer9 \
    --role county_officer --password-stdin >/dev/null
  content "$db" >"content.changed.$label"
  "$FAXIAN" --db "$db" restore --from "b.$label" >"restore.$label.out"
  check "$label: restore exits 0" "$?" 0
  content "$db" >"content.restored.$label"
  check "$label: every table restored to the backup's rows" \
    "$(diff "content.backup.$label" "content.restored.$label" | wc -l)" 0
  check "$label: the restore undid the later change" \
    "$(db_sql "$db" "select count(*) from users where username = 'officer9'")" 0
  local replaced
  replaced=$(sed -n 's/^被替换的数据库已另存为 //p' "restore.$label.out")
  check "$label: the replaced database was kept" "$([ -s "$replaced" ] && echo yes)" yes
  "$FAXIAN" --db "$scratch" restore --from "$replaced" >/dev/null
  check "$label: … and holds the later change" \
    "$(db_sql "$scratch" "select count(*) from users where username = 'officer9'")" 1

  # Refusals change nothing.
  head -c 50000 "b.$label" >"truncated.$label"
  printf 'not a backup\n' >"foreign.$label"
  set +e
  "$FAXIAN" --db "$db" restore --from "truncated.$label" >/dev/null 2>"truncated.$label.err"
  check "$label: a truncated backup is refused" "$?" 1
  "$FAXIAN" --db "$db" restore --from "foreign.$label" >/dev/null 2>"foreign.$label.err"
  check "$label: a foreign file is refused" "$?" 1
  check "$label: … saying it is not a backup" "$(grep -c '不是 faxian 备份文件' "foreign.$label.err")" 1
  "$FAXIAN" --db "$other" restore --from "b.$label" >/dev/null 2>"kind.$label.err"
  check "$label: a backup of the other kind is refused" "$?" 1
  set -e
  check "$label: after the refusals the database is unchanged" \
    "$(content "$db" | diff - "content.backup.$label" | wc -l)" 0
  check "$label: the restored audit chain is intact" \
    "$("$FAXIAN" --db "$db" audit verify >/dev/null 2>&1 && echo intact)" intact
}

pg=$(pg_fresh_database faxian_backup)
backup_and_restore sqlite "$WORK/backup.db" "$pg"
backup_and_restore postgres "$pg" "$WORK/other.db"
finish
