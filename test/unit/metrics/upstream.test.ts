import { importShares, supplierShares, upstreamExposure, upstreamLoss } from '../../../src/modules/metrics/upstream';

/**
 * A brand with 1,000 workers of known capacity: VNM 300 + 100 (a = 0.4), IDN 400 (0.4), KHM 200 (0.2), and a
 * VNM facility of unknown capacity. Input imports: VNM from CHN 60, KOR 20, IDN 20 (m = 0.6, 0.2, 0.2); IDN
 * from CHN 50, USA 50 (0.5, 0.5); KHM none (uncovered). By hand: U(CHN) = 0.4·0.6 + 0.4·0.5 = 0.44,
 * U(USA) = 0.2, U(IDN) = U(KOR) = 0.08; Σ U = 0.8 = 1 − uncovered 0.2.
 */
const facilities = [
  { country: 'VNM', capacity: 300 },
  { country: 'VNM', capacity: 100 },
  { country: 'VNM', capacity: null },
  { country: 'IDN', capacity: 400 },
  { country: 'KHM', capacity: 200 },
];
const imports = [
  { importer: 'VNM', origin: 'CHN', value: 60 },
  { importer: 'VNM', origin: 'KOR', value: 20 },
  { importer: 'VNM', origin: 'IDN', value: 20 },
  { importer: 'IDN', origin: 'CHN', value: 30 },
  { importer: 'IDN', origin: 'CHN', value: 20 },
  { importer: 'IDN', origin: 'USA', value: 50 },
];

describe('upstreamExposure', () => {
  const figures = upstreamExposure(facilities, imports);

  it('weighs each supplier country’s import shares by the brand’s capacity share there', () => {
    expect(figures.origins.map((o) => [o.origin, o.upstreamShare, o.directShare])).toEqual([
      ['CHN', expect.closeTo(0.44, 12), 0],
      ['USA', expect.closeTo(0.2, 12), 0],
      // A tie (0.08 each) breaks by origin code.
      ['IDN', expect.closeTo(0.08, 12), expect.closeTo(0.4, 12)],
      ['KOR', expect.closeTo(0.08, 12), 0],
      // Supplier countries no input comes from are listed with their direct share.
      ['KHM', 0, expect.closeTo(0.2, 12)],
      ['VNM', 0, expect.closeTo(0.4, 12)],
    ]);
  });

  it('reports the supplier countries without input imports as uncovered, and counts unknown capacity apart', () => {
    expect(figures.uncoveredShare).toBeCloseTo(0.2, 12);
    expect(figures.origins.reduce((s, o) => s + o.upstreamShare, 0)).toBeCloseTo(1 - 0.2, 12);
    expect(figures.capacity).toBe(1000);
    expect(figures.unknownCapacity).toBe(1);
  });

  it('measures the concentration of U over the origins, renormalised over the covered part', () => {
    // Shares 0.44/0.8 = 0.55, 0.25, 0.1, 0.1: HHI = 0.3025 + 0.0625 + 0.01 + 0.01 = 0.385.
    expect(figures.concentration.participants).toBe(4);
    expect(figures.concentration.hhi).toBeCloseTo(0.385, 12);
    expect(figures.concentration.cr1).toBeCloseTo(0.55, 12);
    expect(figures.concentration.totalWeight).toBeCloseTo(0.8, 12);
  });

  it('gives the upstream loss of a disruption as Σ U over the removed origins', () => {
    expect(upstreamLoss(figures, ['CHN', 'KOR'])).toBeCloseTo(0.52, 12);
    // A supplier country itself carries no upstream loss (its own production is not in trade data).
    expect(upstreamLoss(figures, ['KHM'])).toBe(0);
    expect(upstreamLoss(figures, [])).toBe(0);
  });

  it('is empty, not zero, for a brand without facilities of known capacity', () => {
    for (const none of [[], [{ country: 'VNM', capacity: null }]]) {
      const empty = upstreamExposure(none, imports);
      expect(empty.uncoveredShare).toBeNull();
      expect(empty.origins).toEqual([]);
      expect(empty.concentration.participants).toBe(0);
      expect(empty.concentration.hhi).toBeNull();
      expect(empty.unknownCapacity).toBe(none.length);
    }
  });

  it('is wholly uncovered when no supplier country imports inputs', () => {
    const bare = upstreamExposure([{ country: 'KHM', capacity: 10 }], imports);
    expect(bare.uncoveredShare).toBe(1);
    expect(bare.origins).toEqual([{ origin: 'KHM', upstreamShare: 0, directShare: 1 }]);
    expect(bare.concentration.participants).toBe(0);
  });

  it('gives U = 1 and HHI = 1 for one supplier country importing from one origin', () => {
    const single = upstreamExposure([{ country: 'VNM', capacity: 5 }], [{ importer: 'VNM', origin: 'CHN', value: 7 }]);
    expect(single.origins[0]).toEqual({ origin: 'CHN', upstreamShare: 1, directShare: 0 });
    expect(single.uncoveredShare).toBe(0);
    expect(single.concentration.hhi).toBe(1);
    expect(single.concentration.normalizedHhi).toBeNull();
  });
});

describe('its parts', () => {
  it('leaves facilities of capacity 0 out of the shares without counting them unknown', () => {
    expect([
      ...supplierShares([
        { country: 'VNM', capacity: 0 },
        { country: 'IDN', capacity: 3 },
      ]),
    ]).toEqual([['IDN', 1]]);
    expect(upstreamExposure([{ country: 'VNM', capacity: 0 }], []).unknownCapacity).toBe(0);
  });

  it('leaves out flows of value 0 and flows from a country to itself (its own production is not trade)', () => {
    const m = importShares([
      { importer: 'VNM', origin: 'VNM', value: 100 },
      { importer: 'VNM', origin: 'CHN', value: 3 },
      { importer: 'VNM', origin: 'KOR', value: 1 },
      { importer: 'VNM', origin: 'THA', value: 0 },
      { importer: 'KHM', origin: 'THA', value: 0 },
    ]);
    expect([...m.get('VNM')!]).toEqual([
      ['CHN', 0.75],
      ['KOR', 0.25],
    ]);
    // An importer whose only flows are 0 has no input imports: it is uncovered.
    expect(m.has('KHM')).toBe(false);
  });
});
