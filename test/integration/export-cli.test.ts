import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start } from '../../src/bootstrap';
import { cliDatabase, runCommand } from '../support/cli';
import { loadConfig } from '../../src/config/config';
import { seedReference } from '../../seeds/reference';
import { factories } from '../support/factories';
import { loadFlowDataset } from '../support/flow-datasets';
import { TEXT_READERS } from '../support/read-text-export';

/** `npm run export` as an analyst uses it, on a database of this test's own (embedded on disk, or the DATABASE_URL server). */
describe('npm run export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-export-'));
  let drop: (() => Promise<void>) | undefined;
  let env: NodeJS.ProcessEnv;
  let dataset: number;

  const run = (args: string[]) => runCommand('export', args, env);

  beforeAll(async () => {
    ({ env, drop } = await cliDatabase(dir));
    const running = await start(
      loadConfig({
        ...(env as Record<string, string>),
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        MIGRATE_ON_START: 'true',
        SEED_DEMO_WHEN_EMPTY: 'false',
      }),
      { log: () => undefined },
    );
    try {
      await seedReference(running.db.orm.em.fork());
      const make = factories(running.db.orm.em.fork());
      await make.product('6109', 'T-shirts');
      await make.product('610910', 'T-shirts of cotton');
      const exporters = ['CHN', 'VNM', 'BGD', 'IND', 'TUR', 'KHM', 'IDN', 'PAK'];
      const importers = ['USA', 'DEU', 'FRA', 'JPN', 'GBR', 'ITA', 'ESP', 'NLD', 'CAN', 'AUS'];
      // 8 × 10 × 3 years = 240 aggregate rows: more than a connection's page (the query says first: 50).
      const rows = [2020, 2021, 2022].flatMap((year) =>
        exporters.flatMap((e, i) =>
          importers.map((m, j) => [year, e, m, '610910', 100 * (i + 1) + j] as [number, string, string, string, number]),
        ),
      );
      dataset = await loadFlowDataset(running.db, 'cli export', rows);
    } finally {
      await running.stop();
    }
  }, 300_000);
  afterAll(async () => {
    await drop?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes every row in the format of the --out extension, up to --limit, with the dataset on every row', () => {
    const flows = '{ tradeFlows(first: 50) { nodes { id exporter { id } valueUsd } } }';
    const out = path.join(dir, 'flows.tsv');
    const all = run(['--query', flows, '--out', out]);
    expect([all.status, all.stderr.trim()]).toEqual([0, `tradeFlows written to ${out} as tsv, from cli export 1 (id ${dataset})`]);
    const records = TEXT_READERS.tsv(fs.readFileSync(out));
    expect(records).toHaveLength(240);
    expect(records[0]).toEqual(
      expect.objectContaining({ 'exporter.id': 'CHN', 'dataset.id': String(dataset), 'dataset.name': 'cli export' }),
    );
    const limited = run(['--query', flows, '--out', path.join(dir, 'flows.jsonl'), '--limit', '7']);
    expect(limited.status).toBe(0);
    expect(TEXT_READERS.jsonl(fs.readFileSync(path.join(dir, 'flows.jsonl')))).toHaveLength(7);
  }, 300_000);

  it('streams the aggregate as CSV with a BOM to standard output, and refuses an unknown format or limit as usage (exit 2)', () => {
    const aggregate = '{ tradeAggregate(groupBy: [YEAR, EXPORTER, IMPORTER]) { rows { year exporterId importerId valueUsd } } }';
    const csv = run(['--query', aggregate, '--bom']);
    expect(csv.status).toBe(0);
    expect(csv.stdout.startsWith('\ufeffyear,exporterId,importerId,valueUsd,dataset.id,dataset.name,dataset.version\r\n')).toBe(true);
    const records = TEXT_READERS.csv(Buffer.from(csv.stdout.slice(1)));
    expect(records).toHaveLength(240);
    // 3 years × Σ over 8 exporters and 10 importers of 100 (i + 1) + j.
    expect(records.reduce((sum, r) => sum + Number(r.valueUsd), 0)).toBe(3 * (100 * 36 * 10 + 45 * 8));
    const format = run(['--query', aggregate, '--format', 'docx']);
    expect([format.status, format.stderr]).toEqual([2, expect.stringContaining('unknown format "docx"; the formats are csv, tsv, jsonl')]);
    const limit = run(['--query', aggregate, '--limit', '0']);
    expect([limit.status, limit.stderr]).toEqual([2, expect.stringContaining('--limit must be a whole number of rows, 1 or more')]);
  }, 300_000);
});
