import { buildSchema, parse, type GraphQLResolveInfo } from 'graphql';
import { selectedFieldNames } from '../../../src/graphql/selection';
import { fromStatistics, statisticsSuffice, toConcentration } from '../../../src/modules/concentration/concentration.result';
import { BandGuidelines, ParticipantKind } from '../../../src/modules/concentration/concentration.types';
import { concentration } from '../../../src/modules/metrics/concentration';

/** A resolve info for the root field of `query` (what selectedFieldNames reads: field nodes and fragments). */
function infoOf(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
  ) as unknown as GraphQLResolveInfo['fragments'];
  const field = operation.kind === 'OperationDefinition' ? operation.selectionSet.selections[0] : null;
  return { fieldNodes: [field], fragments, schema: buildSchema('type Query { a: Int }') } as unknown as GraphQLResolveInfo;
}

describe('market statistics', () => {
  it('selectedFieldNames merges aliases, inline and named fragments, and follows a path', () => {
    const info = infoOf(`{ m { productCode concentration { h: hhi ...F ... on Concentration { participants } } } }
      fragment F on Concentration { gini band }`);
    expect(selectedFieldNames(info)).toEqual(new Set(['productCode', 'concentration']));
    expect(selectedFieldNames(info, ['concentration'])).toEqual(new Set(['hhi', 'gini', 'band', 'participants']));
  });

  it('suffice for N, W, HHI and its kin, CR1 and the band (CRk only for k = 1), not for ranked figures', () => {
    expect(statisticsSuffice(new Set(['participants', 'totalWeight', 'hhi', 'hhiPoints', 'cr1', 'band', '__typename']), 10)).toBe(true);
    expect(statisticsSuffice(new Set(['hhi', 'crk']), 1)).toBe(true);
    for (const field of ['crk', 'cr3', 'cr5', 'entropy', 'evenness', 'gini', 'top'])
      expect(statisticsSuffice(new Set(['hhi', field]), 10)).toBe(false);
  });

  it('give the reference figures, the same as a row of the concentration statement with the same sums, and refuse ranked fields', () => {
    const weights = [20, 20, 20, 20, 10, 10];
    const stats = { n: 6, sum_w: '100.000', sum_w2: '1800.000000', max_w: '20.000' };
    const c = fromStatistics(stats, null, BandGuidelines.DOJ_FTC_2023, 1);
    const reference = concentration(weights);
    expect([c.participants, c.totalWeight, c.hhi, c.hhiPoints, c.effectiveNumber, c.cr1, c.crk, c.band]).toEqual([
      6,
      100,
      reference.hhi,
      1800,
      reference.effectiveNumber,
      reference.cr1,
      reference.cr1,
      'MODERATE',
    ]);
    const row = {
      ...stats,
      total: 100,
      hhi: 0.18000000000000002,
      cr1: 0.2,
      cr3: 0.6,
      cr5: 0.9,
      crk: 0.2,
      entropy: 1.7,
      gini: 0.1,
      top: [],
    };
    const flows = toConcentration(row, null, BandGuidelines.DOJ_FTC_2023, 1, ParticipantKind.COUNTRY);
    expect([flows.totalWeight, flows.hhi, flows.hhiPoints, flows.normalizedHhi, flows.effectiveNumber, flows.cr1]).toEqual([
      c.totalWeight,
      c.hhi,
      c.hhiPoints,
      c.normalizedHhi,
      c.effectiveNumber,
      c.cr1,
    ]);
    expect(() => c.gini).toThrow(/statistics/);
    expect(() => c.top).toThrow(/statistics/);
    expect(() => fromStatistics(stats, null, BandGuidelines.DOJ_FTC_2023, 10).crk).toThrow(/statistics/);
    expect(fromStatistics(undefined, null, BandGuidelines.DOJ_FTC_2023, 10)).toMatchObject({ participants: 0, hhi: null, top: [] });
  });
});
