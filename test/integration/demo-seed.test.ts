import { seedDemo } from '../../seeds/demo/seed-demo';
import { EXPLORER_EXAMPLES } from '../../src/server/explorer-examples';
import { BrandsDocument, DatasetsDocument, TradeFlowsDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/test-app';

const SMALL = { flows: 3000, brands: 6, manufacturers: 20, facilities: 80, yearFrom: 2020, yearTo: 2022 };

describe('the demo dataset', () => {
  let app: TestApp;
  const sql = async <T = Record<string, unknown>>(text: string) =>
    (await app.running.db.orm.em.fork().getConnection().execute(text)) as T[];
  const counts = async () =>
    (
      await sql<Record<string, string>>(
        `select (select count(*) from trade_flow) as flows, (select count(*) from brand) as brands, (select count(*) from facility) as facilities,
                (select count(*) from manufacturer) as manufacturers, (select count(*) from sourcing_link) as links, (select count(*) from dataset) as datasets`,
      )
    )[0];

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('loads nothing at all when any row fails (one transaction)', async () => {
    // Make the last year's flows invalid: COPY fails part-way through the flows, after brands,
    // facilities and links were written in the same transaction.
    await sql('alter table trade_flow add constraint reject_2022 check (year <> 2022)');
    await expect(seedDemo(app.running.db, SMALL)).rejects.toThrow(/reject_2022/);
    await sql('alter table trade_flow drop constraint reject_2022');
    expect(await counts()).toEqual({ flows: '0', brands: '0', facilities: '0', manufacturers: '0', links: '0', datasets: '0' });
  });

  it('loads brands, facilities, links and exactly the asked number of flows, with provenance', async () => {
    const result = await seedDemo(app.running.db, SMALL);
    expect(result).toMatchObject({ flows: 3000, brands: 6, manufacturers: 20, facilities: 80, alreadyLoaded: false });
    expect(await counts()).toMatchObject({ flows: '3000', brands: '6', facilities: '80', manufacturers: '20', datasets: '1' });
    // The planner has statistics for what was just loaded (the embedded database runs no autovacuum):
    // without them it takes loaded tables for empty ones and picks plans hundreds of times slower.
    const stats = await sql<{ relname: string; reltuples: number }>(
      `select relname, reltuples from pg_class where relname in ('trade_flow_d${result.datasetId}', 'trade_world_export', 'sourcing_link', 'facility')`,
    );
    expect(stats.map((s) => [s.relname, Number(s.reltuples) > 0]).sort()).toEqual([
      ['facility', true],
      ['sourcing_link', true],
      [`trade_flow_d${result.datasetId}`, true],
      ['trade_world_export', true],
    ]);

    const datasets = await app.gql(DatasetsDocument);
    expect(datasets.data!.datasets).toEqual([
      expect.objectContaining({
        kind: 'SYNTHETIC',
        name: 'tradegraph demo',
        // The trade flows it holds (its sourcing links are not added in, #10).
        rowCount: 3000,
        checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    const flows = await app.gql(TradeFlowsDocument, { filter: { yearFrom: 2020, yearTo: 2022, hsPrefix: '64' }, first: 5 });
    expect(flows.data!.tradeFlows.totalCount).toBeGreaterThan(0);
    for (const flow of flows.data!.tradeFlows.nodes) expect(flow.dataset.kind).toBe('SYNTHETIC');
    expect((await app.gql(BrandsDocument, {})).data!.brands.totalCount).toBe(6);
  });

  it('is repeatable: loading the same demo again changes nothing', async () => {
    const digest = async () =>
      (
        await sql<{ d: string }>(
          `select md5(string_agg(concat_ws(',', year, exporter_id, importer_id, product_code, value_usd, quantity_tons), ';' order by year, exporter_id, importer_id, product_code)) as d from trade_flow`,
        )
      )[0].d;
    const before = [await counts(), await digest()];
    expect((await seedDemo(app.running.db, SMALL)).alreadyLoaded).toBe(true);
    expect([await counts(), await digest()]).toEqual(before);
  });

  it('refuses a second demo of other options with a clear message, changing nothing', async () => {
    const before = await counts();
    await expect(seedDemo(app.running.db, { ...SMALL, seed: 7 })).rejects.toThrow(
      /Another demo \("seed 42, 3000 flows, 2020-2022"\) is already loaded/,
    );
    expect(await counts()).toEqual(before);
  });

  it('has a heavy-tailed shape: in most product-years the top exporter holds over a fifth of world exports', async () => {
    const [row] = await sql<{ share: string }>(`
      with slice as (
        select year, product_code, exporter_id, sum(value_usd) as v from trade_flow group by 1, 2, 3
      ), ranked as (
        select year, product_code, v / sum(v) over (partition by year, product_code) as s,
               row_number() over (partition by year, product_code order by v desc) as r from slice
      )
      select avg(case when s > 0.2 then 1 else 0 end)::text as share from ranked where r = 1`);
    expect(Number(row.share)).toBeGreaterThan(0.5);
  });

  it('answers every example the explorer opens with, without errors', async () => {
    for (const example of EXPLORER_EXAMPLES) {
      const result = await app.raw(example.query);
      expect([example.title, result.errors]).toEqual([example.title, undefined]);
    }
  });
});
