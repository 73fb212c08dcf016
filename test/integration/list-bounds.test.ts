import { factories } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

type Row = Record<string, unknown>;
const list = (data: unknown, ...path: string[]): Row[] =>
  path.reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], data) as Row[];

describe('every list field is bounded by `first` (issue 8)', () => {
  let app: TestApp;
  let facilityIds: number[];
  let brandIds: number[];

  beforeAll(async () => {
    app = await startTestApp();
    const make = factories(app.running.db.orm.em.fork());
    // One facility disclosed by three brands, another by one: a per-parent limit of 2 must give 2 and 1.
    const busy = await make.facility({ name: 'Busy', country: 'VNM' });
    const quiet = await make.facility({ name: 'Quiet', country: 'VNM' });
    const brands = [await make.brand('Brand 1', 'USA'), await make.brand('Brand 2', 'USA'), await make.brand('Brand 3', 'DEU')];
    for (const brand of brands) await make.link(brand, busy, '2023-08-01', 'FOOTWEAR');
    await make.link(brands[0], quiet, '2023-08-01', 'APPAREL');
    await make.link(brands[0], busy, '2022-08-01', 'APPAREL');
    facilityIds = [busy.id, quiet.id];
    brandIds = brands.map((b) => b.id);
  });

  afterAll(() => app?.close());

  it("keeps today's whole answer without `first` where it is small: 21 HS sections, 8 product types, 27 EU members", async () => {
    const res = await app.raw('{ hsSections { id } productTypes { id hsProducts { code } } countryGroup(id: "EU27") { members { id } } }');
    expect(res.errors).toBeUndefined();
    expect(list(res.data, 'hsSections')).toHaveLength(21);
    // The seeded mapping: 8 types; TEXTILES maps to the 11 chapters 50–60.
    expect(list(res.data, 'productTypes')).toHaveLength(8);
    expect(list(res.data, 'productTypes').find((t) => t.id === 'TEXTILES')?.hsProducts).toHaveLength(11);
    expect(list(res.data, 'countryGroup', 'members')).toHaveLength(27);
  });

  it('returns the first `first` items, in the documented order', async () => {
    const res = await app.raw(
      '{ hsSections(first: 3) { id chapters(first: 2) { code } } productTypes(first: 2) { id } countryGroup(id: "EU27") { members(first: 3) { id } } }',
    );
    expect(res.errors).toBeUndefined();
    // Sections I–III; section I holds chapters 01–05, so its first two are 01 and 02.
    expect(list(res.data, 'hsSections').map((s) => s.id)).toEqual([1, 2, 3]);
    expect(list(res.data, 'hsSections')[0].chapters).toEqual([{ code: '01' }, { code: '02' }]);
    // Product types in code order: APPAREL, BAGS.
    expect(list(res.data, 'productTypes').map((t) => t.id)).toEqual(['APPAREL', 'BAGS']);
    // EU members in alpha-3 order: Austria, Belgium, Bulgaria.
    expect(list(res.data, 'countryGroup', 'members').map((c) => c.id)).toEqual(['AUT', 'BEL', 'BGR']);
  });

  it('applies a nested limit to each parent of a batch, not to the batch as a whole', async () => {
    const res = await app.raw(`{ a: facility(id: "${facilityIds[0]}") { brands(first: 2) { id } sourcingLinks(first: 1) { disclosedAt } }
                                 b: facility(id: "${facilityIds[1]}") { brands(first: 2) { id } sourcingLinks(first: 1) { disclosedAt } } }`);
    expect(res.errors).toBeUndefined();
    // Busy has 3 brands: the first 2 by id; Quiet has 1. A global LIMIT 2 would have starved Quiet.
    expect(list(res.data, 'a', 'brands').map((b) => Number(b.id))).toEqual(brandIds.slice(0, 2));
    expect(list(res.data, 'b', 'brands').map((b) => Number(b.id))).toEqual([brandIds[0]]);
    // Busy's links by date: the 2022 one comes first.
    expect(list(res.data, 'a', 'sourcingLinks')).toEqual([{ disclosedAt: '2022-08-01' }]);
    expect(list(res.data, 'b', 'sourcingLinks')).toEqual([{ disclosedAt: '2023-08-01' }]);
  });

  it('accepts `first` at its maximum and refuses one above it with PAGE_SIZE_TOO_LARGE', async () => {
    const atMax = await app.raw('{ hsSections(first: 50) { id } productTypes(first: 100) { id } }');
    expect(atMax.errors).toBeUndefined();
    expect(list(atMax.data, 'hsSections')).toHaveLength(21);
    const cases: Array<[string, number]> = [
      ['{ hsSections(first: 51) { id } }', 50],
      ['{ productTypes(first: 101) { id } }', 100],
      ['{ datasets(first: 501) { id } }', 500],
      ['{ countryGroup(id: "EU27") { members(first: 301) { id } } }', 300],
      [`{ facility(id: "${facilityIds[0]}") { brands(first: 1001) { id } } }`, 1000],
      ['{ product(code: "64") { children(first: 1001) { code } productTypes(first: 101) { id } } }', 1000],
    ];
    for (const [query, max] of cases) {
      const res = await app.raw(query);
      expect({ query, code: res.errors?.[0]?.extensions?.code, max: res.errors?.[0]?.extensions?.max }).toEqual({
        query,
        code: 'PAGE_SIZE_TOO_LARGE',
        max,
      });
    }
    const negative = await app.raw('{ hsSections(first: -1) { id } }');
    expect(negative.errors?.[0]?.extensions?.code).toBe('INVALID_PAGE_SIZE');
  });
});
