#!/usr/bin/env bash
# `faxian demo --serve` (what `make demo` ends with) and `faxian serve`: the demo prints one
# account per role, the server answers on the address given, each printed account logs in over
# HTTP with its role, a township officer sees only its own township's leads, SIGTERM stops the
# server cleanly (exit 0) and the view audits it queued are on disk afterwards; `serve` refuses a
# bad --listen and a TLS key without its certificate (exit 2), and a taken port (exit 1).
source "$(dirname "$0")/lib.bash"

port=$(free_port)
"$FAXIAN" --db demo.db demo --scale small --seed 3 --data-dir data --serve \
  --listen "127.0.0.1:$port" >demo.out 2>demo.err &
demo_pid=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$demo_pid" 2>/dev/null || break
  sleep 0.5
done
check "the demo server is ready" "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" 200
check "seven demo accounts printed" "$(grep -c '^  demo_' demo.out)" 7

login() {  # login USER PASSWORD → writes cookie jar jar.USER, prints the HTTP status
  curl -s -c "jar.$1" -o "login.$1.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" "http://127.0.0.1:$port/api/v1/session"
}
while read -r user password role _; do
  check "$user logs in" "$(login "$user" "$password")" 200
  check "$user has role $role" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["role"])' "login.$user.json")" "$role"
done < <(grep '^  demo_' demo.out)

township=$(grep '^  demo_township_officer' demo.out | awk '{print $NF}')
curl -s -b jar.demo_township_officer "http://127.0.0.1:$port/api/v1/leads?page_size=500" >leads.json
check "the township officer's leads are all in $township" "$(python3 - "$township" <<'PY'
import json, sys
body = json.load(open('leads.json'))
items = body.get('items', [])
print('yes' if items and all(item['township'] == sys.argv[1] for item in items) else 'no: %s' % str(body)[:200])
PY
)" yes
check "bad credentials are 401" "$(login demo_auditor wrong-password)" 401

kill -TERM "$demo_pid"
wait "$demo_pid"
check "SIGTERM stops the server with exit 0" "$?" 0
check "the logins were audited" "$(sqlite3 demo.db "select count(*) >= 8 from audit_log where action like 'login.%'")" 1

set +e
timeout 20 "$FAXIAN" --db demo.db serve --listen nonsense >/dev/null 2>serve.err
check "a bad --listen is a usage error" "$?" 2
timeout 20 "$FAXIAN" --db demo.db serve --listen "127.0.0.1:$port" --tls-key key.pem >/dev/null 2>tls.err
check "a TLS key without a certificate is a usage error" "$?" 2
"$FAXIAN" --db demo.db serve --listen "127.0.0.1:$port" >first.out 2>&1 &
holder=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
timeout 20 "$FAXIAN" --db demo.db serve --listen "127.0.0.1:$port" >/dev/null 2>taken.err
check "a taken port fails clearly" "$?" 1
check "the message names the address" "$(grep -c "127.0.0.1:$port" taken.err)" 1
kill -TERM "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
set -e
finish
