import path from 'node:path';
import { runImport } from '../../src/modules/import/run-import';
import { BrandSourcingDocument, BrandsDocument, FacilitiesPageDocument } from '../generated/graphql';
import { ofBrand, readNikeFactories, workersBy } from '../support/nike-files';
import { readCsv, sharedFile } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

const nike = {
  '2021-02-01': sharedFile('brands/nike_manufacturing_export_2021-02.csv'),
  '2023-08-01': sharedFile('brands/nike_manufacturing_export_2023-08.csv'),
  '2025-06-01': sharedFile('brands/nike_manufacturing_export_2025-06.csv'),
};
const generic = sharedFile('brands/brand_disclosures_adidas_vf_puma_c2023.csv');
const osh = path.resolve(__dirname, '..', 'fixtures', 'open-supply-hub-sample.csv');
const haveFiles = Boolean(nike['2021-02-01'] && nike['2023-08-01'] && nike['2025-06-01'] && generic);

(haveFiles ? describe : describe.skip)('importing brand disclosures and Open Supply Hub facilities', () => {
  let app: TestApp;
  let nikeId: string;
  let converseId: string;
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await app.running.db.orm.em.fork().getConnection().execute(text, params)) as T[];

  beforeAll(async () => {
    app = await startTestApp();
    // All three in one command, as `npm run import -- nike a.csv b.csv c.csv` does: one transaction, one staging table name.
    const loaded = await runImport(app.running.db, { format: 'nike', files: Object.values(nike) as string[] });
    expect(loaded.files.map((f) => f.unchanged)).toEqual([false, false, false]);
    const brands = await app.gql(BrandsDocument, { filter: { search: 'nike' } });
    // "nike" also finds Converse, whose parent company is Nike, Inc.
    const byName = new Map(brands.data!.brands.nodes.map((b) => [b.name, b.id]));
    [nikeId, converseId] = [byName.get('Nike')!, byName.get('Converse')!];
  });
  afterAll(() => app?.close());

  it("records Nike's three disclosures with the dates their banners give", async () => {
    const brand = await app.gql(BrandSourcingDocument, { id: nikeId });
    expect(brand.data!.brand).toMatchObject({
      name: 'Nike',
      parentCompany: 'Nike, Inc.',
      disclosureDates: ['2021-02-01', '2023-08-01', '2025-06-01'],
    });
  });

  it.each([
    ['2021-02-01', 498, 498, 6],
    ['2023-08-01', 643, 607, 36],
    ['2025-06-01', 666, 632, 34],
  ])(
    'at %s Nike, Inc. disclosed %i facilities, one per factory row of its file: %i for Nike, %i for Converse, as its brand column says (#10)',
    async (date, rows, nikeRows, converseRows) => {
      // Independent count: the data rows after the banner line and the header line, one factory each.
      const file = nike[date as keyof typeof nike]!;
      expect(readCsv(file).length - 1).toBe(rows); // readCsv takes the banner for a header: minus the real header
      const factories = readNikeFactories(file);
      expect([ofBrand(factories, 'NIKE').length, ofBrand(factories, 'CONVERSE').length]).toEqual([nikeRows, converseRows]);
      const result = await app.raw(
        `{ nike: brand(id: "${nikeId}") { facilities(disclosedAt: "${date}", first: 1000) { id } } converse: brand(id: "${converseId}") { facilities(disclosedAt: "${date}", first: 1000) { id } } }`,
      );
      const count = (key: string) => (result.data![key] as { facilities: unknown[] }).facilities.length;
      expect([count('nike'), count('converse')]).toEqual([nikeRows, converseRows]);
    },
  );

  it('makes Converse its own brand under Nike, Inc., not rows of the brand Nike (#10)', async () => {
    const brands = await sql<{ name: string; parent_company: string; links: string }>(
      `select b.name, b.parent_company, count(sl.id) as links from brand b left join sourcing_link sl on sl.brand_id = b.id group by b.id order by b.name`,
    );
    expect(brands).toEqual([
      { name: 'Converse', parent_company: 'Nike, Inc.', links: String(6 + 36 + 34) },
      { name: 'Nike', parent_company: 'Nike, Inc.', links: String(498 + 607 + 632) },
    ]);
    // Each disclosure dataset's rowCount is the sourcing links it holds: 2021's 498 rows are 504 links.
    const datasets = await sql<{ file: string; row_count: string; links: string }>(
      `select d.file, d.row_count, (select count(*) from sourcing_link sl where sl.dataset_id = d.id) as links from dataset d
       where d.kind = 'BRAND_DISCLOSURE' order by d.file`,
    );
    expect(datasets).toEqual([
      { file: 'nike_manufacturing_export_2021-02.csv', row_count: '504', links: '504' },
      { file: 'nike_manufacturing_export_2023-08.csv', row_count: '643', links: '643' },
      { file: 'nike_manufacturing_export_2025-06.csv', row_count: '666', links: '666' },
    ]);
    // 2021's "NIKE, Converse" rows are one facility with a link for each brand.
    const [shared] = await sql<{ n: string }>(
      `select count(*) as n from (select facility_id from sourcing_link where disclosed_at = '2021-02-01' group by facility_id having count(distinct brand_id) = 2) s`,
    );
    expect(shared.n).toBe('6');
  });

  it('matches the same factory across dates (upper case in 2021, title case later) as one facility', async () => {
    const [row] = await sql<{ facilities: string; links: string }>(
      `select count(distinct facility_id) as facilities, count(*) as links from sourcing_link sl join brand b on b.id = sl.brand_id where b.name = 'Nike'`,
    );
    expect(Number(row.links)).toBeGreaterThanOrEqual(498 + 607 + 632);
    // Most factories appear in more than one disclosure, so there are far fewer facilities than links.
    expect(Number(row.facilities)).toBeLessThan(0.7 * Number(row.links));
    const ak = await app.gql(FacilitiesPageDocument, { filter: { search: 'A & K Designs' } });
    expect(ak.data!.facilities.nodes).toHaveLength(1);
  });

  it("keeps a facility's workers from its most recent disclosure", async () => {
    // "A & K Designs, Inc." (Portland, USA): 130 workers in 2021, 111 in August 2023 (line 3 of each file).
    const result = await app.raw(
      '{ facilities(filter: { search: "A & K Designs" }) { nodes { workers country { id } manufacturer { name } brands { name } } } }',
    );
    const latest = readCsv(nike['2025-06-01']!).find((r) => Object.values(r)[0].toUpperCase().startsWith('A & K DESIGNS'));
    const node = (result.data!.facilities as { nodes: Array<{ workers: number; country: { id: string }; manufacturer: { name: string } }> })
      .nodes[0];
    expect(node.country.id).toBe('USA');
    expect(node.manufacturer.name).toBe('A & K DESIGNS');
    // Line 181 of the June 2025 file: 149 workers (130 in 2021, 111 in 2023).
    expect(latest).toBeDefined();
    expect(node.workers).toBe(149);
  });

  it('loads the adidas / VF / Puma list for a given date, with worker ranges', async () => {
    const result = await runImport(app.running.db, { format: 'brand-disclosures', files: [generic!], disclosedAt: '2023-06-30' });
    const file = result.files[0];
    expect(file.loaded + file.rejected + [...file.skipped.values()].reduce((a, b) => a + b, 0)).toBe(2175);
    const perBrand = await sql<{ name: string; n: string }>(
      `select b.name, count(distinct sl.facility_id) as n from sourcing_link sl join brand b on b.id = sl.brand_id where sl.disclosed_at = '2023-06-30' group by b.name order by b.name`,
    );
    expect(file.rejected).toBe(0);
    // Rows per brand: Puma 330, VF 1,470, adidas 375; VF lists 6 of its factories twice (same name,
    // country and address, counted independently on the file), so 1,464 distinct facilities.
    expect(perBrand.map((r) => [r.name, Number(r.n)])).toEqual([
      ['Puma', 330],
      ['VF Corporation', 1464],
      ['adidas', 375],
    ]);
    const [ranges] = await sql<{ n: string }>('select count(*) as n from facility where workers_min < workers_max');
    expect(Number(ranges.n)).toBeGreaterThan(0);
  });

  it('loads an Open Supply Hub download and enriches facilities already known by the match rule', async () => {
    const before = await sql<{ n: string }>('select count(*) as n from facility');
    const result = await runImport(app.running.db, { format: 'open-supply-hub', files: [osh] });
    expect(result.files[0].rejected).toBe(0);
    const [withOs] = await sql<{ n: string }>('select count(*) as n from facility where open_supply_hub_id is not null');
    expect(Number(withOs.n)).toBe(result.files[0].loaded);
    const after = await sql<{ n: string }>('select count(*) as n from facility');
    expect(Number(after[0].n)).toBeLessThanOrEqual(Number(before[0].n) + result.files[0].loaded);
    const dongguan = await app.raw(
      '{ facilities(filter: { search: "Evergreen Footwear" }) { nodes { openSupplyHubId latitude longitude workersMin workersMax manufacturer { name } } } }',
    );
    expect((dongguan.data!.facilities as { nodes: unknown[] }).nodes).toEqual([
      {
        openSupplyHubId: 'CN2019303BQ3FZP',
        latitude: 22.9336,
        longitude: 113.671,
        workersMin: 1001,
        workersMax: 5000,
        manufacturer: { name: 'Evergreen Holdings Ltd.' },
      },
    ]);
  });

  it.each(['2021-02-01', '2023-08-01', '2025-06-01'])(
    "computes the HHI of Nike's suppliers by country at %s as an independent computation on the file does",
    async (date) => {
      // Independent: the file's rows, grouped by the country column as written, weighed by Total Workers;
      // rows without workers are left out and counted.
      const { weights, unknown } = workersBy(ofBrand(readNikeFactories(nike[date as keyof typeof nike]!), 'NIKE'), (r) =>
        r.countryName.toUpperCase(),
      );
      const total = [...weights.values()].reduce((a, b) => a + b, 0);
      const hhi = [...weights.values()].reduce((a, w) => a + (w / total) ** 2, 0);

      const result = await app.raw(
        `{ brand(id: "${nikeId}") { supplierConcentration(by: COUNTRY, asOf: "${date}") { asOf participants totalWeight hhi unknownCapacity band top { participantId share } } } }`,
      );
      expect(result.errors).toBeUndefined();
      const c = (
        result.data!.brand as {
          supplierConcentration: { asOf: string; participants: number; totalWeight: number; hhi: number; unknownCapacity: number };
        }
      ).supplierConcentration;
      expect(c.asOf).toBe(date);
      expect(c.participants).toBe(weights.size);
      expect(c.totalWeight).toBe(total);
      expect(c.unknownCapacity).toBe(unknown);
      expect(c.hhi).toBeCloseTo(hhi, 12);
    },
  );

  it('batches supplier concentration over many brands (statements do not grow with brands)', async () => {
    const query = (first: number) =>
      `{ brands(first: ${first}) { nodes { name byCountry: supplierConcentration(by: COUNTRY) { hhi } byMaker: supplierConcentration(by: MANUFACTURER, weight: COUNT) { participants cr1 } } } }`;
    app.resetQueryCount();
    const one = await app.raw(query(1));
    const oneCount = app.queryCount();
    app.resetQueryCount();
    const all = await app.raw(query(10));
    expect(all.errors).toBeUndefined();
    expect((all.data!.brands as { nodes: unknown[] }).nodes.length).toBeGreaterThan(1);
    expect(app.queryCount()).toBe(oneCount);
    expect(one.errors).toBeUndefined();
  });

  it('changes nothing when a disclosure is loaded again', async () => {
    const count = async () => (await sql<{ n: string }>('select count(*) as n from sourcing_link'))[0].n;
    const before = await count();
    const again = await runImport(app.running.db, { format: 'nike', files: [nike['2023-08-01']!] });
    expect(again.files[0].unchanged).toBe(true);
    expect(await count()).toBe(before);
  });
});
