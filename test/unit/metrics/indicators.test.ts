import {
  complementarity,
  exportMarketPenetration,
  growth,
  tradeCounts,
  tradeIntensity,
  type BilateralFlow,
} from '../../../src/modules/metrics/indicators';

const flow = (exporter: string, importer: string, product: string, value: number): BilateralFlow => ({
  exporter,
  importer,
  product,
  value,
});

/** A world of 200 USD: A exports 100 (80 to B), D exports 100; B imports 130, C 70. */
const world: BilateralFlow[] = [
  flow('A', 'B', '010101', 60),
  flow('A', 'C', '010101', 20),
  flow('A', 'B', '020202', 20),
  flow('D', 'B', '010101', 50),
  flow('D', 'C', '030303', 50),
  // A zero flow makes E no importer and no partner.
  flow('A', 'E', '010101', 0),
];

describe('trade intensity (METRICS.md, "Trade intensity")', () => {
  it('is (X_cp / X_c) / (X_wp / X_w) with its four parts', () => {
    // (80 / 100) / (130 / 200) = 0.8 / 0.65 = 16/13.
    expect(tradeIntensity(world, 'A', 'B')).toEqual({ xcp: 80, xc: 100, xwp: 130, xw: 200, index: expect.closeTo(16 / 13, 12) });
    // (20 / 100) / (70 / 200) = 4/7: A sells less to C than the world does.
    expect(tradeIntensity(world, 'A', 'C').index).toBeCloseTo(4 / 7, 12);
    // D sends half its exports to B, which takes 65 % of the world's: 0.5 / 0.65.
    expect(tradeIntensity(world, 'D', 'B').index).toBeCloseTo(0.5 / 0.65, 12);
  });

  it('is null when the reporter exports nothing or the partner imports nothing', () => {
    expect(tradeIntensity(world, 'B', 'C')).toEqual({ xcp: 0, xc: 0, xwp: 70, xw: 200, index: null });
    expect(tradeIntensity(world, 'A', 'E')).toMatchObject({ xwp: 0, index: null });
    expect(tradeIntensity([], 'A', 'B')).toEqual({ xcp: 0, xc: 0, xwp: 0, xw: 0, index: null });
  });

  it('is 1 in a world of a single flow', () => {
    expect(tradeIntensity([flow('A', 'B', '010101', 5)], 'A', 'B').index).toBe(1);
  });
});

describe('complementarity (METRICS.md, "Complementarity")', () => {
  it('is 100 · (1 − Σ_k |m_pk − x_ck| / 2) at HS 6', () => {
    // x_A = (0.8, 0.2), m_B = (110/130, 20/130): each differs by 6/130, C = 100 · 124/130.
    expect(complementarity(world, 'A', 'B')).toBeCloseTo(1240 / 13, 10);
    // m_C = (2/7 of 010101, 5/7 of 030303): Σ|…| = 3.6/7 + 1.4/7 + 5/7 = 10/7, C = 100 · (1 − 5/7).
    expect(complementarity(world, 'A', 'C')).toBeCloseTo(200 / 7, 10);
  });

  it('is 100 for identical structures, 0 for disjoint ones, null without exports or imports', () => {
    expect(complementarity([flow('A', 'B', '010101', 5)], 'A', 'B')).toBe(100);
    expect(complementarity([flow('A', 'B', '010101', 5), flow('C', 'D', '020202', 5)], 'A', 'D')).toBe(0);
    expect(complementarity(world, 'B', 'C')).toBeNull();
    expect(complementarity(world, 'A', 'E')).toBeNull();
    expect(complementarity([], 'A', 'B')).toBeNull();
  });

  it('rolls codes up to the level asked and leaves out shorter codes', () => {
    const flows = [flow('A', 'X', '010101', 50), flow('A', 'X', '010102', 50), flow('Y', 'B', '010203', 100), flow('A', 'B', '02', 10)];
    // At HS 6, A's 010101/010102 and B's 010203 never meet (the code "02" is shorter than 6 and left out).
    expect(complementarity(flows, 'A', 'B', 6)).toBe(0);
    // At HS 2 both are chapter 01 for A (100 of 110) and B (100 of 110).
    expect(complementarity(flows, 'A', 'B', 2)).toBeCloseTo(100, 10);
  });
});

describe('export market penetration (METRICS.md, "Export market penetration")', () => {
  it('is destinations / importers per HS-6 product, and their mean', () => {
    expect(exportMarketPenetration(world, 'D')).toEqual({
      products: [
        { product: '010101', destinations: 1, importers: 2, penetration: 0.5 },
        { product: '030303', destinations: 1, importers: 1, penetration: 1 },
      ],
      mean: 0.75,
    });
    // E's zero flow of 010101 makes it no importer and no destination.
    expect(exportMarketPenetration(world, 'A').products.map((p) => [p.product, p.penetration])).toEqual([
      ['010101', 1],
      ['020202', 1],
    ]);
  });

  it('has no products and a null mean for a country that exports nothing', () => {
    expect(exportMarketPenetration(world, 'B')).toEqual({ products: [], mean: null });
    expect(exportMarketPenetration([], 'A')).toEqual({ products: [], mean: null });
  });
});

describe('partner and product counts (METRICS.md, "Partner and product counts")', () => {
  it('counts partners and HS-6 products with value above the threshold (default 0)', () => {
    expect(tradeCounts(world, 'A')).toEqual({ exportPartners: 2, importPartners: 0, exportProducts: 2, importProducts: 0 });
    expect(tradeCounts(world, 'B')).toEqual({ exportPartners: 0, importPartners: 2, exportProducts: 0, importProducts: 2 });
    // Above 50, strictly: A → B (80) counts, A → C (20) not; D → B is exactly 50 and does not count.
    expect(tradeCounts(world, 'A', 50)).toMatchObject({ exportPartners: 1, exportProducts: 1 });
    expect(tradeCounts(world, 'B', 50)).toMatchObject({ importPartners: 1, importProducts: 1 });
    expect(tradeCounts([], 'A')).toEqual({ exportPartners: 0, importPartners: 0, exportProducts: 0, importProducts: 0 });
  });
});

describe('growth', () => {
  it('is value / previous − 1, null without a previous value', () => {
    expect(growth(110, 100)).toBeCloseTo(0.1, 12);
    expect(growth(0, 100)).toBe(-1);
    expect(growth(5, 0)).toBeNull();
  });
});
