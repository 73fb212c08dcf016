import { NestedFacilitiesDocument } from '../generated/graphql';
import { factories } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The N+1 guard: a nested query over many facilities — each with its country (and the country's
 * groups), its manufacturer (and that manufacturer's facilities), its brands (and each brand's
 * headquarters country) and its product types — must cost the same number of SQL statements for 20
 * rows as for 200. Every relation goes through a per-request DataLoader.
 */
describe('nested queries run in a constant number of SQL statements', () => {
  let app: TestApp;
  const sourcingCountries = ['CHN', 'VNM', 'IDN', 'BGD', 'IND', 'KHM', 'TUR', 'MEX'];
  const hqCountries = ['USA', 'DEU', 'JPN', 'GBR', 'FRA', 'SWE'];

  beforeAll(async () => {
    app = await startTestApp();
    const make = factories(app.running.db.orm.em.fork());
    const brands = [];
    for (let b = 0; b < 12; b++) brands.push(await make.brand(`Brand ${b}`, hqCountries[b % hqCountries.length]));
    const manufacturers = [];
    for (let m = 0; m < 25; m++) manufacturers.push(await make.manufacturer(`Group ${m}`, sourcingCountries[m % sourcingCountries.length]));
    for (let i = 0; i < 200; i++) {
      const facility = await make.facility({
        name: `Factory ${i}`,
        country: sourcingCountries[i % sourcingCountries.length],
        manufacturer: i % 10 === 0 ? undefined : manufacturers[i % manufacturers.length],
        workersMin: 100 + i,
        workersMax: 100 + i,
      });
      await make.link(brands[i % brands.length], facility, '2024-01-01', i % 2 ? 'APPAREL' : 'FOOTWEAR');
      await make.link(brands[(i + 5) % brands.length], facility, '2024-01-01', 'APPAREL');
    }
  });

  afterAll(() => app?.close());

  async function statementsFor(first: number) {
    app.resetQueryCount();
    const result = await app.gql(NestedFacilitiesDocument, { first });
    expect(result.errors).toBeUndefined();
    expect(result.data!.facilities.nodes).toHaveLength(first);
    for (const node of result.data!.facilities.nodes) {
      expect(node.brands).toHaveLength(2);
      expect(node.brands[0].hqCountry).not.toBeNull();
      expect(node.country.id).toHaveLength(3);
    }
    return app.queryCount();
  }

  it('costs the same for 20 facilities as for 200', async () => {
    // The first question after the writes above reads the catalog again (one statement, once per data version).
    await statementsFor(1);
    const small = await statementsFor(20);
    const large = await statementsFor(200);
    // One statement per relation level (plus the page and its count): about ten, whatever the row count.
    console.log(`N+1 guard: ${small} SQL statements for 20 facilities, ${large} for 200`);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(12);
  });
});
