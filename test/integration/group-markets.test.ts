import { rollupPartitionName } from '../../src/modules/trade-flow/rollup-partition';
import { seedDemo } from '../../seeds/demo/seed-demo';
import { importTradeFile, TRADE_FILES } from '../support/flow-datasets';
import { startTestApp, type TestApp } from '../support/test-app';

/** Every field of a GeoDep report (the items' too). */
const REPORT = `productsImported dependentCount persistentCount items { productCode importValue exportValue importHhi c1 worldExportHhi c2
  importExportRatio c3 dependent dependentYears persistent largestSource { participantId weight share } }`;

/**
 * A group's strategic dependencies read its import markets (trade_group_market) when the dataset has them,
 * and its members' flows otherwise: both must give the same reports. The markets are the flows grouped by
 * group, year and HS-6 product, extra-group, as the dataset loads; a change of a group's members forgets its
 * markets, and the flows answer.
 */
describe('group import markets', () => {
  let app: TestApp;
  let dataset: number;
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await app.running.db.orm.em.fork().getConnection().execute(text, params)) as T[];
  const ask = async <T>(query: string): Promise<T> => {
    const result = await app.raw(query);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  /** Numbers to 12 significant digits: the markets sum in numeric, the flows' path in double precision. */
  const rounded = (value: unknown): unknown =>
    typeof value === 'number'
      ? Number(value.toPrecision(12))
      : Array.isArray(value)
        ? value.map(rounded)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]))
          : value;
  const report = async (group: string, year: number, ds = dataset) =>
    rounded(
      (
        await ask<{ strategicDependencies: unknown }>(
          `{ strategicDependencies(importer: "${group}", year: ${year}, only: ALL, first: 1000, dataset: "${ds}") { ${REPORT} } }`,
        )
      ).strategicDependencies,
    );

  /** The group markets of a dataset computed here from its flows (BACI-shaped: HS-6 codes alone), and as stored. */
  const grouped = (ds: number) =>
    sql<Record<string, string>>(
      `with members as (select group_id, array_agg(country_id) as ids from country_group_member group by 1),
         src as (select *, max(w) over (partition by group_id, year, product_code) as top_w from (
                   select m.group_id, f.year, f.product_code, f.exporter_id, sum(f.value_usd) as w
                   from trade_flow f join members m on f.importer_id = any(m.ids) and not f.exporter_id = any(m.ids)
                   where f.dataset_id = ? group by 1, 2, 3, 4 having sum(f.value_usd) > 0) p),
         exp as (select m.group_id, f.year, f.product_code, sum(f.value_usd) as v
                 from trade_flow f join members m on f.exporter_id = any(m.ids) and not f.importer_id = any(m.ids)
                 where f.dataset_id = ? group by 1, 2, 3)
       select s.group_id, s.year, s.product_code as code, count(*)::int as participants, sum(w)::text as total, sum(w * w)::text as squares,
              max(w)::text as max, min(s.exporter_id) filter (where w = top_w) as top, coalesce(max(e.v), 0)::text as exports
       from src s left join exp e using (group_id, year, product_code) group by 1, 2, 3 order by 1, 2, 3`,
      [ds, ds],
    );
  const stored = (ds: number) =>
    sql<Record<string, string>>(
      `select group_id, year, product_code as code, participants, total_value::text as total, sum_squares::text as squares,
              max_value::text as max, top_source as top, export_value::text as exports
       from trade_group_market where dataset_id = ? order by 1, 2, 3`,
      [ds],
    );
  const groups = async () => (await sql<{ id: string }>('select id from country_group order by id')).map((g) => g.id);

  beforeAll(async () => {
    app = await startTestApp({ env: { RATE_LIMIT_POINTS: '1000000000' } });
    const demo = { flows: 8000, brands: 2, manufacturers: 3, facilities: 6, yearFrom: 2020, yearTo: 2022 };
    dataset = (await seedDemo(app.running.db, demo)).datasetId;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('are exactly the flows grouped by group, year and HS-6 product, extra-group, built as the dataset loads', async () => {
    const partition = rollupPartitionName('trade_group_market', dataset);
    expect(await sql('select 1 from pg_class where relname = ?', [partition])).toHaveLength(1);
    const expected = await grouped(dataset);
    expect(new Set(expected.map((r) => r.group_id)).size).toBeGreaterThan(2);
    expect(expected.length).toBeGreaterThan(100);
    expect(await stored(dataset)).toEqual(expected);
  });

  it('give every group the same import concentrations as its flows, for every product and for one', async () => {
    const figures = 'participants totalWeight hhi hhiPoints normalizedHhi cr1 effectiveNumber band';
    type Market = { productCode: string; concentration: Record<string, unknown> };
    // Asking cr3 too needs each participant's weight: the flows answer, and cr3 is then left out of the comparison.
    const markets = async (group: string, extra = '') =>
      rounded(
        (
          await ask<{ importConcentrations: Market[] }>(
            `{ importConcentrations(importer: "${group}", year: 2022, level: 6, dataset: "${dataset}") { productCode concentration { ${figures} ${extra} } } }`,
          )
        ).importConcentrations,
      ) as Market[];
    const withoutCr3 = (list: Market[]) =>
      list.map(({ productCode, concentration: { cr3: _cr3, ...rest } }) => ({ productCode, concentration: rest }));
    const one = async (group: string, code: string) =>
      rounded(
        (
          await ask<{ importConcentration: unknown }>(
            `{ importConcentration(importer: "${group}", product: "${code}", year: 2022, dataset: "${dataset}") { ${figures} } }`,
          )
        ).importConcentration,
      );
    const eu = await markets('EU27');
    expect(eu.length).toBeGreaterThan(20);
    for (const group of await groups()) expect([group, await markets(group)]).toEqual([group, withoutCr3(await markets(group, 'cr3'))]);
    for (const market of eu.slice(0, 5)) expect(await one('EU27', market.productCode)).toEqual(market.concentration);
    // Proof the markets are read: doubling EU27's sums doubles its total weights and leaves every HHI and share.
    const scale = (by: number) =>
      sql(
        `update trade_group_market set total_value = total_value * ${by}, sum_squares = sum_squares * ${by * by},
           max_value = max_value * ${by} where group_id = 'EU27' and dataset_id = ?`,
        [dataset],
      );
    await scale(2);
    const doubled = await markets('EU27');
    await scale(0.5);
    expect(doubled.map((m) => [m.productCode, m.concentration.hhi])).toEqual(eu.map((m) => [m.productCode, m.concentration.hhi]));
    doubled.forEach((m, i) =>
      expect((m.concentration.totalWeight as number) / (eu[i].concentration.totalWeight as number)).toBeCloseTo(2, 9),
    );
    expect(await markets('EU27')).toEqual(eu);
  });

  it('give every group the same GeoDep report as its flows; a change of its members forgets them', async () => {
    const before = new Map<string, unknown>();
    for (const group of await groups()) for (const year of [2021, 2022]) before.set(`${group} ${year}`, await report(group, year));
    const eu = before.get('EU27 2022') as { productsImported: number; dependentCount: number };
    expect(eu.productsImported).toBeGreaterThan(20);
    // Proof the markets are read: doubling EU27's values leaves every HHI and share and doubles the values.
    await sql(`update trade_group_market set total_value = total_value * 2, sum_squares = sum_squares * 4, max_value = max_value * 2,
               export_value = export_value * 2 where group_id = 'EU27'`);
    const doubled = (await report('EU27', 2022)) as { items: Array<{ importValue: number; importHhi: number }> };
    const items = (eu as unknown as { items: Array<{ importValue: number; importHhi: number }> }).items;
    expect(doubled.items.map((i) => [i.importValue, i.importHhi])).toEqual(items.map((i) => [2 * i.importValue, i.importHhi]));
    // One member out and back: the members are as before, but every group that changed is read from the flows.
    const [{ country_id: member }] = await sql<{ country_id: string }>(
      `select country_id from country_group_member where group_id = 'EU27' order by country_id limit 1`,
    );
    await sql(`delete from country_group_member where group_id = 'EU27' and country_id = ?`, [member]);
    await sql(`insert into country_group_member (group_id, country_id) values ('EU27', ?)`, [member]);
    expect(await sql(`select 1 from trade_group_market where group_id = 'EU27'`)).toEqual([]);
    const others = await sql<{ n: string }>(`select count(*)::text as n from trade_group_market where group_id <> 'EU27'`);
    expect(Number(others[0].n)).toBeGreaterThan(0);
    expect(await report('EU27', 2022)).toEqual(before.get('EU27 2022'));
    // Without any (a dataset loaded before the migration), every group's report comes from its flows, unchanged.
    await sql('delete from trade_group_market where dataset_id = ?', [dataset]);
    for (const [key, value] of before) {
      const [group, year] = key.split(' ');
      expect([key, await report(group, Number(year))]).toEqual([key, value]);
    }
  });

  const { baci: baciFile, baciCountries, comtradeEu } = TRADE_FILES;

  (baciFile && baciCountries ? it : it.skip)(
    'on the real BACI file: built at import, equal to the flows and to the flows’ reports',
    async () => {
      const ds = await importTradeFile(app.running.db, 'baci', baciFile!);
      const expected = await grouped(ds);
      expect(expected.length).toBeGreaterThan(100);
      expect(await stored(ds)).toEqual(expected);
      const fromMarkets = await Promise.all((await groups()).map((g) => report(g, 2021, ds)));
      await sql('delete from trade_group_market where dataset_id = ?', [ds]);
      expect(await Promise.all((await groups()).map((g) => report(g, 2021, ds)))).toEqual(fromMarkets);
    },
  );

  (comtradeEu ? it : it.skip)(
    'on the real Comtrade file (mixed HS levels): none are built, and the flows answer',
    async () => {
      const ds = await importTradeFile(app.running.db, 'comtrade', comtradeEu!);
      expect(await stored(ds)).toEqual([]);
      const eu = (await report('EU27', 2021, ds)) as { productsImported: number };
      expect(eu.productsImported).toBeGreaterThan(0);
    },
    300_000,
  );
});
