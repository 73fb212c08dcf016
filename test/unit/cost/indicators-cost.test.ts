import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { createSchema } from '../../../src/graphql/schema';
import { costOf, DEFAULTS } from './cost-fixtures';

/** The country indicators' prices (#12): they grow with the countries named, and the largest lists still fit. */
describe('country indicators cost', () => {
  let schema: GraphQLSchema;
  const operations = fs.readFileSync(path.resolve(__dirname, '..', '..', 'operations', 'indicators.graphql'), 'utf8');
  const codes = (n: number) => Array.from({ length: n }, (_, i) => `C${String(i).padStart(2, '0')}`);
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('prices trade intensity by reporters × partners over one year of flows', () => {
    const one = costOf(schema, operations, { reporter: 'VNM', partner: 'USA', year: 2023 }, 'TradeIntensity');
    const many = costOf(schema, operations, { reporters: codes(50), partners: codes(50), year: 2023 }, 'TradeIntensity');
    // A year of flows plus one statement (5,010), then one point per row: 1 row, or 2,500.
    expect([one, many]).toEqual([5011, 5010 + 2500]);
    expect(many).toBeLessThanOrEqual(DEFAULTS.maxCost);
  });

  it('prices each profile part per country, and a full profile of the 50 countries a query may name fits the default limit', () => {
    const one = costOf(schema, operations, { country: 'VNM', year: 2023 }, 'CountryProfiles');
    const fifty = costOf(schema, operations, { countries: codes(50), year: 2023, first: 300 }, 'CountryProfiles');
    expect(fifty).toBeGreaterThan(40 * one);
    expect(fifty).toBeLessThanOrEqual(DEFAULTS.maxCost);
  });
});
