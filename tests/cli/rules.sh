#!/usr/bin/env bash
# faxian rules show|apply: init stores the shipped rules as version 1; apply stores a changed
# file as a new version and prints the diff; the same rules again store nothing; a misspelt key
# is refused naming it; re-running init keeps the applied rules.
source "$(dirname "$0")/lib.bash"

"$FAXIAN" --db f.db init --admin-password-stdin <<<"Admin-pass-123" >init.txt
check "init stores the default rules as version 1" "$(grep -c '筛查规则：第 1 版' init.txt)" 1
"$FAXIAN" --db f.db rules show >show.txt
check "show prints the version" "$(head -1 show.txt)" "# 筛查规则版本 1"
check "show prints the rules file" "$(grep -c '^\[rules\.' show.txt)" 16

sed 's/min_count = 2/min_count = 3/' show.txt >changed.toml
rc=0
"$FAXIAN" --db f.db rules apply changed.toml --note "多次求助改为3次" >apply.txt || rc=$?
check "apply exits 0" "$rc" 0
check "apply names the new version" "$(head -1 apply.txt)" "已应用为筛查规则版本 2"
check "apply prints the diff" "$(sed -n 2p apply.txt)" "  R14.min_count: 2 → 3"
check "the version keeps who and why" \
  "$(sqlite3 f.db "select note || '|' || (created_by like 'cli:%') from rule_set_versions where version = 2")" \
  "多次求助改为3次|1"
"$FAXIAN" --db f.db rules apply changed.toml >again.txt
check "the same rules store nothing" "$(sqlite3 f.db 'select count(*) from rule_set_versions')" 2

sed 's/min_count = 3/min_cnt = 3/' changed.toml >bad.toml
rc=0
"$FAXIAN" --db f.db rules apply bad.toml >/dev/null 2>err.txt || rc=$?
check "a misspelt key is refused" "$rc" 1
check "the error names the key" "$(grep -c 'rules.R14.min_cnt' err.txt)" 1
check "nothing stored" "$(sqlite3 f.db 'select count(*) from rule_set_versions')" 2

"$FAXIAN" --db f.db init >reinit.txt
check "init again keeps the applied rules" "$(grep -c '筛查规则：第 2 版' reinit.txt)" 1
finish
