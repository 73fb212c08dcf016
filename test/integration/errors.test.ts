import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Bad input gets a GraphQL error with a stable `extensions.code` and a message naming what was wrong —
 * never a stack trace (NODE_ENV is "test", not "development").
 */
describe('invalid arguments', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it.each([
    ['a malformed ISO code', '{ country(id: "VN") { id } }', 'MALFORMED_COUNTRY_CODE', /"VN" is not an ISO 3166-1 alpha-3/],
    [
      'an unknown ISO code in a filter',
      '{ tradeFlows(filter: { importers: ["DEU", "QQQ"] }) { totalCount } }',
      'UNKNOWN_COUNTRY',
      /no country with code "QQQ"/,
    ],
    [
      'an unknown country group',
      '{ countries(filter: { group: "NATO2" }) { totalCount } }',
      'UNKNOWN_COUNTRY_GROUP',
      /no country group "NATO2". Known: ASEAN, BRICS, EU27, G7, USMCA/,
    ],
    [
      'an unknown region',
      '{ countries(filter: { region: "Atlantis" }) { totalCount } }',
      'INVALID_ARGUMENT',
      /unknown UN M49 region "Atlantis"/,
    ],
    ['a malformed HS code', '{ product(code: "6109.10") { code } }', 'MALFORMED_HS_CODE', /"6109.10" is not an HS code/],
    ['an odd-length HS prefix', '{ tradeFlows(filter: { hsPrefix: "610" }) { totalCount } }', 'MALFORMED_HS_CODE', /filter.hsPrefix/],
    ['a page over the maximum', '{ facilities(first: 501) { totalCount } }', 'PAGE_SIZE_TOO_LARGE', /at most 500 \(got 501\)/],
    ['a negative page size', '{ brands(first: -1) { totalCount } }', 'INVALID_PAGE_SIZE', /0 or more/],
    [
      'a nested list over its maximum',
      '{ countries(first: 1) { nodes { facilities(first: 5000) { id } } } }',
      'PAGE_SIZE_TOO_LARGE',
      /nested list/,
    ],
    ['a forged cursor', '{ countries(after: "bm9wZQ") { totalCount } }', 'BAD_CURSOR', /not issued by this connection/],
    [
      'a cursor of the wrong kind',
      `{ brands(after: "${Buffer.from('tg1:"VNM"').toString('base64url')}") { totalCount } }`,
      'BAD_CURSOR',
      /not issued/,
    ],
    ['a year out of range', '{ tradeFlows(filter: { year: 3000 }) { totalCount } }', 'YEAR_OUT_OF_RANGE', /3000 is outside 1950–2100/],
    [
      'an inverted year range',
      '{ tradeFlows(filter: { yearFrom: 2023, yearTo: 2020 }) { totalCount } }',
      'YEAR_OUT_OF_RANGE',
      /yearFrom \(2023\) is after filter.yearTo \(2020\)/,
    ],
    ['an unknown dataset', '{ tradeFlows(filter: { dataset: "999" }) { totalCount } }', 'UNKNOWN_DATASET', /no dataset with id 999/],
    ['a non-numeric id', '{ brand(id: "nike") { id } }', 'INVALID_ARGUMENT', /"nike" is not a brand id/],
    [
      'an unknown product type',
      '{ facilities(filter: { productType: "SPACESHIPS" }) { totalCount } }',
      'UNKNOWN_PRODUCT_TYPE',
      /SPACESHIPS/,
    ],
    [
      'an unknown product type of links',
      '{ sourcingLinks(filter: { productType: "SPACESHIPS" }) { totalCount } }',
      'UNKNOWN_PRODUCT_TYPE',
      /SPACESHIPS/,
    ],
    ['an HS level that does not exist', '{ products(filter: { level: 8 }) { totalCount } }', 'INVALID_ARGUMENT', /must be 2, 4 or 6/],
  ])('rejects %s', async (_what, query, code, message) => {
    const result = await app.raw(query);
    expect(result.status).toBe(200);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions!.code).toBe(code);
    expect(result.errors![0].message).toMatch(message);
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  it('answers an invalid document with HTTP 400 and GRAPHQL_VALIDATION_FAILED, without a stack trace', async () => {
    const result = await app.raw('{ countries { nodes { notAField } } }');
    expect(result.status).toBe(400);
    expect(result.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0].extensions!.stacktrace).toBeUndefined();
  });

  it('answers a wrongly typed variable with HTTP 400 and BAD_USER_INPUT', async () => {
    const result = await app.raw('query ($n: Int) { countries(first: $n) { totalCount } }', { n: 'ten' });
    expect(result.status).toBe(400);
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('answers unparseable JSON with HTTP 400', async () => {
    const response = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
  });
});
