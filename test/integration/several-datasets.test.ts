import fs from 'node:fs';
import path from 'node:path';
import { seedDemo } from '../../seeds/demo/seed-demo';
import { markDefaultDataset } from '../../src/modules/dataset/default-dataset.sql';
import { EXPLORER_EXAMPLES } from '../../src/server/explorer-examples';
import { loadFlowDataset } from '../support/flow-datasets';
import { startTestApp, type TestApp } from '../support/test-app';

const SMALL = { flows: 3000, brands: 6, manufacturers: 20, facilities: 80, yearFrom: 2020, yearTo: 2022 };

/** The query of the README's `npm run export` example, as the README writes it. */
function readmeExportQuery(): string {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const match = /npm run -s export -- --query '([^']+)'/.exec(readme);
  if (!match) throw new Error('README.md has no `npm run -s export -- --query` example');
  return match[1];
}

/**
 * A database holding several trade datasets (issue #10): the demo seed's and a second one loaded after it.
 * Queries that name no dataset answer from the default one — the first loaded, until another is marked — and
 * marking another switches every answer at once, the response cache's included.
 */
describe('several trade datasets', () => {
  let app: TestApp;
  let demo: number;
  let second: number;

  beforeAll(async () => {
    // The response cache on (the default), in this process's memory.
    app = await startTestApp();
    demo = (await seedDemo(app.running.db, SMALL)).datasetId;
    // A second source of the same kind of trade: one footwear product from VNM to DEU alone.
    const [{ code }] = (await app.running.db.orm.em
      .fork()
      .getConnection()
      .execute(`select min(code) as code from product where length(code) = 6 and code like '64%'`)) as Array<{ code: string }>;
    second = await loadFlowDataset(app.running.db, 'second source', [
      [2022, 'VNM', 'DEU', code, 1000],
      [2021, 'VNM', 'DEU', code, 500],
    ]);
  });
  afterAll(() => app?.close());

  /** A GET of /graphql, as a BI tool sends it (the response cache's front answers a repeated one). */
  const get = async (query: string) => {
    const response = await fetch(`${app.baseUrl}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    return {
      cache: response.headers.get('x-cache'),
      body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] },
    };
  };
  const WHICH = '{ tradeAggregate(groupBy: [YEAR], orderBy: KEYS) { dataset { id } rows { year valueUsd } } }';

  it('answers every explorer example and the README export example, from the default dataset (the first loaded)', async () => {
    for (const example of EXPLORER_EXAMPLES) {
      const result = await app.raw(example.query, example.variables ? JSON.parse(example.variables) : undefined);
      expect([example.title, result.errors]).toEqual([example.title, undefined]);
    }
    const query = readmeExportQuery();
    const csv = await fetch(`${app.baseUrl}/csv?query=${encodeURIComponent(query)}`);
    expect(csv.status).toBe(200);
    expect(JSON.parse(csv.headers.get('x-tradegraph-datasets')!)).toEqual([expect.objectContaining({ id: String(demo) })]);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('year,exporterId,valueUsd,dataset.id,dataset.name,dataset.version');
    // The demo's footwear exports by year and exporter: many rows, not the second dataset's two.
    expect(lines.length).toBeGreaterThan(10);
    const answer = await app.raw(WHICH);
    expect((answer.data!.tradeAggregate as { dataset: { id: string } }).dataset.id).toBe(String(demo));
  });

  it('shows which dataset is the default in `datasets`', async () => {
    const result = await app.raw('{ datasets { id isDefault } }');
    expect(result.data!.datasets).toEqual([
      { id: String(second), isDefault: false },
      { id: String(demo), isDefault: true },
    ]);
  });

  it('switches every answer to a newly marked default at once, never serving the old one from the response cache', async () => {
    expect((await get(WHICH)).cache).toBe('MISS');
    const cached = await get(WHICH);
    expect(cached.cache).toBe('HIT');
    expect((cached.body.data!.tradeAggregate as { dataset: { id: string } }).dataset.id).toBe(String(demo));

    await markDefaultDataset(app.running.db.orm.em.fork(), 'second source', null);
    const after = await get(WHICH);
    expect(after.cache).toBe('MISS');
    expect(after.body.data).toEqual({
      tradeAggregate: {
        dataset: { id: String(second) },
        rows: [
          { year: 2021, valueUsd: 500 },
          { year: 2022, valueUsd: 1000 },
        ],
      },
    });
    expect((await app.raw('{ datasets { id isDefault } }')).data!.datasets).toEqual([
      { id: String(second), isDefault: true },
      { id: String(demo), isDefault: false },
    ]);
    // A dataset named explicitly is still the one answered from, and a wrong one still the same error.
    const named = await app.raw(`{ tradeAggregate(groupBy: [], dataset: "${demo}") { dataset { id } } }`);
    expect(named.data).toEqual({ tradeAggregate: { dataset: { id: String(demo) } } });
    const wrong = await app.raw('{ tradeAggregate(groupBy: [], dataset: "987654") { dataset { id } } }');
    expect(wrong.errors![0]).toMatchObject({ message: 'dataset: no dataset with id 987654.', extensions: { code: 'UNKNOWN_DATASET' } });

    // Back to the demo: the answer cached for the demo under the old data version is not served either (a new version).
    await markDefaultDataset(app.running.db.orm.em.fork(), 'tradegraph demo', null);
    const back = await get(WHICH);
    expect([back.cache, (back.body.data!.tradeAggregate as { dataset: { id: string } }).dataset.id]).toEqual(['MISS', String(demo)]);
  });

  it('refuses to mark a dataset that does not exist or holds no trade rows, changing nothing', async () => {
    const em = app.running.db.orm.em.fork();
    await expect(markDefaultDataset(em, 'no such dataset', null)).rejects.toMatchObject({ code: 'UNKNOWN_DATASET' });
    await expect(markDefaultDataset(em, 'second source', 'v9')).rejects.toMatchObject({
      code: 'UNKNOWN_DATASET',
      message: '"second source" has no version "v9" (loaded: 1).',
    });
    expect((await app.raw(WHICH)).data!.tradeAggregate).toMatchObject({ dataset: { id: String(demo) } });
  });
});
