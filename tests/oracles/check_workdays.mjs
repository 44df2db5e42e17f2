// Oracle for WorkCalendar: for every day from FIRST to LAST prints
//   YYYY-MM-DD W F1 F5 F10 F20
// where W is 1 when chinese-days' isWorkday says the day is a working day, and Fn is
// findWorkday(n, day), the n-th working day after it. Used by
// src/common/work_calendar_oracle_test.cpp.
//   node tests/oracles/check_workdays.mjs 2022-01-01 2026-12-31
import fs from 'node:fs';
import chineseDays from 'chinese-days';

const expectedVersion = '1.5.7';
const packageJson = new URL('./node_modules/chinese-days/package.json', import.meta.url);
const version = JSON.parse(fs.readFileSync(packageJson, 'utf8')).version;
if (version !== expectedVersion) {
  console.error(`chinese-days ${version} installed, expected ${expectedVersion}: run npm ci --prefix tests/oracles`);
  process.exit(2);
}
const [first, last] = process.argv.slice(2);
if (!first || !last) {
  console.error('usage: node check_workdays.mjs FIRST LAST');
  process.exit(2);
}
const out = [];
for (let day = new Date(`${first}T00:00:00Z`); day <= new Date(`${last}T00:00:00Z`);
     day = new Date(day.getTime() + 86400000)) {
  const iso = day.toISOString().slice(0, 10);
  const after = [1, 5, 10, 20].map((n) => chineseDays.findWorkday(n, iso));
  out.push(`${iso} ${chineseDays.isWorkday(iso) ? 1 : 0} ${after.join(' ')}`);
}
process.stdout.write(out.join('\n') + '\n');
