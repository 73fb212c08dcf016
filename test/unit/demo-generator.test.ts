import { createHash } from 'node:crypto';
import { allocateProportionally } from '../../seeds/demo/allocate';
import {
  type DemoCountry,
  type DemoOptions,
  type FlowRow,
  flowCapacity,
  generateFlows,
  generateSourcing,
  SOURCING_PRODUCT_TYPES,
} from '../../seeds/demo/demo-generator';
import { createRng, zipfWeights } from '../../seeds/demo/prng';
import { facilityMatchKey, manufacturerKey } from '../../src/modules/import/formats/facility-match';

// 40 countries: the usual sourcing countries plus buyers and a few small economies.
const COUNTRY_IDS = [
  'CHN',
  'VNM',
  'IDN',
  'BGD',
  'IND',
  'KHM',
  'TUR',
  'PAK',
  'LKA',
  'MMR',
  'THA',
  'MEX',
  'BRA',
  'ITA',
  'PRT',
  'USA',
  'DEU',
  'GBR',
  'FRA',
  'JPN',
  'NLD',
  'ESP',
  'CAN',
  'KOR',
  'AUS',
  'SWE',
  'CHE',
  'BEL',
  'POL',
  'DNK',
  'NOR',
  'HKG',
  'SGP',
  'ARE',
  'ZAF',
  'KEN',
  'PER',
  'FJI',
  'ISL',
  'ATA',
];
const REGIONS: Record<string, string> = { ZAF: 'Africa', KEN: 'Africa', PER: 'Americas', FJI: 'Oceania', ISL: 'Europe' };
const COUNTRIES: DemoCountry[] = COUNTRY_IDS.map((id) => ({ id, region: id === 'ATA' ? null : (REGIONS[id] ?? 'Asia') }));
const PRODUCTS = ['610910', '620342', '640399', '640411', '420292', '950691'];
const OPTIONS: DemoOptions = {
  seed: 7,
  flows: 4000,
  yearFrom: 2019,
  yearTo: 2022,
  brands: 10,
  manufacturers: 25,
  facilities: 150,
  disclosureDates: ['2021-02-01', '2023-08-01', '2025-06-01'],
};

function hashRows(rows: Iterable<unknown>): string {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(JSON.stringify(row)).update('\n');
  return hash.digest('hex');
}

function demoHash(options: DemoOptions, countries: DemoCountry[], products: string[]): string {
  return hashRows([generateSourcing(options, countries), ...generateFlows(options, countries, products)]);
}

const sourcing = generateSourcing(OPTIONS, COUNTRIES);
const flows: FlowRow[] = [...generateFlows(OPTIONS, COUNTRIES, PRODUCTS)];

describe('prng', () => {
  it('repeats a sequence for the same seed parts and keeps int() within bounds', () => {
    const a = createRng(1, 'x');
    const b = createRng(1, 'x');
    const c = createRng('1', 'x');
    const drawsA = Array.from({ length: 50 }, () => a.int(3, 9));
    expect(Array.from({ length: 50 }, () => b.int(3, 9))).toEqual(drawsA);
    expect(Array.from({ length: 50 }, () => c.int(3, 9))).not.toEqual(drawsA);
    expect(Math.min(...drawsA)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...drawsA)).toBeLessThanOrEqual(9);
  });

  it('builds normalised, decreasing Zipf weights', () => {
    const w = zipfWeights(10, 1.1);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    for (let i = 1; i < w.length; i++) expect(w[i]).toBeLessThan(w[i - 1]);
  });

  it('allocates an exact total without exceeding the cap', () => {
    const counts = allocateProportionally(100, [50, 1, 1, 1, 0], 40);
    expect(counts.reduce((s, x) => s + x, 0)).toBe(100);
    expect(counts).toEqual([40, 20, 20, 20, 0]);
    expect(() => allocateProportionally(10, [1, 1], 4)).toThrow(RangeError);
  });
});

describe('determinism', () => {
  it('gives identical output for identical options and inputs', () => {
    expect(demoHash(OPTIONS, COUNTRIES, PRODUCTS)).toBe(demoHash(OPTIONS, COUNTRIES, PRODUCTS));
  });

  it('ignores the order of the input countries and products', () => {
    const reordered = demoHash(OPTIONS, [...COUNTRIES].reverse(), [...PRODUCTS].reverse());
    expect(reordered).toBe(demoHash(OPTIONS, COUNTRIES, PRODUCTS));
  });

  it('changes the data when the seed changes', () => {
    const other = { ...OPTIONS, seed: 8 };
    expect(hashRows(generateFlows(other, COUNTRIES, PRODUCTS))).not.toBe(hashRows(flows));
    expect(hashRows([generateSourcing(other, COUNTRIES)])).not.toBe(hashRows([sourcing]));
  });
});

describe('generateFlows', () => {
  it('emits exactly options.flows rows', () => {
    expect(flows).toHaveLength(OPTIONS.flows);
  });

  it('caps the count at every ordered pair × product × year', () => {
    const tiny: DemoCountry[] = [
      { id: 'USA', region: 'Americas' },
      { id: 'CHN', region: 'Asia' },
      { id: 'DEU', region: 'Europe' },
    ];
    const options = { ...OPTIONS, flows: 100, yearFrom: 2020, yearTo: 2020 };
    expect(flowCapacity(options, tiny, ['610910'])).toBe(6);
    expect([...generateFlows(options, tiny, ['610910'])]).toHaveLength(6);
  });

  it('never repeats a (year, exporter, importer, product) key nor trades a country with itself', () => {
    const keys = new Set(flows.map((f) => `${f.year}|${f.exporter}|${f.importer}|${f.product}`));
    expect(keys.size).toBe(flows.length);
    expect(flows.filter((f) => f.exporter === f.importer)).toEqual([]);
  });

  it('only uses the given countries, products and years, with sane values', () => {
    const countryIds = new Set(COUNTRY_IDS);
    const invalid = flows.filter(
      (f) =>
        !countryIds.has(f.exporter) ||
        !countryIds.has(f.importer) ||
        !PRODUCTS.includes(f.product) ||
        f.year < OPTIONS.yearFrom ||
        f.year > OPTIONS.yearTo ||
        !Number.isInteger(f.valueUsd) ||
        f.valueUsd <= 0 ||
        (f.quantityTons !== null && !(f.quantityTons > 0 && Math.round(f.quantityTons * 1000) / 1000 === f.quantityTons)),
    );
    expect(invalid).toEqual([]);
    const reported = flows.filter((f) => f.quantityTons !== null).length / flows.length;
    expect(reported).toBeGreaterThan(0.8);
    expect(reported).toBeLessThan(0.9);
  });

  it('spreads rows over every product and year', () => {
    const slices = new Set(flows.map((f) => `${f.product}|${f.year}`));
    expect(slices.size).toBe(PRODUCTS.length * (OPTIONS.yearTo - OPTIONS.yearFrom + 1));
  });

  it('is heavy-tailed: the top exporter holds over 20% of a slice in most slices', () => {
    const bySlice = new Map<string, Map<string, number>>();
    for (const f of flows) {
      const slice = bySlice.get(`${f.product}|${f.year}`) ?? new Map<string, number>();
      slice.set(f.exporter, (slice.get(f.exporter) ?? 0) + f.valueUsd);
      bySlice.set(`${f.product}|${f.year}`, slice);
    }
    const concentrated = [...bySlice.values()].filter((slice) => {
      const values = [...slice.values()];
      return Math.max(...values) / values.reduce((s, v) => s + v, 0) > 0.2;
    });
    expect(concentrated.length / bySlice.size).toBeGreaterThanOrEqual(0.8);
  });

  it('rejects invalid options eagerly', () => {
    expect(() => generateFlows({ ...OPTIONS, flows: -1 }, COUNTRIES, PRODUCTS)).toThrow(RangeError);
    expect(() => generateFlows({ ...OPTIONS, yearFrom: 2023, yearTo: 2019 }, COUNTRIES, PRODUCTS)).toThrow(RangeError);
  });
});

describe('generateSourcing', () => {
  const { manufacturers, facilities, brands, links } = sourcing;

  it('generates the requested numbers of rows with ids 1..n', () => {
    expect(manufacturers.map((m) => m.id)).toEqual(Array.from({ length: OPTIONS.manufacturers }, (_, i) => i + 1));
    expect(facilities.map((f) => f.id)).toEqual(Array.from({ length: OPTIONS.facilities }, (_, i) => i + 1));
    expect(brands.map((b) => b.id)).toEqual(Array.from({ length: OPTIONS.brands }, (_, i) => i + 1));
  });

  it('keeps matchKey and normalizedName unique and derived from name, country and address', () => {
    expect(new Set(facilities.map((f) => f.matchKey)).size).toBe(facilities.length);
    for (const f of facilities) {
      // The importers' own rule, so that a later disclosure of a demo factory matches it.
      expect(f.matchKey).toBe(facilityMatchKey({ name: f.name, country: f.country, address: f.address }));
    }
    expect(new Set(manufacturers.map((m) => m.normalizedName)).size).toBe(manufacturers.length);
    expect(new Set(brands.map((b) => b.name)).size).toBe(brands.length);
    for (const m of manufacturers) expect(m.normalizedName).toBe(manufacturerKey(m.name));
  });

  it('places facilities in sourcing countries with plausible traits', () => {
    const sourcingCountries = new Set(COUNTRY_IDS.slice(0, 15));
    expect(facilities.every((f) => sourcingCountries.has(f.country))).toBe(true);
    const unowned = facilities.filter((f) => f.manufacturerId === null).length / facilities.length;
    expect(unowned).toBeGreaterThan(0.05);
    expect(unowned).toBeLessThan(0.15);
    const unknownWorkers = facilities.filter((f) => f.workersMin === null);
    expect(unknownWorkers.every((f) => f.workersMax === null)).toBe(true);
    expect(facilities.filter((f) => f.workersMin !== null && f.workersMin === f.workersMax).length).toBeGreaterThan(
      facilities.length * 0.55,
    );
    for (const f of facilities) {
      if (f.workersMin !== null) expect(f.workersMax as number).toBeGreaterThanOrEqual(f.workersMin);
      if (f.latitude !== null) expect(Math.abs(f.latitude)).toBeLessThanOrEqual(90);
    }
    // A few groups own many sites.
    const sizes = new Map<number, number>();
    for (const f of facilities) if (f.manufacturerId !== null) sizes.set(f.manufacturerId, (sizes.get(f.manufacturerId) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBeGreaterThanOrEqual(5 * (facilities.length / manufacturers.length) * 0.5);
  });

  it('never uses real brand names', () => {
    const real = /\b(nike|adidas|puma|reebok|gap|zara|h&m|uniqlo|patagonia|columbia|levi|asics|vans|converse|under armour)\b/i;
    expect(brands.filter((b) => real.test(b.name))).toEqual([]);
  });

  it('links each (brand, facility, product type, date) at most once, to existing rows', () => {
    const keys = new Set(links.map((l) => `${l.brandId}|${l.facilityId}|${l.productType}|${l.disclosedAt}`));
    expect(keys.size).toBe(links.length);
    const facilityIds = new Set(facilities.map((f) => f.id));
    for (const l of links) {
      expect(facilityIds.has(l.facilityId)).toBe(true);
      expect(l.brandId >= 1 && l.brandId <= OPTIONS.brands).toBe(true);
      expect(OPTIONS.disclosureDates).toContain(l.disclosedAt);
      expect(SOURCING_PRODUCT_TYPES).toContain(l.productType);
    }
    // Facilities are shared between brands.
    const first = links.filter((l) => l.disclosedAt === OPTIONS.disclosureDates[0]);
    const brandsPerFacility = new Map<number, Set<number>>();
    for (const l of first) brandsPerFacility.set(l.facilityId, (brandsPerFacility.get(l.facilityId) ?? new Set()).add(l.brandId));
    expect([...brandsPerFacility.values()].some((s) => s.size > 1)).toBe(true);
  });

  it('churns supplier lists between disclosures and shifts them away from China', () => {
    const pairsAt = (date: string): Set<string> =>
      new Set(links.filter((l) => l.disclosedAt === date).map((l) => `${l.brandId}|${l.facilityId}`));
    const dates = OPTIONS.disclosureDates;
    let listed = 0;
    let droppedTotal = 0;
    for (let k = 1; k < dates.length; k++) {
      const before = pairsAt(dates[k - 1]);
      const after = pairsAt(dates[k]);
      const dropped = [...before].filter((p) => !after.has(p)).length;
      const added = [...after].filter((p) => !before.has(p)).length;
      expect(dropped).toBeGreaterThan(0);
      expect(added).toBeGreaterThan(0);
      listed += before.size;
      droppedTotal += dropped;
    }
    // ~15% on the default options; this small sample is noisier.
    expect(droppedTotal / listed).toBeGreaterThan(0.04);
    const country = new Map(facilities.map((f) => [f.id, f.country]));
    const chinaShare = (date: string): number => {
      const at = links.filter((l) => l.disclosedAt === date);
      return at.filter((l) => country.get(l.facilityId) === 'CHN').length / at.length;
    };
    expect(chinaShare(dates[dates.length - 1])).toBeLessThan(chinaShare(dates[0]));
  });

  it('falls back to any country when no usual sourcing country is available', () => {
    const others: DemoCountry[] = [
      { id: 'ISL', region: 'Europe' },
      { id: 'FJI', region: 'Oceania' },
    ];
    const result = generateSourcing({ ...OPTIONS, facilities: 20, manufacturers: 5, brands: 3 }, others);
    expect(result.facilities.every((f) => f.country === 'ISL' || f.country === 'FJI')).toBe(true);
    expect(result.facilities.every((f) => f.latitude === null && f.longitude === null)).toBe(true);
    expect(result.links.length).toBeGreaterThan(0);
  });

  it('rejects malformed disclosure dates and an empty country list', () => {
    expect(() => generateSourcing({ ...OPTIONS, disclosureDates: ['2021-2-1'] }, COUNTRIES)).toThrow(RangeError);
    expect(() => generateSourcing(OPTIONS, [])).toThrow(RangeError);
  });
});
