#!/usr/bin/env bash
# --known-at (10-domain.md): replaying what the system knew at a past moment. A small county is
# imported; its warnings as of D are taken; then income corrections, new medical bills, deaths
# and registry rows arrive in later batches. `warnings --known-at T` (T = the moment between)
# must give exactly the warnings taken before, while the present answer differs.
source "$(dirname "$0")/lib.bash"
D=2026-11-20

"$FAXIAN" generate --scale small --seed 4 --as-of $D --out data >/dev/null
"$FAXIAN" --db k.db init --admin-password-stdin <<<'Known-At-Passw0rd!' >/dev/null
for feed in population medical employment income disability death disaster poverty_monitoring \
  education assets hotline applications registry; do
  "$FAXIAN" --db k.db import --feed $feed --file data/$feed.csv >/dev/null
done
"$FAXIAN" --db k.db warnings --as-of $D >before.csv
check "warnings before" "$(($(wc -l <before.csv) > 100))" 1

# T: China time (UTC+8) of the moment after the first batches, whole seconds.
sleep 1
T=$(date -u -d "@$(($(date +%s) + 8 * 3600))" '+%F %T')
sleep 1

# Later batches: halve the income of 40 people for every month (corrections: same ID, month
# and type, another amount), big medical bills for 40 others, 10 deaths, 10 低保 rows.
awk -F, 'NR == 1 { print; next } NR % 9 == 0 && n < 400 { $5 = sprintf("%.2f", $5 / 2); n++; print }' OFS=, \
  data/income.csv >income_fix.csv
awk -F, 'NR == 1 { print; next } NR % 23 == 0 && n < 40 {
  print "YBK" sprintf("%08d", NR) "," $2 "," $3 ",2026-10-0" (n % 9 + 1) ",正常,住院,60000.00,20000.00,0.00,0.00,40000.00,C34.1,肺癌,秀山县人民医院"; n++ }' \
  data/medical.csv >medical_new.csv
awk -F, 'NR > 1 && NR % 31 == 0 && n < 10 { print $2 "," $3 ",2026-10-15"; n++ }' \
  data/population.csv | sed '1i 身份证号,姓名,死亡日期' >death_new.csv
awk -F, 'NR > 1 && NR % 37 == 0 && n < 10 { print $2 "," $3 ",," "低保,2026-09-01,,500.00"; n++ }' \
  data/population.csv | sed '1i 身份证号,姓名,户号,类别,开始日期,结束日期,保障金额' >registry_new.csv
for batch in income:income_fix medical:medical_new death:death_new registry:registry_new; do
  status=0
  "$FAXIAN" --db k.db import --feed ${batch%%:*} --file ${batch#*:}.csv >import_${batch%%:*}.txt || status=$?
  check "later ${batch%%:*} batch committed without rejected rows" "$status" 0
done
check "the income corrections replaced rows" \
  "$(sqlite3 k.db "select count(*) from feed_income where superseded_at is not null")" \
  "$(($(wc -l <income_fix.csv) - 1))"

"$FAXIAN" --db k.db warnings --as-of $D >after.csv
check "the later batches change the warnings" "$(cmp -s before.csv after.csv && echo same || echo changed)" changed
"$FAXIAN" --db k.db warnings --as-of $D --known-at "$T" >replay.csv
check "--known-at T gives the warnings known at T ($(($(wc -l <before.csv) - 1)) rows)" \
  "$(diff before.csv replay.csv | head -5)" ""
"$FAXIAN" --db k.db warnings --as-of $D --known-at "$(date -u -d '+1 day' +%F)" >future.csv
check "--known-at a later moment gives today's answer" "$(diff after.csv future.csv | head -5)" ""
"$FAXIAN" --db k.db warnings --as-of $D --known-at 2020-01-01 >empty.csv
check "--known-at before any import: no warnings" "$(wc -l <empty.csv)" 1
status=0
"$FAXIAN" --db k.db warnings --known-at 'yesterday' >bad.txt 2>&1 || status=$?
check "a bad --known-at fails with a Chinese message" "$status:$(grep -c 'known-at 时间' bad.txt)" "1:1"
finish
