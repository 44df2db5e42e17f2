#!/usr/bin/env bash
# faxian init: 27 townships and 268 villages for 500241, each village urban or rural; the
# shipped standards and calendar; the admin user; running it again adds nothing.
source "$(dirname "$0")/lib.bash"

echo "Init-Pass-2026" | "$FAXIAN" --db f.db init --admin-password-stdin >init1.txt
check "townships" "$(sqlite3 f.db "select count(*) from regions where level='township' and parent_code='500241'")" 27
check "villages" "$(sqlite3 f.db "select count(*) from regions where level='village' and substr(code,1,6)='500241'")" 268
check "every village has an urban/rural code" \
  "$(sqlite3 f.db "select count(*) from regions where level='village' and (urban_rural_code glob '1[12][0-9]' or urban_rural_code glob '2[12]0')")" 268
check "urban and rural both present" \
  "$(sqlite3 f.db "select count(distinct substr(urban_rural_code,1,1)) from regions where level='village'")" 2
check "standards version" "$(sqlite3 f.db 'select count(*) from standards_versions')" 1
check "calendar years" "$(sqlite3 f.db 'select group_concat(year) from (select year from calendar_years order by year)')" \
  "2022,2023,2024,2025,2026"
check "admin is county_admin and must change password" \
  "$(sqlite3 f.db "select role || ',' || must_change_password from users where username='admin'")" "county_admin,1"
check "password stored as argon2id, not plain" \
  "$(sqlite3 f.db "select (password_hash like '\$argon2id\$%') || (instr(password_hash,'Init-Pass-2026')=0) from users")" 11

"$FAXIAN" --db f.db init >init2.txt
check "second init adds no standards version" "$(sqlite3 f.db 'select count(*) from standards_versions')" 1
check "second init adds no user" "$(sqlite3 f.db 'select count(*) from users')" 1
check "second init keeps 296 regions (1 + 27 + 268)" "$(sqlite3 f.db 'select count(*) from regions')" 296

# Another county's regions and a bad standards file.
cat >regions.csv <<'CSV'
code,name,level,parent_code,urban_rural_code
500242,酉阳县,county,,
500242001,钟多街道,township,500242,
500242001001,城东社区,village,500242001,111
500242001201,大河村,village,500242001,220
CSV
"$FAXIAN" --db other.db init --regions regions.csv >/dev/null
check "--regions loads another county" "$(sqlite3 other.db "select count(*) from regions where level='village'")" 2

printf '[[period]]\nfrom = "2024-01-01"\ndibao_urban = -1\n' >bad.toml
set +e
"$FAXIAN" --db bad.db init --standards bad.toml 2>err.txt
code=$?
set -e
check "bad standards file fails with exit 1" "$code" 1
check "error is in Chinese" "$(grep -c '错误' err.txt)" 1
check "nothing half-loaded" "$(sqlite3 bad.db 'select count(*) from regions')" 0

set +e
"$FAXIAN" --db f.db init --regions missing.csv 2>/dev/null
check "missing regions file is a usage error" "$?" 2
set -e
finish
