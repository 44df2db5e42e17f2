#!/usr/bin/env node
// Runs the SQL screening rules (params.py + rules.sql) in DuckDB over the tables of a faxian
// SQLite database and writes the warnings as CSV to stdout, exactly like run_sqlite.sh:
//   household_no,kind,level,score,rules
// No DuckDB extension is used (none can be downloaded here): each table the rules read is
// exported with the sqlite3 CLI to CSV (only the columns the rules use), then loaded with
// read_csv and explicit column types. Dates stay ISO text, as in the store, so the rules are
// the same text in both engines. Timings (export, load, query) to stderr.
// Usage: node run_duckdb.mjs DB AS_OF [--standards FILE] [--rules FILE] [--threads N] [--keep CSV_DIR] [--profile]
// --keep: export into CSV_DIR and keep it; when CSV_DIR already holds the export, reuse it.
// --profile: time of every statement of rules.sql to stderr.
import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// The tables and columns rules.sql reads, with their DuckDB types.
const TABLES = {
  regions: { code: 'VARCHAR', urban_rural_code: 'VARCHAR' },
  persons: {
    id: 'BIGINT', resident_id: 'VARCHAR', birth_date: 'VARCHAR', death_date: 'VARCHAR',
    self_care: 'VARCHAR', health_status: 'VARCHAR',
  },
  households: { id: 'BIGINT', household_no: 'VARCHAR', village_code: 'VARCHAR' },
  memberships: { household_id: 'BIGINT', person_id: 'BIGINT', from_date: 'VARCHAR', to_date: 'VARCHAR' },
  categories: {
    kind: 'VARCHAR', household_id: 'BIGINT', person_id: 'BIGINT', start_date: 'VARCHAR', end_date: 'VARCHAR',
  },
  feed_income: {
    person_id: 'BIGINT', month: 'VARCHAR', income_type: 'VARCHAR', amount: 'BIGINT', superseded_at: 'BIGINT',
  },
  feed_medical: {
    person_id: 'BIGINT', event_date: 'VARCHAR', settle_kind: 'VARCHAR', self_paid: 'BIGINT',
    diagnosis_code: 'VARCHAR', superseded_at: 'BIGINT',
  },
  feed_education: {
    person_id: 'BIGINT', event_date: 'VARCHAR', stage: 'VARCHAR', fees: 'BIGINT', aid: 'BIGINT',
    superseded_at: 'BIGINT',
  },
  feed_assets: {
    person_id: 'BIGINT', event_date: 'VARCHAR', asset_type: 'VARCHAR', value: 'BIGINT', status: 'VARCHAR',
    superseded_at: 'BIGINT',
  },
  feed_applications: {
    person_id: 'BIGINT', event_date: 'VARCHAR', result: 'VARCHAR', result_date: 'VARCHAR', superseded_at: 'BIGINT',
  },
  feed_employment: { person_id: 'BIGINT', event_date: 'VARCHAR', event: 'VARCHAR', superseded_at: 'BIGINT' },
  feed_disaster: { person_id: 'BIGINT', event_date: 'VARCHAR', damage: 'VARCHAR', superseded_at: 'BIGINT' },
  feed_disability: {
    id: 'BIGINT', person_id: 'BIGINT', event_date: 'VARCHAR', grade: 'BIGINT', status: 'VARCHAR',
    superseded_at: 'BIGINT',
  },
  feed_hotline: {
    id: 'BIGINT', person_id: 'BIGINT', ticket_no: 'VARCHAR', call_time: 'VARCHAR', id_number: 'VARCHAR',
    superseded_at: 'BIGINT',
  },
  hotline_candidates: { hotline_record_id: 'BIGINT', person_id: 'BIGINT', status: 'VARCHAR' },
};
const NULL_TEXT = '\\N'; // written for NULL by the export, so that '' stays ''

function usage() {
  process.stderr.write('usage: node run_duckdb.mjs DB AS_OF [--standards FILE] [--rules FILE] [--threads N] [--keep CSV_DIR] [--profile]\n');
  process.exit(2);
}

function parseArgs(argv) {
  if (argv.length < 2) usage();
  const args = { db: argv[0], asOf: argv[1], params: [], threads: null, keep: null, profile: false };
  for (let i = 2; i < argv.length; i += 2) {
    if (argv[i] === '--profile') {
      args.profile = true;
      i -= 1;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) usage();
    if (argv[i] === '--standards' || argv[i] === '--rules') args.params.push(argv[i], value);
    else if (argv[i] === '--threads') args.threads = Number(value);
    else if (argv[i] === '--keep') args.keep = value;
    else usage();
  }
  if (!existsSync(args.db)) {
    process.stderr.write(`run_duckdb.mjs: no database ${args.db}\n`);
    process.exit(2);
  }
  return args;
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function sqlText(value) {
  return `'${String(value).replaceAll("'", "''")}'`;
}

// sqlite3 CLI → one CSV per table (header row, NULL as \N).
function exportTables(db, dir) {
  for (const [table, columns] of Object.entries(TABLES)) {
    const script = [
      '.headers on', '.mode csv', '.separator , "\\n"', `.nullvalue '${NULL_TEXT}'`, `.output ${join(dir, `${table}.csv`)}`,
      `SELECT ${Object.keys(columns).join(', ')} FROM ${table};`,
    ].join('\n');
    const result = spawnSync('sqlite3', ['-readonly', '-bail', db], { input: script, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`sqlite3 export of ${table} failed: ${result.stderr}`);
  }
}

async function loadTables(connection, dir) {
  for (const [table, columns] of Object.entries(TABLES)) {
    const types = Object.entries(columns).map(([name, type]) => `${sqlText(name)}: ${sqlText(type)}`).join(', ');
    await connection.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv(${sqlText(join(dir, `${table}.csv`))}, ` +
      `header = true, delim = ',', quote = '"', escape = '"', nullstr = ${sqlText(NULL_TEXT)}, ` +
      `auto_detect = false, columns = {${types}})`);
  }
}

// rules.sql ends every statement with ";" at a line end and has no "--" inside a string.
function splitStatements(sql) {
  return sql.replace(/--.*$/gm, '').split(/;[ \t]*$/m).map((text) => text.trim()).filter((text) => text);
}

function csvLine(row) {
  return row.map((value) => (value === null ? '' : String(value))).join(',');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const paramsArgs = [join(here, 'params.py'), '--as-of', args.asOf, ...args.params];
  const params = execFileSync('python3', paramsArgs, { encoding: 'utf8' });
  const rules = readFileSync(join(here, 'rules.sql'), 'utf8');

  const dir = args.keep ?? mkdtempSync(join(tmpdir(), 'faxian-duckdb-'));
  mkdirSync(dir, { recursive: true });
  try {
    let start = process.hrtime.bigint();
    const reuse = args.keep && Object.keys(TABLES).every((table) => existsSync(join(dir, `${table}.csv`)));
    if (!reuse) exportTables(args.db, dir);
    const exportSeconds = seconds(start);

    const instance = await DuckDBInstance.create(':memory:', args.threads ? { threads: String(args.threads) } : {});
    const connection = await instance.connect();
    start = process.hrtime.bigint();
    await loadTables(connection, dir);
    const loadSeconds = seconds(start);

    start = process.hrtime.bigint();
    await connection.run(params);
    const profile = [];
    for (const statement of splitStatements(rules)) {
      const stepStart = process.hrtime.bigint();
      try {
        await connection.run(statement);
      } catch (error) {
        throw new Error(`${error.message}\nin statement:\n${statement}`);
      }
      profile.push([statement.match(/CREATE TEMP TABLE (\w+)/)?.[1] ?? statement.slice(0, 40), seconds(stepStart)]);
    }
    const reader = await connection.runAndReadAll(
      'SELECT household_no, kind, level, score, rules FROM warnings ORDER BY household_no, kind');
    const rows = reader.getRows();
    const querySeconds = seconds(start);

    const out = ['household_no,kind,level,score,rules', ...rows.map(csvLine)].join('\n') + '\n';
    process.stdout.write(out);
    const version = (await connection.runAndReadAll('SELECT version()')).getRows()[0][0];
    const threads = (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
    process.stderr.write(
      `duckdb ${version} (${threads} threads): export from sqlite ` +
      `${reuse ? `reused ${dir}` : `${exportSeconds.toFixed(3)} s`}, ` +
      `load ${loadSeconds.toFixed(3)} s, rules (query + fetch) ${querySeconds.toFixed(3)} s\n`);
    if (args.profile) {
      for (const [name, time] of profile) process.stderr.write(`  ${name.padEnd(20)} ${time.toFixed(3)} s\n`);
    }
    connection.closeSync();
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`run_duckdb.mjs: ${error.message}\n`);
  process.exit(1);
});
