/**
 * The typed export formats' throughput and memory: --rows generated rows shaped like a tradeAggregate
 * export (exporter, importer, product codes, year, valueUsd, quantityTons, counts) go through one format's
 * encoder in batches of 1,000 (a pipeline page), the bytes are counted and dropped. Prints rows/s, the file
 * size and the process's peak RSS (sampled every 20 ms, and the kernel's high-water mark), so run one
 * format per process:
 *
 *   npx ts-node --transpile-only bench/export-formats.ts --format parquet [--rows 1000000]
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { BINARY_FORMATS } from '../src/modules/export/formats/binary-formats';
import type { ExportColumn, RowBatch } from '../src/modules/export/formats/table-format';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'parquet' }, rows: { type: 'string', default: '1000000' } } });
const format = BINARY_FORMATS.find((f) => f.id === values.format);
const rows = Number(values.rows);
if (!format || !(Number.isInteger(rows) && rows > 0)) {
  console.error(`usage: bench/export-formats.ts --format ${BINARY_FORMATS.map((f) => f.id).join('|')} [--rows N]`);
  process.exit(2);
}

const COLUMNS: ExportColumn[] = [
  { name: 'exporter.id', type: 'code' },
  { name: 'importer.id', type: 'code' },
  { name: 'productCode', type: 'code' },
  { name: 'year', type: 'integer' },
  { name: 'valueUsd', type: 'decimal' },
  { name: 'quantityTons', type: 'decimal' },
  { name: 'flowsWithQuantity', type: 'integer' },
  { name: 'flowCount', type: 'integer' },
];
const COUNTRIES = ['AFG', 'ZAF', 'DEU', 'FRA', 'CHN', 'VNM', 'USA', 'BRA', 'IND', 'JPN', 'GBR', 'ITA'];

async function* batches(): AsyncIterable<RowBatch> {
  let seed = 42;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let start = 0; start < rows; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(rows, start + 1000); i++) {
      const flows = 1 + Math.floor(next() * 40);
      batch.push([
        COUNTRIES[i % 12],
        COUNTRIES[(i * 7 + 1) % 12],
        String(10000 + ((i * 37) % 960000)).padStart(6, '0'),
        1995 + (i % 27),
        Math.round(next() * 1e12) / 1000,
        next() < 0.2 ? null : Math.round(next() * 1e9) / 1000,
        flows - 1,
        flows,
      ]);
    }
    yield batch;
  }
}

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const baseline = process.memoryUsage().rss;
const started = process.hrtime.bigint();
let bytes = 0;
let chunks = 0;
void (async () => {
  for await (const chunk of format.encode(
    COLUMNS,
    { datasets: [], exportedAt: new Date().toISOString(), source: 'bench' },
    batches(),
    {},
  )) {
    bytes += chunk.byteLength;
    chunks++;
  }
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
  console.log(
    `${format.id}: ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, ` +
      `${mib(bytes)} in ${chunks} chunks; RSS at start ${mib(baseline)}, peak sampled ${mib(peak)}, high-water mark ${hwm ? mib(Number(hwm) * 1024) : '?'}`,
  );
})();
