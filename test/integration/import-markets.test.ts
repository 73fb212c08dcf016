import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withBulkSession } from '../../src/database/bulk/bulk-session';
import { removeDatasets } from '../../src/modules/import/dataset-registry';
import { runImport } from '../../src/modules/import/run-import';
import { rollupPartitionName } from '../../src/modules/trade-flow/rollup-partition';
import { seedDemo } from '../../seeds/demo/seed-demo';
import { importTradeFile, loadFlowDataset, TRADE_FILES, type FlowTuple } from '../support/flow-datasets';
import { startTestApp, type TestApp } from '../support/test-app';

/** The Concentration fields the market statistics answer (STATISTICS_FIELDS), and one that needs every exporter. */
const STATISTICS = 'participants totalWeight hhi hhiPoints normalizedHhi cr1 effectiveNumber band';
const RANKED = 'gini';

type Market = { productCode: string; concentration: Record<string, unknown> };

/**
 * Import-source figures read a dataset's materialised import markets (trade_import_market) when it has them and
 * the selection needs nothing else, and its flows otherwise: both must give the same answers, to the last digit.
 * The flow path is asked for by selecting a field statistics cannot give (Gini) next to the same fields.
 */
describe('materialised import markets', () => {
  let app: TestApp;
  let dataset: number;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-markets-'));
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await app.running.db.orm.em.fork().getConnection().execute(text, params)) as T[];
  /** A query's data, which must have no errors. */
  const ask = async <T>(query: string): Promise<T> => {
    const result = await app.raw(query);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const partitionExists = async (id: number) =>
    (await sql<{ n: string }>('select count(*) as n from pg_class where relname = ?', [rollupPartitionName('trade_import_market', id)]))[0]
      .n === '1';

  /** Every market of an importer-year at `level`, asked with `fields` of each market's concentration. */
  async function markets(importer: string, year: number, level: number, fields: string, ds = dataset, extra = ''): Promise<Market[]> {
    const data = await ask<{ importConcentrations: Market[] }>(
      `{ importConcentrations(importer: "${importer}", year: ${year}, level: ${level}, dataset: "${ds}"${extra}) { productCode concentration { ${fields} } } }`,
    );
    return data.importConcentrations;
  }

  /** The same markets through the flows: Gini asked too, then dropped. */
  async function fromFlows(importer: string, year: number, level: number, ds = dataset, extra = ''): Promise<Market[]> {
    const rows = await markets(importer, year, level, `${STATISTICS} ${RANKED}`, ds, extra);
    return rows.map(({ productCode, concentration: { gini: _gini, ...figures } }) => ({ productCode, concentration: figures }));
  }

  /** The statistics of every market of a dataset, computed here from its flows (BACI-shaped: HS-6 codes only). */
  const grouped = (ds: number) =>
    sql<Record<string, string>>(
      `select importer_id, year, code, count(*)::int as participants, sum(w)::text as total, sum(w * w)::text as squares, max(w)::text as max
       from (select importer_id, year, left(product_code, l) as code, exporter_id, sum(value_usd) as w
             from trade_flow, (values (2), (4), (6)) as levels(l) where dataset_id = ? group by 1, 2, 3, 4 having sum(value_usd) > 0) p
       group by 1, 2, 3 order by 1, 2, 3`,
      [ds],
    );
  const stored = (ds: number) =>
    sql<Record<string, string>>(
      `select importer_id, year, product_code as code, participants, total_value::text as total, sum_squares::text as squares, max_value::text as max
       from trade_import_market where dataset_id = ? order by 1, 2, 3`,
      [ds],
    );

  /** Importers of a dataset's year, most flows first. */
  const importers = async (ds: number, year: number, limit: number) =>
    (
      await sql<{ id: string }>(
        'select importer_id as id from trade_flow where dataset_id = ? and year = ? group by 1 order by count(*) desc, 1 limit ?',
        [ds, year, limit],
      )
    ).map((r) => r.id.trim());

  beforeAll(async () => {
    // Every market of every importer is asked several times over: more than a client's budget of a minute.
    app = await startTestApp({ env: { RATE_LIMIT_POINTS: '1000000000' } });
    dataset = (await seedDemo(app.running.db, { flows: 6000, brands: 2, manufacturers: 3, facilities: 6, yearFrom: 2021, yearTo: 2022 }))
      .datasetId;
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('are exactly the flows grouped by importer, year and product at HS 6, 4 and 2, built as the dataset loads', async () => {
    expect(await partitionExists(dataset)).toBe(true);
    const expected = await grouped(dataset);
    expect(expected.length).toBeGreaterThan(100);
    expect(await stored(dataset)).toEqual(expected);
  });

  it('give every product of an importer-year the same figures as the flows, at each level, for the 15 largest importers', async () => {
    for (const importer of await importers(dataset, 2022, 15)) {
      for (const level of [2, 4, 6]) {
        const fromMarkets = await markets(importer, 2022, level, STATISTICS);
        expect(fromMarkets.length).toBeGreaterThan(0);
        expect([importer, level, fromMarkets]).toEqual([importer, level, await fromFlows(importer, 2022, level)]);
      }
    }
  });

  it('are what is read when present: Query.importConcentration, Product.importConcentration and importConcentrations', async () => {
    const [importer] = await importers(dataset, 2022, 1);
    const asked = async (): Promise<Record<string, unknown>> => {
      const six = await markets(importer, 2022, 6, STATISTICS);
      const code = six[0].productCode;
      const data = await ask<Record<string, unknown>>(`{
        one: importConcentration(importer: "${importer}", product: "${code}", year: 2022, dataset: "${dataset}") { ${STATISTICS} }
        chapter: importConcentration(importer: "${importer}", product: "${code.slice(0, 2)}", year: 2022, dataset: "${dataset}") { ${STATISTICS} }
        products(first: 50, filter: { codePrefix: "${code.slice(0, 2)}" }) { nodes { code importConcentration(importer: "${importer}", year: 2022, dataset: "${dataset}") { ${STATISTICS} } } }
        countries(first: 100) { nodes { id importConcentration(product: "${code}", year: 2022, dataset: "${dataset}") { participants totalWeight hhi cr1 } } }
      }`);
      return { six, ...data };
    };
    const before = await asked();
    // Proof the statistics are read: doubling every value doubles W and leaves HHI and CR1 exactly as they were
    // (powers of two scale doubles exactly).
    await sql('update trade_import_market set total_value = total_value * 2, sum_squares = sum_squares * 4, max_value = max_value * 2');
    const doubled = (await asked()) as { one: { totalWeight: number; hhi: number; cr1: number } };
    const one = before.one as { totalWeight: number; hhi: number; cr1: number };
    expect([doubled.one.totalWeight, doubled.one.hhi, doubled.one.cr1]).toEqual([2 * one.totalWeight, one.hhi, one.cr1]);
    // Halved back exactly, at the columns' scales (numeric division would lengthen them).
    await sql(
      'update trade_import_market set total_value = round(total_value / 2, 3), sum_squares = round(sum_squares / 4, 6), max_value = round(max_value / 2, 3)',
    );
    expect(await stored(dataset)).toEqual(await grouped(dataset));
    expect(await asked()).toEqual(before);

    // Without them (a dataset loaded before the migration), every answer comes from the flows, unchanged.
    await sql('delete from trade_import_market where dataset_id = ?', [dataset]);
    expect(await asked()).toEqual(before);
  });

  it('leave a group (EU27, extra-group) to the flows, with the same answers as importConcentration', async () => {
    const eu = await markets('EU27', 2022, 4, `${STATISTICS} cr3 top { participantId share }`);
    expect(eu.length).toBeGreaterThan(0);
    for (const { productCode, concentration } of eu.slice(0, 20)) {
      const one = await ask<{ importConcentration: Record<string, unknown> }>(
        `{ importConcentration(importer: "EU27", product: "${productCode}", year: 2022, dataset: "${dataset}") { ${STATISTICS} cr3 top { participantId share } } }`,
      );
      expect(one.importConcentration).toEqual(concentration);
    }
  });

  it('orders by HHI and cuts at `first`, and refuses a level or product that cannot be', async () => {
    const [importer] = await importers(dataset, 2022, 1);
    const all = await markets(importer, 2022, 6, STATISTICS);
    const byHhi = await markets(importer, 2022, 6, STATISTICS, dataset, ', order: HHI_DESC, first: 5');
    const sorted = [...all].sort(
      (a, b) => (b.concentration.hhi as number) - (a.concentration.hhi as number) || (a.productCode < b.productCode ? -1 : 1),
    );
    expect(byHhi).toEqual(sorted.slice(0, 5));
    const under = await markets(importer, 2022, 6, STATISTICS, dataset, `, product: "${all[0].productCode.slice(0, 4)}"`);
    expect(under).toEqual(all.filter((m) => m.productCode.startsWith(all[0].productCode.slice(0, 4))));
    const bad = await app.raw(`{ importConcentrations(importer: "USA", year: 2022, level: 3) { productCode } }`);
    expect(bad.errors![0].extensions!.code).toBe('INVALID_ARGUMENT');
    const finer = await app.raw(`{ importConcentrations(importer: "USA", year: 2022, level: 2, product: "6109") { productCode } }`);
    expect(finer.errors![0].extensions!.code).toBe('INVALID_ARGUMENT');
  });

  const loadDataset = (name: string, rows: FlowTuple[], fail = false) => loadFlowDataset(app.running.db, name, rows, fail);

  it('count ties, leave zero values out and roll HS-6 codes up per exporter, as the flows do', async () => {
    const ds = await loadDataset('markets ties', [
      // 610910: CHN and VNM tie at 30, BGD 0 is no participant.
      [2022, 'CHN', 'USA', '610910', 30],
      [2022, 'VNM', 'USA', '610910', 30],
      [2022, 'BGD', 'USA', '610910', 0],
      // 6109 sums each exporter's two subheadings: CHN 30 + 10 = 40, VNM 30, BGD 0 + 40 = 40 (a tie with CHN).
      [2022, 'CHN', 'USA', '610990', 10],
      [2022, 'BGD', 'USA', '610990', 40],
      [2022, 'IND', 'USA', '611020', 0.001],
    ]);
    const six = await markets('USA', 2022, 6, STATISTICS, ds);
    expect(six.map((m) => [m.productCode, m.concentration.participants, m.concentration.hhi])).toEqual([
      ['610910', 2, 0.5],
      ['610990', 2, (10 * 10 + 40 * 40) / 50 ** 2],
      ['611020', 1, 1],
    ]);
    const four = await markets('USA', 2022, 4, STATISTICS, ds);
    expect(four[0]).toEqual({
      productCode: '6109',
      concentration: expect.objectContaining({
        participants: 3,
        totalWeight: 110,
        hhi: (40 ** 2 + 30 ** 2 + 40 ** 2) / 110 ** 2,
        cr1: 40 / 110,
      }),
    });
    for (const level of [2, 4, 6])
      expect(await markets('USA', 2022, level, STATISTICS, ds)).toEqual(await fromFlows('USA', 2022, level, ds));
    await withBulkSession(app.running.db, (session) => removeDatasets(session, [ds]));
    expect(await partitionExists(ds)).toBe(false);
  });

  it('are not left behind by a load that fails', async () => {
    const partitions = () => sql("select relname from pg_class where relname like 'trade\\_import\\_market\\_d%' order by 1");
    const before = await partitions();
    await expect(loadDataset('markets failing', [[2022, 'CHN', 'USA', '610910', 30]], true)).rejects.toThrow(/fails after its rollups/);
    expect(await partitions()).toEqual(before);
    expect(await sql("select 1 from dataset where name = 'markets failing'")).toEqual([]);
    expect(await sql('select 1 from trade_import_market m where not exists (select 1 from dataset d where d.id = m.dataset_id)')).toEqual(
      [],
    );
  });

  const { baci: baciFile, baciCountries, comtradeEu } = TRADE_FILES;

  (baciFile && baciCountries ? it : it.skip)(
    'on the real BACI file: built at import, equal to the flows, and replaced with a new release',
    async () => {
      const ds = await importTradeFile(app.running.db, 'baci', baciFile!);
      expect(await stored(ds)).toEqual(await grouped(ds));
      for (const importer of await importers(ds, 2021, 8)) {
        for (const level of [2, 4, 6])
          expect(await markets(importer, 2021, level, STATISTICS, ds)).toEqual(await fromFlows(importer, 2021, level, ds));
      }
      // A new release of a dataset replaces its markets with its own.
      const lines = fs.readFileSync(baciFile!, 'utf8').split('\n');
      const v1 = path.join(tmp, 'BACI_HS92_Y2020_V202301_exporters_AFG_ZAF.csv');
      const v2 = path.join(tmp, 'BACI_HS92_Y2020_V202401_exporters_AFG_ZAF.csv');
      fs.writeFileSync(v1, lines.slice(0, 3000).join('\n') + '\n');
      fs.writeFileSync(v2, lines.slice(0, 5000).join('\n') + '\n');
      const first = await importTradeFile(app.running.db, 'baci', v1);
      const second = await runImport(app.running.db, { format: 'baci', files: [v2], countriesFile: baciCountries! });
      expect(second.files[0].replaced).toHaveLength(1);
      expect(await partitionExists(first)).toBe(false);
      expect(await stored(first)).toEqual([]);
      const replacement = second.files[0].datasetId!;
      expect(await stored(replacement)).toEqual(await grouped(replacement));
    },
  );

  (comtradeEu ? it : it.skip)('on the real Comtrade file (mixed HS levels): none are built, and the flows answer', async () => {
    const ds = await importTradeFile(app.running.db, 'comtrade', comtradeEu!);
    expect(await partitionExists(ds)).toBe(false);
    for (const importer of ['DEU', 'EU27']) {
      const all = await markets(importer, 2021, 4, STATISTICS, ds);
      expect(all.length).toBeGreaterThan(0);
      for (const { productCode, concentration } of all.slice(0, 40)) {
        const one = await ask<{ importConcentration: Record<string, unknown> }>(
          `{ importConcentration(importer: "${importer}", product: "${productCode}", year: 2021, dataset: "${ds}") { ${STATISTICS} } }`,
        );
        expect(one.importConcentration).toEqual(concentration);
      }
    }
  });
});
