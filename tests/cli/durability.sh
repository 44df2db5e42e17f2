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
    port=$(free_port)
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

# The PostgreSQL server drops the connections (a restart, a network cut): the server's pool
# notices a lost connection and opens a new one, so requests succeed again without a restart.
reconnect_after_lost_connections() {  # reconnect_after_lost_connections DB
  local db=$1 port pid jar=jar.reconnect
  port=$(free_port)
  "$FAXIAN" --db "$db" serve --listen "127.0.0.1:$port" >serve.reconnect.log 2>&1 &
  pid=$!
  wait_ready "$port" "$pid"
  curl -s -c "$jar" -o /dev/null -H 'Content-Type: application/json' \
    -d '{"username":"hotline1","password":"Hotline-Pass-2026"}' "http://127.0.0.1:$port/api/v1/session"
  local readers=()
  for _ in 1 2 3 4; do  # several connections into the pool
    curl -s -b "$jar" -o /dev/null "http://127.0.0.1:$port/api/v1/hotline/tickets" &
    readers+=($!)
  done
  wait "${readers[@]}"
  local dropped
  dropped=$(pg_sql "$FAXIAN_TEST_PG" "select count(pg_terminate_backend(pid)) from pg_stat_activity
    where datname = '${db##*/}' and pid <> pg_backend_pid()")
  check "postgres: the server's connections were dropped" "$([ "$dropped" -gt 0 ] && echo yes)" yes
  local answers=""
  for _ in $(seq 1 8); do
    answers+=" $(curl -s -b "$jar" -o /dev/null -w '%{http_code}' \
      "http://127.0.0.1:$port/api/v1/hotline/tickets")"
  done
  echo "     answers after the drop:$answers"
  check "postgres: requests succeed again after the drop" "${answers##* }" 200
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
}

survive_kills sqlite "$WORK/durability.db"
pg=$(pg_fresh_database faxian_durability)
survive_kills postgres "$pg"
reconnect_after_lost_connections "$pg"
finish
