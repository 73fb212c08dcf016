import {
  BrandSourcingDocument,
  CountriesPageDocument,
  CountryGroupsDocument,
  CountryProfileDocument,
  FacilitiesPageDocument,
  HsSectionsDocument,
  ManufacturersDocument,
  ProductTreeDocument,
  ProductsDocument,
  ProductTypesDocument,
  SourcingLinksDocument,
} from '../generated/graphql';
import { factories } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('browsing the graph', () => {
  let app: TestApp;
  let ids: { brandA: number; brandB: number; groupX: number; fVn1: number; fVn2: number; fCn: number; fBd: number };

  beforeAll(async () => {
    app = await startTestApp();
    const make = factories(app.running.db.orm.em.fork());
    const groupX = await make.manufacturer('Group X', 'TWN');
    const fVn1 = await make.facility({
      name: 'Saigon Shoes 1',
      country: 'VNM',
      manufacturer: groupX,
      workersMin: 1000,
      workersMax: 1000,
      city: 'Ho Chi Minh City',
    });
    const fVn2 = await make.facility({ name: 'Hanoi Knits', country: 'VNM', workersMin: 501, workersMax: 1000 });
    const fCn = await make.facility({ name: 'Dongguan Shoes', country: 'CHN', manufacturer: groupX });
    const fBd = await make.facility({ name: 'Dhaka Garments', country: 'BGD', workersMin: 3000, workersMax: 3000 });
    const brandA = await make.brand('Alpha Sports', 'USA', 'Alpha Holdings');
    const brandB = await make.brand('Beta Outdoor', 'DEU');
    await make.link(brandA, fVn1, '2021-02-01', 'FOOTWEAR');
    await make.link(brandA, fCn, '2021-02-01', 'FOOTWEAR');
    await make.link(brandA, fVn1, '2023-08-01', 'FOOTWEAR');
    await make.link(brandA, fBd, '2023-08-01', 'APPAREL');
    await make.link(brandB, fVn2, '2023-08-01', 'APPAREL');
    await make.link(brandB, fVn1, '2023-08-01', 'FOOTWEAR');
    ids = { brandA: brandA.id, brandB: brandB.id, groupX: groupX.id, fVn1: fVn1.id, fVn2: fVn2.id, fCn: fCn.id, fBd: fBd.id };
  });

  afterAll(() => app?.close());

  it('pages through all 254 countries (249 current, 5 former) without skipping or repeating one', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof app.gql<import('../generated/graphql').CountriesPageQuery, unknown>>> = await app.gql(
        CountriesPageDocument,
        { first: 100, after },
      );
      expect(page.errors).toBeUndefined();
      const conn = page.data!.countries;
      expect(conn.totalCount).toBe(254);
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(conn.edges.map((e) => e.node.id)).toEqual(conn.nodes.map((n) => n.id));
      seen.push(...conn.nodes.map((n) => n.id));
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor! : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(254);
    expect(new Set(seen).size).toBe(254);
    expect(seen).toContain('ANT');
    expect([...seen].sort()).toEqual(seen);
  });

  it('filters countries by region, sub-region, group and search', async () => {
    const asean = await app.gql(CountriesPageDocument, { filter: { group: 'asean' } });
    expect(asean.data!.countries.nodes.map((c) => c.id)).toEqual([
      'BRN',
      'IDN',
      'KHM',
      'LAO',
      'MMR',
      'MYS',
      'PHL',
      'SGP',
      'THA',
      'TLS',
      'VNM',
    ]);
    const sea = await app.gql(CountriesPageDocument, { filter: { region: 'asia', subRegion: 'South-eastern Asia' } });
    expect(sea.data!.countries.totalCount).toBe(11);
    const viet = await app.gql(CountriesPageDocument, { filter: { search: 'viet' } });
    expect(viet.data!.countries.nodes).toEqual([
      {
        id: 'VNM',
        alpha2: 'VN',
        numericCode: 704,
        name: 'Viet Nam',
        region: 'Asia',
        subRegion: 'South-eastern Asia',
        intermediateRegion: null,
      },
    ]);
    expect((await app.gql(CountriesPageDocument, { filter: { search: 'de' } })).data!.countries.nodes.map((c) => c.id)).toContain('DEU');
  });

  it('lists the five country groups with their members', async () => {
    const result = await app.gql(CountryGroupsDocument);
    const sizes = Object.fromEntries(result.data!.countryGroups.nodes.map((g) => [g.id, g.members.length]));
    expect(sizes).toEqual({ ASEAN: 11, BRICS: 10, EU27: 27, G7: 7, USMCA: 3 });
  });

  it('resolves a country profile with its groups, facilities and headquartered brands', async () => {
    const result = await app.gql(CountryProfileDocument, { id: 'vnm' });
    expect(result.errors).toBeUndefined();
    const vnm = result.data!.country!;
    expect(vnm.groups.map((g) => g.id)).toEqual(['ASEAN']);
    expect(vnm.facilities.map((f) => f.name)).toEqual(['Saigon Shoes 1', 'Hanoi Knits']);
    expect((await app.gql(CountryProfileDocument, { id: 'VNM', first: 1 })).data!.country!.facilities).toHaveLength(1);
    expect((await app.gql(CountryProfileDocument, { id: 'USA' })).data!.country!.brandsHeadquartered.map((b) => b.name)).toEqual([
      'Alpha Sports',
    ]);
    expect((await app.gql(CountryProfileDocument, { id: 'ZZZ' })).data!.country).toBeNull();
  });

  it('walks the HS tree: 21 sections, 97 chapters, product types by prefix', async () => {
    const sections = await app.gql(HsSectionsDocument);
    expect(sections.data!.hsSections).toHaveLength(21);
    expect(sections.data!.hsSections.reduce((n, s) => n + s.chapters.length, 0)).toBe(96); // chapter 99 has no section
    const chapters = await app.gql(ProductsDocument, { filter: { level: 2 }, first: 200 });
    expect(chapters.data!.products.totalCount).toBe(97);
    const apparel = await app.gql(ProductTreeDocument, { code: '61' });
    expect(apparel.data!.product).toMatchObject({
      code: '61',
      level: 2,
      parent: null,
      section: { id: 11, roman: 'XI' },
      productTypes: [{ id: 'APPAREL' }],
    });
    const types = await app.gql(ProductTypesDocument);
    expect(types.data!.productTypes.find((t) => t.id === 'APPAREL')!.hsProducts.map((p) => p.code)).toEqual(['61', '62']);
  });

  it("returns a brand's facilities at its latest disclosure by default, and at any date asked", async () => {
    const latest = await app.gql(BrandSourcingDocument, { id: String(ids.brandA) });
    expect(latest.errors).toBeUndefined();
    const brand = latest.data!.brand!;
    expect(brand.disclosureDates).toEqual(['2021-02-01', '2023-08-01']);
    expect(brand.hqCountry).toEqual({ id: 'USA' });
    expect(brand.facilities.map((f) => f.name)).toEqual(['Saigon Shoes 1', 'Dhaka Garments']);
    expect(brand.sourcingLinks).toHaveLength(4);
    const early = await app.gql(BrandSourcingDocument, { id: String(ids.brandA), disclosedAt: '2021-02-01' });
    expect(early.data!.brand!.facilities.map((f) => f.country.id)).toEqual(['VNM', 'CHN']);
    expect(early.data!.brand!.sourcingLinks.map((l) => l.productType.id)).toEqual(['FOOTWEAR', 'FOOTWEAR']);
  });

  it('filters facilities by country, group, brand and date, product type, manufacturer and text', async () => {
    const names = async (filter: object) => (await app.gql(FacilitiesPageDocument, { filter })).data!.facilities.nodes.map((f) => f.name);
    expect(await names({ countries: ['VNM'] })).toEqual(['Saigon Shoes 1', 'Hanoi Knits']);
    expect(await names({ countryGroup: 'ASEAN' })).toEqual(['Saigon Shoes 1', 'Hanoi Knits']);
    expect(await names({ brand: String(ids.brandA), disclosedAt: '2021-02-01' })).toEqual(['Saigon Shoes 1', 'Dongguan Shoes']);
    expect(await names({ brand: String(ids.brandB) })).toEqual(['Saigon Shoes 1', 'Hanoi Knits']);
    expect(await names({ productType: 'apparel' })).toEqual(['Hanoi Knits', 'Dhaka Garments']);
    expect(await names({ manufacturer: String(ids.groupX) })).toEqual(['Saigon Shoes 1', 'Dongguan Shoes']);
    expect(await names({ search: 'shoes' })).toEqual(['Saigon Shoes 1', 'Dongguan Shoes']);
    expect(await names({ search: 'chi minh' })).toEqual(['Saigon Shoes 1']);
    expect(await names({ search: '100%' })).toEqual([]);
  });

  it('resolves manufacturers with their facilities, and sourcing links with filters', async () => {
    const manufacturers = await app.gql(ManufacturersDocument, { filter: { facilityCountry: 'CHN' } });
    expect(manufacturers.data!.manufacturers.nodes).toEqual([
      {
        id: String(ids.groupX),
        name: 'Group X',
        hqCountry: { id: 'TWN' },
        facilities: [
          { id: String(ids.fVn1), country: { id: 'VNM' } },
          { id: String(ids.fCn), country: { id: 'CHN' } },
        ],
      },
    ]);
    const links = await app.gql(SourcingLinksDocument, { filter: { facilityCountry: 'VNM', disclosedFrom: '2023-01-01' } });
    expect(links.data!.sourcingLinks.totalCount).toBe(3);
    const paged = await app.gql(SourcingLinksDocument, { first: 4 });
    expect(paged.data!.sourcingLinks.pageInfo.hasNextPage).toBe(true);
    const rest = await app.gql(SourcingLinksDocument, { first: 4, after: paged.data!.sourcingLinks.pageInfo.endCursor });
    expect(rest.data!.sourcingLinks.nodes).toHaveLength(2);
    expect(rest.data!.sourcingLinks.pageInfo.hasNextPage).toBe(false);
  });

  it('reports capacity as exact workers, a range midpoint, or null when unknown', async () => {
    const result = await app.gql(FacilitiesPageDocument, { filter: { countries: ['VNM', 'CHN'] } });
    expect(result.errors).toBeUndefined();
    const raw = await app.raw('{ facilities(first: 10) { nodes { name workers workersMin workersMax capacityWeight } } }');
    const byName = Object.fromEntries((raw.data!.facilities as { nodes: Array<{ name: string }> }).nodes.map((f) => [f.name, f]));
    expect(byName['Saigon Shoes 1']).toMatchObject({ workers: 1000, capacityWeight: 1000 });
    expect(byName['Hanoi Knits']).toMatchObject({ workers: null, workersMin: 501, workersMax: 1000, capacityWeight: 750.5 });
    expect(byName['Dongguan Shoes']).toMatchObject({ workers: null, capacityWeight: null });
  });
});
