import { withBulkSession } from '../../src/database/bulk/bulk-session';
import { removeDatasets } from '../../src/modules/import/dataset-registry';
import { rollupPartitionName } from '../../src/modules/trade-flow/rollup-partition';
import { seedDemo } from '../../seeds/demo/seed-demo';
import { importTradeFile, loadFlowDataset, TRADE_FILES, type FlowTuple } from '../support/flow-datasets';
import { startTestApp, type TestApp } from '../support/test-app';

/** Every field of a row: the totals keep every sum. */
const ALL =
  'year exporterId importerId exporterRegion importerRegion exporterSubRegion importerSubRegion productCode valueUsd quantityTons flowsWithQuantity flowCount';
/** World exports keep the value alone. */
const VALUE = 'year exporterId exporterRegion exporterSubRegion productCode valueUsd';

/** One tradeAggregate question: its arguments (without dataset and paging), its row fields, its page size and what should answer it. */
interface Shape {
  name: string;
  args: string;
  fields: string;
  first: number;
  source: 'rollup' | 'flows';
}

type Row = Record<string, number | string | null>;
interface Answer {
  totalCount: number;
  pages: number;
  rows: Row[];
}

/**
 * tradeAggregate reads the smallest rollup that answers a request exactly (exporter × year and importer ×
 * year totals, world exports) and the flows otherwise: every rollup-backed shape must give, page by page,
 * the answers of the flows, to the last digit, and GET /csv the same table. The flows' path is forced by
 * removing the dataset's rollups (a dataset loaded before them); the rollups' by proof that changing them
 * changes exactly the answers that read them.
 */
describe('tradeAggregate from rollups', () => {
  let app: TestApp;
  let dataset: number;
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await app.running.db.orm.em.fork().getConnection().execute(text, params)) as T[];

  beforeAll(async () => {
    app = await startTestApp({ env: { RATE_LIMIT_POINTS: '1000000000' } });
    dataset = (await seedDemo(app.running.db, { flows: 6000, brands: 2, manufacturers: 3, facilities: 6, yearFrom: 2020, yearTo: 2022 }))
      .datasetId;
  });
  afterAll(() => app?.close());

  /** A side's totals computed here from the flows, as tradeAggregate defines its sums. */
  const grouped = (ds: number, side: 'exporter' | 'importer') =>
    sql(
      `select ${side}_id as country, year, sum(value_usd)::text as value, sum(quantity_tons)::text as quantity,
         count(quantity_tons)::int as with_quantity, count(*)::int as flows
       from trade_flow where dataset_id = ? group by 1, 2 order by 1, 2`,
      [ds],
    );
  const stored = (ds: number, side: 'exporter' | 'importer') =>
    sql(
      `select ${side}_id as country, year, value_usd::text as value, quantity_tons::text as quantity,
         flows_with_quantity as with_quantity, flow_count as flows
       from trade_${side}_year where dataset_id = ? order by 1, 2`,
      [ds],
    );

  /** Every page of a shape, following endCursor. */
  async function pages(ds: number, shape: Shape): Promise<Answer> {
    const answer: Answer = { totalCount: -1, pages: 0, rows: [] };
    let after: string | null = null;
    do {
      const cursor = after ? `, after: "${after}"` : '';
      const result = await app.raw(
        `{ tradeAggregate(dataset: "${ds}", ${shape.args}, first: ${shape.first}${cursor}) {
            totalCount pageInfo { hasNextPage endCursor } rows { ${shape.fields} } } }`,
      );
      expect([shape.name, result.errors]).toEqual([shape.name, undefined]);
      const page = (
        result.data as { tradeAggregate: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; rows: Row[] } }
      ).tradeAggregate;
      answer.totalCount = page.totalCount;
      answer.pages++;
      answer.rows.push(...page.rows);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return answer;
  }

  /** GET /csv of a shape: every row, streamed. */
  async function csv(ds: number, shape: Shape): Promise<string> {
    const query = `{ tradeAggregate(dataset: "${ds}", ${shape.args}) { rows { ${shape.fields} } } }`;
    const response = await fetch(`${app.baseUrl}/csv?query=${encodeURIComponent(query)}`);
    expect([shape.name, response.status]).toEqual([shape.name, 200]);
    return response.text();
  }

  /** The questions asked of a dataset, about its largest exporter, importer and product. */
  async function shapes(ds: number): Promise<Shape[]> {
    const top = async (column: string) =>
      (
        await sql<{ v: string }>(
          `select ${column} as v from trade_flow where dataset_id = ? group by 1 order by count(*) desc, 1 limit 2`,
          [ds],
        )
      ).map((r) => r.v.trim());
    const [e, e2] = await top('exporter_id');
    // The largest exporter's largest market.
    const [{ i }] = await sql<{ i: string }>(
      'select importer_id as i from trade_flow where dataset_id = ? and exporter_id = ? group by 1 order by count(*) desc, 1 limit 1',
      [ds, e],
    );
    const [p] = await top('product_code');
    const [{ from, to }] = await sql<{ from: number; to: number }>(
      'select min(year) as from, max(year) as to from trade_flow where dataset_id = ?',
      [ds],
    );
    const rollup = (name: string, args: string, fields = ALL, first = 10000): Shape => ({ name, args, fields, first, source: 'rollup' });
    const flows = (name: string, args: string, fields = ALL, first = 10000): Shape => ({ name, args, fields, first, source: 'flows' });
    return [
      // Exporter × year totals.
      rollup('Q4: one exporter by year', `groupBy: [YEAR], filter: { exporters: ["${e}"] }`),
      rollup('exporters by year, in key order, paged', `groupBy: [YEAR, EXPORTER], orderBy: KEYS`, ALL, 13),
      rollup('exporter regions, smallest first, paged', `groupBy: [EXPORTER_REGION, EXPORTER_SUB_REGION], orderBy: VALUE_ASC`, ALL, 3),
      rollup('EU exporters of one year', `groupBy: [EXPORTER], filter: { exporterGroup: "EU27", yearFrom: ${to}, yearTo: ${to} }`),
      rollup('grand total of two exporters from a year', `groupBy: [], filter: { exporters: ["${e}", "${e2}"], yearFrom: ${to} }`),
      rollup('grand total', `groupBy: []`),
      rollup('years only, no sum but the order', `groupBy: [YEAR], orderBy: KEYS`, 'year'),
      // Importer × year totals.
      rollup('one importer by year', `groupBy: [YEAR, IMPORTER], filter: { importers: ["${i.trim()}"] }`),
      rollup('importer regions by year, paged', `groupBy: [IMPORTER_REGION, YEAR], orderBy: KEYS`, ALL, 5),
      rollup('EU importers by sub-region', `groupBy: [IMPORTER_SUB_REGION], filter: { importerGroup: "EU27", yearTo: ${from + 1} }`),
      // World exports (the value alone).
      rollup('Q3: a product by year and exporter', `groupBy: [YEAR, EXPORTER], filter: { hsPrefix: "${p}" }`, VALUE),
      rollup(
        'an exporter’s headings of a chapter',
        `groupBy: [PRODUCT], hsLevel: 4, filter: { hsPrefix: "${p.slice(0, 2)}", exporters: ["${e}"] }`,
        VALUE,
      ),
      rollup('chapters by exporter region, paged', `groupBy: [PRODUCT, EXPORTER_REGION], hsLevel: 2`, VALUE, 7),
      rollup(
        'a heading’s subheadings by year, paged',
        `groupBy: [PRODUCT, YEAR], orderBy: KEYS, filter: { hsPrefix: "${p.slice(0, 4)}", yearFrom: ${from}, yearTo: ${to} }`,
        VALUE,
        5,
      ),
      // What no rollup answers: the flows.
      flows('a product by year and exporter, with quantities', `groupBy: [YEAR, EXPORTER], filter: { hsPrefix: "${p}" }`),
      flows('one exporter to one importer', `groupBy: [YEAR], filter: { exporters: ["${e}"], importers: ["${i.trim()}"] }`),
      flows('exporter by importer', `groupBy: [EXPORTER, IMPORTER], orderBy: KEYS`, ALL, 500),
    ];
  }

  /** Every shape's pages, and the CSV of each (the CSV of every row at once). */
  async function answers(ds: number, asked: Shape[]): Promise<{ pages: Answer[]; csv: string[] }> {
    const all: Answer[] = [];
    const tables: string[] = [];
    for (const shape of asked) {
      all.push(await pages(ds, shape));
      tables.push(await csv(ds, shape));
    }
    return { pages: all, csv: tables };
  }

  const removeRollups = async (ds: number) => {
    for (const table of ['trade_exporter_year', 'trade_importer_year', 'trade_world_export'])
      await sql(`delete from ${table} where dataset_id = ?`, [ds]);
  };

  it('are exactly the flows totalled by exporter and year, and by importer and year, built as the dataset loads', async () => {
    for (const side of ['exporter', 'importer'] as const) {
      const expected = await grouped(dataset, side);
      expect(expected.length).toBeGreaterThan(50);
      // The generated flows lack a quantity now and then: some totals sum a part of their flows' quantities.
      expect(expected.some((r) => (r.with_quantity as number) < (r.flows as number))).toBe(true);
      expect(await stored(dataset, side)).toEqual(expected);
    }
  });

  it('answer every shape they cover as the flows do, page by page and as CSV, and are what is read', async () => {
    const asked = await shapes(dataset);
    const fromRollups = await answers(dataset, asked);
    expect(asked.filter((_, n) => fromRollups.pages[n].rows.length === 0).map((s) => s.name)).toEqual([]);
    expect(fromRollups.pages.find((_, n) => asked[n].first === 3)!.pages).toBeGreaterThan(1);

    // Proof of what is read: doubling the rollups doubles exactly the answers of the shapes they cover.
    await sql(
      'update trade_exporter_year set value_usd = value_usd * 2, quantity_tons = quantity_tons * 2, flows_with_quantity = flows_with_quantity * 2, flow_count = flow_count * 2',
    );
    await sql(
      'update trade_importer_year set value_usd = value_usd * 2, quantity_tons = quantity_tons * 2, flows_with_quantity = flows_with_quantity * 2, flow_count = flow_count * 2',
    );
    await sql('update trade_world_export set value_usd = value_usd * 2');
    const doubled = await Promise.all(asked.map((shape) => pages(dataset, shape)));
    const sums = ['valueUsd', 'quantityTons', 'flowsWithQuantity', 'flowCount'];
    asked.forEach((shape, n) => {
      const expected =
        shape.source === 'flows'
          ? fromRollups.pages[n]
          : {
              ...fromRollups.pages[n],
              rows: fromRollups.pages[n].rows.map((r) =>
                Object.fromEntries(Object.entries(r).map(([k, v]) => [k, sums.includes(k) && v !== null ? 2 * (v as number) : v])),
              ),
            };
      expect([shape.name, doubled[n]]).toEqual([shape.name, expected]);
    });

    // Without them (a dataset loaded before them), the flows give the same answers, to the last digit.
    await removeRollups(dataset);
    const fromFlows = await answers(dataset, asked);
    asked.forEach((shape, n) => expect([shape.name, fromFlows.pages[n]]).toEqual([shape.name, fromRollups.pages[n]]));
    asked.forEach((shape, n) => expect([shape.name, fromFlows.csv[n]]).toEqual([shape.name, fromRollups.csv[n]]));
  });

  const loadDataset = (name: string, rows: FlowTuple[], fail = false) => loadFlowDataset(app.running.db, name, rows, fail);
  const partitions = async (id: number) =>
    (
      await sql<{ name: string }>('select relname as name from pg_class where relname in (?, ?) order by 1', [
        rollupPartitionName('trade_exporter_year', id),
        rollupPartitionName('trade_importer_year', id),
      ])
    ).map((r) => r.name);

  it('sum quantities over the flows that report one (none: null) and count zero values, as the flows do', async () => {
    const ds = await loadDataset('totals quantities', [
      [2022, 'CHN', 'USA', '610910', 30, null],
      [2022, 'CHN', 'DEU', '610910', 0, 1.5],
      [2022, 'CHN', 'USA', '610990', 10, 2.25],
      [2022, 'VNM', 'USA', '610910', 5, null],
      [2021, 'VNM', 'USA', '610910', 7, null],
    ]);
    expect(await partitions(ds)).toHaveLength(2);
    const asked = (await shapes(ds)).filter((s) => s.source === 'rollup');
    const fromRollups = await answers(ds, asked);
    expect(fromRollups.pages[0].rows).toEqual([
      {
        year: 2022,
        exporterId: null,
        importerId: null,
        exporterRegion: null,
        importerRegion: null,
        exporterSubRegion: null,
        importerSubRegion: null,
        productCode: null,
        valueUsd: 40,
        quantityTons: 3.75,
        flowsWithQuantity: 2,
        flowCount: 3,
      },
    ]);
    const vnm = await pages(ds, {
      name: 'VNM',
      args: 'groupBy: [YEAR, EXPORTER], orderBy: KEYS, filter: { exporters: ["VNM"] }',
      fields: 'year valueUsd quantityTons flowsWithQuantity flowCount',
      first: 10,
      source: 'rollup',
    });
    expect(vnm.rows).toEqual([
      { year: 2021, valueUsd: 7, quantityTons: null, flowsWithQuantity: 0, flowCount: 1 },
      { year: 2022, valueUsd: 5, quantityTons: null, flowsWithQuantity: 0, flowCount: 1 },
    ]);
    await removeRollups(ds);
    expect(await answers(ds, asked)).toEqual(fromRollups);
  });

  it('are not built for a dataset that mixes HS levels, whose aggregates come from the flows', async () => {
    const ds = await loadDataset('totals mixed', [
      [2022, 'CHN', 'USA', '6109', 30, null],
      [2022, 'CHN', 'USA', '610910', 20, 1],
      [2022, 'VNM', 'USA', '610910', 5, null],
    ]);
    expect(await partitions(ds)).toEqual([]);
    const at = async (level: string) =>
      (
        await app.raw(
          `{ tradeAggregate(dataset: "${ds}", groupBy: [YEAR], ${level} filter: { exporters: ["CHN"] }) { rows { year valueUsd flowCount } } }`,
        )
      ).data;
    // Not grouped by product, every flow counts once (METRICS.md): the heading (6109) and not its own subheading.
    expect(await at('')).toEqual({ tradeAggregate: { rows: [{ year: 2022, valueUsd: 30, flowCount: 1 }] } });
    // At HS 6 the heading cannot be split and is left out: its subheading alone counts.
    expect(await at('hsLevel: 6,')).toEqual({ tradeAggregate: { rows: [{ year: 2022, valueUsd: 20, flowCount: 1 }] } });
  });

  it('go with their dataset, and are not left behind by a load that fails', async () => {
    const all = () => sql("select relname from pg_class where relname ~ '^trade_(exporter|importer)_year_d[0-9]+$' order by 1");
    const ds = await loadDataset('totals removed', [[2022, 'CHN', 'USA', '610910', 30, null]]);
    expect(await partitions(ds)).toHaveLength(2);
    await withBulkSession(app.running.db, (session) => removeDatasets(session, [ds]));
    expect(await partitions(ds)).toEqual([]);
    const before = await all();
    await expect(loadDataset('totals failing', [[2022, 'CHN', 'USA', '610910', 30, null]], true)).rejects.toThrow(
      /fails after its rollups/,
    );
    expect(await all()).toEqual(before);
    expect(await sql("select 1 from dataset where name = 'totals failing'")).toEqual([]);
  });

  const { baci: baciFile, baciCountries } = TRADE_FILES;

  (baciFile && baciCountries ? it : it.skip)(
    'on the real BACI file: built at import, equal to the flows, and every shape answered as the flows do',
    async () => {
      const ds = await importTradeFile(app.running.db, 'baci', baciFile!);
      expect(await partitions(ds)).toHaveLength(2);
      for (const side of ['exporter', 'importer'] as const) expect(await stored(ds, side)).toEqual(await grouped(ds, side));
      const asked = await shapes(ds);
      const fromRollups = await answers(ds, asked);
      await removeRollups(ds);
      const fromFlows = await answers(ds, asked);
      asked.forEach((shape, n) => expect([shape.name, fromFlows.pages[n]]).toEqual([shape.name, fromRollups.pages[n]]));
      asked.forEach((shape, n) => expect([shape.name, fromFlows.csv[n]]).toEqual([shape.name, fromRollups.csv[n]]));
    },
    300_000,
  );
});
