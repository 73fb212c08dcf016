import { TradeAggregateDocument } from '../generated/graphql';
import { factories } from '../support/factories';
import { parseCsv } from '../support/csv';
import { startTestApp, type TestApp } from '../support/test-app';

describe('trade aggregate and CSV export', () => {
  let app: TestApp;
  let baci: string;
  let comtrade: string;

  beforeAll(async () => {
    app = await startTestApp();
    const make = factories(app.running.db.orm.em.fork());
    for (const [code, d] of [
      ['6403', 'Footwear, leather uppers'],
      ['640399', 'Other'],
      ['640391', 'Covering the ankle'],
      ['4407', 'Wood sawn'],
      ['6109', 'T-shirts'],
      ['610910', 'T-shirts of cotton'],
    ])
      await make.product(code, d);
    const b = await make.dataset({ name: 'BACI-like', version: 'v1' });
    const c = await make.dataset({ name: 'Comtrade-like', version: 'v1' });
    baci = String(b.id);
    comtrade = String(c.id);
    await make.flows(b, [
      { year: 2021, exporter: 'VNM', importer: 'DEU', product: '640399', valueUsd: 100, quantityTons: 1 },
      { year: 2021, exporter: 'VNM', importer: 'FRA', product: '640391', valueUsd: 50 },
      { year: 2021, exporter: 'CHN', importer: 'DEU', product: '640399', valueUsd: 300, quantityTons: 2 },
      { year: 2022, exporter: 'CHN', importer: 'DEU', product: '610910', valueUsd: 70 },
      { year: 2022, exporter: 'IDN', importer: 'USA', product: '640399', valueUsd: 20 },
    ]);
    // Mixed levels as Comtrade reports them: DEU reports 6403 and also its subheading 640399 from VNM
    // (the heading already includes the subheading), FRA reports only subheadings, and chapter 44 whole.
    await make.flows(c, [
      { year: 2021, exporter: 'VNM', importer: 'DEU', product: '6403', valueUsd: 1000 },
      { year: 2021, exporter: 'VNM', importer: 'DEU', product: '640399', valueUsd: 600 },
      { year: 2021, exporter: 'VNM', importer: 'FRA', product: '640399', valueUsd: 200 },
      { year: 2021, exporter: 'VNM', importer: 'FRA', product: '640391', valueUsd: 100 },
      { year: 2021, exporter: 'BRA', importer: 'FRA', product: '44', valueUsd: 5000 },
    ]);
  });
  afterAll(() => app?.close());

  const aggregate = async (
    variables: Parameters<typeof app.gql<unknown, import('../generated/graphql').TradeAggregateQueryVariables>>[1],
  ) => {
    const result = await app.gql(TradeAggregateDocument, variables!);
    expect(result.errors).toBeUndefined();
    return result.data!.tradeAggregate;
  };

  it('sums by exporter from one dataset, largest first, and says which dataset', async () => {
    const agg = await aggregate({ dataset: baci, groupBy: ['EXPORTER'] });
    expect(agg.dataset).toEqual({ id: baci, name: 'BACI-like' });
    expect(agg.rows.map((r) => [r.exporterId, r.valueUsd, r.flowCount, r.quantityTons, r.flowsWithQuantity])).toEqual([
      ['CHN', 370, 2, 2, 1],
      ['VNM', 150, 2, 1, 1],
      ['IDN', 20, 1, null, 0],
    ]);
  });

  it('rolls HS codes up by prefix and groups by region and year', async () => {
    const byChapter = await aggregate({ dataset: baci, groupBy: ['YEAR', 'PRODUCT'], hsLevel: 2, orderBy: 'KEYS' });
    expect(byChapter.rows.map((r) => [r.year, r.productCode, r.valueUsd])).toEqual([
      [2021, '64', 450],
      [2022, '61', 70],
      [2022, '64', 20],
    ]);
    const byRegion = await aggregate({ dataset: baci, groupBy: ['IMPORTER_REGION'], filter: { yearFrom: 2021, yearTo: 2021 } });
    expect(byRegion.rows.map((r) => [r.importerRegion, r.valueUsd])).toEqual([['Europe', 450]]);
  });

  it('never adds a heading to its own subheadings (METRICS.md), and leaves out codes coarser than the level asked', async () => {
    const heading = await aggregate({ dataset: comtrade, groupBy: ['IMPORTER', 'PRODUCT'], hsLevel: 4, orderBy: 'KEYS' });
    // DEU: the 6403 row itself (1000), not 1000 + 600. FRA: no 6403 row, so its subheadings 200 + 100.
    // BRA → FRA chapter 44 cannot be split into headings.
    expect(heading.rows.map((r) => [r.importerId, r.productCode, r.valueUsd])).toEqual([
      ['DEU', '6403', 1000],
      ['FRA', '6403', 300],
    ]);
    const chapter = await aggregate({ dataset: comtrade, groupBy: ['PRODUCT'], hsLevel: 2, orderBy: 'KEYS' });
    expect(chapter.rows.map((r) => [r.productCode, r.valueUsd])).toEqual([
      ['44', 5000],
      ['64', 1300],
    ]);
  });

  it('pages through rows without skipping or repeating', async () => {
    const first = await aggregate({ dataset: baci, groupBy: ['EXPORTER', 'IMPORTER'], first: 2 });
    const second = await aggregate({ dataset: baci, groupBy: ['EXPORTER', 'IMPORTER'], first: 2, after: first.pageInfo.endCursor });
    const third = await aggregate({ dataset: baci, groupBy: ['EXPORTER', 'IMPORTER'], first: 2, after: second.pageInfo.endCursor });
    expect(first.totalCount).toBe(4);
    const keys = [...first.rows, ...second.rows, ...third.rows].map((r) => `${r.exporterId}>${r.importerId}`);
    // By value: CHN→DEU 300 + 70, VNM→DEU 100, VNM→FRA 50, IDN→USA 20.
    expect(keys).toEqual(['CHN>DEU', 'VNM>DEU', 'VNM>FRA', 'IDN>USA']);
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  it('answers from the default dataset (the first loaded) when none is named, and rejects bad arguments with codes', async () => {
    const noDataset = await app.raw('{ tradeAggregate(groupBy: [EXPORTER]) { dataset { id } } }');
    expect(noDataset.errors).toBeUndefined();
    expect(noDataset.data).toEqual({ tradeAggregate: { dataset: { id: baci } } });
    const unknown = await app.raw('{ tradeAggregate(dataset: "987654", groupBy: [EXPORTER]) { totalCount } }');
    expect(unknown.errors![0].extensions!.code).toBe('UNKNOWN_DATASET');
    const level = await app.raw(`{ tradeAggregate(dataset: "${baci}", groupBy: [PRODUCT], hsLevel: 3) { totalCount } }`);
    expect(level.errors![0].extensions!.code).toBe('INVALID_ARGUMENT');
  });

  it('serves the same aggregate as CSV over HTTP, and it parses back to the same numbers', async () => {
    const query = `query ($ds: ID) { tradeAggregate(dataset: $ds, groupBy: [EXPORTER, PRODUCT], hsLevel: 4) { rows { exporterId productCode valueUsd quantityTons flowCount exporter { name } } } }`;
    const graphql = await app.raw(query, { ds: baci });
    const response = await fetch(
      `${app.baseUrl}/csv?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify({ ds: baci }))}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="tradeAggregate.csv"');
    const [header, ...rows] = parseCsv(await response.text());
    // The dataset the rows came from ends every row, though the query did not select it.
    expect(header).toEqual([
      'exporterId',
      'productCode',
      'valueUsd',
      'quantityTons',
      'flowCount',
      'exporter.name',
      'dataset.id',
      'dataset.name',
      'dataset.version',
    ]);
    expect(new Set(rows.map((r) => r.slice(6).join('|')))).toEqual(new Set([`${baci}|BACI-like|v1`]));
    const expected = (graphql.data!.tradeAggregate as { rows: Array<Record<string, unknown> & { exporter: { name: string } }> }).rows;
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => [r[0], r[1], Number(r[2]), r[3] === '' ? null : Number(r[3]), Number(r[4]), r[5]])).toEqual(
      expected.map((e) => [e.exporterId, e.productCode, e.valueUsd, e.quantityTons, e.flowCount, e.exporter.name]),
    );
    expect(rows.find((r) => r[0] === 'CHN')![5]).toBe('China');
  });

  it('exports any list query as CSV, quoting commas and quotes', async () => {
    const response = await fetch(
      `${app.baseUrl}/csv?query=${encodeURIComponent('{ countries(filter: { search: "bolivia" }) { nodes { id name region } } }')}`,
    );
    // Reference data comes from no dataset: the provenance columns are there, empty.
    expect(await response.text()).toBe(
      'id,name,region,dataset.id,dataset.name,dataset.version\r\nBOL,Bolivia (Plurinational State of),Americas,,,\r\n',
    );
    const hongKong = await fetch(
      `${app.baseUrl}/csv?query=${encodeURIComponent('{ countries(filter: { search: "HKG" }) { edges { node { id name } } } }')}`,
    );
    expect(await hongKong.text()).toBe(
      'id,name,dataset.id,dataset.name,dataset.version\r\nHKG,"China, Hong Kong Special Administrative Region",,,\r\n',
    );
  });

  it('exports the one list of rows of an analytics result, reached through its objects', async () => {
    const csv = async (query: string) => {
      const response = await fetch(`${app.baseUrl}/csv?query=${encodeURIComponent(query)}`);
      return { status: response.status, text: await response.text() };
    };
    // DEU's imports of 640399 in 2021: CHN 300, VNM 100 → HHI .625; of 640391: none (FRA imported it).
    const geodep = await csv(
      `{ strategicDependencies(importer: "DEU", year: 2021, only: ALL, dataset: "${baci}") { productsImported items { productCode importHhi c1 largestSource { participantId share } } } }`,
    );
    expect(parseCsv(geodep.text)).toEqual([
      [
        'productCode',
        'importHhi',
        'c1',
        'largestSource.participantId',
        'largestSource.share',
        'dataset.id',
        'dataset.name',
        'dataset.version',
      ],
      ['640399', '0.625', 'true', 'CHN', '0.75', baci, 'BACI-like', 'v1'],
    ]);
    const disruption = await csv(
      `{ disruptionScenario(remove: { countries: ["CHN"] }) { importMarkets(year: 2021, dataset: "${baci}") { totalCount nodes { importerCode productCode supplyLostShare } } } }`,
    );
    expect(parseCsv(disruption.text)).toEqual([
      ['importerCode', 'productCode', 'supplyLostShare', 'dataset.id', 'dataset.name', 'dataset.version'],
      ['DEU', '640399', '0.75', baci, 'BACI-like', 'v1'],
    ]);
    // Two lists would be two tables.
    const two = await csv(
      `{ disruptionScenario(remove: { countries: ["CHN"] }) { countries { id } importMarkets(year: 2021, dataset: "${baci}") { nodes { importerCode } } } }`,
    );
    expect(two.status).toBe(400);
    expect(two.text).toMatch(/several lists of rows \(disruptionScenario.countries, disruptionScenario.importMarkets.nodes\)/);
  });

  it('answers a bad CSV request with HTTP 400 and a code', async () => {
    const bad = await fetch(`${app.baseUrl}/csv?query=${encodeURIComponent('{ countries(first: 9999) { nodes { id } } }')}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(
      'PAGE_SIZE_TOO_LARGE',
    );
    // Errors of the CSV layer itself carry their details like the API's (here, the argument at fault).
    const badVariables = await fetch(
      `${app.baseUrl}/csv?query=${encodeURIComponent('{ countries { nodes { id } } }')}&variables=${encodeURIComponent('{not json')}`,
    );
    expect(badVariables.status).toBe(400);
    expect(((await badVariables.json()) as { errors: Array<{ extensions: object }> }).errors[0].extensions).toEqual({
      code: 'INVALID_ARGUMENT',
      argument: 'variables',
    });
    const nested = await fetch(`${app.baseUrl}/csv?query=${encodeURIComponent('{ countries(first: 2) { nodes { id groups { id } } } }')}`);
    expect(nested.status).toBe(400);
    expect(JSON.stringify(await nested.json())).toMatch(/list of objects/);
  });
});
