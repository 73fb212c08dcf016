import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { createSchema } from '../../../src/graphql/schema';
import { EXPLORER_EXAMPLES } from '../../../src/server/explorer-examples';
import { costOf, DEFAULTS, validateWithLimits } from './cost-fixtures';

const operationsDir = path.resolve(__dirname, '..', '..', 'operations');

/** Values for the required variables of test/operations (the optional ones keep their defaults, the costliest case). */
const REQUIRED_VARIABLES: Record<string, Record<string, unknown>> = {
  TradeAggregate: { groupBy: ['IMPORTER', 'PRODUCT', 'EXPORTER'] },
  ImportConcentration: { importer: 'USA', product: '64', year: 2023 },
  WorldExportConcentration: { product: '64', year: 2023 },
  CountryProfile: { id: 'VNM' },
  ExportConcentration: { exporter: 'VNM', by: 'PRODUCTS', year: 2023 },
  StrategicDependencies: { importer: 'EU27', year: 2023 },
  CustomerConcentration: { id: '1' },
  SingleSourceExposure: { id: '1' },
  DisruptionBrands: { remove: { countries: ['CHN'] } },
  DisruptionImportMarkets: { remove: { countries: ['CHN'] }, year: 2023 },
  ProductTree: { code: '64' },
  BrandSourcing: { id: '1' },
  Rca: { year: 2023 },
  Complexity: { year: 2023, countries: ['VNM'] },
  ConcentrationTrend: { market: 'IMPORT_SOURCES', reporter: 'USA', product: '64', fromYear: 2018, toYear: 2023 },
  DisclosureChange: { id: '1', from: '2021-01-01' },
  // Country indicators (#12, part "indicators").
  TradeIntensity: { reporters: ['VNM'], partners: ['USA', 'DEU'], year: 2023 },
  Complementarity: { reporter: 'VNM', partners: ['USA', 'DEU'], year: 2023 },
  ExportMarketPenetration: { exporter: 'VNM', year: 2023 },
  CountryProfiles: { countries: ['VNM', 'IDN'], year: 2023 },
  CountryProfileTrade: { countries: ['VNM', 'IDN'], year: 2023 },
  CountryTradeCounts: { year: 2023 },
  // #12 unit values
  UnitValues: { exporters: ['VNM', 'IDN'], product: '64', fromYear: 2019, toYear: 2023 },
  UnitValueRanking: { code: '64', year: 2023 },
  QualitySignals: { search: 'Nike', year: 2023 },
  // #12 rival overlap
  RivalOverlap: { id: '1' },
  LeakageExposure: { id: '1' },
  // #12 upstream exposure
  BrandUpstreamExposure: { id: '1', year: 2023 },
  DisruptionUpstreamLoss: { remove: { countries: ['CHN'] }, year: 2023 },
};

describe('what analysts and the tests send is accepted under the default limits', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('accepts every example the explorer opens with', () => {
    const costs = Object.fromEntries(EXPLORER_EXAMPLES.map((e) => [e.title, costOf(schema, e.query)]));
    console.log(
      `Explorer examples, cost (limit ${DEFAULTS.maxCost}):\n${Object.entries(costs)
        .map(([t, c]) => `  ${t.padEnd(24)} ${c}`)
        .join('\n')}`,
    );
    for (const example of EXPLORER_EXAMPLES)
      expect({ title: example.title, errors: validateWithLimits(schema, example.query) }).toEqual({ title: example.title, errors: [] });
    expect(Object.entries(costs).filter(([, cost]) => cost > DEFAULTS.maxCost)).toEqual([]);
    // Two worked by hand. Import concentration: 10 (one market) + 1 + dataset 1 + top 5 × (1 + country 1).
    expect(costs['Import concentration']).toBe(22);
    // Datasets: the default 50 datasets × 1.
    expect(costs.Datasets).toBe(50);
  });

  it('accepts every operation of test/operations, with the costliest defaults of their optional variables', () => {
    const costs: Record<string, number> = {};
    for (const file of fs.readdirSync(operationsDir).filter((f) => f.endsWith('.graphql'))) {
      const text = fs.readFileSync(path.join(operationsDir, file), 'utf8');
      for (const definition of parse(text).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
        const name = definition.name!.value;
        costs[name] = costOf(schema, text, REQUIRED_VARIABLES[name] ?? {}, name);
      }
      expect({ file, errors: validateWithLimits(schema, text) }).toEqual({ file, errors: [] });
    }
    console.log(
      `test/operations, cost:\n${Object.entries(costs)
        .map(([n, c]) => `  ${n.padEnd(28)} ${c}`)
        .join('\n')}`,
    );
    // + 6 of the country indicators, + 3 of unit values, + 3 of rival overlap, + 3 of upstream exposure (#12)
    expect(Object.keys(costs)).toHaveLength(28 + 6 + 3 + 3 + 3);
    expect(Object.entries(costs).filter(([, cost]) => cost > DEFAULTS.maxCost)).toEqual([]);
  });

  it("accepts the N+1 guard's page of 200 facilities with their nested lists", () => {
    const text = fs.readFileSync(path.join(operationsDir, 'facilities.graphql'), 'utf8');
    // 100 (count) + 1 + 200 × (1 + country (1 + groups 20) + manufacturer (1 + facilities 5) + brands 100 × (1 + hqCountry 1) + productTypes 20).
    const cost = costOf(schema, text, { first: 200 }, 'NestedFacilities');
    expect(cost).toBe(100 + 1 + 200 * (1 + 21 + 6 + 200 + 20));
    expect(cost).toBeLessThanOrEqual(DEFAULTS.maxCost);
  });
});
