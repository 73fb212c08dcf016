import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType, type GraphQLSchema } from 'graphql';
import { COST_TABLE, withCostDescriptions } from '../../../src/graphql/cost';
import { createSchema } from '../../../src/graphql/schema';

describe('COST_TABLE', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  const fields = () =>
    Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('__'))
      .flatMap((t) =>
        Object.values((t as ReturnType<typeof schema.getQueryType> & object).getFields()).map((f) => ({
          key: `${t.name}.${f.name}`,
          field: f,
        })),
      );

  it('sizes every list of objects: by its own `first` (or `top`), or by the field that computes it', () => {
    const unsized = fields()
      .filter(({ field }) => isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type)))
      .filter(({ key }) => !COST_TABLE[key]?.list && !COST_TABLE[key]?.itemOf)
      .map(({ key }) => key);
    expect(unsized).toEqual([]);
  });

  it('gives every list of objects with a `first` argument a bound of its own', () => {
    const unbounded = fields()
      .filter(({ field }) => field.args.some((a) => a.name === 'first') && isListType(getNullableType(field.type)))
      .filter(({ key }) => !COST_TABLE[key]?.list?.text.includes('`first`'))
      .map(({ key }) => key);
    expect(unbounded).toEqual([]);
  });

  it('names only fields the schema has', () => {
    const known = new Set(fields().map((f) => f.key));
    expect(Object.keys(COST_TABLE).filter((key) => !known.has(key))).toEqual([]);
  });

  it('writes each cost into the schema description, from the table', async () => {
    const described = withCostDescriptions(await createSchema());
    const aggregate = described.getQueryType()!.getFields().tradeAggregate.description!;
    expect(aggregate).toMatch(/ Cost: 10 \+ 5000 per year scanned .*; `rows` × `first` \(default 100, max 10000\)\.$/);
    // Twice is still once.
    withCostDescriptions(described);
    expect(
      described
        .getQueryType()!
        .getFields()
        .tradeAggregate.description!.match(/Cost: /g),
    ).toHaveLength(1);
  });
});
