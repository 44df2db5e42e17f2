#!/usr/bin/env bash
# faxian user add|disable|reset-password|list and faxian audit verify (80-cli.md,
# 50-api-security.md "Authentication"): one account per role with the scope its role needs;
# policy and usage failures exit 2 and write nothing; a duplicate or unknown user exits 1;
# passwords are stored only as argon2id hashes that libsodium (called from Python, not through
# faxian) accepts for the password given; --role takes the Chinese label too; a reset clears a
# lock-out; every change is audited, the chain verifies, and
# editing or deleting an audit row is detected.
source "$(dirname "$0")/lib.bash"

echo "Init-Pass-2026" | "$FAXIAN" --db f.db init --admin-password-stdin >/dev/null

# Whether `hash` (argon2id string) accepts `password`, checked by libsodium directly.
password_matches() {  # password_matches USERNAME PASSWORD → 1 or 0
  python3 - "$(sqlite3 f.db "select password_hash from users where username='$1'")" "$2" <<'PY'
import ctypes, ctypes.util, sys
sodium = ctypes.CDLL(ctypes.util.find_library("sodium"))
assert sodium.sodium_init() >= 0
hash_text, password = sys.argv[1].encode(), sys.argv[2].encode()
print(1 if sodium.crypto_pwhash_str_verify(hash_text, password, ctypes.c_ulonglong(len(password))) == 0 else 0)
PY
}
users_count() { sqlite3 f.db 'select count(*) from users'; }
audit_count() { sqlite3 f.db 'select count(*) from audit_log'; }

"$FAXIAN" --db f.db audit verify >verify.txt
check "audit verify on a fresh database exits 0" "$?" 0
check "fresh database: chain intact" "$(grep -c '审计日志哈希链完整' verify.txt)" 1

# One account per role.
printf 'Officer-Pass-1\n' |
  "$FAXIAN" --db f.db user add --username officer1 --role county_officer >add.txt 2>&1 || true
printf 'Town-Pass-0001\r\n' |
  "$FAXIAN" --db f.db user add --username town1 --role township_officer --region 500241001 \
    --password-stdin >add.txt
printf 'Village-Pass-1\n' |
  "$FAXIAN" --db f.db user add --username village1 --role village_coordinator \
    --region 500241001001 --password-stdin >>add.txt
printf 'Hotline-Pass-1\n' |
  "$FAXIAN" --db f.db user add --username hotline1 --role hotline_operator --password-stdin >>add.txt
printf 'Liaison-Pass-1\n' |
  "$FAXIAN" --db f.db user add --username liaison1 --role department_liaison \
    --department '县医疗保障局' --password-stdin >>add.txt
printf 'Auditor-Pass-1\n' |
  "$FAXIAN" --db f.db user add --username auditor1 --role 督导审计 --region 500241 \
    --password-stdin >>add.txt
printf '管理员的十个字密码啊\n' |
  "$FAXIAN" --db f.db user add --username admin2 --role county_admin --force-change \
    --display-name '第二管理员' --password-stdin >>add.txt
printf 'Officer-Pass-1\n' |
  "$FAXIAN" --db f.db user add --username officer2 --role county_officer --password-stdin >>add.txt
check "add without --password-stdin creates nothing" "$(sqlite3 f.db "select count(*) from users where username='officer1'")" 0
check "one confirmation line per account" "$(grep -c '^已创建用户' add.txt)" 7
check "confirmation names role and scope" "$(grep -c '^已创建用户 town1（乡镇民政办，500241001）$' add.txt)" 1
check "--force-change is confirmed" "$(grep -c '^已创建用户 admin2.*首次登录须修改密码$' add.txt)" 1
check "eight users" "$(users_count)" 8
check "stored scope and flags" \
  "$(sqlite3 -separator , f.db "select username, role, ifnull(region_code,''), department, display_name, must_change_password, disabled from users where username <> 'admin' order by username")" \
  "admin2,county_admin,,,第二管理员,1,0
auditor1,auditor,,,auditor1,0,0
hotline1,hotline_operator,,,hotline1,0,0
liaison1,department_liaison,,县医疗保障局,liaison1,0,0
officer2,county_officer,,,officer2,0,0
town1,township_officer,500241001,,town1,0,0
village1,village_coordinator,500241001001,,village1,0,0"
check "hashes are argon2id" "$(sqlite3 f.db "select count(*) from users where password_hash like '\$argon2id\$%'")" 8
check "libsodium accepts the password given" "$(password_matches village1 Village-Pass-1)" 1
check "trailing CR/LF is not part of the password" "$(password_matches town1 Town-Pass-0001)" 1
check "ten Chinese characters are ten characters" "$(password_matches admin2 管理员的十个字密码啊)" 1
check "libsodium rejects another password" "$(password_matches village1 Village-Pass-2)" 0
check "one audit entry per account" "$(sqlite3 f.db "select count(*) from audit_log where action='user.create'")" 7
check "audit entries hold no hash or password" \
  "$(sqlite3 f.db "select count(*) from audit_log where detail like '%argon2%' or detail like '%Pass-1%'")" 0

# Usage and policy errors: exit 2, nothing written.
users_before=$(users_count)
audit_before=$(audit_count)
expect_add_fails() {  # expect_add_fails DESCRIPTION EXIT_CODE MESSAGE_PART PASSWORD ARGS...
  local description=$1 expected=$2 message=$3 password=$4
  shift 4
  set +e
  printf '%s\n' "$password" | "$FAXIAN" --db f.db user add "$@" >/dev/null 2>err.txt
  local code=$?
  set -e
  check "$description exits $expected" "$code" "$expected"
  check "$description says why" "$(grep -c -- "$message" err.txt || true)" 1
}
expect_add_fails "9-character password" 2 "至少需要 10 个字符" "Short-Pw1" \
  --username newuser1 --role auditor --password-stdin
expect_add_fails "9 Chinese characters" 2 "至少需要 10 个字符" "九个汉字的密码不行" \
  --username newuser1 --role auditor --password-stdin
expect_add_fails "9 characters and CR" 2 "至少需要 10 个字符" $'Short-Pw1\r' \
  --username newuser1 --role auditor --password-stdin
expect_add_fails "password equal to the username" 2 "不能与用户名相同" "long-username-7" \
  --username long-username-7 --role auditor --password-stdin
expect_add_fails "empty stdin" 2 "没有读到密码" "" --username newuser1 --role auditor --password-stdin
expect_add_fails "bad role" 2 "未知的角色“clerk”" "Good-Pass-123" \
  --username newuser1 --role clerk --password-stdin
expect_add_fails "bad username" 2 "用户名须为 3 到 32 位小写字母" "Good-Pass-123" \
  --username 'u 1' --role auditor --password-stdin
expect_add_fails "township_officer without --region" 2 "须指定本县的一个乡镇（街道）代码" "Good-Pass-123" \
  --username newuser1 --role township_officer --password-stdin
expect_add_fails "township_officer with a village code" 2 "须指定本县的一个乡镇（街道）代码" "Good-Pass-123" \
  --username newuser1 --role township_officer --region 500241001001 --password-stdin
expect_add_fails "township_officer with an unknown township" 2 "须指定本县的一个乡镇（街道）代码" "Good-Pass-123" \
  --username newuser1 --role township_officer --region 500241999 --password-stdin
expect_add_fails "village_coordinator with a township code" 2 "须指定本县的一个村（社区）代码" "Good-Pass-123" \
  --username newuser1 --role village_coordinator --region 500241001 --password-stdin
expect_add_fails "village_coordinator with an unknown village" 2 "须指定本县的一个村（社区）代码" "Good-Pass-123" \
  --username newuser1 --role village_coordinator --region 500241001999 --password-stdin
expect_add_fails "department_liaison without --department" 2 "部门联络员须填写所属部门" "Good-Pass-123" \
  --username newuser1 --role department_liaison --password-stdin
expect_add_fails "--department on another role" 2 "只有部门联络员需要填写部门" "Good-Pass-123" \
  --username newuser1 --role county_officer --department 县医保局 --password-stdin
expect_add_fails "county-wide role with a township" 2 "该角色不限于某个区划" "Good-Pass-123" \
  --username newuser1 --role hotline_operator --region 500241001 --password-stdin
expect_add_fails "missing --password-stdin" 2 "--password-stdin" "Good-Pass-123" \
  --username newuser1 --role auditor
check "failed adds wrote no user" "$(users_count)" "$users_before"
check "failed adds wrote no audit entry" "$(audit_count)" "$audit_before"
set +e
"$FAXIAN" --db f.db user add --role auditor --password-stdin </dev/null >/dev/null 2>&1
check "missing --username is a usage error" "$?" 2
set -e

expect_add_fails "duplicate username" 1 "用户名 town1 已存在" "Other-Pass-123" \
  --username town1 --role auditor --password-stdin
check "duplicate keeps the first account" \
  "$(sqlite3 f.db "select role from users where username='town1'")" township_officer
check "duplicate wrote no audit entry" "$(audit_count)" "$audit_before"

# Disable.
"$FAXIAN" --db f.db user disable town1 >out.txt
check "disable confirms" "$(cat out.txt)" "已停用用户 town1"
check "disabled stored" "$(sqlite3 f.db "select disabled from users where username='town1'")" 1
"$FAXIAN" --db f.db user disable town1 >out.txt
check "disabling again is harmless" "$(cat out.txt)" "用户 town1 已是停用状态"
set +e
"$FAXIAN" --db f.db user disable nobody >/dev/null 2>err.txt
check "disable unknown user exits 1" "$?" 1
check "disable unknown user says so" "$(cat err.txt)" "错误：用户 nobody 不存在"
"$FAXIAN" --db f.db user disable admin2 >/dev/null
check "disable a second county_admin" "$?" 0
"$FAXIAN" --db f.db user disable admin >/dev/null 2>err.txt
check "the last enabled county_admin cannot be disabled" "$?" 1
check "and the error says why" "$(grep -c '最后一个启用的县民政局管理员' err.txt)" 1
set -e
check "admin still enabled" "$(sqlite3 f.db "select disabled from users where username='admin'")" 0

# Reset password.
hash_before=$(sqlite3 f.db "select password_hash from users where username='hotline1'")
sqlite3 f.db "update users set failed_logins = 5, locked_until = 4102444800 where username='hotline1'"
"$FAXIAN" --db f.db user reset-password hotline1 >password.txt 2>note.txt
check "reset prints one line" "$(wc -l <password.txt)" 1
new_password=$(cat password.txt)
check "the new password is 14 characters without look-alikes" \
  "$(grep -cE '^[a-km-zA-HJ-NP-Z2-9]{14}$' password.txt)" 1
check "reset note on stderr" "$(grep -c '首次登录须修改' note.txt)" 1
check "reset sets must_change_password" \
  "$(sqlite3 f.db "select must_change_password from users where username='hotline1'")" 1
check "hash replaced" \
  "$([ "$(sqlite3 f.db "select password_hash from users where username='hotline1'")" != "$hash_before" ] && echo yes)" yes
check "reset clears a lock-out" \
  "$(sqlite3 f.db "select failed_logins || ',' || locked_until from users where username='hotline1'")" "0,0"
check "new password verifies" "$(password_matches hotline1 "$new_password")" 1
check "old password no longer verifies" "$(password_matches hotline1 Hotline-Pass-1)" 0
check "the password is not stored in clear" \
  "$(sqlite3 f.db "select count(*) from users where password_hash like '%$new_password%'")" 0
set +e
"$FAXIAN" --db f.db user reset-password nobody >/dev/null 2>err.txt
check "reset unknown user exits 1" "$?" 1
check "reset unknown user says so" "$(cat err.txt)" "错误：用户 nobody 不存在"
set -e

# List.
"$FAXIAN" --db f.db user list >list.csv
check "list CSV" "$(cat list.csv)" "username,role,region,department,disabled,must_change_password
admin,county_admin,,,false,true
admin2,county_admin,,,true,true
auditor1,auditor,,,false,false
hotline1,hotline_operator,,,false,true
liaison1,department_liaison,,县医疗保障局,false,false
officer2,county_officer,,,false,false
town1,township_officer,500241001,,true,false
village1,village_coordinator,500241001001,,false,false"
"$FAXIAN" --db f.db user list --format json >list.json
check "list JSON" "$(python3 -c '
import json, sys
users = json.load(open("list.json"))
print(len(users), sorted(users[0]), any("hash" in key for u in users for key in u))')" \
  "8 ['department', 'disabled', 'display_name', 'must_change_password', 'region', 'role', 'username'] False"
check "list never shows a hash" "$(grep -c 'argon2' list.csv list.json | awk -F: '{s += $2} END {print s}')" 0

# Audit chain: intact, then edited and deleted rows are found.
check "every change audited" \
  "$(sqlite3 f.db "select group_concat(action || ':' || object_id, ' ') from (select action, object_id from audit_log where action in ('user.disable', 'user.reset_password') order by id)")" \
  "user.disable:town1 user.disable:admin2 user.reset_password:hotline1"
"$FAXIAN" --db f.db audit verify >verify.txt
check "audit verify exits 0" "$?" 0
check "audit verify counts every entry" "$(head -1 verify.txt)" "已检查 $(audit_count) 条审计记录"
check "audit verify says intact" "$(sed -n 2p verify.txt)" "审计日志哈希链完整"
check "audit verify --json" "$("$FAXIAN" --db f.db --json audit verify | python3 -c '
import json, sys; r = json.load(sys.stdin); print(r["intact"], r["first_bad_id"])')" "True None"

sqlite3 f.db ".backup edited.db"
village_row=$(sqlite3 edited.db "select id from audit_log where action='user.create' and object_id='village1'")
sqlite3 edited.db "update audit_log set detail = replace(detail, 'village_coordinator', 'county_admin') where id = $village_row"
set +e
"$FAXIAN" --db edited.db audit verify >verify.txt 2>err.txt
check "an edited row fails verification with exit 1" "$?" 1
check "the edited row is named" "$(grep -c "第 $village_row 条审计记录的内容与其哈希不符" err.txt)" 1
check "entries up to the broken one are counted" "$(cat verify.txt)" "已检查 $village_row 条审计记录"
check "--json names the row" "$("$FAXIAN" --db edited.db --json audit verify | python3 -c '
import json, sys; r = json.load(sys.stdin); print(r["intact"], r["first_bad_id"])')" "False $village_row"
set -e

sqlite3 f.db ".backup deleted.db"
sqlite3 deleted.db "delete from audit_log where id = $village_row"
set +e
"$FAXIAN" --db deleted.db audit verify >/dev/null 2>err.txt
check "a deleted row fails verification with exit 1" "$?" 1
check "the row after the gap is named" "$(grep -c "前序哈希与上一条不符" err.txt)" 1
set -e
"$FAXIAN" --db f.db audit verify >/dev/null
check "the original database still verifies" "$?" 0
finish
