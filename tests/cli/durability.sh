#!/usr/bin/env bash
# Acknowledged writes survive kill -9 (70-quality.md "Reliability"), on SQLite and on
# PostgreSQL: four hotline operators record calls over the API as fast as the server answers;
# the server is killed with SIGKILL at a random moment, 20 times per backend, and restarted each
# time on the same database. Afterwards every call that got a 2xx is in the database, the
# database opens and (SQLite) passes its integrity check, and the server serves again.
HERE=$(dirname "$(readlink -f "$0")")
source "$HERE/lib.bash"
need_pg
ROUNDS=${DURABILITY_ROUNDS:-20}

survive_kills() {  # survive_kills LABEL DB
  local label=$1 db=$2 port pid load round
  echo "Init-Pass-2026" | "$FAXIAN" --db "$db" init --admin-password-stdin >"init.$label.out"
  echo "Hotline-Pass-2026" | "$FAXIAN" --db "$db" user add --username hotline1 \
    --role hotline_operator --password-stdin >"user.$label.out"
  local village
  village=$(db_sql "$db" "select code from regions where level = 'village' order by code limit 1")
  : >"acked.$label"
  local started=0
  for round in $(seq 1 "$ROUNDS"); do
    port=$((20000 + RANDOM % 20000))
    "$FAXIAN" --db "$db" serve --listen "127.0.0.1:$port" >"serve.$label.$round.log" 2>&1 &
    pid=$!
    if wait_ready "$port" "$pid"; then
      started=$((started + 1))
    else
      echo "round $round: the server did not start"; cat "serve.$label.$round.log"
      kill -9 "$pid" 2>/dev/null || true
      continue
    fi
    python3 "$HERE/write_load.py" "$port" hotline1 Hotline-Pass-2026 "$village" "acked.$label" 4 &
    load=$!
    sleep "$(python3 -c 'import random; print(round(random.uniform(0.3, 1.5), 2))')"
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    wait "$load" || true
  done
  check "$label: the server restarted after each of $ROUNDS kills" "$started" "$ROUNDS"
  local acked present missing
  acked=$(sort -u "acked.$label" | wc -l)
  db_sql "$db" "select ticket_no from hotline_tickets" | sort -u >"present.$label"
  missing=$(sort -u "acked.$label" | comm -23 - "present.$label" | wc -l)
  echo "     $label: $acked calls acknowledged, $(wc -l <"present.$label") stored"
  check "$label: writes were acknowledged between the kills" "$([ "$acked" -ge "$ROUNDS" ] && echo yes)" yes
  check "$label: every acknowledged call is in the database" "$missing" 0
  check "$label: ticket numbers are unique" "$(db_sql "$db" \
    "select count(*) - count(distinct ticket_no) from hotline_tickets")" 0
  if [[ "$db" != postgresql://* ]]; then
    check "$label: integrity check" "$(sqlite3 "$db" 'pragma integrity_check')" ok
  fi
  check "$label: the audit chain is intact" \
    "$("$FAXIAN" --db "$db" audit verify >/dev/null 2>&1 && echo intact)" intact
}

survive_kills sqlite "$WORK/durability.db"
survive_kills postgres "$(pg_fresh_database faxian_durability)"
finish
