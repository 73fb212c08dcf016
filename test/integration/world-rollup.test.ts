import { seedDemo } from '../../seeds/demo/seed-demo';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * World-side figures read a dataset's materialised world exports (trade_world_export) when it has them and
 * its flows otherwise: both must give the same answers, to the last digit.
 */
describe('materialised world exports', () => {
  let app: TestApp;
  let dataset: number;
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await app.running.db.orm.em.fork().getConnection().execute(text, params)) as T[];

  beforeAll(async () => {
    app = await startTestApp();
    dataset = (await seedDemo(app.running.db, { flows: 6000, brands: 2, manufacturers: 3, facilities: 6, yearFrom: 2020, yearTo: 2022 }))
      .datasetId;
  });
  afterAll(() => app?.close());

  /** Every world-side question, asked through the API. */
  async function answers(): Promise<unknown> {
    const [{ product, exporter }] = await sql<{ product: string; exporter: string }>(
      'select product_code as product, exporter_id as exporter from trade_flow where dataset_id = ? group by 1, 2 order by count(*) desc, 1, 2 limit 1',
      [dataset],
    );
    const d = `dataset: "${dataset}"`;
    const query = `{
      world: worldExportConcentration(product: "${product}", year: 2022, ${d}, top: 50) { participants totalWeight hhi gini top { participantId weight share } }
      chapter: worldExportConcentration(product: "${product.slice(0, 2)}", year: 2021, ${d}) { participants totalWeight hhi }
      products(first: 20, filter: { codePrefix: "${product.slice(0, 2)}" }) { nodes { code exportConcentration(year: 2022, ${d}) { totalWeight hhi } } }
      exportProducts: exportConcentration(exporter: "${exporter.trim()}", by: PRODUCTS, year: 2022, ${d}, top: 20) { totalWeight hhi top { participantId weight } }
      trend: concentrationTrend(market: WORLD_EXPORTERS, product: "${product}", fromYear: 2020, toYear: 2022, ${d}) { points { value concentration { hhi } } shareShifts { participantId shiftPoints } }
      geodep: strategicDependencies(importer: "USA", year: 2022, only: ALL, first: 1000, ${d}) { items { productCode worldExportHhi c2 dependent persistent } }
      rca(year: 2022, level: 4, first: 1000, ${d}) { totalCount nodes { country { id } product { code } rca m } }
      complexity(year: 2022, level: 4, ${d}) { countries { country { id } eci } }
    }`;
    const result = await app.raw(query);
    expect(result.errors).toBeUndefined();
    return result.data;
  }

  it('are exactly the flows summed over importers, built as the dataset loads', async () => {
    const [counts] = await sql<{ rollup: string; grouped: string }>(
      `select (select count(*) from trade_world_export where dataset_id = ?) as rollup,
              (select count(*) from (select distinct year, product_code, exporter_id from trade_flow where dataset_id = ?) g) as grouped`,
      [dataset, dataset],
    );
    expect(Number(counts.rollup)).toBeGreaterThan(0);
    expect(counts.rollup).toBe(counts.grouped);
  });

  it('are read when present, and give the same answers as the flows', async () => {
    const fromRollup = await answers();
    // Proof the rollup is what is read: doubling it doubles world totals, and shares do not move.
    await sql('update trade_world_export set value_usd = value_usd * 2 where dataset_id = ?', [dataset]);
    const doubled = (await answers()) as { world: { totalWeight: number; hhi: number } };
    const before = fromRollup as { world: { totalWeight: number; hhi: number } };
    expect(doubled.world.totalWeight).toBeCloseTo(2 * before.world.totalWeight, 3);
    expect(doubled.world.hhi).toBeCloseTo(before.world.hhi, 12);

    await sql('delete from trade_world_export where dataset_id = ?', [dataset]);
    const fromFlows = await answers();
    expect(fromFlows).toEqual(fromRollup);
  });
});
