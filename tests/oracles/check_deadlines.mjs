// Oracle for lead deadlines: reads lines "CREATED N" (a date and a number of working days) on
// stdin and prints "CREATED N DUE" with DUE = chinese-days' findWorkday(N, CREATED), or
// "unknown" when CREATED + N leaves the years chinese-days knows (it then counts plain
// weekends, which Faxian must never do). Used by tests/cli/leads.sh.
//   printf '2026-02-13 1\n' | node tests/oracles/check_deadlines.mjs
import fs from 'node:fs';
import chineseDays from 'chinese-days';

const expectedVersion = '1.5.7';
const packageJson = new URL('./node_modules/chinese-days/package.json', import.meta.url);
const version = JSON.parse(fs.readFileSync(packageJson, 'utf8')).version;
if (version !== expectedVersion) {
  console.error(`chinese-days ${version} installed, expected ${expectedVersion}: run npm ci --prefix tests/oracles`);
  process.exit(2);
}
const lastKnownYear = 2026;  // the last year both chinese-days 1.5.7 and data/calendar cover
const out = [];
for (const line of fs.readFileSync(0, 'utf8').split('\n')) {
  const [created, n] = line.trim().split(/\s+/);
  if (!created) continue;
  const due = chineseDays.findWorkday(Number(n), created);
  out.push(`${created} ${n} ${Number(due.slice(0, 4)) > lastKnownYear ? 'unknown' : due}`);
}
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
