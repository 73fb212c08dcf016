import { getIntrospectionQuery, type GraphQLSchema } from 'graphql';
import { AppError } from '../../../src/errors/app-error';
import { createSchema } from '../../../src/graphql/schema';
import { DEFAULTS, nested, validateWithLimits } from './cost-fixtures';

describe('costValidationRules (graphql-armor: depth, aliases, directives)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  const tooComplex = (schemaErrors: ReturnType<typeof validateWithLimits>) =>
    schemaErrors.filter((e) => e.extensions.code === 'QUERY_TOO_COMPLEX');

  it('uses the default limits of config.cost: depth 12, 50 aliases, 50 directives', () => {
    expect(DEFAULTS).toMatchObject({ maxDepth: 12, maxAliases: 50, maxDirectives: 50 });
  });

  it('refuses depth 30 with QUERY_TOO_COMPLEX, the depth found and the limit, and accepts depth 12', () => {
    // country { facilities { country { … id } } }: one field per level, the leaf `id` at level `depth`.
    const level = (n: number) => (n === 1 ? 'country(id: "VNM")' : n % 2 ? 'country' : 'facilities(first: 1)');
    const deep = (depth: number) => `{ ${nested(depth, 'id', (n, inner) => `${level(n)} { ${inner} }`)} }`;
    const errors = tooComplex(validateWithLimits(schema, deep(30)));
    expect(errors.map((e) => [e.message, e.extensions.kind, e.extensions.found, e.extensions.limit])).toEqual([
      ['Query depth 30 exceeds the limit of 12.', 'depth', 30, 12],
    ]);
    // The one formatError maps it through its AppError, whatever Apollo wraps it in.
    expect(errors[0].originalError).toBeInstanceOf(AppError);
    expect(validateWithLimits(schema, deep(12))).toEqual([]);
  });

  it('counts depth through fragment spreads and inline fragments, which add no level of their own', () => {
    // Levels: country 1, facilities 2, country 3 (in F), id 4 (in the inline fragment): depth 4, not 6.
    const query = '{ country(id: "VNM") { ...F } } fragment F on Country { facilities(first: 1) { country { ... on Country { id } } } }';
    expect(validateWithLimits(schema, query)).toEqual([]);
    const deep = `{ country(id: "VNM") { ...F0 } } ${Array.from({ length: 7 }, (_, i) => `fragment F${i} on Country { facilities(first: 1) { country { ...F${i + 1} } } }`).join(' ')} fragment F7 on Country { id }`;
    // 1 + 7 × 2 levels + the leaf = 16.
    expect(tooComplex(validateWithLimits(schema, deep)).map((e) => e.extensions.found)).toEqual([16]);
  });

  it("lets GraphiQL's introspection query through the depth limit", () => {
    expect(validateWithLimits(schema, getIntrospectionQuery())).toEqual([]);
  });

  it("ends on a fragment cycle, refused by graphql's NoFragmentCycles", () => {
    const errors = validateWithLimits(schema, '{ country(id: "VNM") { ...A } } fragment A on Country { facilities { country { ...A } } }');
    expect(errors.map((e) => e.message)).toContain('Cannot spread fragment "A" within itself.');
  });

  it('refuses 51 aliases and 51 directives, and accepts 50 of each', () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: country(id: "VNM") { id }`).join(' ')} }`;
    expect(tooComplex(validateWithLimits(schema, aliases(51))).map((e) => [e.extensions.kind, e.extensions.found])).toEqual([
      ['aliases', 51],
    ]);
    expect(validateWithLimits(schema, aliases(50))).toEqual([]);
    const directives = (n: number) => `{ country(id: "VNM") { ${Array.from({ length: n }, () => 'id @include(if: true)').join(' ')} } }`;
    expect(tooComplex(validateWithLimits(schema, directives(51))).map((e) => [e.extensions.kind, e.extensions.found])).toEqual([
      ['directives', 51],
    ]);
    expect(validateWithLimits(schema, directives(50))).toEqual([]);
  });
});
