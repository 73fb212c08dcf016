import { getIntrospectionQuery, type GraphQLSchema } from 'graphql';
import { VariableCoercionError } from '../../../src/graphql/cost';
import { createSchema } from '../../../src/graphql/schema';
import { costOf } from './cost-fixtures';

// Unit: scalars 0, an object 1 + its selection, a list items × (1 + one item's selection), plus each
// field's base in COST_TABLE. Every expected number below is worked out by hand from those rules.
describe('operationCost', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('prices an object at 1 and its scalars at 0', () => {
    expect(costOf(schema, '{ country(id: "VNM") { id name region } }')).toBe(1);
  });

  it('multiplies a connection by `first`, and adds the COUNT of totalCount', () => {
    // countries: 1 (the connection) + 1 (totalCount, a count of ~260 rows) + 10 nodes × (1 + groups: 20 × 1).
    expect(costOf(schema, '{ countries(first: 10) { totalCount nodes { id groups { id } } } }')).toBe(1 + 1 + 10 * (1 + 20));
    // Without first: the default page of 50; edges priced like nodes (50 × (1 + node 1)).
    expect(costOf(schema, '{ countries { edges { cursor node { id } } } }')).toBe(1 + 50 * 2);
  });

  it('reads `first` from the variables, with its default when absent and its maximum when larger', () => {
    const query = 'query Page($n: Int) { countries(first: $n) { nodes { id } } }';
    expect(costOf(schema, query, { n: 7 })).toBe(1 + 7);
    expect(costOf(schema, query, {})).toBe(1 + 50);
    // 1,000,000 is refused with PAGE_SIZE_TOO_LARGE before any SQL: it can cost no more than the maximum, 500.
    expect(costOf(schema, query, { n: 1_000_000 })).toBe(1 + 500);
  });

  it('sizes a nested result list by the argument of the field that computes it', () => {
    // 10 (one import market) + 1 + dataset 1 + top: 5 × (1 + country 1).
    expect(
      costOf(
        schema,
        '{ importConcentration(importer: "USA", product: "64", year: 2023, top: 5) { hhi dataset { id } top { share country { name } } } }',
      ),
    ).toBe(10 + 1 + 1 + 5 * 2);
    // top defaults to 10 (the schema's default), not to the 1,000 maximum.
    expect(costOf(schema, '{ importConcentration(importer: "USA", product: "64", year: 2023) { top { share } } }')).toBe(10 + 1 + 10 * 1);
  });

  it('follows a sizing path through nested results (disruption brands: first × top)', () => {
    // disruptionScenario 10 + 1; brands 1,000 + 1; nodes 3 × (1 + remaining (1 + top 4 × 1)).
    const query =
      '{ disruptionScenario(remove: { countries: ["CHN"] }) { brands(first: 3, top: 4) { nodes { remaining { top { share } } } } } }';
    expect(costOf(schema, query)).toBe(10 + 1 + 1000 + 1 + 3 * (1 + (1 + 4)));
  });

  it('prices tradeAggregate by the years it scans and the groups it forms', () => {
    const rows = 'rows { valueUsd }';
    // Every year (10 assumed) × 5,000 a year × (1 + 3 fine dimensions / 6) + 10; rows: 100 by default.
    expect(costOf(schema, `{ tradeAggregate(groupBy: [IMPORTER, PRODUCT, EXPORTER]) { ${rows} } }`)).toBe(10 + 75_000 + 1 + 100);
    // Two years, by YEAR only: 10 + 2 × 5,000; 5 rows.
    expect(costOf(schema, `{ tradeAggregate(groupBy: [YEAR], first: 5, filter: { yearFrom: 2022, yearTo: 2023 }) { ${rows} } }`)).toBe(
      10 + 10_000 + 1 + 5,
    );
  });

  it('counts skipped fields as nothing and only the operation asked for', () => {
    const query = `query A($skip: Boolean!) { countries(first: 10) { nodes { id groups @skip(if: $skip) { id } } } }
                   query B { countries(first: 2) { nodes { id } } }`;
    expect(costOf(schema, query, { skip: true }, 'A')).toBe(1 + 10);
    expect(costOf(schema, query, { skip: false }, 'A')).toBe(1 + 10 * 21);
    expect(costOf(schema, query, {}, 'B')).toBe(1 + 2);
    expect(costOf(schema, query, {}, 'Missing')).toBe(0);
  });

  it("refuses variables that execution would refuse, with graphql-js's own errors", () => {
    const query = 'query Page($n: Int, $id: String!) { countries(first: $n) { nodes { id } } country(id: $id) { id } }';
    let thrown: unknown;
    try {
      costOf(schema, query, { n: 'ten' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VariableCoercionError);
    // One error for the wrong type of $n, one for the missing $id.
    expect((thrown as VariableCoercionError).errors.map((e) => e.message)).toEqual([
      expect.stringContaining('$n'),
      expect.stringContaining('$id'),
    ]);
  });

  it("prices introspection (GraphiQL's query) at 0", () => {
    expect(costOf(schema, getIntrospectionQuery())).toBe(0);
  });

  it('ends on a fragment cycle (which validation refuses) instead of recursing for ever', () => {
    const query = '{ country(id: "VNM") { ...A } } fragment A on Country { facilities(first: 2) { country { ...A } } }';
    // The cycle is cut where A spreads itself: country 1 + facilities 2 × (1 + country 1).
    expect(costOf(schema, query)).toBe(1 + 2 * 2);
  });

  it('refuses a fragment bomb that expands past 10,000 selections with QUERY_TOO_COMPLEX', () => {
    // Each fragment spreads the next one twice: 2^14 copies of the leaf once expanded, in a tiny document.
    const levels = Array.from({ length: 14 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`);
    const query = `{ ...F0 } ${levels.join(' ')} fragment F14 on Query { hsSections { id } }`;
    expect(() => costOf(schema, query)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', kind: 'nodes' }) }),
    );
  });
});
