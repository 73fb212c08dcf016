/**
 * Large tradeAggregate answers (issue #9, item 4): Q2 "an importer's imports of a year by product ×
 * exporter" and a Q2-sized one (the twelve largest importers' imports of a year by importer × product ×
 * exporter, ~10× the rows), each fetched three ways and checked equal first:
 *   - hand-written SQL through `pg` (the floor: one statement, every row into memory);
 *   - GraphQL pages of 10,000 rows by cursor (`after: endCursor`), ordered by value (the default) and by KEYS;
 *   - GET /csv: every row in one request, streamed from PostgreSQL (`copy … to stdout`).
 * Medians of `--runs` timed fetches after one warm-up, the time of each cursor page, and the server process's
 * memory (RSS and heap, sampled every 5 ms) above what it was before the fetch.
 *
 *   npm run bench:aggregate -- [flows=1500000] [--runs 5] [--reuse URL]
 * Seeds the demo with `flows` flows over 2021–2023 into a fresh database tg_bench_aggregate on DATABASE_URL's
 * server (default the local one), or measures the already seeded database at `--reuse URL`.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { start } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { freshDatabase } from './bench-db';

const { values: options, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, reuse: { type: 'string' } },
  allowPositionals: true,
});
const flows = Number(positionals[0] ?? 1_500_000);
const runs = Number(options.runs);
const root = path.resolve(__dirname, '..');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;

/** Peak RSS and heap above their values at the start, sampled every 5 ms while `run` runs. */
async function withMemory<T>(run: () => Promise<T>): Promise<{ result: T; rss: number; heap: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss - before.rss);
    heap = Math.max(heap, now.heapUsed - before.heapUsed);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await run();
    sample();
    return { result, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; times: number[]; rss: number; heap: number }> {
  const first = await withMemory(run); // warm-up: plans, caches; its memory is what is reported
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return { result: first.result, times, rss: first.rss, heap: first.heap };
}

type Row = [string, string, string, number];

async function main(): Promise<void> {
  let url = options.reuse;
  if (!url) {
    url = await freshDatabase('tg_bench_aggregate');
    const t = Date.now();
    const seeded = spawnSync(process.execPath, ['scripts/cli.mjs', 'seed', 'demo', '--flows', String(flows), '--years', '2021-2023'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    });
    if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stderr}`);
    console.log(`Seeded the demo with ${flows.toLocaleString('en-US')} flows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const running = await start(
    loadConfig({
      ...process.env,
      DATABASE_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      MIGRATE_ON_START: 'false',
      SEED_DEMO_WHEN_EMPTY: 'false',
      MAX_QUERY_COST: '100000000',
      RATE_LIMIT_POINTS: '1000000000',
      REQUEST_TIMEOUT_MS: '120000',
      ANONYMOUS_ROLE: 'reader',
      LOG_LEVEL: 'warn',
    }),
    { log: () => {} },
  );
  const base = `http://127.0.0.1:${running.port}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async <R>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as R[];
    const [{ dataset, total }] = await q<{ dataset: number; total: number }>(
      `select dataset_id as dataset, count(*)::int as total from trade_flow group by 1 order by 2 desc limit 1`,
    );
    const [{ year }] = await q<{ year: number }>('select max(year) as year from trade_flow where dataset_id = $1', [dataset]);
    const importers = (
      await q<{ id: string }>(
        'select importer_id as id from trade_flow where dataset_id = $1 and year = $2 group by 1 order by count(*) desc, 1 limit 12',
        [dataset, year],
      )
    ).map((r) => r.id.trim());
    console.log(
      `${total.toLocaleString('en-US')} flows; year ${year}; ${runs} timed runs after one warm-up; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${os.cpus().length} cores`,
    );

    const questions = [
      {
        name: `Q2: ${importers[0]} ${year} imports by product × exporter`,
        groupBy: '[PRODUCT, EXPORTER]',
        filter: `{ yearFrom: ${year}, yearTo: ${year}, importers: ["${importers[0]}"] }`,
        sql: `select '' as i, left(product_code, 6) as p, exporter_id as e, sum(value_usd)::float8 as v from trade_flow
          where dataset_id = $1 and year = $2 and importer_id = $3 group by 2, 3 order by 4 desc, 2, 3`,
        values: [dataset, year, importers[0]],
        fields: 'productCode exporterId valueUsd',
        row: (r: Record<string, string | number>): Row => ['', String(r.productCode), String(r.exporterId), Number(r.valueUsd)],
      },
      {
        name: `Q2-sized: the 12 largest importers' ${year} imports by importer × product × exporter`,
        groupBy: '[IMPORTER, PRODUCT, EXPORTER]',
        filter: `{ yearFrom: ${year}, yearTo: ${year}, importers: ${JSON.stringify(importers)} }`,
        sql: `select importer_id as i, left(product_code, 6) as p, exporter_id as e, sum(value_usd)::float8 as v from trade_flow
          where dataset_id = $1 and year = $2 and importer_id = any($3) group by 1, 2, 3 order by 4 desc, 1, 2, 3`,
        values: [dataset, year, importers],
        fields: 'importerId productCode exporterId valueUsd',
        row: (r: Record<string, string | number>): Row => [
          String(r.importerId),
          String(r.productCode),
          String(r.exporterId),
          Number(r.valueUsd),
        ],
      },
    ];

    const post = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: { tradeAggregate: PageResult }; errors?: unknown[] };
      if (response.status !== 200 || body.errors) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
      return body.data!.tradeAggregate;
    };
    interface PageResult {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      rows: Array<Record<string, string | number>>;
    }

    for (const question of questions) {
      console.log(`\n${question.name}, dataset ${dataset}`);
      const sql = await timed(async () =>
        (await q<{ i: string; p: string; e: string; v: number }>(question.sql, question.values)).map(
          (r) => [r.i.trim(), r.p, r.e.trim(), r.v] as Row,
        ),
      );
      const rows = sql.result.length;
      console.log(`  hand-written SQL (pg, every row)      ${ms(median(sql.times)).padStart(9)}   ${rows.toLocaleString('en-US')} rows`);

      for (const order of ['VALUE_DESC', 'KEYS']) {
        const query = `query ($after: String) { tradeAggregate(dataset: "${dataset}", groupBy: ${question.groupBy}, orderBy: ${order}, filter: ${question.filter}, first: 10000, after: $after) { pageInfo { hasNextPage endCursor } rows { ${question.fields} } } }`;
        const pageTimes: number[] = [];
        const walk = async () => {
          const all: Row[] = [];
          let after: string | null = null;
          for (;;) {
            const t = performance.now();
            const page: PageResult = await post(query, { after });
            pageTimes.push(performance.now() - t);
            all.push(...page.rows.map(question.row));
            if (!page.pageInfo.hasNextPage) return all;
            after = page.pageInfo.endCursor;
          }
        };
        const paged = await timed(walk);
        if (order === 'VALUE_DESC' && JSON.stringify(paged.result) !== JSON.stringify(sql.result))
          throw new Error('the pages differ from the SQL');
        if (paged.result.length !== rows) throw new Error(`${order}: ${paged.result.length} rows by pages, ${rows} by SQL`);
        const pages = Math.ceil(rows / 10_000) || 1;
        console.log(
          `  cursor pages of 10,000, ${order.padEnd(10)}  ${ms(median(paged.times)).padStart(9)}   ${pages} pages, median page ${ms(median(pageTimes))}; server memory +${mb(paged.rss)} RSS, +${mb(paged.heap)} heap`,
        );
      }

      const csvQuery = `{ tradeAggregate(dataset: "${dataset}", groupBy: ${question.groupBy}, filter: ${question.filter}) { rows { ${question.fields} } } }`;
      const stream = async () => {
        const response = await fetch(`${base}/csv?query=${encodeURIComponent(csvQuery)}`);
        if (response.status !== 200) throw new Error(`CSV: HTTP ${response.status} ${await response.text()}`);
        return response.text();
      };
      const streamed = await timed(stream);
      const lines = streamed.result.split('\r\n').slice(1, -1);
      const csvRows = lines.map((l) => {
        const cells = l.split(',');
        return question.fields.startsWith('importerId')
          ? ([cells[0], cells[1], cells[2], Number(cells[3])] as Row)
          : (['', cells[0], cells[1], Number(cells[2])] as Row);
      });
      if (JSON.stringify(csvRows) !== JSON.stringify(sql.result)) throw new Error('the streamed CSV differs from the SQL');
      console.log(
        `  GET /csv, one streamed request        ${ms(median(streamed.times)).padStart(9)}   ${(streamed.result.length / 2 ** 20).toFixed(1)} MB of CSV; server memory +${mb(streamed.rss)} RSS, +${mb(streamed.heap)} heap (the client's text included)`,
      );
    }
    console.log(
      `\nload average after: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await client.end();
    await running.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
