/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON answers are walked by path here; each check asserts the values it reads against the SQL's */
/**
 * Analytics latency benchmark (issue: analytics). Generates the demo dataset with N flows (default
 * 1,000,000) into a fresh PostgreSQL database, starts the server on it, and measures the median latency
 * of four questions asked through GraphQL over HTTP, each next to the same answer computed by a
 * hand-written SQL statement run directly with `pg` (the floor):
 *   1. one country's import concentration for every HS-6 product of a year;
 *   2. world export concentration of one product over every year;
 *   3. one brand's supplier concentration (by country, capacity-weighted);
 *   4. one disruption scenario (remove the largest exporter: brands' capacity lost, importers' supply lost).
 * Each answer is checked against its SQL twin before timing (the same HHIs), so both sides do the same work.
 *
 *   npm run bench:analytics -- [flows=1000000] [--runs 9]
 * Needs DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); uses database tg_bench_analytics.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { start } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { freshDatabase } from './bench-db';

const flows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
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

function assertClose(label: string, api: number | null | undefined, sql: number | null | undefined): void {
  if (api == null || sql == null || Math.abs(api - sql) > 1e-9 * Math.max(1, Math.abs(sql))) {
    throw new Error(`${label}: the API says ${api}, the hand-written SQL ${sql}`);
  }
}

interface Case {
  name: string;
  api: { query: string; variables: Record<string, unknown> };
  /** The hand-written statements giving the same answer (run one after the other). */
  sql: Array<{ text: string; values: unknown[] }>;
  /** Throws unless both answers agree. */
  check(api: any, sql: any[][]): void;
}

async function main(): Promise<void> {
  const url = await freshDatabase('tg_bench_analytics');
  const env = { ...process.env, DATABASE_URL: url };
  const t = Date.now();
  const seeded = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/cli/seed.ts', 'demo', '--flows', String(flows)],
    { cwd: root, env, encoding: 'utf8' },
  );
  if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stderr}`);
  console.log(`Seeded the demo with ${flows.toLocaleString('en-US')} flows into PostgreSQL in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const running = await start(
    loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', MIGRATE_ON_START: 'false', SEED_DEMO_WHEN_EMPTY: 'false' }),
    { log: () => {} },
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (text: string, values: unknown[] = []) => (await client.query(text, values)).rows;
    const [{ dataset }] = await q('select id as dataset from dataset where kind = $1', ['SYNTHETIC']);
    const [{ year }] = await q('select max(year) as year from trade_flow where dataset_id = $1', [dataset]);
    const [{ importer }] = await q(
      'select importer_id as importer from trade_flow where dataset_id = $1 and year = $2 group by 1 order by count(*) desc limit 1',
      [dataset, year],
    );
    const [{ product }] = await q(
      'select product_code as product from trade_flow where dataset_id = $1 group by 1 order by count(*) desc limit 1',
      [dataset],
    );
    const [{ exporter }] = await q(
      'select exporter_id as exporter from trade_flow where dataset_id = $1 and year = $2 group by 1 order by sum(value_usd) desc limit 1',
      [dataset, year],
    );
    const [{ brand }] = await q('select brand_id as brand from sourcing_link group by 1 order by count(*) desc, 1 limit 1');
    const [{ first_year: firstYear }] = await q('select min(year) as first_year from trade_flow where dataset_id = $1', [dataset]);
    const [{ n: hs6 }] = await q(
      'select count(*)::int as n from product where level = 6 and code in (select distinct product_code from trade_flow where dataset_id = $1)',
      [dataset],
    );
    console.log(
      `Inputs: dataset ${dataset}, year ${year}, importer ${importer.trim()} (${hs6} HS-6 products), product ${product}, brand ${brand}, removed exporter ${exporter.trim()}; ${runs} timed runs each after one warm-up`,
    );

    // HHI per market from (market, participant, w) rows: the floor each question is compared with.
    const hhiSql = (weights: string) => `select market, sum(s * s) as hhi, count(*) as n from (
        select market, w / sum(w) over (partition by market) as s from (
          select market, participant, sum(w) as w from (${weights}) x group by 1, 2 having sum(w) > 0) p) y
      group by market order by market`;
    const cases: Case[] = [
      {
        name: `1. ${importer.trim()}'s import concentration, every HS-6 product of ${year}`,
        api: {
          query: `query($importer: String!, $year: Int!, $dataset: ID) { products(first: 500, filter: { level: 6 }) { nodes { code
              importConcentration(importer: $importer, year: $year, dataset: $dataset, top: 3) { participants hhi cr1 band top { participantId share } } } } }`,
          variables: { importer: importer.trim(), year, dataset: String(dataset) },
        },
        sql: [
          {
            text: hhiSql(`select product_code as market, exporter_id as participant, value_usd::float8 as w from trade_flow
              where dataset_id = $1 and year = $2 and importer_id = $3`),
            values: [dataset, year, importer],
          },
        ],
        check: (api, [sql]) => {
          const byCode = new Map(api.products.nodes.map((n: any) => [n.code, n.importConcentration]));
          for (const row of sql) assertClose(`HHI of ${row.market}`, (byCode.get(row.market) as any)?.hhi, Number(row.hhi));
        },
      },
      {
        name: `2. world export concentration of ${product}, every year (${firstYear}–${year})`,
        api: {
          query: `query($product: String!, $from: Int!, $to: Int!, $dataset: ID) { concentrationTrend(market: WORLD_EXPORTERS, product: $product, fromYear: $from, toYear: $to, dataset: $dataset) {
              points { year value concentration { participants hhi cr1 band } } } }`,
          variables: { product, from: firstYear, to: year, dataset: String(dataset) },
        },
        sql: [
          {
            text: hhiSql(`select year as market, exporter_id as participant, value_usd::float8 as w from trade_flow
              where dataset_id = $1 and product_code = $2`),
            values: [dataset, product],
          },
        ],
        check: (api, [sql]) => {
          const byYear = new Map(api.concentrationTrend.points.map((p: any) => [p.year, p.concentration]));
          for (const row of sql) assertClose(`HHI of ${row.market}`, (byYear.get(Number(row.market)) as any)?.hhi, Number(row.hhi));
        },
      },
      {
        name: `3. brand ${brand}'s supplier concentration by country (capacity), at its latest disclosure`,
        api: {
          query: `query($id: ID!) { brand(id: $id) { supplierConcentration(by: COUNTRY) { asOf participants hhi cr1 band unknownCapacity top { participantId share } } } }`,
          variables: { id: String(brand) },
        },
        sql: [
          {
            text: hhiSql(`select 1 as market, f.country_id as participant,
                ((coalesce(l.workers_min, f.workers_min) + coalesce(l.workers_max, f.workers_max)) / 2.0)::float8 as w
              from (select facility_id, min(workers_min) as workers_min, max(workers_max) as workers_max from sourcing_link
                    where brand_id = $1 and disclosed_at = (select max(disclosed_at) from sourcing_link where brand_id = $1) group by 1) l
              join facility f on f.id = l.facility_id`),
            values: [brand],
          },
        ],
        check: (api, [sql]) => assertClose('HHI', api.brand.supplierConcentration.hhi, Number(sql[0].hhi)),
      },
      {
        name: `4. disruption: remove ${exporter.trim()} (brands at their latest disclosure; importer × HS-6 markets of ${year})`,
        api: {
          query: `query($remove: [String!]!, $year: Int!, $dataset: ID) { disruptionScenario(remove: { countries: $remove }) {
              brands(first: 20) { totalCount nodes { brand { id } capacityLostShare remaining { hhi } } }
              importMarkets(year: $year, dataset: $dataset, first: 20) { totalCount nodes { importerCode productCode supplyLostShare remaining { hhi } } } } }`,
          variables: { remove: [exporter.trim()], year, dataset: String(dataset) },
        },
        sql: [
          {
            text: `with m as (select importer_id, product_code, exporter_id, sum(value_usd)::float8 as w from trade_flow
                             where dataset_id = $1 and year = $2 group by 1, 2, 3 having sum(value_usd) > 0),
                t as (select importer_id, product_code, sum(w) as total, coalesce(sum(w) filter (where exporter_id = $3), 0) as lost from m group by 1, 2),
                page as (select *, lost / total as share from t where lost > 0
                         order by lost / total desc, lost desc, importer_id collate "C", product_code collate "C" limit 20)
              select p.importer_id, p.product_code, p.share,
                     (select sum(w * w) / (sum(w) * sum(w)) from m where m.importer_id = p.importer_id and m.product_code = p.product_code and m.exporter_id <> $3) as hhi
              from page p order by p.share desc, p.lost desc, p.importer_id collate "C", p.product_code collate "C"`,
            values: [dataset, year, exporter],
          },
          {
            text: `with l as (
                  select sl.brand_id, f.country_id,
                         (coalesce(min(sl.workers_min), min(f.workers_min)) + coalesce(max(sl.workers_max), max(f.workers_max))) / 2.0 as w
                  from sourcing_link sl join facility f on f.id = sl.facility_id
                  where sl.disclosed_at = (select max(x.disclosed_at) from sourcing_link x where x.brand_id = sl.brand_id)
                  group by sl.brand_id, sl.facility_id, f.country_id),
                b as (select brand_id, sum(w) filter (where country_id = $1) / sum(w) as lost from l where w is not null group by 1),
                r as (select brand_id, country_id, sum(w) as w from l where w is not null and country_id <> $1 group by 1, 2),
                h as (select brand_id, sum(w * w) / (sum(w) * sum(w)) as hhi from r group by 1)
              select b.brand_id, b.lost, h.hhi from b left join h using (brand_id) where b.lost > 0 order by b.lost desc, b.brand_id limit 20`,
            values: [exporter],
          },
        ],
        check: (api, [markets, brands]) => {
          const scenario = api.disruptionScenario;
          markets.forEach((row, i) => {
            assertClose(`supply lost of market ${i + 1}`, scenario.importMarkets.nodes[i]?.supplyLostShare, Number(row.share));
            if (row.hhi !== null)
              assertClose(`remaining HHI of market ${i + 1}`, scenario.importMarkets.nodes[i]?.remaining.hhi, Number(row.hhi));
          });
          brands.forEach((row, i) => {
            assertClose(`capacity lost of brand ${i + 1}`, scenario.brands.nodes[i]?.capacityLostShare, Number(row.lost));
            assertClose(`remaining HHI of brand ${i + 1}`, scenario.brands.nodes[i]?.remaining.hhi, Number(row.hhi));
          });
        },
      },
    ];

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
        `EU27 strategic dependencies (GeoDep) for every HS-6 product, ${year}, 3-year window`,
        `{ strategicDependencies(importer: "EU27", year: ${year}, only: ALL, first: 1000, dataset: "${dataset}") { productsImported dependentCount } }`,
      ],
      [
        `disruption of every importer × HS-6 market of ${year} (remove ${exporter.trim()}), 500 most exposed`,
        `{ disruptionScenario(remove: { countries: ["${exporter.trim()}"] }) { importMarkets(year: ${year}, first: 500, dataset: "${dataset}") { totalCount } } }`,
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
    console.log('\n| question (API only) | median (min–max) |\n|---|---|');
    for (const [name, query] of others) {
      const c = { name, api: { query, variables: {} } } as Case;
      await ask(c);
      const api = await timeIt(() => ask(c));
      console.log(`| ${name} | ${api.median.toFixed(1)} ms (${api.min.toFixed(1)}–${api.max.toFixed(1)}) |`);
    }
  } finally {
    await client.end();
    await running.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
