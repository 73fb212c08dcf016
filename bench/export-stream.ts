/**
 * A complete export (#10): 129,011 tradeAggregate rows as CSV through ONE GET /csv (PostgreSQL's COPY,
 * streamed), as tsv, jsonl, Parquet and xlsx (the same COPY read back into each format's encoder), and as
 * tsv through the paged path (the exporter as a nested object: keyset pages of 10,000 through GraphQL), on a
 * generated dataset whose aggregate by year × exporter × importer × product has exactly that many rows.
 * For each: the median time of `--runs` downloads after one warm-up, the server process's peak RSS above its
 * value before the download (sampled every 5 ms; the client only counts bytes, it keeps none), the bytes,
 * and the size of the same file gzipped by the server (Accept-Encoding: gzip), checked to gunzip to it.
 *
 *   npm run bench:export -- [--runs 5] [--rows 129011]   (node --expose-gc -r ts-node/register/transpile-only bench/export-stream.ts
 *   for the memory figures after a GC)
 * Loads the data into a fresh database tg_bench_export on DATABASE_URL's server (default the local one).
 */
import 'reflect-metadata';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { start } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { withBulkSession } from '../src/database/bulk/bulk-session';
import { queryRows } from '../src/database/query';
import { sql } from '../src/database/sql';
import { DatasetKind } from '../src/modules/dataset/dataset-kind';
import { createDataset } from '../src/modules/import/dataset-registry';
import { Product } from '../src/modules/product/product.entity';
import { loadFlowPartition } from '../src/modules/trade-flow/trade-flow.partition';
import { buildTradeRollups } from '../src/modules/trade-flow/trade-rollups';
import { seedReference } from '../seeds/reference';
import { freshDatabase } from './bench-db';

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '5' }, rows: { type: 'string', default: '129011' } } });
const runs = Number(options.runs);
const wanted = Number(options.rows);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Downloads `url`, counting bytes (and, gzipped, the bytes it gunzips to); the server's peak RSS meanwhile. */
async function download(
  url: string,
  gzip: boolean,
): Promise<{ ms: number; bytes: number; plain: number; rss: number; peak: number; lines: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    return await new Promise((resolve, reject) => {
      http
        .get(url, { headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
          let bytes = 0;
          let plain = 0;
          let lines = 0;
          res.on('data', (c: Buffer) => (bytes += c.length));
          const body = gzip ? res.pipe(createGunzip()) : res;
          body.on('data', (c: Buffer) => {
            plain += c.length;
            for (let at = c.indexOf(10); at !== -1; at = c.indexOf(10, at + 1)) lines++;
          });
          body.on('end', () => {
            if (!res.complete) reject(new Error('the download was cut off'));
            resolve({ ms: performance.now() - started, bytes, plain, rss: peak - before, peak, lines });
          });
          body.on('error', reject);
        })
        .on('error', reject);
    });
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const url = await freshDatabase('tg_bench_export');
  const running = await start(
    loadConfig({
      ...process.env,
      DATABASE_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      MIGRATE_ON_START: 'true',
      SEED_DEMO_WHEN_EMPTY: 'false',
      MAX_QUERY_COST: '100000000',
      RATE_LIMIT_POINTS: '1000000000',
      ANONYMOUS_ROLE: 'reader',
      LOG_LEVEL: 'warn',
    }),
    { log: () => {} },
  );
  try {
    const em = running.db.orm.em.fork();
    await seedReference(em);
    const countries = (await queryRows<{ id: string }>(em, sql`select id from country where region is not null order by id limit 60`)).map(
      (r) => r.id.trim(),
    );
    // 100 HS-6 codes under chapter 61 (seeded with the reference data).
    const products: string[] = [];
    for (let h = 1; h <= 10; h++) {
      const heading = `61${String(h).padStart(2, '0')}`;
      em.create(Product, { code: heading, level: 4, description: heading, parent: em.getReference(Product, '61'), hsRevision: 'HS2022' });
      for (let s = 1; s <= 10; s++) {
        const code = `${heading}${String(s * 9).padStart(2, '0')}`;
        em.create(Product, { code, level: 6, description: code, parent: em.getReference(Product, heading), hsRevision: 'HS2022' });
        products.push(code);
      }
    }
    await em.flush();
    // The first `wanted` distinct (year, exporter, importer, product): one aggregate row each.
    let rows: Array<[number, number, string, string, string, number, number | null]> = [];
    let i = 0;
    outer: for (const year of [2020, 2021, 2022])
      for (const exporter of countries)
        for (const importer of countries)
          if (importer !== exporter)
            for (const product of products) {
              if (rows.length === wanted) break outer;
              i++;
              rows.push([0, year, exporter, importer, product, ((i * 7919) % 1_000_000) / 4 + 1, i % 3 ? i % 50 : null]);
            }
    let dataset = 0;
    const t = performance.now();
    await withBulkSession(running.db, async (session) => {
      dataset = await createDataset(session, {
        kind: DatasetKind.SYNTHETIC,
        name: 'bench export',
        version: '1',
        file: 'generated by bench/export-stream.ts',
        licence: null,
        checksum: `rows=${wanted}`,
      });
      await loadFlowPartition(
        session,
        dataset,
        rows.map((r) => [dataset, ...r.slice(1)] as typeof r),
      );
      await buildTradeRollups(session, dataset);
    });
    console.log(`Loaded ${rows.length.toLocaleString('en-US')} flows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    // Not held while measuring: the server process's memory is then the export's.
    rows = [];
    const query = `{ tradeAggregate(dataset: "${dataset}", groupBy: [YEAR, EXPORTER, IMPORTER, PRODUCT]) { rows { year exporterId importerId productCode valueUsd quantityTons flowCount } } }`;
    const base = `http://127.0.0.1:${running.port}/csv?query=${encodeURIComponent(query)}`;
    // The same rows with the exporter as a nested object: PostgreSQL cannot write them, they come in keyset pages through GraphQL.
    const nested = query.replace('exporterId', 'exporter { id }');
    const pagedBase = `http://127.0.0.1:${running.port}/csv?query=${encodeURIComponent(nested)}`;
    global.gc?.();
    console.log(`server process RSS before the exports: ${mb(process.memoryUsage().rss)}`);
    console.log(`${runs} timed runs after one warm-up; load average before: ${load()}; ${os.cpus().length} cores; node ${process.version}`);
    for (const [label, format, url] of [
      ['csv (COPY)', 'csv', base],
      ['tsv (COPY, encoder)', 'tsv', base],
      ['jsonl (COPY, encoder)', 'jsonl', base],
      ['parquet (COPY, encoder)', 'parquet', base],
      ['xlsx (COPY, encoder)', 'xlsx', base],
      ['tsv (pages of 10,000)', 'tsv', pagedBase],
    ]) {
      const results = [];
      for (let r = 0; r <= runs; r++) results.push(await download(`${url}&format=${format}`, false));
      const timed = results.slice(1);
      const plain = results[0];
      const lines = format === 'jsonl' ? wanted : wanted + 1;
      if (['csv', 'tsv', 'jsonl'].includes(format) && plain.lines !== lines)
        throw new Error(`${format}: ${plain.lines} lines, ${lines} expected`);
      const zipped = [];
      for (let r = 0; r <= runs; r++) zipped.push(await download(`${url}&format=${format}`, true));
      // An xlsx is a zip whose entries carry the time they were written: two downloads differ by a few bytes.
      const exact = ['csv', 'tsv', 'jsonl', 'parquet'].includes(format);
      if (exact ? zipped[0].plain !== plain.bytes : Math.abs(zipped[0].plain - plain.bytes) > 64)
        throw new Error(`${format}: gunzipped ${zipped[0].plain} bytes, plain ${plain.bytes}`);
      console.log(
        `  ${label.padEnd(22)} ${wanted.toLocaleString('en-US')} rows, ${mb(plain.bytes)}: median ${(median(timed.map((x) => x.ms)) / 1000).toFixed(2)} s, ` +
          `peak RSS +${mb(Math.max(...results.map((x) => x.rss)))} above its value before, ${mb(Math.max(...results.map((x) => x.peak)))} in all (runs: ${timed.map((x) => (x.ms / 1000).toFixed(2)).join(' ')} s)`,
      );
      console.log(
        `  ${''.padEnd(22)} gzip: ${mb(zipped[0].bytes)} (${((100 * zipped[0].bytes) / plain.bytes).toFixed(1)} % of the plain size, ratio ${(plain.bytes / zipped[0].bytes).toFixed(1)}:1), ` +
          `median ${(median(zipped.slice(1).map((x) => x.ms)) / 1000).toFixed(2)} s, peak RSS +${mb(Math.max(...zipped.map((x) => x.rss)))}`,
      );
    }
    console.log(`load average after: ${load()}`);
  } finally {
    await running.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
