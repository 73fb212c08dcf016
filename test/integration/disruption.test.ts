import { runImport } from '../../src/modules/import/run-import';
import { concentration } from '../../src/modules/metrics/concentration';
import {
  DisruptionBrandsDocument,
  DisruptionImportMarketsDocument,
  type DisruptionBrandsQueryVariables,
  type DisruptionImportMarketsQueryVariables,
} from '../generated/graphql';
import { factories } from '../support/factories';
import { readCsvRows, sharedFile } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

/** The metrics of a remaining market that the tests check. */
interface Remaining {
  participants: number;
  totalWeight: number;
  hhi: number | null;
  normalizedHhi: number | null;
  cr1: number | null;
  entropy: number | null;
  gini: number | null;
  band: string | null;
}

/** The remaining concentration agrees with the pure reference function on the same weights. */
function expectConcentrationOf(remaining: Remaining, weights: number[]) {
  const reference = concentration(weights);
  expect(remaining.participants).toBe(reference.participants);
  expect(remaining.totalWeight).toBeCloseTo(reference.totalWeight, 9);
  for (const [ours, theirs] of [
    [remaining.hhi, reference.hhi],
    [remaining.normalizedHhi, reference.normalizedHhi],
    [remaining.cr1, reference.cr1],
    [remaining.entropy, reference.entropy],
    [remaining.gini, reference.gini],
  ] as Array<[number | null, number | null]>) {
    if (theirs === null) expect(ours).toBeNull();
    else expect(ours).toBeCloseTo(theirs, 12);
  }
  expect(remaining.band).toBe(reference.band);
}

describe('disruption scenarios (computed in PostgreSQL)', () => {
  let app: TestApp;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    const make = factories(app.running.db.orm.em.fork());
    const m1 = await make.manufacturer('Maker One');
    const m2 = await make.manufacturer('Maker Two');
    const m3 = await make.manufacturer('Maker Three');
    Object.assign(id, { m1: String(m1.id), m2: String(m2.id), m3: String(m3.id) });
    const f1 = await make.facility({ name: 'F1', country: 'VNM', manufacturer: m1, workersMin: 100, workersMax: 100 });
    const f2 = await make.facility({ name: 'F2', country: 'CHN', manufacturer: m1, workersMin: 300, workersMax: 300 });
    const f3 = await make.facility({ name: 'F3', country: 'IDN', manufacturer: m2, workersMin: 200, workersMax: 400 }); // midpoint 300
    const f4 = await make.facility({ name: 'F4', country: 'VNM' }); // capacity unknown, no owner
    const f5 = await make.facility({ name: 'F5', country: 'BGD', manufacturer: m2, workersMin: 100, workersMax: 100 }); // Alpha's and Beta's
    const f6 = await make.facility({ name: 'F6', country: 'VNM', manufacturer: m3, workersMin: 600, workersMax: 600 });
    const f7 = await make.facility({ name: 'F7', country: 'CHN', manufacturer: m3, workersMin: 100, workersMax: 100 });
    Object.assign(id, { f4: String(f4.id), f5: String(f5.id) });
    const alpha = await make.brand('Alpha');
    const beta = await make.brand('Beta');
    const gamma = await make.brand('Gamma');
    const delta = await make.brand('Delta');
    Object.assign(id, { alpha: String(alpha.id), beta: String(beta.id), gamma: String(gamma.id), delta: String(delta.id) });
    for (const f of [f1, f2, f3, f4, f5]) await make.link(alpha, f, '2024-01-01');
    await make.link(alpha, f1, '2024-01-01', 'FOOTWEAR'); // a second product type: still one facility
    for (const f of [f5, f6]) await make.link(beta, f, '2024-01-01');
    for (const f of [f5, f7]) await make.link(beta, f, '2023-01-01'); // Beta's earlier disclosure: nothing in Viet Nam
    await make.link(gamma, f7, '2024-01-01');
    await make.link(delta, f6, '2024-01-01');

    await make.product('6403', 'Footwear, leather uppers');
    await make.product('640399', 'Other');
    await make.product('640391', 'Covering the ankle');
    await make.product('6404', 'Footwear, textile uppers');
    await make.product('640411', 'Sports footwear');
    const d = await make.dataset({ name: 'hand-made flows', version: 'v1' });
    id.dataset = String(d.id);
    await make.flows(d, [
      { year: 2021, exporter: 'VNM', importer: 'USA', product: '640399', valueUsd: 50 },
      { year: 2021, exporter: 'CHN', importer: 'USA', product: '640399', valueUsd: 30 },
      { year: 2021, exporter: 'IDN', importer: 'USA', product: '640399', valueUsd: 20 },
      { year: 2021, exporter: 'VNM', importer: 'USA', product: '640391', valueUsd: 100 },
      { year: 2021, exporter: 'FRA', importer: 'DEU', product: '640399', valueUsd: 1000 },
      { year: 2021, exporter: 'CHN', importer: 'DEU', product: '640399', valueUsd: 60 },
      { year: 2021, exporter: 'VNM', importer: 'DEU', product: '640399', valueUsd: 20 },
      { year: 2021, exporter: 'CHN', importer: 'FRA', product: '640399', valueUsd: 20 },
      { year: 2021, exporter: 'VNM', importer: 'JPN', product: '640411', valueUsd: 10 },
      { year: 2021, exporter: 'CHN', importer: 'JPN', product: '640411', valueUsd: 30 },
      // Two markets tied on share (.5) and value lost (5): ranked by importer code.
      { year: 2021, exporter: 'VNM', importer: 'GBR', product: '640399', valueUsd: 5 },
      { year: 2021, exporter: 'CHN', importer: 'GBR', product: '640399', valueUsd: 5 },
      { year: 2021, exporter: 'VNM', importer: 'CAN', product: '640399', valueUsd: 5 },
      { year: 2021, exporter: 'CHN', importer: 'CAN', product: '640399', valueUsd: 5 },
      { year: 2022, exporter: 'VNM', importer: 'USA', product: '640399', valueUsd: 70 },
    ]);
  });
  afterAll(() => app?.close());

  const brands = async (variables: DisruptionBrandsQueryVariables) => {
    const result = await app.gql(DisruptionBrandsDocument, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.disruptionScenario;
  };
  const markets = async (variables: Omit<DisruptionImportMarketsQueryVariables, 'dataset'>) => {
    const result = await app.gql(DisruptionImportMarketsDocument, { dataset: id.dataset, ...variables });
    expect(result.errors).toBeUndefined();
    return result.data!.disruptionScenario.importMarkets;
  };

  describe('brands', () => {
    it('ranks the brands a removed country touches, with exact capacity lost shares and remaining HHI', async () => {
      const s = await brands({ remove: { countries: ['vnm'] } });
      expect(s.countries).toEqual([{ id: 'VNM' }]);
      // Delta: all in Viet Nam (600/600); Beta: F6 600 of 600 + 100; Alpha: F1 100 of 100 + 300 + 300 + 100
      // (F4 in Viet Nam has no workers: counted, never weighed). Gamma (China only) is untouched: left out.
      expect(s.brands.totalCount).toBe(3);
      expect(s.brands.nodes.map((n) => [n.rank, n.brand.name, n.capacityLostShare])).toEqual([
        [1, 'Delta', 1],
        [2, 'Beta', 600 / 700],
        [3, 'Alpha', 100 / 800],
      ]);
      const alpha = s.brands.nodes[2];
      expect(alpha).toMatchObject({
        disclosedAt: '2024-01-01',
        facilities: 5,
        facilitiesLost: 2,
        capacity: 800,
        capacityLost: 100,
        unknownCapacity: 1,
        unknownCapacityLost: 1,
      });
      // What remains of Alpha by country: CHN 300, IDN 300, BGD 100 → HHI (9 + 9 + 1) / 49.
      expect(alpha.remaining.hhi).toBeCloseTo(19 / 49, 12);
      expectConcentrationOf(alpha.remaining, [300, 300, 100]);
      expect(alpha.remaining.top.map((t) => [t.participantId, t.country?.id])).toEqual([
        ['CHN', 'CHN'],
        ['IDN', 'IDN'],
        ['BGD', 'BGD'],
      ]);
      // Nothing of Delta remains: an empty market, not zeros.
      expect(s.brands.nodes[0].remaining).toMatchObject({
        participants: 0,
        totalWeight: 0,
        hhi: null,
        cr1: null,
        gini: null,
        band: null,
        top: [],
      });
      expectConcentrationOf(s.brands.nodes[1].remaining, [100]);
    });

    it('lists untouched brands on request, and reads each brand at its disclosure in force on asOf', async () => {
      const all = await brands({ remove: { countries: ['VNM'] }, includeUnaffected: true });
      expect(all.brands.nodes.map((n) => [n.brand.name, n.capacityLostShare, n.facilitiesLost])).toEqual([
        ['Delta', 1, 1],
        ['Beta', 600 / 700, 1],
        ['Alpha', 100 / 800, 2],
        ['Gamma', 0, 0],
      ]);
      // In mid-2023 only Beta had disclosed (F5, F7: nothing in Viet Nam).
      const mid2023 = await brands({ remove: { countries: ['VNM'] }, asOf: '2023-06-30', includeUnaffected: true });
      expect(mid2023.brands.nodes.map((n) => [n.brand.name, n.disclosedAt, n.capacity, n.capacityLostShare])).toEqual([
        ['Beta', '2023-01-01', 200, 0],
      ]);
      const before = await brands({ remove: { countries: ['VNM'] }, asOf: '2022-12-31' });
      expect(before.brands).toEqual({ totalCount: 0, nodes: [] });
    });

    it('removes manufacturers and facilities wherever they are; a shared facility counts in full for each brand', async () => {
      // R = Maker One (F1 VNM, F2 CHN) + facility F5 (BGD, Alpha's and Beta's).
      const s = await brands({ remove: { manufacturers: [id.m1], facilities: [id.f5] }, by: 'MANUFACTURER' });
      expect(s.manufacturers).toEqual([{ id: id.m1 }]);
      expect(s.facilities).toEqual([{ id: id.f5 }]);
      expect(s.brands.nodes.map((n) => [n.brand.name, n.capacityLost, n.capacityLostShare])).toEqual([
        ['Alpha', 500, 500 / 800],
        ['Beta', 100, 100 / 700],
      ]);
      // What remains of Alpha by manufacturer: Maker Two's F3 (300) and the ownerless F4 (unknown, not weighed).
      const alpha = s.brands.nodes[0];
      expect(alpha.remaining.top.map((t) => [t.kind, t.participantId, t.weight, t.manufacturer?.id])).toEqual([
        ['MANUFACTURER', id.m2, 300, id.m2],
      ]);
      expect(alpha).toMatchObject({ facilitiesLost: 3, unknownCapacity: 1, unknownCapacityLost: 0 });
      // Beta: Maker Three's F6 alone remains.
      expect(s.brands.nodes[1].remaining).toMatchObject({ participants: 1, hhi: 1, cr1: 1, normalizedHhi: null, gini: 0 });
    });

    it('expands a country group, filters brands, weighs by count, and cuts at first', async () => {
      // ASEAN holds VNM and IDN: Alpha loses F1 (100) and F3 (300) of 800.
      const asean = await brands({ remove: { countries: ['ASEAN'] }, brands: [id.alpha, id.gamma], includeUnaffected: true });
      expect(asean.countries.map((c) => c.id)).toEqual(expect.arrayContaining(['VNM', 'IDN', 'KHM']));
      expect(asean.brands.nodes.map((n) => [n.brand.name, n.capacityLostShare])).toEqual([
        ['Alpha', 400 / 800],
        ['Gamma', 0],
      ]);
      // COUNT: Alpha's 5 facilities weigh 1 each, F1 and F4 are lost; nothing is unknown.
      const count = await brands({ remove: { countries: ['VNM'] }, brands: [id.alpha], weight: 'COUNT', by: 'FACILITY' });
      expect(count.brands.nodes[0]).toMatchObject({
        capacity: 5,
        capacityLost: 2,
        capacityLostShare: 0.4,
        unknownCapacity: 0,
        unknownCapacityLost: 0,
      });
      expect(count.brands.nodes[0].remaining.participants).toBe(3);
      expect(count.brands.nodes[0].remaining.hhi).toBeCloseTo(1 / 3, 12);
      const firstTwo = await brands({ remove: { countries: ['VNM'] }, first: 2 });
      expect([firstTwo.brands.totalCount, firstTwo.brands.nodes.map((n) => n.brand.name)]).toEqual([3, ['Delta', 'Beta']]);
      const none = await brands({ remove: { countries: ['VNM'] }, first: 0 });
      expect(none.brands).toEqual({ totalCount: 3, nodes: [] });
    });
  });

  describe('import markets', () => {
    it('ranks every (importer, HS-6 product) market by the share of supply from R, ties by value then ids', async () => {
      const r = await markets({ remove: { countries: ['VNM'] }, year: 2021 });
      expect([r.dataset.id, r.year, r.level, r.totalCount]).toEqual([id.dataset, 2021, 6, 6]);
      expect(r.nodes.map((n) => [n.rank, n.importerCode, n.productCode, n.imports, n.supplyLost, n.supplyLostShare])).toEqual([
        [1, 'USA', '640391', 100, 100, 1],
        [2, 'USA', '640399', 100, 50, 0.5],
        [3, 'CAN', '640399', 10, 5, 0.5],
        [4, 'GBR', '640399', 10, 5, 0.5],
        [5, 'JPN', '640411', 40, 10, 0.25],
        [6, 'DEU', '640399', 1080, 20, 20 / 1080],
      ]);
      // USA 640399 without Viet Nam: CHN 30, IDN 20, renormalised to .6/.4 → HHI .52 (no substitution).
      const usa = r.nodes[1];
      expect(usa.importer).toEqual({ id: 'USA' });
      expect(usa.product).toEqual({ code: '640399' });
      expect(usa.remaining.top.map((t) => [t.participantId, t.share])).toEqual([
        ['CHN', 0.6],
        ['IDN', 0.4],
      ]);
      expect(usa.remaining.hhi).toBeCloseTo(0.52, 12);
      expectConcentrationOf(usa.remaining, [30, 20]);
      expect(usa.remaining.dataset).toEqual({ id: id.dataset });
      // Everything USA imported of 640391 came from Viet Nam: nothing remains.
      expect(r.nodes[0].remaining).toMatchObject({ participants: 0, totalWeight: 0, hhi: null, cr1: null, band: null, top: [] });
      // DEU: FRA 1000, CHN 60 remain.
      expectConcentrationOf(r.nodes[5].remaining, [1000, 60]);
    });

    it("uses a product's own level by default, or the level asked", async () => {
      // Heading 6403 sums 640399 and 640391: USA loses VNM's 150 of 200.
      const heading = await markets({ remove: { countries: ['VNM'] }, year: 2021, product: '6403' });
      expect(heading.level).toBe(4);
      expect(heading.nodes.map((n) => [n.importerCode, n.productCode, n.supplyLostShare])).toEqual([
        ['USA', '6403', 0.75],
        ['CAN', '6403', 0.5],
        ['GBR', '6403', 0.5],
        ['DEU', '6403', 20 / 1080],
      ]);
      const chapter = await markets({ remove: { countries: ['VNM'] }, year: 2021, product: '64', level: 6, first: 1 });
      expect([chapter.totalCount, chapter.nodes.map((n) => n.productCode)]).toEqual([6, ['640391']]);
      const bad = await app.gql(DisruptionImportMarketsDocument, {
        remove: { countries: ['VNM'] },
        year: 2021,
        product: '6403',
        level: 2,
        dataset: id.dataset,
      });
      expect(bad.errors![0].extensions!.code).toBe('INVALID_ARGUMENT');
    });

    it('reads a group importer extra-group, filters importers and small markets', async () => {
      const r = await markets({
        remove: { countries: ['VNM'] },
        year: 2021,
        importers: ['eu27', 'USA', 'FRA'],
        product: '640399',
        includeUnaffected: true,
      });
      // EU27 from outside: CHN 60 + 20, VNM 20 (FRA → DEU is intra-EU) → .2 lost; FRA alone is untouched.
      expect(
        r.nodes.map((n) => [n.importerCode, n.importer?.id ?? null, n.importerGroup?.id ?? null, n.imports, n.supplyLostShare]),
      ).toEqual([
        ['USA', 'USA', null, 100, 0.5],
        ['EU27', null, 'EU27', 100, 0.2],
        ['FRA', 'FRA', null, 20, 0],
      ]);
      expect(r.nodes[1].remaining).toMatchObject({ participants: 1, hhi: 1, top: [{ participantId: 'CHN', share: 1 }] });
      const big = await markets({ remove: { countries: ['VNM'] }, year: 2021, minValue: 100 });
      expect(big.nodes.map((n) => `${n.importerCode}:${n.productCode}`)).toEqual(['USA:640391', 'USA:640399', 'DEU:640399']);
    });

    it('says a year without data, or an R without countries, affects nothing', async () => {
      const empty = await markets({ remove: { countries: ['VNM'] }, year: 2019 });
      expect([empty.totalCount, empty.nodes]).toEqual([0, []]);
      const makers = await markets({ remove: { manufacturers: [id.m1] }, year: 2021 });
      expect([makers.totalCount, makers.nodes]).toEqual([0, []]);
    });
  });

  it('rejects bad input with codes', async () => {
    const code = async (query: string) => (await app.raw(query)).errors?.[0]?.extensions?.code;
    const scenario = (remove: string, part = 'brands { totalCount }') => `{ disruptionScenario(remove: ${remove}) { ${part} } }`;
    expect(await code(scenario('{}'))).toBe('INVALID_ARGUMENT');
    expect(await code(scenario('{ countries: [] }'))).toBe('INVALID_ARGUMENT');
    expect(await code(scenario('{ countries: ["XYZ"] }'))).toBe('UNKNOWN_COUNTRY');
    expect(await code(scenario('{ manufacturers: ["999999"] }'))).toBe('UNKNOWN_MANUFACTURER');
    expect(await code(scenario('{ facilities: ["999999"] }'))).toBe('UNKNOWN_FACILITY');
    expect(await code(scenario('{ facilities: ["abc"] }'))).toBe('INVALID_ARGUMENT');
    expect(await code(scenario('{ countries: ["VNM"] }', 'brands(brands: ["999999"]) { totalCount }'))).toBe('UNKNOWN_BRAND');
    expect(await code(scenario('{ countries: ["VNM"] }', 'brands(first: 501) { totalCount }'))).toBe('PAGE_SIZE_TOO_LARGE');
    expect(await code(scenario('{ countries: ["VNM"] }', 'brands(first: -1) { totalCount }'))).toBe('INVALID_PAGE_SIZE');
    const trade = (args: string) => scenario('{ countries: ["VNM"] }', `importMarkets(dataset: "${id.dataset}", ${args}) { totalCount }`);
    expect(await code(trade('year: 1900'))).toBe('YEAR_OUT_OF_RANGE');
    expect(await code(trade('year: 2021, product: "999999"'))).toBe('UNKNOWN_PRODUCT');
    expect(await code(trade('year: 2021, product: "640"'))).toBe('MALFORMED_HS_CODE');
    expect(await code(trade('year: 2021, level: 5'))).toBe('INVALID_ARGUMENT');
    expect(await code(trade('year: 2021, product: "640399", level: 4'))).toBe('INVALID_ARGUMENT'); // coarser than the product
    expect(await code(trade('year: 2021, minValue: -1'))).toBe('INVALID_ARGUMENT');
    expect(await code(trade('year: 2021, importers: ["NOPE"]'))).toBe('UNKNOWN_COUNTRY');
    expect(await code(scenario('{ countries: ["VNM"] }', 'importMarkets { totalCount }'))).toBe('GRAPHQL_VALIDATION_FAILED'); // year is required
  });

  it('costs a fixed number of SQL statements, whatever the number of rows ranked', async () => {
    const statements = async (brandsFirst: number, marketsFirst: number) => {
      app.resetQueryCount();
      const query = `{ disruptionScenario(remove: { countries: ["ASEAN"], manufacturers: ["${id.m1}"], facilities: ["${id.f4}"] }) {
        countries { id } manufacturers { name } facilities { name }
        brands(first: ${brandsFirst}, includeUnaffected: true, by: MANUFACTURER) { nodes { brand { name } remaining { top { manufacturer { name } facility { name } } } } }
        importMarkets(year: 2021, first: ${marketsFirst}, dataset: "${id.dataset}") { nodes { importer { name } product { description } remaining { top { country { name } } } } }
      } }`;
      const result = await app.raw(query);
      expect(result.errors).toBeUndefined();
      return app.queryCount();
    };
    const few = await statements(2, 2);
    const many = await statements(4, 6);
    console.log(`disruption scenario: ${few} SQL statements for 2 brands and 2 markets, ${many} for 4 and 6`);
    expect(many).toBe(few);
    // R's checks (group, members, manufacturers, facilities), the removed lists, one statement per ranking, and
    // one per loader level (brands, participants, importers, products, datasets): the same for any row count.
    expect(many).toBeLessThanOrEqual(14);
  });
});

const nikeJune2025 = sharedFile('brands/nike_manufacturing_export_2025-06.csv');

(nikeJune2025 ? describe : describe.skip)("Nike's June 2025 disclosure without Viet Nam (real data)", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await runImport(app.running.db, { format: 'nike', files: [nikeJune2025!] });
  });
  afterAll(() => app?.close());

  it('loses the share of capacity an independent computation on the file gives, and keeps the rest as the file says', async () => {
    // Independent: the file's factory rows (after the banner and the header), each an exact Total Workers
    // count (min = max, so its capacity is the count itself); Viet Nam's rows, and the others by country.
    const [, header, ...all] = readCsvRows(nikeJune2025!);
    // Nike's rows: the file names Converse's (a brand of its own under Nike, Inc.) in its brand column (#10).
    const brandAt = header.indexOf('Nike, Inc. Brand(s)');
    const rows = all.filter((r) => r[brandAt].trim() === 'Nike');
    expect([rows.length, all.length]).toEqual([632, 666]);
    const workersAt = header.indexOf('Total Workers');
    const countryAt = header.indexOf('Country / Region');
    const groupAt = header.indexOf('Supplier Group');
    const workers = (r: string[]) => Number(r[workersAt].replace(/,/g, ''));
    expect(rows.every((r) => /^\d[\d,]*$/.test(r[workersAt].trim()))).toBe(true); // no unknown capacity in this file
    const total = rows.reduce((sum, r) => sum + workers(r), 0);
    const vietnam = rows.filter((r) => r[countryAt].trim() === 'Vietnam');
    const lost = vietnam.reduce((sum, r) => sum + workers(r), 0);
    const remainingByCountry = new Map<string, number>();
    for (const r of rows)
      if (r[countryAt].trim() !== 'Vietnam')
        remainingByCountry.set(r[countryAt].trim(), (remainingByCountry.get(r[countryAt].trim()) ?? 0) + workers(r));

    const result = await app.gql(DisruptionBrandsDocument, { remove: { countries: ['VNM'] } });
    expect(result.errors).toBeUndefined();
    const nike = result.data!.disruptionScenario.brands.nodes.find((n) => n.brand.name === 'Nike')!;
    expect(nike.brand.name).toBe('Nike');
    expect(nike).toMatchObject({
      disclosedAt: '2025-06-01',
      facilities: rows.length,
      facilitiesLost: vietnam.length,
      capacity: total,
      capacityLost: lost,
      unknownCapacity: 0,
    });
    expect(nike.capacityLostShare).toBe(lost / total);
    expectConcentrationOf(nike.remaining, [...remainingByCountry.values()]);
    expect(nike.remaining.top.map((t) => t.participantId)).not.toContain('VNM');

    // Adding a supplier group (as written in the file) removes its factories outside Viet Nam too.
    const [group] = [...new Set(vietnam.map((r) => r[groupAt].trim()))].filter((g) =>
      rows.some((r) => r[groupAt].trim() === g && r[countryAt].trim() !== 'Vietnam'),
    );
    const [maker] = (await app.running.db.orm.em
      .fork()
      .getConnection()
      .execute('select id from manufacturer where name = ?', [group])) as Array<{ id: number }>;
    const both = await app.gql(DisruptionBrandsDocument, { remove: { countries: ['VNM'], manufacturers: [String(maker.id)] } });
    const inR = rows.filter((r) => r[countryAt].trim() === 'Vietnam' || r[groupAt].trim() === group);
    expect(inR.length).toBeGreaterThan(vietnam.length);
    expect(both.data!.disruptionScenario.brands.nodes.find((n) => n.brand.name === 'Nike')).toMatchObject({
      facilitiesLost: inR.length,
      capacityLost: inR.reduce((sum, r) => sum + workers(r), 0),
    });
  });
});
