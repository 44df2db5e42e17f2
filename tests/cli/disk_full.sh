#!/usr/bin/env bash
# A full disk (70-quality.md "Bad input", issue 8): the database lives on a real 12 MiB
# filesystem (tmpfs). Importing the income feed fills it: the import fails with a clear message
# and exit 1, nothing of that batch is stored, the batches committed before are intact and the
# database passes its integrity check; once the filesystem has room again, the same file imports
# in full. (The same failure without a small filesystem is covered in ingest_tests,
# DiskFullTest, with SQLite's max_page_count.)
source "$(dirname "$0")/lib.bash"

small="$WORK/small"
mkdir -p "$small"
if ! mount -t tmpfs -o size=12m tmpfs "$small" 2>mount.err; then
  # Only root (or CAP_SYS_ADMIN) can make a small filesystem; CI runs as root.
  echo "FAIL - cannot mount a small filesystem: $(cat mount.err)"
  exit 1
fi
trap 'umount "$small" 2>/dev/null; rm -rf "$WORK"' EXIT

"$FAXIAN" generate --scale small --seed 3 --out data >/dev/null 2>&1
db="$small/faxian.db"
echo "Init-Pass-2026" | "$FAXIAN" --db "$db" init --admin-password-stdin >/dev/null
"$FAXIAN" --db "$db" import --feed population --file data/population.csv >population.out 2>&1
check "the population feed fits" "$?" 0
persons=$(sqlite3 "$db" "select count(*) from persons")

set +e
"$FAXIAN" --db "$db" import --feed income --file data/income.csv >income.out 2>income.err
check "the import that fills the disk exits 1" "$?" 1
set -e
check "it says the disk is full" "$(cat income.out income.err | grep -c "磁盘已满")" 1
echo "     $(grep "磁盘已满" income.out income.err | head -1)"
check "nothing of the income batch is stored" "$(sqlite3 "$db" "select count(*) from feed_income")" 0
check "the population batch is intact" "$(sqlite3 "$db" "select count(*) from persons")" "$persons"
check "one committed batch" "$(sqlite3 "$db" "select count(*) from import_batches where status = 'committed'")" 1
check "the database passes its integrity check" "$(sqlite3 "$db" "pragma integrity_check")" ok

mount -o remount,size=96m "$small"
"$FAXIAN" --db "$db" import --feed income --file data/income.csv >again.out 2>&1
check "with room again the same file imports" "$?" 0
check "every income row is stored" "$(sqlite3 "$db" "select count(*) from feed_income")" \
  "$(($(wc -l <data/income.csv) - 1))"
check "the database still passes its integrity check" "$(sqlite3 "$db" "pragma integrity_check")" ok
finish
