/**
 * Import benchmark (issue: real data in): generates a BACI-layout file (t,i,j,k,v,q) of N rows from the
 * demo generator, then measures
 *   1. `npm run import -- baci` into PostgreSQL (DATABASE_URL, a fresh database),
 *   2. plain `psql \copy` of the same file into an unindexed table (the floor),
 *   3. the same import into the embedded database (a fresh PGlite directory),
 * reporting rows/s, the ratio to \copy, and each import's peak memory (RSS).
 *
 *   npm run bench:import -- [rows=5000000] [--skip-embedded]
 * Needs DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) and psql on the PATH.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCountryRows } from '../seeds/data/countries';
import { DEMO_PRODUCTS } from '../seeds/data/demo-products';
import { DEFAULT_DEMO_OPTIONS, generateFlows } from '../seeds/demo/demo-generator';
import { freshDatabase } from './bench-db';

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5_000_000);
const skipEmbedded = process.argv.includes('--skip-embedded');
const root = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-bench-import-'));
const file = path.join(dir, `BACI_HS92_Y2015_V999999_bench.csv`);

function generateFile(): void {
  const countries = buildCountryRows().map((c) => ({ id: c.id, region: c.region }));
  const numeric = new Map(buildCountryRows().map((c) => [c.id, c.numericCode]));
  const products = DEMO_PRODUCTS.filter((p) => p.code.length === 6).map((p) => p.code);
  const out = fs.openSync(file, 'w');
  let buffer = 't,i,j,k,v,q\n';
  for (const f of generateFlows({ ...DEFAULT_DEMO_OPTIONS, flows: rows, yearFrom: 2014, yearTo: 2023 }, countries, products)) {
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

/** Runs a command under GNU time; returns wall seconds and peak RSS in MB. */
function timed(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): { seconds: number; peakMb: number | null; output: string } {
  const started = process.hrtime.bigint();
  const useTime = fs.existsSync('/usr/bin/time');
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', command, ...args], { cwd: root, env, encoding: 'utf8' })
    : spawnSync(command, args, { cwd: root, env, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${output}`);
  const kb = output.match(/PEAK_RSS_KB=(\d+)/);
  return { seconds, peakMb: kb ? Math.round(Number(kb[1]) / 1024) : null, output };
}

/** The import command's own summary: "… N s (R records/s) …". */
function loadRate(output: string): string {
  const match = output.match(/, ([\d.]+) s \((\d+) records\/s\)/);
  return match ? `${match[1]} s, ${Number(match[2]).toLocaleString('en-US')} rows/s` : 'n/a';
}

const cli = (script: string, ...args: string[]) =>
  [process.execPath, ['-r', 'ts-node/register/transpile-only', `src/cli/${script}.ts`, ...args]] as const;

async function main(): Promise<void> {
  const t = Date.now();
  generateFile();
  const size = fs.statSync(file).size;
  console.log(
    `Generated ${rows.toLocaleString('en-US')} rows (${(size / 1e6).toFixed(0)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s: ${file}`,
  );

  const url = await freshDatabase('tg_bench_import');
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
    ],
    env,
  );
  const copyRate = rows / copy.seconds;
  console.log(`psql \\copy into an unindexed table: ${copy.seconds.toFixed(1)} s, ${Math.round(copyRate).toLocaleString('en-US')} rows/s`);

  const server = timed(...cli('import', 'baci', file), env);
  const serverRate = rows / server.seconds;
  console.log(
    `import into PostgreSQL (validated, partition with indexes + FKs, one transaction): ${server.seconds.toFixed(1)} s, ${Math.round(serverRate).toLocaleString('en-US')} rows/s, ` +
      `${(copyRate / serverRate).toFixed(1)}x the time of \\copy, peak RSS ${server.peakMb ?? '?'} MB` +
      ` (the load itself, without process start-up: ${loadRate(server.output)})`,
  );
  console.log(`  ${server.output.match(/stages: .*/)?.[0] ?? ''}`);

  if (!skipEmbedded) {
    const embeddedEnv: NodeJS.ProcessEnv = { ...process.env, TRADEGRAPH_DATA_DIR: path.join(dir, 'pglite') };
    delete embeddedEnv.DATABASE_URL;
    timed(...cli('seed', 'reference'), embeddedEnv);
    const embedded = timed(...cli('import', 'baci', file), embeddedEnv);
    const embeddedRate = rows / embedded.seconds;
    console.log(
      `import into the embedded database (PGlite): ${embedded.seconds.toFixed(1)} s, ${Math.round(embeddedRate).toLocaleString('en-US')} rows/s, ` +
        `${(serverRate / embeddedRate).toFixed(1)}x slower than PostgreSQL, peak RSS ${embedded.peakMb ?? '?'} MB (the load itself: ${loadRate(embedded.output)})`,
    );
    console.log(`  ${embedded.output.match(/stages: .*/)?.[0] ?? ''}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
