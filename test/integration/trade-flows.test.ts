import { DatasetsDocument, TradeFlowsDocument, type TradeFlowsQueryVariables } from '../generated/graphql';
import { factories } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('trade flows', () => {
  let app: TestApp;
  let baci: string;
  let comtrade: string;

  beforeAll(async () => {
    app = await startTestApp();
    const make = factories(app.running.db.orm.em.fork());
    await make.product('6403', 'Footwear; uppers of leather');
    await make.product('640399', 'Footwear; other, uppers of leather');
    await make.product('6109', 'T-shirts, singlets and other vests; knitted or crocheted');
    const b = await make.dataset({ name: 'BACI HS92', version: 'V202301' });
    const c = await make.dataset({ name: 'Comtrade', version: '2024' });
    baci = String(b.id);
    comtrade = String(c.id);
    await make.flows(b, [
      { year: 2021, exporter: 'VNM', importer: 'DEU', product: '640399', valueUsd: 1_250_000.5, quantityTons: 120.25 },
      { year: 2021, exporter: 'CHN', importer: 'DEU', product: '640399', valueUsd: 3_000_000 },
      { year: 2021, exporter: 'VNM', importer: 'USA', product: '640399', valueUsd: 9_000_000 },
      { year: 2022, exporter: 'IDN', importer: 'FRA', product: '640399', valueUsd: 800_000 },
      { year: 2022, exporter: 'DEU', importer: 'FRA', product: '640399', valueUsd: 50_000 },
      { year: 2022, exporter: 'BGD', importer: 'DEU', product: '6109', valueUsd: 2_000_000 },
      { year: 2023, exporter: 'BGD', importer: 'USA', product: '6109', valueUsd: 4_000_000 },
    ]);
    await make.flows(c, [{ year: 2021, exporter: 'VNM', importer: 'DEU', product: '6403', valueUsd: 1_300_000 }]);
  });

  afterAll(() => app?.close());

  const query = async (variables: TradeFlowsQueryVariables) => {
    const result = await app.gql(TradeFlowsDocument, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.tradeFlows;
  };

  it('returns flows with their countries, product, dataset and exact values', async () => {
    const flows = await query({ filter: { dataset: baci, year: 2021, exporters: ['vnm'], importers: ['DEU'] } });
    expect(flows.totalCount).toBe(1);
    expect(flows.nodes[0]).toMatchObject({
      year: 2021,
      valueUsd: 1_250_000.5,
      quantityTons: 120.25,
      exporter: { id: 'VNM' },
      importer: { id: 'DEU' },
      product: { code: '640399', level: 6 },
      dataset: { id: baci, name: 'BACI HS92', kind: 'SYNTHETIC' },
    });
  });

  it('filters by year range, HS prefix, region, sub-region and group', async () => {
    expect((await query({ filter: { dataset: baci, yearFrom: 2022 } })).totalCount).toBe(4);
    expect((await query({ filter: { dataset: baci, yearFrom: 2021, yearTo: 2021 } })).totalCount).toBe(3);
    expect((await query({ filter: { hsPrefix: '64' } })).totalCount).toBe(6);
    expect((await query({ filter: { hsPrefix: '6403', dataset: comtrade } })).totalCount).toBe(1);
    expect((await query({ filter: { hsPrefix: '61' } })).totalCount).toBe(2);
    expect((await query({ filter: { importerGroup: 'EU27', dataset: baci } })).totalCount).toBe(5);
    // "extra-EU" style: EU importers, exporters outside the EU are filtered by region below.
    expect((await query({ filter: { importerGroup: 'EU27', exporterGroup: 'EU27' } })).totalCount).toBe(1);
    expect((await query({ filter: { exporterSubRegion: 'South-eastern Asia', dataset: baci } })).totalCount).toBe(3);
    expect((await query({ filter: { exporterRegion: 'Asia', importerRegion: 'Americas' } })).totalCount).toBe(2);
    expect((await query({ filter: { minValueUsd: 3_000_000 } })).totalCount).toBe(3);
  });

  it('pages through flows by id without gaps', async () => {
    const first = await query({ first: 3 });
    expect(first.totalCount).toBe(8);
    const second = await query({ first: 3, after: first.pageInfo.endCursor });
    const third = await query({ first: 3, after: second.pageInfo.endCursor });
    const ids = [...first.nodes, ...second.nodes, ...third.nodes].map((n) => Number(n.id));
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  it('lists datasets with provenance', async () => {
    const result = await app.gql(DatasetsDocument);
    expect(result.data!.datasets.map((d) => `${d.name} ${d.version}`).sort()).toEqual(['BACI HS92 V202301', 'Comtrade 2024']);
  });

  describe('constraints keep data honest', () => {
    const insert = (values: string) =>
      app.running.db.orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into trade_flow (dataset_id, year, exporter_id, importer_id, product_code, value_usd) values ${values.replace('DS', baci)}`,
        );

    it.each([
      ['a negative value', `(DS, 2021, 'VNM', 'USA', '640399', -1)`, /trade_flow_value_non_negative/],
      ['a country trading with itself', `(DS, 2021, 'VNM', 'VNM', '640399', 1)`, /trade_flow_not_self/],
      ['an unknown country', `(DS, 2021, 'XXX', 'USA', '640399', 1)`, /foreign key/],
      ['an unknown product', `(DS, 2021, 'VNM', 'USA', '999998', 1)`, /foreign key/],
      ['a year out of range', `(DS, 1900, 'VNM', 'USA', '640399', 1)`, /trade_flow_year_range/],
      ['the same flow twice in one dataset', `(DS, 2021, 'VNM', 'DEU', '640399', 5)`, /duplicate key value violates unique constraint/],
    ])('rejects %s', async (_what, values, error) => {
      await expect(insert(values)).rejects.toThrow(error);
    });

    it('stores values beyond 2^53 cents exactly (numeric, not float)', async () => {
      await insert(`(DS, 2023, 'USA', 'CAN', '640399', 123456789012345.678)`);
      const [row] = await app.running.db.orm.em
        .fork()
        .getConnection()
        .execute(
          `select value_usd::text as v, pg_typeof(id)::text as id_type from trade_flow where exporter_id = 'USA' and importer_id = 'CAN'`,
        );
      expect(row).toEqual({ v: '123456789012345.678', id_type: 'bigint' });
    });
  });
});
