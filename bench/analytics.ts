/**
 * Analytics latency benchmark (issue: analytics). Generates the demo dataset with N flows (default
 * 1,000,000) into a fresh PostgreSQL database, starts the server on it, and measures the median latency
 * of four questions asked through GraphQL over HTTP, each next to the same answer computed by a
 * hand-written SQL statement run directly with `pg` (the floor):
 *   1. one country's import concentration for every HS-6 product of a year;
 *   2. world export concentration of one product over every year;
 *   3. one brand's supplier concentration (by country, capacity-weighted);
 *   4. one disruption scenario (remove the largest exporter: brands' capacity lost, importers' supply lost);
 *   5. EU27's strategic dependencies (GeoDep) for every HS-6 product of a year.
 * Each answer is checked against its SQL twin before timing (the same HHIs), so both sides do the same work.
 * The response cache is off: every request computes its answer, as every SQL statement does.
 *
 * After them, the OEM-risk questions of bench/analytics-risk.ts (rival overlap, unit values, upstream exposure,
 * country indicators), each with its twin.
 *
 *   npm run bench:analytics -- [flows=1000000] [--runs 9] [--reuse] [--twins-only] [--only <regex>] [--database <name>]
 * `--only` keeps the questions whose name matches the regular expression (case-insensitive).
 * Needs DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); uses database tg_bench_analytics (or the
 * one `--database` names: it is dropped and created afresh unless `--reuse`).
 * `--reuse` keeps that database if it exists (migrations are applied; the demo, if it holds the same one
 * already, is not loaded again), so a rerun at 10 M flows costs minutes less. `--twins-only` leaves out the
 * questions timed through the API alone.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { start } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { analyticsCases, benchInputs } from './analytics-cases';
import { RISK_CASES } from './analytics-risk';
import type { Case } from './analytics-case';
import { freshDatabase, keptDatabase } from './bench-db';

const flows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
const reuse = process.argv.includes('--reuse');
const twinsOnly = process.argv.includes('--twins-only');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new RegExp(process.argv[onlyArg + 1], 'i') : null;
// `--database <name>`: a database of one's own, so that two benches on one server do not drop each other's.
const databaseArg = process.argv.indexOf('--database');
const databaseName = databaseArg > 0 ? process.argv[databaseArg + 1] : 'tg_bench_analytics';
const root = path.resolve(__dirname, '..');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timeIt(run: () => Promise<unknown>): Promise<{ median: number; min: number; max: number }> {
  await run(); // warm-up: plans, caches, loaders' code paths
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

async function main(): Promise<void> {
  const kept = reuse ? await keptDatabase(databaseName) : null;
  const url = kept?.url ?? (await freshDatabase(databaseName));
  const env = { ...process.env, DATABASE_URL: url };
  const t = Date.now();
  const seeded = spawnSync(process.execPath, ['scripts/cli.mjs', 'seed', 'demo', '--flows', String(flows)], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stderr}`);
  console.log(
    `${kept?.existed ? 'Reused (migrated, demo checked)' : 'Seeded'} the demo with ${flows.toLocaleString('en-US')} flows into PostgreSQL in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );

  const running = await start(
    loadConfig({
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      MIGRATE_ON_START: 'false',
      SEED_DEMO_WHEN_EMPTY: 'false',
      ANONYMOUS_ROLE: 'reader',
      RESPONSE_CACHE_BYTES: '0',
      RATE_LIMIT_POINTS: '1000000000',
      REQUEST_TIMEOUT_MS: '120000',
      LOG_LEVEL: 'warn',
    }),
    { log: () => {} },
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (text: string, values: unknown[] = []) => (await client.query(text, values)).rows;
    const inputs = await benchInputs(q);
    const { dataset, year, firstYear, importer, product, exporter, brand, hs6 } = inputs;
    console.log(
      `Inputs: dataset ${dataset}, year ${year}, importer ${importer} (${hs6} HS-6 products), product ${product}, brand ${brand}, removed exporter ${exporter}; ${runs} timed runs each after one warm-up`,
    );
    const risk = [];
    for (const build of RISK_CASES) risk.push(...(await build(inputs, q)));
    const cases = [...analyticsCases(inputs), ...risk].filter((c) => only === null || only.test(c.name));
    const load = () =>
      os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(', ');
    console.log(`Load average (1, 5, 15 min) at the start: ${load()}`);

    const endpoint = `http://127.0.0.1:${running.port}/graphql`;
    const ask = async (c: Case) => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(c.api),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
      if (body.errors) throw new Error(`${c.name}: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const floor = await timeIt(() =>
      fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
    );
    console.log(`An empty GraphQL round trip over HTTP (the API's fixed cost): median ${floor.median.toFixed(1)} ms`);
    console.log('\n| question | API median (min–max) | hand-written SQL median (min–max) | ratio |\n|---|---|---|---|');
    for (const c of cases) {
      const handWritten = async () => {
        const results = [];
        for (const statement of c.sql) results.push(await q(statement.text, statement.values));
        return results;
      };
      c.check(await ask(c), await handWritten());
      const api = await timeIt(() => ask(c));
      const sql = await timeIt(handWritten);
      const fmt = (x: { median: number; min: number; max: number }) =>
        `${x.median.toFixed(1)} ms (${x.min.toFixed(1)}–${x.max.toFixed(1)})`;
      console.log(`| ${c.name} | ${fmt(api)} | ${fmt(sql)} | ${(api.median / sql.median).toFixed(2)}× |`);
    }

    // The heavier questions, through the API only: what a whole-year scan costs at this size.
    const others: Array<[string, string]> = [
      [
        `disruption of every importer × HS-6 market of ${year} (remove ${exporter}), 500 most exposed`,
        `{ disruptionScenario(remove: { countries: ["${exporter}"] }) { importMarkets(year: ${year}, first: 500, dataset: "${dataset}") { totalCount } } }`,
      ],
      [
        `USA's import trend for HS 62, ${firstYear}–${year}, with share shifts`,
        `{ concentrationTrend(market: IMPORT_SOURCES, reporter: "USA", product: "62", fromYear: ${firstYear}, toYear: ${year}, dataset: "${dataset}") { cagr shareShifts { shiftPoints } } }`,
      ],
      [
        `RCA of every exporter and HS-6 product, ${year} (first page of 10,000)`,
        `{ rca(year: ${year}, level: 6, first: 10000, dataset: "${dataset}") { totalCount } }`,
      ],
      [
        `ECI / PCI at HS-4, ${year}`,
        `{ complexity(year: ${year}, level: 4, dataset: "${dataset}") { countries { eci } products { pci } } }`,
      ],
    ];
    if (!twinsOnly) console.log('\n| question (API only) | median (min–max) |\n|---|---|');
    for (const [name, query] of twinsOnly ? [] : others.filter(([name]) => only === null || only.test(name))) {
      const c = { name, api: { query, variables: {} } } as Case;
      await ask(c);
      const api = await timeIt(() => ask(c));
      console.log(`| ${name} | ${api.median.toFixed(1)} ms (${api.min.toFixed(1)}–${api.max.toFixed(1)}) |`);
    }
    console.log(`\nLoad average (1, 5, 15 min) at the end: ${load()}`);
  } finally {
    await client.end();
    await running.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
