import { ComplexityDocument, RcaDocument } from '../generated/graphql';
import { markDefaultDataset } from '../../src/modules/dataset/default-dataset.sql';
import { factories } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** Balassa RCA by hand: (x_ck / X_c) / (x_wk / X_w). */
const balassa = (x: number, countryTotal: number, productWorld: number, world: number) => x / countryTotal / (productWorld / world);

describe('RCA from bilateral flows (hand-made dataset, computed in PostgreSQL)', () => {
  let app: TestApp;
  let ds: string;

  beforeAll(async () => {
    app = await startTestApp();
    const make = factories(app.running.db.orm.em.fork());
    for (const [code, description] of [
      ['6402', 'Other footwear, rubber or plastics'],
      ['640299', 'Other'],
      ['6403', 'Footwear, leather uppers'],
      ['640391', 'Covering the ankle'],
      ['640399', 'Other'],
      ['6109', 'T-shirts, knitted'],
      ['610910', 'Of cotton'],
    ])
      await make.product(code, description);
    const d = await make.dataset({ name: 'hand-made comtrade-like', version: 'v1' });
    ds = String(d.id);
    await make.flows(d, [
      { year: 2021, exporter: 'DEU', importer: 'USA', product: '640391', valueUsd: 30 },
      { year: 2021, exporter: 'DEU', importer: 'CHN', product: '640399', valueUsd: 10 },
      { year: 2021, exporter: 'DEU', importer: 'USA', product: '610910', valueUsd: 60 },
      { year: 2021, exporter: 'FRA', importer: 'USA', product: '640391', valueUsd: 20 },
      { year: 2021, exporter: 'FRA', importer: 'USA', product: '610910', valueUsd: 20 },
      { year: 2021, exporter: 'FRA', importer: 'CHN', product: '640299', valueUsd: 60 },
      // ITA → USA reports the heading 6403 and one of its subheadings: the heading holds it, never add them.
      { year: 2021, exporter: 'ITA', importer: 'USA', product: '6403', valueUsd: 50 },
      { year: 2021, exporter: 'ITA', importer: 'USA', product: '640399', valueUsd: 40 },
      { year: 2021, exporter: 'ITA', importer: 'CHN', product: '610910', valueUsd: 10 },
      // Another year never enters 2021's totals.
      { year: 2020, exporter: 'DEU', importer: 'USA', product: '640391', valueUsd: 999 },
    ]);
  });
  afterAll(() => app?.close());

  const rows = async (level: number) => {
    const result = await app.gql(RcaDocument, { year: 2021, level, dataset: ds });
    expect(result.errors).toBeUndefined();
    return result.data!.rca;
  };
  const table = (page: Awaited<ReturnType<typeof rows>>) =>
    page.nodes.map((r) => [r.country.id, r.product.code, r.exportValue, r.countryExports, r.worldProductExports, r.m]);

  it('at HS-6 sums each exporter over importers; RCA exactly 1 counts as M = 1', async () => {
    // x_ck: DEU 640391 30, 640399 10, 610910 60 (X 100); FRA 640391 20, 610910 20, 640299 60 (X 100);
    // ITA 640399 40, 610910 10 (X 50; its heading row 6403 is not a subheading). x_wk: 640391 50, 640399 50,
    // 610910 90, 640299 60; X_w 250. FRA 640391: (20/100)/(50/250) = 1 exactly.
    const page = await rows(6);
    expect([page.worldExports, page.totalCount]).toEqual([250, 8]);
    expect(table(page)).toEqual([
      ['DEU', '610910', 60, 100, 90, 1],
      ['DEU', '640391', 30, 100, 50, 1],
      ['DEU', '640399', 10, 100, 50, 0],
      ['FRA', '610910', 20, 100, 90, 0],
      ['FRA', '640299', 60, 100, 60, 1],
      ['FRA', '640391', 20, 100, 50, 1],
      ['ITA', '610910', 10, 50, 90, 0],
      ['ITA', '640399', 40, 50, 50, 1],
    ]);
    const expected = [
      balassa(60, 100, 90, 250),
      balassa(30, 100, 50, 250),
      balassa(10, 100, 50, 250),
      balassa(20, 100, 90, 250),
      2.5,
      1,
      balassa(10, 50, 90, 250),
      4,
    ];
    page.nodes.forEach((r, i) => expect(r.rca).toBeCloseTo(expected[i], 12));
    expect(page.nodes[5].rca).toBe(1);
  });

  it('at HS-4 rolls subheadings up to headings without adding a heading to its own subheadings', async () => {
    // DEU 6403 = 30 + 10, 6109 = 60 (X 100); FRA 6403 20, 6109 20, 6402 60 (X 100); ITA 6403 = 50 — the
    // heading row; its 640399 (40) is inside it — and 6109 10 (X 60). x_wk: 6403 110, 6109 90, 6402 60; X_w 260.
    const page = await rows(4);
    expect(page.worldExports).toBe(260);
    expect(table(page)).toEqual([
      ['DEU', '6109', 60, 100, 90, 1],
      ['DEU', '6403', 40, 100, 110, 0],
      ['FRA', '6109', 20, 100, 90, 0],
      ['FRA', '6402', 60, 100, 60, 1],
      ['FRA', '6403', 20, 100, 110, 0],
      ['ITA', '6109', 10, 60, 90, 0],
      ['ITA', '6403', 50, 60, 110, 1],
    ]);
    const expected = [
      balassa(60, 100, 90, 260),
      balassa(40, 100, 110, 260),
      balassa(20, 100, 90, 260),
      balassa(60, 100, 60, 260),
      balassa(20, 100, 110, 260),
      balassa(10, 60, 90, 260),
      balassa(50, 60, 110, 260),
    ];
    page.nodes.forEach((r, i) => expect(r.rca).toBeCloseTo(expected[i], 12));
  });

  it('at HS-2 rolls up to chapters', async () => {
    // DEU 64 = 40, 61 = 60; FRA 64 = 20 + 60, 61 = 20; ITA 64 = 50, 61 = 10. x_wk: 64 170, 61 90; X_w 260.
    const page = await rows(2);
    expect(table(page)).toEqual([
      ['DEU', '61', 60, 100, 90, 1],
      ['DEU', '64', 40, 100, 170, 0],
      ['FRA', '61', 20, 100, 90, 0],
      ['FRA', '64', 80, 100, 170, 1],
      ['ITA', '61', 10, 60, 90, 0],
      ['ITA', '64', 50, 60, 170, 1],
    ]);
    expect(page.nodes.map((r) => r.rca)).toEqual(
      [
        balassa(60, 100, 90, 260),
        balassa(40, 100, 170, 260),
        balassa(20, 100, 90, 260),
        balassa(80, 100, 170, 260),
        balassa(10, 60, 90, 260),
        balassa(50, 60, 170, 260),
      ].map((v) => expect.closeTo(v, 12)),
    );
  });

  it('feeds the SQL M to the complexity matrix: diversity and ubiquity count the M = 1 cells', async () => {
    const result = await app.gql(ComplexityDocument, { year: 2021, level: 6, dataset: ds, countries: ['FRA'] });
    expect(result.errors).toBeUndefined();
    const c = result.data!.complexity;
    expect(c.countries.map((x) => [x.country.id, x.diversity])).toEqual([
      ['DEU', 2],
      ['FRA', 2],
      ['ITA', 1],
    ]);
    expect(c.products.map((x) => [x.product.code, x.ubiquity])).toEqual([
      ['610910', 1],
      ['640299', 1],
      ['640391', 2],
      ['640399', 1],
    ]);
    expect(c.countryProducts.map((x) => [x.product.code, x.exportValue, x.m])).toEqual([
      ['610910', 20, 0],
      ['640299', 60, 1],
      ['640391', 20, 1],
      ['640399', 0, 0],
    ]);
    expect(c.worldExports).toBe(250);
  });

  it('keeps answering from the first dataset loaded once a second holds exports, and from the second once it is marked default', async () => {
    expect((await app.gql(RcaDocument, { year: 2021, level: 2 })).data!.rca.dataset.id).toBe(ds);
    const make = factories(app.running.db.orm.em.fork());
    const other = await make.dataset({ name: 'another source', version: 'v1' });
    await make.flows(other, [{ year: 2021, exporter: 'VNM', importer: 'USA', product: '640391', valueUsd: 5 }]);
    expect((await app.gql(RcaDocument, { year: 2021 })).data!.rca.dataset.id).toBe(ds);
    await markDefaultDataset(app.running.db.orm.em.fork(), 'another source', 'v1');
    expect((await app.gql(RcaDocument, { year: 2021 })).data!.rca.dataset.id).toBe(String(other.id));
  });

  it.each([
    [
      'an HS level that does not exist',
      `{ rca(year: 2021, level: 5, dataset: "DS") { totalCount } }`,
      'INVALID_ARGUMENT',
      /level must be 2, 4 or 6 \(got 5\)/,
    ],
    [
      'a complexity level that does not exist',
      `{ complexity(year: 2021, level: 3, dataset: "DS") { year } }`,
      'INVALID_ARGUMENT',
      /level must be 2, 4 or 6/,
    ],
    ['a year out of range', `{ rca(year: 1800, dataset: "DS") { totalCount } }`, 'YEAR_OUT_OF_RANGE', /1800 is outside/],
    [
      'a page over the maximum',
      `{ rca(year: 2021, first: 10001, dataset: "DS") { totalCount } }`,
      'PAGE_SIZE_TOO_LARGE',
      /first must be at most 10000 \(got 10001\); page with `after` instead/,
    ],
    ['a negative page size', `{ rca(year: 2021, first: -1, dataset: "DS") { totalCount } }`, 'INVALID_PAGE_SIZE', /got -1/],
    [
      'a forged cursor',
      `{ rca(year: 2021, after: "${Buffer.from('tg1:"DEU"').toString('base64url')}", dataset: "DS") { totalCount } }`,
      'BAD_CURSOR',
      /not issued/,
    ],
    ['a malformed exporter', `{ rca(year: 2021, exporter: "DE", dataset: "DS") { totalCount } }`, 'MALFORMED_COUNTRY_CODE', /"DE"/],
    ['an unknown exporter', `{ rca(year: 2021, exporter: "QQQ", dataset: "DS") { totalCount } }`, 'UNKNOWN_COUNTRY', /"QQQ"/],
    ['a malformed product', `{ rca(year: 2021, product: "640", dataset: "DS") { totalCount } }`, 'MALFORMED_HS_CODE', /"640"/],
    ['an unknown product', `{ rca(year: 2021, product: "9999", dataset: "DS") { totalCount } }`, 'UNKNOWN_PRODUCT', /"9999"/],
    [
      'a product finer than the level',
      `{ rca(year: 2021, level: 4, product: "640391", dataset: "DS") { totalCount } }`,
      'INVALID_ARGUMENT',
      /more digits than level 4/,
    ],
    ['a negative minRca', `{ rca(year: 2021, minRca: -1, dataset: "DS") { totalCount } }`, 'INVALID_ARGUMENT', /minRca/],
    ['an unknown dataset', `{ rca(year: 2021, dataset: "9999") { totalCount } }`, 'UNKNOWN_DATASET', /no dataset with id 9999/],
    [
      'too many countries',
      `{ complexity(year: 2021, dataset: "DS") { countryProducts(countries: [${Array.from({ length: 21 }, () => '"DEU"').join(', ')}]) { m } } }`,
      'INVALID_ARGUMENT',
      /at most 20/,
    ],
    [
      'an unknown country',
      `{ complexity(year: 2021, dataset: "DS") { countryProducts(countries: ["DEU", "QQQ"]) { m } } }`,
      'UNKNOWN_COUNTRY',
      /"QQQ"/,
    ],
  ])('rejects %s with a stable code', async (_what, query, code, message) => {
    const result = await app.raw(query.replace('"DS"', `"${ds}"`));
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions!.code).toBe(code);
    expect(result.errors![0].message).toMatch(message);
  });
});
