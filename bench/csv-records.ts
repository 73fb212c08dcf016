/**
 * CSV reader micro-benchmark: the importers' streaming reader (src/modules/import/csv-records.ts, whose
 * header says csv-parse managed ~200k records/s and it is about ten times faster) against csv-parse's
 * streaming parser with the options the importers gave it, on
 *   - the real UN Comtrade EU-27 extract (29 MB, every field quoted) and BACI AFG/ZAF extract (3 MB,
 *     unquoted numbers, a quoted space-padded quantity) from ../shared/data (see its SOURCES.md),
 *   - a generated BACI-layout file (t,i,j,k,v,q) of --rows rows, the shape of a multi-million-row release.
 * Each reader reads each file from disk in 64 KiB chunks (fs streams' default, as the importers do) and
 * only counts records; the figure is the median of --runs runs, after one warm-up run.
 *
 *   npm run bench:csv -- [--runs 5] [--rows 1000000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { csvRecords } from '../src/modules/import/csv-records';
import { readRecords } from '../src/modules/import/read-records';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, rows: { type: 'string', default: '1000000' } } });
const runs = Number(values.runs);
const rows = Number(values.rows);
if (!(Number.isInteger(runs) && runs > 0 && Number.isInteger(rows) && rows > 0)) {
  console.error('usage: npm run bench:csv -- [--runs N] [--rows N]');
  process.exit(2);
}

const SHARED = path.resolve(__dirname, '..', '..', 'shared', 'data');

/** csv-parse's options in src/modules/import/read-records.ts before csvRecords replaced it (b867e99). */
const IMPORTER_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] };

/** A BACI-layout file as CEPII publishes it (v in thousand USD, q space-padded or NA), deterministic. */
function generatedFile(count: number): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tg-bench-csv-')), `baci-${count}.csv`);
  let seed = 42;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const out = fs.openSync(file, 'w');
  let buffer = 't,i,j,k,v,q\n';
  for (let n = 0; n < count; n++) {
    const q = next() < 0.05 ? 'NA' : (next() * 1e5).toFixed(3);
    buffer += `2021,${4 + Math.floor(next() * 890)},${4 + Math.floor(next() * 890)},${10111 + Math.floor(next() * 960000)},${(next() * 1e4).toFixed(3)},"${q.padStart(15)}"\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = '';
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
  return file;
}

type Reader = (file: string) => Promise<number>;

const readers: Array<[string, Reader]> = [
  [
    'csvRecords (batches)',
    async (file) => {
      let n = 0;
      for await (const batch of csvRecords(fs.createReadStream(file))) n += batch.length;
      return n;
    },
  ],
  [
    'readRecords (the pipeline: one record per next(), SHA-256)',
    async (file) => {
      let n = 0;
      for await (const _ of readRecords(file).records) n++;
      return n;
    },
  ],
  [
    'csv-parse stream, info: true (as the importers used it: lines for errors)',
    async (file) => {
      let n = 0;
      const parser = fs.createReadStream(file).pipe(parse({ ...IMPORTER_OPTIONS, info: true }));
      for await (const _ of parser) n++;
      return n;
    },
  ],
  [
    'csv-parse stream, records only',
    async (file) => {
      let n = 0;
      const parser = fs.createReadStream(file).pipe(parse(IMPORTER_OPTIONS));
      for await (const _ of parser) n++;
      return n;
    },
  ],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const files: Array<[string, string]> = [];
  for (const relative of ['trade/comtrade_eu27_wood_imports_2018-2022.csv', 'trade/BACI_HS92_Y2021_V202301_exporters_AFG_ZAF.csv']) {
    const file = path.join(SHARED, relative);
    if (fs.existsSync(file)) files.push([relative, file]);
    else console.warn(`skipping ${file}: missing`);
  }
  const generated = generatedFile(rows);
  files.push([`generated BACI layout, ${fmt(rows)} rows`, generated]);

  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; median of ${runs} runs`,
  );
  for (const [label, file] of files) {
    const mb = fs.statSync(file).size / 1e6;
    console.log(`\n${label} (${mb.toFixed(1)} MB)`);
    const rates: number[] = [];
    let counted: number | undefined;
    for (const [name, read] of readers) {
      await read(file); // warm-up: JIT, page cache
      const seconds: number[] = [];
      let records = 0;
      for (let run = 0; run < runs; run++) {
        const started = process.hrtime.bigint();
        records = await read(file);
        seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      }
      if (counted !== undefined && records !== counted)
        throw new Error(`${name} read ${records} records of ${label}, the first reader ${counted}`);
      counted = records;
      const s = median(seconds);
      rates.push(records / s);
      console.log(
        `  ${name.padEnd(76)} ${fmt(records / s).padStart(11)} records/s ${(mb / s).toFixed(1).padStart(6)} MB/s  (${s.toFixed(3)} s, ${fmt(records)} records)`,
      );
    }
    console.log(
      `  csvRecords / csv-parse (info: true): ${(rates[0] / rates[2]).toFixed(1)}×; readRecords / csv-parse (info: true): ${(rates[1] / rates[2]).toFixed(1)}×`,
    );
  }
  fs.rmSync(path.dirname(generated), { recursive: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
