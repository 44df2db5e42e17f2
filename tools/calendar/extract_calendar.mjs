// Regenerates data/calendar/YYYY.json (the format of `faxian calendar load`) from the pinned
// chinese-days package and cross-checks every day against holiday-calendar. Fails loudly (exit
// code 1) on any disagreement, a missing year, or data that breaks the format's assumptions.
//
//   npm ci --prefix tools/calendar && node tools/calendar/extract_calendar.mjs [first] [last]
//
// Output format:
//   {"year":2026,"source":"…","holidays":["2026-01-01",…],"workdays":["2026-01-04",…]}
// holidays = every official holiday day (休息日) of the year as chinese-days lists it, including
//            those that fall on a weekend anyway;
// workdays = make-up working days (调休上班), which are always weekend days.
// A day is then a working day exactly when chinese-days' isWorkday says so:
//   in workdays, or (Monday–Friday and not in holidays).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import chineseDays from 'chinese-days';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const outputDir = path.join(repoRoot, 'data', 'calendar');
const chineseDaysYears = path.join(here, 'node_modules', 'chinese-days', 'dist', 'years');
const holidayCalendarCn = path.join(here, 'node_modules', 'holiday-calendar', 'data', 'CN');
const firstYear = Number(process.argv[2] ?? 2022);
const lastYear = Number(process.argv[3] ?? 2026);

function die(message) {
  console.error(`extract_calendar: ${message}`);
  process.exit(1);
}

function packageVersion(name) {
  const file = path.join(here, 'node_modules', name, 'package.json');
  if (!fs.existsSync(file)) die(`${name} is not installed: run npm ci --prefix tools/calendar`);
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

// Every date of every year file of chinese-days, merged: a holiday that crosses New Year could
// be filed under the neighbouring year.
function loadChineseDays() {
  const merged = { holidays: {}, workdays: {} };
  for (const name of fs.readdirSync(chineseDaysYears)) {
    if (!/^\d{4}\.json$/.test(name)) continue;
    const data = JSON.parse(fs.readFileSync(path.join(chineseDaysYears, name), 'utf8'));
    if (!data.holidays || !data.workdays) die(`unexpected format in chinese-days ${name}`);
    Object.assign(merged.holidays, data.holidays);
    Object.assign(merged.workdays, data.workdays);
  }
  return merged;
}

// holiday-calendar's days, by date: 'off' for public_holiday, 'work' for transfer_workday.
function loadHolidayCalendar() {
  const byDate = new Map();
  for (const name of fs.readdirSync(holidayCalendarCn)) {
    if (!/^\d{4}\.json$/.test(name)) continue;
    const data = JSON.parse(fs.readFileSync(path.join(holidayCalendarCn, name), 'utf8'));
    for (const entry of data.dates) {
      const kind = { public_holiday: 'off', transfer_workday: 'work' }[entry.type];
      if (!kind) die(`holiday-calendar ${name}: unknown type ${entry.type} on ${entry.date}`);
      byDate.set(entry.date, kind);
    }
  }
  return byDate;
}

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

function* daysOfYear(year) {
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year;
       d = new Date(d.getTime() + 86400000)) {
    yield d;
  }
}

function isWeekend(date) {
  const weekday = date.getUTCDay();
  return weekday === 0 || weekday === 6;
}

function extractYear(year, source, sourceName) {
  const prefix = `${year}-`;
  const holidays = Object.keys(source.holidays).filter((d) => d.startsWith(prefix)).sort();
  const workdays = Object.keys(source.workdays).filter((d) => d.startsWith(prefix)).sort();
  if (holidays.length === 0) die(`chinese-days has no holidays for ${year}: no calendar published?`);
  for (const day of workdays) {
    if (holidays.includes(day)) die(`${day} is both a holiday and a make-up workday`);
    if (!isWeekend(new Date(`${day}T00:00:00Z`))) die(`make-up workday ${day} is not a weekend`);
  }
  return { year, source: sourceName, holidays, workdays };
}

function workingByCalendar(calendar, date) {
  const day = isoDate(date);
  if (calendar.workdays.includes(day)) return true;
  return !isWeekend(date) && !calendar.holidays.includes(day);
}

function workingByHolidayCalendar(byDate, date) {
  const kind = byDate.get(isoDate(date));
  if (kind === 'work') return true;
  if (kind === 'off') return false;
  return !isWeekend(date);
}

// Every day of the year: our file, chinese-days' own isWorkday and holiday-calendar must agree.
function crossCheck(calendar, holidayCalendar) {
  const problems = [];
  for (const date of daysOfYear(calendar.year)) {
    const day = isoDate(date);
    const ours = workingByCalendar(calendar, date);
    const chinese = chineseDays.isWorkday(day);
    const other = workingByHolidayCalendar(holidayCalendar, date);
    if (ours !== chinese || ours !== other) {
      problems.push(`${day}: file=${ours} chinese-days=${chinese} holiday-calendar=${other}`);
    }
  }
  if (problems.length > 0) die(`disagreement in ${calendar.year}:\n  ${problems.join('\n  ')}`);
}

function formatCalendar(calendar) {
  const list = (days) => `[\n    ${days.map((d) => JSON.stringify(d)).join(',\n    ')}\n  ]`;
  return `{\n  "year": ${calendar.year},\n  "source": ${JSON.stringify(calendar.source)},\n` +
         `  "holidays": ${list(calendar.holidays)},\n  "workdays": ${list(calendar.workdays)}\n}\n`;
}

function main() {
  const chineseVersion = packageVersion('chinese-days');
  const otherVersion = packageVersion('holiday-calendar');
  if (chineseVersion !== '1.5.7') die(`expected chinese-days 1.5.7, found ${chineseVersion}`);
  const sourceName = `chinese-days@${chineseVersion}, cross-checked with holiday-calendar@${otherVersion}`;
  const source = loadChineseDays();
  const holidayCalendar = loadHolidayCalendar();
  fs.mkdirSync(outputDir, { recursive: true });
  for (let year = firstYear; year <= lastYear; ++year) {
    const calendar = extractYear(year, source, sourceName);
    crossCheck(calendar, holidayCalendar);
    const file = path.join(outputDir, `${year}.json`);
    fs.writeFileSync(file, formatCalendar(calendar));
    console.log(`${path.relative(repoRoot, file)}: ${calendar.holidays.length} holidays, ` +
                `${calendar.workdays.length} make-up workdays; agrees with both packages`);
  }
}

main();
