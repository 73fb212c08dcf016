import { Lexer, parse, Source, TokenKind, type GraphQLSchema } from 'graphql';
import { createSchema } from '../../../src/graphql/schema';
import { costOf, DEFAULTS, nested, timeMs, validateWithLimits } from './cost-fixtures';

/** Tokens of a document, as graphql-js counts them for `maxTokens`. */
function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
}

// The documents of issue 8 that took the server down, refused before any SQL. Timings are logged for the
// record (benchmark style), never asserted: they depend on the machine.
describe('the queries that took the server down are refused', () => {
  let schema: GraphQLSchema;
  const timings: string[] = [];
  beforeAll(async () => {
    schema = await createSchema();
  });
  afterAll(() => console.log(`Cost computation (best of 5):\n${timings.join('\n')}`));

  const measure = (label: string, query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    timings.push(
      `  ${label.padEnd(48)} ${timeMs(() => costOf(schema, query, variables))} ms (parse ${timeMs(() => parse(query))} ms, ${query.length.toLocaleString('en')} characters, ${document.loc?.endToken.line ?? 0} lines)`,
    );
  };

  it('productTypes { hsProducts { productTypes … } } 11 levels deep: far over the cost limit, within the depth limit', () => {
    const query = `{ ${nested(11, 'code', (level, inner) => `${level % 2 ? 'productTypes' : 'hsProducts'} { ${inner} }`)} }`;
    // Sizes by default: Query.productTypes 20, ProductType.hsProducts 20, Product.productTypes 10, alternating
    // down to `code` at level 11: c10 = 20 × 1, c9 = 10 × (1 + c10) … c1 = 20 × (1 + c2).
    let expected = 0;
    for (let level = 10; level >= 1; level--) expected = (level === 1 || level % 2 === 0 ? 20 : 10) * (1 + expected);
    expect(expected).toBe(675_376_884_420);
    expect(costOf(schema, query)).toBe(expected);
    expect(expected).toBeGreaterThan(DEFAULTS.maxCost);
    expect(validateWithLimits(schema, query)).toEqual([]);
    measure('productTypes/hsProducts, 11 levels', query);
  });

  it('country { facilities(first: 3) { country { … } } } 15 levels deep: over the depth limit', () => {
    const level = (n: number) => (n === 1 ? 'country(id: "VNM")' : n % 2 ? 'country' : 'facilities(first: 3)');
    const query = `{ ${nested(15, 'id', (n, inner) => `${level(n)} { ${inner} }`)} }`;
    // Its cost is modest (c14 = 3, c13 = 1 + 3, c12 = 3 × 5 … c1 = 4,372): depth is the limit that refuses it.
    expect(costOf(schema, query)).toBe(4372);
    expect(validateWithLimits(schema, query).map((e) => [e.extensions.code, e.extensions.kind, e.extensions.found])).toEqual([
      ['QUERY_TOO_COMPLEX', 'depth', 15],
    ]);
    measure('country/facilities(first: 3), 15 levels', query);
  });

  it('1,000 aliases of tradeAggregate(groupBy: [IMPORTER, PRODUCT, EXPORTER]): over both the alias and the cost limits', () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: tradeAggregate(groupBy: [IMPORTER, PRODUCT, EXPORTER]) { rows { valueUsd } }`).join(' ')} }`;
    // Each: 10 + 10 years × 5,000 × 1.5 + 1 + 100 rows = 75,111 — one alone is accepted, two are not.
    expect(costOf(schema, query)).toBe(1000 * 75_111);
    expect(validateWithLimits(schema, query).map((e) => [e.extensions.kind, e.extensions.found])).toEqual([['aliases', 1000]]);
    measure('1,000 aliases of tradeAggregate', query);
  });

  it('prices a 1 MB document, and one of the most tokens and aliases the limits allow, in milliseconds', () => {
    // 250 aliased fields, each with a 4 KB string argument: 12 tokens each, 1 MB in all.
    const query = `{ ${Array.from({ length: 250 }, (_, i) => `a${i}: country(id: "${'V'.repeat(4096)}") { id name }`).join(' ')} }`;
    expect(query.length).toBeGreaterThan(1_000_000);
    expect(costOf(schema, query)).toBe(250);
    measure('1 MB, 250 aliases of 4 KB strings', query);
    // Within the alias and token limits: 30 aliases of a wide selection, ~1,900 tokens.
    const wide =
      'id name region subRegion alpha2 numericCode groups { id name description members { id name region subRegion } } facilities(first: 2) { id name city workers country { id name region } manufacturer { id name } brands { id name parentCompany } productTypes { id name } }';
    const tokens = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: country(id: "VNM") { ${wide} }`).join(' ')} }`;
    expect(countTokens(tokens)).toBeLessThanOrEqual(DEFAULTS.maxTokens);
    measure(`${countTokens(tokens).toLocaleString('en')} tokens, 30 aliases of a wide selection`, tokens);
  });
});
