#!/usr/bin/env bash
# faxian demo --scale county opens one lead per open need warning (issue 5's first "done when"):
# every need warning's household has exactly one open lead, in the household's township, at
# the warning's level, created on the screening's as-of date, with the first-contact and
# verification deadlines that chinese-days (npm, an independent oracle) gives for that level.
# Then: re-screening opens nothing twice, and `faxian leads` filters and rejects bad options.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$(dirname "$0")/lib.bash"

"$FAXIAN" --db demo.db demo --scale "${LEADS_SCALE:-county}" --seed 1 --data-dir data >out.txt
check "demo exits 0" "$?" 0
check "demo reports the leads it opened" "$(grep -c '^线索：新开立' out.txt)" 1

"$FAXIAN" --db demo.db warnings --kind need >warnings.csv
"$FAXIAN" --db demo.db leads >leads.csv
check "leads CSV header" "$(head -1 leads.csv)" \
  "lead_no,household_no,sources,level,status,township,created,first_contact_due,verification_due"
sqlite3 -csv demo.db "select h.household_no, v.parent_code from households h
  join regions v on v.code = h.village_code" >township_of.csv

# Deadlines from the oracle: first contact 1/3/7 and verification 3/7/15 working days.
tail -n +2 leads.csv | awk -F, '{
  n1 = ($4 == "red") ? 1 : ($4 == "orange") ? 3 : 7;
  n2 = ($4 == "red") ? 3 : ($4 == "orange") ? 7 : 15;
  print $7, n1; print $7, n2 }' | sort -u |
  node "$ROOT/tests/oracles/check_deadlines.mjs" >oracle.txt
check "oracle answered" "$(wc -l <oracle.txt)" "$(tail -n +2 leads.csv | awk -F, '{
  n1 = ($4 == "red") ? 1 : ($4 == "orange") ? 3 : 7;
  n2 = ($4 == "red") ? 3 : ($4 == "orange") ? 7 : 15;
  print $7, n1; print $7, n2 }' | sort -u | wc -l)"

python3 - warnings.csv leads.csv township_of.csv oracle.txt >report.txt <<'PY'
import csv, sys
warnings = list(csv.DictReader(open(sys.argv[1])))
leads = list(csv.DictReader(open(sys.argv[2])))
township = {row[0]: row[1] for row in csv.reader(open(sys.argv[3]))}
oracle = {}
for line in open(sys.argv[4]):
    created, n, due = line.split()
    oracle[(created, int(n))] = '' if due == 'unknown' else due
open_leads = {}
problems = []
for lead in leads:
    if lead['status'] != 'closed':
        if lead['household_no'] in open_leads:
            problems.append('two open leads for ' + lead['household_no'])
        open_leads[lead['household_no']] = lead
days = {'red': (1, 3), 'orange': (3, 7), 'yellow': (7, 15)}
for warning in warnings:
    lead = open_leads.get(warning['household_no'])
    if lead is None:
        problems.append('no lead for ' + warning['household_no']); continue
    if lead['township'] != township[warning['household_no']]:
        problems.append('wrong township for ' + lead['lead_no'])
    if lead['level'] != warning['level']:
        problems.append('level %s != %s for %s' % (lead['level'], warning['level'], lead['lead_no']))
    if lead['created'] != warning['first_detected']:
        problems.append('created %s != first detected %s' % (lead['created'], warning['first_detected']))
    if 'data_warning' not in lead['sources'].split(';'):
        problems.append('no data_warning source on ' + lead['lead_no'])
    first, verify = days[lead['level']]
    if lead['first_contact_due'] != oracle[(lead['created'], first)]:
        problems.append('first contact due %s on %s' % (lead['first_contact_due'], lead['lead_no']))
    if lead['verification_due'] != oracle[(lead['created'], verify)]:
        problems.append('verification due %s on %s' % (lead['verification_due'], lead['lead_no']))
extra = set(open_leads) - {w['household_no'] for w in warnings}
print(len(warnings), len(open_leads), len(extra), len(problems))
for problem in problems[:10]:
    print(problem)
PY
read -r n_warnings n_leads n_extra n_problems <report.txt
check "need warnings exist" "$([ "$n_warnings" -gt 0 ] && echo yes)" yes
check "one open lead per need warning" "$n_leads" "$n_warnings"
check "no lead without a need warning" "$n_extra" 0
check "township, level, created and deadlines as the oracle says ($(tail -n +2 report.txt | head -3 | tr '\n' ' '))" \
  "$n_problems" 0

"$FAXIAN" --db demo.db screen --as-of 2026-11-20 >again.txt
check "re-screening opens no lead twice" "$(grep -c '^线索：新开立 0 条' again.txt)" 1
"$FAXIAN" --db demo.db leads >leads_again.csv
check "leads unchanged" "$(md5sum <leads_again.csv)" "$(md5sum <leads.csv)"

first_township=$(sed -n 2p leads.csv | cut -d, -f6)
check "--township filters" \
  "$("$FAXIAN" --db demo.db leads --township "$first_township" --status new | tail -n +2 | cut -d, -f6 | sort -u)" \
  "$first_township"
check "--township counts" \
  "$("$FAXIAN" --db demo.db leads --township "$first_township" | tail -n +2 | wc -l)" \
  "$(tail -n +2 leads.csv | awk -F, -v t="$first_township" '$6 == t' | wc -l)"
check "no lead is closed yet" "$("$FAXIAN" --db demo.db leads --status closed | tail -n +2 | wc -l)" 0
set +e
"$FAXIAN" --db demo.db leads --status bogus >/dev/null 2>err.txt
check "bad --status is a usage error" "$?" 2
check "bad --status says what is valid" "$(grep -c "new、assigned" err.txt || true)" 1
"$FAXIAN" --db demo.db leads --township 500241999 >/dev/null 2>err.txt
check "unknown township is a usage error" "$?" 2
set -e
check "JSON has every lead" \
  "$("$FAXIAN" --db demo.db leads --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" \
  "$(($(wc -l <leads.csv) - 1))"
finish
