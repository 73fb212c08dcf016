/**
 * Import benchmark (issue #9, fast import): measures, in one run and on one server,
 *   1. plain `psql \copy` of a BACI file into an unindexed table (the floor),
 *   2. `npm run import -- baci` of the same file into a fresh database (validated, one transaction:
 *      partition with its indexes and foreign keys, rollups), with every stage the importer reports,
 *   3. optionally the same import into the embedded database (a fresh PGlite directory),
 * and reports rows/s, the ratio to \copy, each import's peak memory (RSS) and the load average.
 *
 *   npm run bench:import -- [rows=5000000] [--file F.csv [--countries BACI_country_codes.csv]]
 *                           [--server URL] [--database NAME] [--skip-embedded]
 * Without --file it generates a BACI-layout file (t,i,j,k,v,q) of `rows` rows from the demo generator.
 * --server: the PostgreSQL server (default DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres);
 * --database: the database the run DROPS and creates there (default tg_bench_import), dropped again at the
 * end unless --keep. Needs psql on the PATH; /usr/bin/time (GNU) for peak RSS.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildCountryRows } from '../seeds/data/countries';
import { DEMO_PRODUCTS } from '../seeds/data/demo-products';
import { DEFAULT_DEMO_OPTIONS, generateFlows } from '../seeds/demo/demo-generator';
import { freshDatabase, serverUrl } from './bench-db';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const givenFile = option('file');
const countries = option('countries');
const server = option('server') ?? serverUrl;
const database = option('database') ?? 'tg_bench_import';
const keep = process.argv.includes('--keep');
const skipEmbedded = process.argv.includes('--skip-embedded');
const generatedRows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5_000_000);
const root = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-bench-import-'));

function generateFile(file: string, rows: number): void {
  const countryRows = buildCountryRows().map((c) => ({ id: c.id, region: c.region }));
  const numeric = new Map(buildCountryRows().map((c) => [c.id, c.numericCode]));
  const products = DEMO_PRODUCTS.filter((p) => p.code.length === 6).map((p) => p.code);
  const out = fs.openSync(file, 'w');
  let buffer = 't,i,j,k,v,q\n';
  for (const f of generateFlows({ ...DEFAULT_DEMO_OPTIONS, flows: rows, yearFrom: 2014, yearTo: 2023 }, countryRows, products)) {
    const q = f.quantityTons === null ? '           NA' : f.quantityTons.toFixed(3).padStart(13);
    buffer += `${f.year},${numeric.get(f.exporter)},${numeric.get(f.importer)},${Number(f.product)},${(f.valueUsd / 1000).toFixed(3)},"${q}"\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = '';
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
}

/** Data lines of a CSV file (all lines but the header), counted by streaming it. */
function dataLines(file: string): number {
  const buffer = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, 'r');
  let lines = 0;
  let last = 10;
  for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
    for (let i = 0; i < n; i++) if (buffer[i] === 10) lines++;
    last = buffer[n - 1];
  }
  fs.closeSync(fd);
  return lines + (last === 10 ? 0 : 1) - 1;
}

/** Runs a command under GNU time; returns wall seconds and peak RSS in MB. */
function timed(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): { seconds: number; peakMb: number | null; output: string } {
  const started = process.hrtime.bigint();
  const useTime = fs.existsSync('/usr/bin/time');
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', command, ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-4000)}`);
  const kb = output.match(/PEAK_RSS_KB=(\d+)/);
  return { seconds, peakMb: kb ? Math.round(Number(kb[1]) / 1024) : null, output };
}

/** The import's own stage timings ("stages: read + COPY 9.0 s, natural key 3.1 s, …") as [name, s]. */
function stagesOf(output: string): Array<[string, number]> {
  const line = output.match(/stages: (.*)/)?.[1] ?? '';
  return [...line.matchAll(/([^,]+?) ([\d.]+) s(?:,|$)/g)].map((m) => [m[1].trim(), Number(m[2])]);
}

/** The import's own total: "… N s (R records/s) …" (the load without process start-up and migrations). */
function loadSeconds(output: string): number | null {
  const match = output.match(/, ([\d.]+) s \(\d+ records\/s\)/);
  return match ? Number(match[1]) : null;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const rate = (rows: number, seconds: number) => `${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`;
const cli = (script: string, ...args: string[]) => [process.execPath, ['scripts/cli.mjs', script, ...args]] as const; // what `npm run <script>` runs

function report(label: string, run: ReturnType<typeof timed>, rows: number, floorSeconds: number): void {
  const inner = loadSeconds(run.output);
  console.log(
    `${label}: ${run.seconds.toFixed(1)} s (${rate(rows, run.seconds)}), ${(run.seconds / floorSeconds).toFixed(2)}x the time of \\copy, ` +
      `peak RSS ${run.peakMb ?? '?'} MB; the load itself (without process start-up and migrations): ` +
      (inner === null ? 'n/a' : `${inner.toFixed(1)} s, ${(inner / floorSeconds).toFixed(2)}x`),
  );
  for (const [name, seconds] of stagesOf(run.output)) console.log(`  | ${name.padEnd(34)} | ${seconds.toFixed(1).padStart(7)} s |`);
}

async function serverSettings(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = ['server_version', 'fsync', 'wal_level', 'shared_buffers', 'maintenance_work_mem', 'max_parallel_maintenance_workers'];
    const values: string[] = [];
    for (const n of names) values.push(`${n}=${(await client.query<Record<string, string>>(`show ${n}`)).rows[0][n]}`);
    return values.join(', ');
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  let file = givenFile;
  if (!file) {
    file = path.join(dir, `BACI_HS92_Y2015_V999999_bench.csv`);
    const t = Date.now();
    generateFile(file, generatedRows);
    console.log(`Generated ${generatedRows.toLocaleString('en-US')} rows in ${((Date.now() - t) / 1000).toFixed(1)} s: ${file}`);
  }
  const rows = dataLines(file);
  console.log(`${file}: ${rows.toLocaleString('en-US')} rows, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB; load average ${load()}`);

  const url = await freshDatabase(database, server);
  console.log(`database ${database} (dropped and created): ${await serverSettings(url)}`);
  const env = { ...process.env, DATABASE_URL: url };
  timed(...cli('seed', 'reference'), env);

  const copy = timed(
    'psql',
    [
      url,
      '-q',
      '-c',
      'create table baci_raw (t int, i int, j int, k int, v numeric, q text)',
      '-c',
      `\\copy baci_raw from '${file}' with (format csv, header true)`,
      '-c',
      'drop table baci_raw',
    ],
    env,
  );
  console.log(`psql \\copy into an unindexed table: ${copy.seconds.toFixed(1)} s, ${rate(rows, copy.seconds)}; load average ${load()}`);

  const importArgs = ['baci', file, ...(countries ? ['--countries', countries] : [])];
  const server_ = timed(...cli('import', ...importArgs), env);
  report('import into PostgreSQL (validated; partition, indexes, foreign keys, rollups; one transaction)', server_, rows, copy.seconds);
  console.log(`load average ${load()}`);

  if (!skipEmbedded) {
    const embeddedEnv: NodeJS.ProcessEnv = { ...process.env, TRADEGRAPH_DATA_DIR: path.join(dir, 'pglite') };
    delete embeddedEnv.DATABASE_URL;
    timed(...cli('seed', 'reference'), embeddedEnv);
    const embedded = timed(...cli('import', ...importArgs), embeddedEnv);
    report('import into the embedded database (PGlite)', embedded, rows, copy.seconds);
    console.log(`load average ${load()}`);
  }
  if (!keep) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
