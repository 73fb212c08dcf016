import {
  band,
  concentration,
  concentrationRatio,
  deltaHhiPoints,
  isSignificantIncrease,
  rankParticipants,
  type BandGuidelines,
} from '../../../src/modules/metrics/concentration';

/** A fixed pseudo-random sequence (mulberry32), so that a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The O(N²) definition of METRICS.md, over the positive weights. */
function giniByDefinition(weights: readonly number[]): number {
  const w = weights.filter((x) => x > 0);
  const n = w.length;
  const mu = w.reduce((a, b) => a + b, 0) / n;
  let sum = 0;
  for (const wi of w) for (const wj of w) sum += Math.abs(wi - wj);
  return sum / (2 * n * n * mu);
}

/** Random markets: sizes 1..40, integer or fractional weights spanning 6 orders of magnitude, some zeros. */
function randomMarkets(count: number, seed: number): number[][] {
  const random = seeded(seed);
  const markets: number[][] = [];
  for (let m = 0; m < count; m++) {
    const n = 1 + Math.floor(random() * 40);
    const integer = random() < 0.5;
    const weights: number[] = [];
    for (let i = 0; i < n; i++) {
      const w = 10 ** (random() * 6) * random();
      weights.push(random() < 0.1 ? 0 : integer ? Math.floor(w) + 1 : w);
    }
    markets.push(weights);
  }
  return markets;
}

describe('concentration: the worked example [50, 30, 20]', () => {
  // W = 100, N = 3, shares .5 / .3 / .2.
  const m = concentration([50, 30, 20]);

  it('counts participants and total weight', () => {
    expect(m.participants).toBe(3);
    expect(m.totalWeight).toBe(100);
  });

  it('computes HHI, points, normalised HHI and effective number', () => {
    // HHI = .5² + .3² + .2² = .25 + .09 + .04 = .38; exact because Σw²/W² = 3800/10000 is one rounding.
    expect(m.hhi).toBe(0.38);
    expect(m.hhiPoints).toBe(3800);
    // (0.38 − 1/3) / (1 − 1/3) = (0.046666…) / (0.666…) = 0.07
    expect(m.normalizedHhi).toBeCloseTo(0.07, 14);
    // 1 / 0.38 = 2.631578947…
    expect(m.effectiveNumber).toBeCloseTo(1 / 0.38, 14);
  });

  it('computes concentration ratios, with k ≥ N giving exactly 1', () => {
    expect(m.cr1).toBe(0.5);
    expect(m.cr3).toBe(1); // k = N
    expect(m.cr5).toBe(1); // k > N
  });

  it('computes entropy and evenness', () => {
    // −(.5 ln .5 + .3 ln .3 + .2 ln .2) = .3465736 + .3611918 + .3218876 = 1.0296530…
    const entropy = -(0.5 * Math.log(0.5) + 0.3 * Math.log(0.3) + 0.2 * Math.log(0.2));
    expect(m.entropy).toBeCloseTo(1.029653014, 9);
    expect(m.entropy).toBeCloseTo(entropy, 14);
    // 1.0296530 / ln 3 = 1.0296530 / 1.0986123 = 0.9372306
    expect(m.evenness).toBeCloseTo(entropy / Math.log(3), 14);
    expect(m.evenness).toBeCloseTo(0.93723056, 8);
  });

  it('computes Gini', () => {
    // Σ_i Σ_j |w_i − w_j| = 2 (|50−30| + |50−20| + |30−20|) = 2 · 60 = 120; 2 N² μ = 2 · 9 · 100/3 = 600.
    expect(m.gini).toBeCloseTo(120 / 600, 15);
    expect(m.gini).toBeCloseTo(0.2, 15);
  });

  it('bands by HHI points: 3800 is HIGH under both guidelines', () => {
    expect(m.band).toBe('HIGH');
    expect(concentration([50, 30, 20], 'DOJ_FTC_2010').band).toBe('HIGH');
  });
});

describe('concentration: a six-participant market [30, 25, 20, 10, 10, 5]', () => {
  // W = 100, N = 6, shares .30 .25 .20 .10 .10 .05.
  const m = concentration([30, 25, 20, 10, 10, 5]);

  it('computes HHI and its derivatives', () => {
    // .09 + .0625 + .04 + .01 + .01 + .0025 = .215 → 2150 points
    expect(m.hhi).toBe(0.215);
    expect(m.hhiPoints).toBe(2150);
    // (.215 − 1/6) / (5/6) = (1.29 − 1) / 5 = 0.058
    expect(m.normalizedHhi).toBeCloseTo(0.058, 14);
    // 1 / .215 = 4.6511627…
    expect(m.effectiveNumber).toBeCloseTo(4.651162791, 9);
  });

  it('computes CR1, CR3, CR5 below 1', () => {
    expect(m.cr1).toBe(0.3);
    expect(m.cr3).toBeCloseTo(0.75, 15); // .30 + .25 + .20
    expect(m.cr5).toBeCloseTo(0.95, 15); // + .10 + .10
  });

  it('computes entropy, evenness and Gini', () => {
    // .3611918 + .3465736 + .3218876 + 2 · .2302585 + .1497866 = 1.6399566
    expect(m.entropy).toBeCloseTo(1.6399566, 7);
    // 1.6399566 / ln 6 = 1.6399566 / 1.7917595 = 0.9152772
    expect(m.evenness).toBeCloseTo(0.9152772, 7);
    // Pairs i < j: 5 vs others 5+5+15+20+25 = 70; 10 vs 10,20,25,30 = 45; 10 vs 20,25,30 = 45;
    // 20 vs 25,30 = 15; 25 vs 30 = 5 → 180; double sum 360; 2 N² μ = 2 · 36 · 100/6 = 1200 → 0.3.
    expect(m.gini).toBeCloseTo(0.3, 15);
  });

  it('is HIGH under 2023 (2150 > 1800) but MODERATE under 2010 (1500 ≤ 2150 ≤ 2500)', () => {
    expect(m.band).toBe('HIGH');
    expect(concentration([30, 25, 20, 10, 10, 5], 'DOJ_FTC_2010').band).toBe('MODERATE');
  });
});

describe('concentration: edge cases', () => {
  const empty = {
    participants: 0,
    totalWeight: 0,
    hhi: null,
    hhiPoints: null,
    normalizedHhi: null,
    cr1: null,
    cr3: null,
    cr5: null,
    effectiveNumber: null,
    entropy: null,
    evenness: null,
    gini: null,
    band: null,
  };

  it('N = 0 (no weights, or only zeros) gives nulls everywhere but the counts', () => {
    expect(concentration([])).toEqual(empty);
    expect(concentration([0, 0, 0])).toEqual(empty);
    expect(concentration([-0])).toEqual(empty);
  });

  it('N = 1: HHI 1, normalised null, CRs 1, entropy 0, evenness null, Gini 0, HIGH', () => {
    for (const weights of [[7], [0, 7, 0]]) {
      const m = concentration(weights);
      expect(m).toEqual({
        participants: 1,
        totalWeight: 7,
        hhi: 1,
        hhiPoints: 10_000,
        normalizedHhi: null,
        cr1: 1,
        cr3: 1,
        cr5: 1,
        effectiveNumber: 1,
        entropy: 0,
        evenness: null,
        gini: 0,
        band: 'HIGH',
      });
      // toEqual treats −0 as 0; the API must not show −0.
      expect(Object.is(m.entropy, 0)).toBe(true);
      expect(Object.is(m.gini, 0)).toBe(true);
    }
  });

  it('N = 2 equal: HHI ½, normalised 0, evenness 1, Gini 0', () => {
    const m = concentration([3, 3]);
    expect(m.hhi).toBe(0.5);
    expect(m.normalizedHhi).toBe(0);
    expect(m.effectiveNumber).toBe(2);
    expect(m.entropy).toBeCloseTo(Math.log(2), 15);
    expect(m.evenness).toBeCloseTo(1, 15);
    expect(m.gini).toBe(0);
  });

  it('N = 2 unequal: Gini reaches at most 1 − 1/N', () => {
    // [99, 1]: Σ_i Σ_j |…| = 2 · 98 = 196; 2 · 4 · 50 = 400 → 0.49 (max 0.5 as the small one → 0)
    expect(concentration([99, 1]).gini).toBeCloseTo(0.49, 15);
    expect(concentration([1e12, 1]).gini).toBeLessThanOrEqual(0.5);
  });

  it('ignores zero weights: the same market with zeros added gives the same figures', () => {
    expect(concentration([0, 50, 0, 30, 20, 0])).toEqual(concentration([50, 30, 20]));
  });

  it('does not depend on the order of the weights', () => {
    expect(concentration([20, 50, 30])).toEqual(concentration([50, 30, 20]));
  });

  it('rejects negative and non-finite weights with RangeError', () => {
    for (const bad of [-1, -1e-300, NaN, Infinity, -Infinity]) {
      expect(() => concentration([10, bad])).toThrow(RangeError);
      expect(() => concentrationRatio([10, bad], 1)).toThrow(RangeError);
    }
    expect(() => concentration(['5' as unknown as number])).toThrow(RangeError);
  });

  it('rejects unknown guidelines', () => {
    expect(() => concentration([1, 2], 'DOJ_FTC_1992' as BandGuidelines)).toThrow(RangeError);
    expect(() => band(100, 'EU' as BandGuidelines)).toThrow(RangeError);
  });

  it('survives weights whose squares or sum would overflow or underflow', () => {
    // Shares .25 / .25 / .5 → HHI .0625 + .0625 + .25 = .375, at any magnitude.
    expect(concentration([1e300, 1e300, 2e300]).hhi).toBe(0.375);
    expect(concentration([1e-300, 1e-300, 2e-300]).hhi).toBe(0.375);
    expect(concentration([1e-320, 1e-320]).hhi).toBe(0.5);
    const huge = concentration([Number.MAX_VALUE, Number.MAX_VALUE]);
    expect(huge.hhi).toBe(0.5);
    expect(huge.gini).toBe(0);
    // W itself is not representable: reported as IEEE-754 gives it.
    expect(huge.totalWeight).toBe(Infinity);
  });

  it('gives exactly the boundary points for integer weights (one rounding, not a sum of rounded squares)', () => {
    // Shares .2 ×4 and .1 ×2: HHI = 4 · .04 + 2 · .01 = .18 → 1800 points exactly.
    expect(concentration([20, 20, 20, 20, 10, 10]).hhiPoints).toBe(1800);
    // Shares .2 ×2, .15 ×2, .1 ×2, .05 ×2: (16+16+9+9+4+4+1+1)/400 = 60/400 = .15 → 1500.
    expect(concentration([4, 4, 3, 3, 2, 2, 1, 1]).hhiPoints).toBe(1500);
    // (49 + 25 + 16 + 9 + 1) / 20² = 100/400 = .25 → 2500.
    expect(concentration([7, 5, 4, 3, 1]).hhiPoints).toBe(2500);
    // Ten equal participants: 1/10 → 1000.
    expect(concentration(Array(10).fill(1)).hhiPoints).toBe(1000);
  });
});

describe('concentrationRatio', () => {
  const w = [30, 25, 20, 10, 10, 5];

  it('sums the k largest shares', () => {
    expect(concentrationRatio(w, 1)).toBe(0.3);
    expect(concentrationRatio(w, 2)).toBeCloseTo(0.55, 15); // .30 + .25
    expect(concentrationRatio(w, 4)).toBeCloseTo(0.85, 15); // + .20 + .10
    expect(concentrationRatio(w, 5)).toBeCloseTo(0.95, 15);
  });

  it('is exactly 1 when k ≥ N (zeros do not count towards N)', () => {
    expect(concentrationRatio(w, 6)).toBe(1);
    expect(concentrationRatio(w, 100)).toBe(1);
    expect(concentrationRatio([0.1, 0.2, 0.3, 0, 0], 3)).toBe(1);
  });

  it('is null when N = 0', () => {
    expect(concentrationRatio([], 1)).toBeNull();
    expect(concentrationRatio([0, 0], 3)).toBeNull();
  });

  it('does not depend on which of tied participants is counted', () => {
    // Two tied at 10: CR4 takes one of them either way: (30+25+20+10)/100.
    expect(concentrationRatio([10, 30, 10, 25, 20, 5], 4)).toBeCloseTo(0.85, 15);
  });

  it('rejects k that is not an integer ≥ 1', () => {
    for (const k of [0, -1, 1.5, NaN, Infinity]) expect(() => concentrationRatio(w, k)).toThrow(RangeError);
  });

  it('agrees with the CRs of concentration()', () => {
    const m = concentration(w);
    expect([m.cr1, m.cr3, m.cr5]).toEqual([concentrationRatio(w, 1), concentrationRatio(w, 3), concentrationRatio(w, 5)]);
  });
});

describe('band', () => {
  // Rule: HIGH when points > upper; MODERATE when lower ≤ points ≤ upper; UNCONCENTRATED when < lower.
  const cases: Array<[BandGuidelines, number, string]> = [
    ['DOJ_FTC_2023', 0, 'UNCONCENTRATED'],
    ['DOJ_FTC_2023', 999, 'UNCONCENTRATED'],
    ['DOJ_FTC_2023', 999.99, 'UNCONCENTRATED'],
    ['DOJ_FTC_2023', 1000, 'MODERATE'], // lower bound included
    ['DOJ_FTC_2023', 1000.01, 'MODERATE'],
    ['DOJ_FTC_2023', 1500, 'MODERATE'],
    ['DOJ_FTC_2023', 1799.99, 'MODERATE'],
    ['DOJ_FTC_2023', 1800, 'MODERATE'], // upper bound included: HIGH is strictly above
    ['DOJ_FTC_2023', 1800.01, 'HIGH'],
    ['DOJ_FTC_2023', 2500, 'HIGH'],
    ['DOJ_FTC_2023', 10_000, 'HIGH'],
    ['DOJ_FTC_2010', 0, 'UNCONCENTRATED'],
    ['DOJ_FTC_2010', 1000, 'UNCONCENTRATED'],
    ['DOJ_FTC_2010', 1499.99, 'UNCONCENTRATED'],
    ['DOJ_FTC_2010', 1500, 'MODERATE'], // lower bound included
    ['DOJ_FTC_2010', 1500.01, 'MODERATE'],
    ['DOJ_FTC_2010', 1800.01, 'MODERATE'],
    ['DOJ_FTC_2010', 2499.99, 'MODERATE'],
    ['DOJ_FTC_2010', 2500, 'MODERATE'], // upper bound included
    ['DOJ_FTC_2010', 2500.01, 'HIGH'],
    ['DOJ_FTC_2010', 10_000, 'HIGH'],
  ];
  it.each(cases)('%s: %d points → %s', (guidelines, points, expected) => {
    expect(band(points, guidelines)).toBe(expected);
  });

  it('is not moved across a boundary by floating-point noise (compared at 1e-6 points)', () => {
    expect(band(1800.0000000000002, 'DOJ_FTC_2023')).toBe('MODERATE');
    expect(band(999.9999999999999, 'DOJ_FTC_2023')).toBe('MODERATE');
    expect(band(2500.0000000000005, 'DOJ_FTC_2010')).toBe('MODERATE');
    expect(band(1499.9999999999998, 'DOJ_FTC_2010')).toBe('MODERATE');
    // …but a real difference of 1e-6 points still counts.
    expect(band(1800.000001, 'DOJ_FTC_2023')).toBe('HIGH');
    expect(band(999.999999, 'DOJ_FTC_2023')).toBe('UNCONCENTRATED');
  });

  it('bands decimal weights whose exact HHI is on a boundary as that boundary', () => {
    // .2 ×4, .1 ×2 in floating point: HHI points compute to 1800.0000000000002, exactly 1800 in decimals.
    expect(concentration([0.2, 0.2, 0.2, 0.2, 0.1, 0.1]).band).toBe('MODERATE');
    expect(concentration(Array(10).fill(0.1)).band).toBe('MODERATE');
  });

  it('bands markets on each boundary through concentration()', () => {
    expect(concentration([20, 20, 20, 20, 10, 10]).band).toBe('MODERATE'); // 1800, 2023
    expect(concentration([20, 20, 20, 20, 10, 10], 'DOJ_FTC_2010').band).toBe('MODERATE'); // 1800, 2010
    expect(concentration(Array(10).fill(1)).band).toBe('MODERATE'); // 1000, 2023
    expect(concentration(Array(10).fill(1), 'DOJ_FTC_2010').band).toBe('UNCONCENTRATED'); // 1000, 2010
    expect(concentration([4, 4, 3, 3, 2, 2, 1, 1], 'DOJ_FTC_2010').band).toBe('MODERATE'); // 1500, 2010
    expect(concentration([7, 5, 4, 3, 1]).band).toBe('HIGH'); // 2500, 2023
    expect(concentration([7, 5, 4, 3, 1], 'DOJ_FTC_2010').band).toBe('MODERATE'); // 2500, 2010
    expect(concentration(Array(11).fill(1)).band).toBe('UNCONCENTRATED'); // 909.09, 2023
  });

  it('rejects negative and non-finite points', () => {
    for (const bad of [-1, NaN, Infinity]) expect(() => band(bad, 'DOJ_FTC_2023')).toThrow(RangeError);
  });
});

describe('rankParticipants', () => {
  it('ranks by weight descending with shares, 1-based, leaving out zero weights', () => {
    expect(
      rankParticipants([
        { key: 'BGD', weight: 20 },
        { key: 'IND', weight: 0 },
        { key: 'CHN', weight: 50 },
        { key: 'VNM', weight: 30 },
      ]),
    ).toEqual([
      { key: 'CHN', weight: 50, share: 0.5, rank: 1 },
      { key: 'VNM', weight: 30, share: 0.3, rank: 2 },
      { key: 'BGD', weight: 20, share: 0.2, rank: 3 },
    ]);
  });

  it('breaks ties by key ascending, whatever the input order', () => {
    const ps = [
      { key: 'VNM', weight: 10 },
      { key: 'BGD', weight: 10 },
      { key: 'KHM', weight: 5 },
      { key: 'CHN', weight: 10 },
      { key: 'IDN', weight: 5 },
    ];
    const expected = ['BGD', 'CHN', 'VNM', 'IDN', 'KHM'];
    expect(rankParticipants(ps).map((p) => p.key)).toEqual(expected);
    expect(rankParticipants([...ps].reverse()).map((p) => p.key)).toEqual(expected);
    expect(rankParticipants(ps).map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('orders numeric keys numerically, not as text', () => {
    const ranked = rankParticipants([
      { key: 10, weight: 1 },
      { key: 9, weight: 1 },
      { key: 100, weight: 1 },
    ]);
    expect(ranked.map((p) => p.key)).toEqual([9, 10, 100]);
  });

  it('orders string keys by code unit, independent of locale (uppercase before lowercase)', () => {
    const ranked = rankParticipants([
      { key: 'b', weight: 1 },
      { key: 'B', weight: 1 },
      { key: 'a', weight: 1 },
    ]);
    expect(ranked.map((p) => p.key)).toEqual(['B', 'a', 'b']);
  });

  it('returns nothing for an empty market or one of zeros', () => {
    expect(rankParticipants([])).toEqual([]);
    expect(rankParticipants([{ key: 'A', weight: 0 }])).toEqual([]);
  });

  it('rejects bad weights, NaN keys and keys given twice', () => {
    expect(() => rankParticipants([{ key: 'A', weight: -1 }])).toThrow(RangeError);
    expect(() => rankParticipants([{ key: 'A', weight: NaN }])).toThrow(RangeError);
    expect(() => rankParticipants([{ key: NaN, weight: 1 }])).toThrow(RangeError);
    expect(() =>
      rankParticipants([
        { key: 'A', weight: 1 },
        { key: 'A', weight: 2 },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      rankParticipants([
        { key: 'A', weight: 0 },
        { key: 'A', weight: 0 },
      ]),
    ).toThrow(RangeError);
  });

  it('shares sum to 1 and the top-k shares give CRk', () => {
    const weights = [30, 25, 20, 10, 10, 5];
    const ranked = rankParticipants(weights.map((weight, i) => ({ key: `P${i}`, weight })));
    expect(ranked.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1, 15);
    expect(ranked.slice(0, 3).reduce((a, p) => a + p.share, 0)).toBeCloseTo(concentrationRatio(weights, 3)!, 15);
  });
});

describe('deltaHhiPoints and isSignificantIncrease', () => {
  it('ΔHHI = after − before, null when either is null', () => {
    expect(deltaHhiPoints(1700, 1850)).toBe(150);
    expect(deltaHhiPoints(3800, 2150)).toBe(-1650);
    expect(deltaHhiPoints(null, 1850)).toBeNull();
    expect(deltaHhiPoints(1700, null)).toBeNull();
    expect(deltaHhiPoints(null, null)).toBeNull();
    expect(() => deltaHhiPoints(NaN, 1)).toThrow(RangeError);
  });

  it('2023 (default): significant when Δ > 100 and the market after is HIGH (> 1800), both strict', () => {
    expect(isSignificantIncrease(101, 1801)).toBe(true);
    expect(isSignificantIncrease(100.5, 5000)).toBe(true);
    expect(isSignificantIncrease(100, 5000)).toBe(false); // Δ not above 100
    expect(isSignificantIncrease(150, 1800)).toBe(false); // 1800 is MODERATE
    expect(isSignificantIncrease(150, 1800.01)).toBe(true);
    expect(isSignificantIncrease(-150, 5000)).toBe(false);
    expect(isSignificantIncrease(101, 1801, 'DOJ_FTC_2023')).toBe(true);
  });

  it('2010: significant when Δ > 200 and the market after is HIGH (> 2500)', () => {
    expect(isSignificantIncrease(201, 2501, 'DOJ_FTC_2010')).toBe(true);
    expect(isSignificantIncrease(200, 3000, 'DOJ_FTC_2010')).toBe(false);
    expect(isSignificantIncrease(150, 3000, 'DOJ_FTC_2010')).toBe(false);
    expect(isSignificantIncrease(201, 2500, 'DOJ_FTC_2010')).toBe(false); // 2500 is MODERATE
    expect(isSignificantIncrease(201, 2000, 'DOJ_FTC_2010')).toBe(false); // HIGH in 2023 only
  });

  it('is false when either input is null', () => {
    expect(isSignificantIncrease(null, 5000)).toBe(false);
    expect(isSignificantIncrease(500, null)).toBe(false);
  });

  it('is not triggered by floating-point noise on the threshold', () => {
    // 1900.0000000000002 − 1800.0000000000002 may compute a hair above or below 100.
    expect(isSignificantIncrease(100.00000000000001, 5000)).toBe(false);
    expect(isSignificantIncrease(100.000001, 5000)).toBe(true);
  });

  it('works from concentration() results', () => {
    // [50, 50] → 5000; [60, 40] → .36 + .16 = .52 → 5200: Δ = 200 in a HIGH market.
    const before = concentration([50, 50]).hhiPoints;
    const after = concentration([60, 40]).hhiPoints;
    const delta = deltaHhiPoints(before, after);
    expect(delta).toBeCloseTo(200, 9);
    expect(isSignificantIncrease(delta, after)).toBe(true);
    expect(isSignificantIncrease(delta, after, 'DOJ_FTC_2010')).toBe(false); // 200 is not > 200
    expect(deltaHhiPoints(concentration([]).hhiPoints, after)).toBeNull();
  });

  it('rejects non-finite inputs', () => {
    expect(() => isSignificantIncrease(NaN, 5000)).toThrow(RangeError);
    expect(() => isSignificantIncrease(150, Infinity)).toThrow(RangeError);
  });
});

describe('properties on random markets', () => {
  const markets = randomMarkets(400, 20240601);

  it.each(markets.map((w, i) => [i, w] as const))('market %i', (_i, weights) => {
    const m = concentration(weights);
    const n = weights.filter((w) => w > 0).length;
    expect(m.participants).toBe(n);
    if (n === 0) {
      expect(m.hhi).toBeNull();
      return;
    }
    const hhi = m.hhi!;
    // HHI in [1/N, 1]; effective number in [1, N]; points = 10,000 × HHI.
    expect(hhi).toBeGreaterThanOrEqual(1 / n);
    expect(hhi).toBeLessThanOrEqual(1);
    expect(m.hhiPoints!).toBeCloseTo(10_000 * hhi, 8);
    expect(m.effectiveNumber!).toBeGreaterThanOrEqual(1);
    expect(m.effectiveNumber!).toBeLessThanOrEqual(n);
    expect(m.effectiveNumber!).toBeCloseTo(1 / hhi, 9);

    // HHI against the share definition Σ s².
    const total = weights.reduce((a, b) => a + b, 0);
    expect(hhi).toBeCloseTo(
      weights.reduce((a, w) => a + (w / total) ** 2, 0),
      12,
    );

    if (n > 1) {
      expect(m.normalizedHhi!).toBeGreaterThanOrEqual(0);
      expect(m.normalizedHhi!).toBeLessThanOrEqual(1);
      expect(m.evenness!).toBeGreaterThanOrEqual(0);
      expect(m.evenness!).toBeLessThanOrEqual(1);
    } else {
      expect(m.normalizedHhi).toBeNull();
      expect(m.evenness).toBeNull();
    }

    // CRk is non-decreasing in k, at least k/N (the top k hold at least their proportional share),
    // at most 1, and exactly 1 from k = N.
    let previous = 0;
    for (let k = 1; k <= n + 2; k++) {
      const cr = concentrationRatio(weights, k)!;
      expect(cr).toBeGreaterThanOrEqual(previous);
      expect(cr).toBeGreaterThanOrEqual(Math.min(1, k / n) - 1e-12);
      expect(cr).toBeLessThanOrEqual(1);
      if (k >= n) expect(cr).toBe(1);
      previous = cr;
    }
    // CR1² ≤ HHI ≤ CR1 (the largest share's square is one term; every share is ≤ CR1).
    expect(m.cr1! ** 2).toBeLessThanOrEqual(hhi + 1e-15);
    expect(hhi).toBeLessThanOrEqual(m.cr1! + 1e-15);

    // Gini: the O(N log N) formula matches the O(N²) definition, and stays in [0, 1 − 1/N].
    expect(m.gini!).toBeCloseTo(giniByDefinition(weights), 12);
    expect(m.gini!).toBeGreaterThanOrEqual(0);
    expect(m.gini!).toBeLessThanOrEqual(1 - 1 / n);

    // Entropy in [0, ln N].
    expect(m.entropy!).toBeGreaterThanOrEqual(0);
    expect(m.entropy!).toBeLessThanOrEqual(Math.log(n));
  });

  it('shares-based figures do not change when every weight is scaled', () => {
    for (const weights of markets.slice(0, 50)) {
      const a = concentration(weights);
      const b = concentration(weights.map((w) => w * 1000));
      for (const key of ['hhi', 'normalizedHhi', 'cr1', 'cr3', 'cr5', 'effectiveNumber', 'entropy', 'evenness', 'gini'] as const) {
        if (a[key] === null) expect(b[key]).toBeNull();
        else expect(b[key]!).toBeCloseTo(a[key]!, 10);
      }
    }
  });

  it('does not depend on the order of the weights', () => {
    const random = seeded(7);
    for (const weights of markets.slice(0, 50)) {
      const shuffled = [...weights].sort(() => random() - 0.5);
      const a = concentration(weights);
      const b = concentration(shuffled);
      expect(b.hhiPoints).toBe(a.hhiPoints); // Σ of squares is taken in sorted order either way
      expect(b.gini).toBe(a.gini);
      expect(b.band).toBe(a.band);
    }
  });

  it('equal weights: HHI = 1/N, normalised 0, effective number N, evenness 1, Gini 0, CRk = k/N', () => {
    for (const n of [2, 3, 5, 7, 10, 50, 199]) {
      for (const w of [1, 0.1, 1234.5678, 1e-9]) {
        const m = concentration(Array(n).fill(w));
        expect(m.hhi).toBeCloseTo(1 / n, 15);
        expect(m.normalizedHhi).toBeCloseTo(0, 12);
        expect(m.effectiveNumber).toBeCloseTo(n, 10);
        expect(m.entropy).toBeCloseTo(Math.log(n), 12);
        expect(m.evenness).toBeCloseTo(1, 12);
        expect(m.gini).toBeCloseTo(0, 12);
        expect(m.cr1).toBeCloseTo(1 / n, 12);
        expect(concentrationRatio(Array(n).fill(w), Math.ceil(n / 2))).toBeCloseTo(Math.ceil(n / 2) / n, 12);
      }
      // Integer weights are exact: no rounding left to absorb.
      const exact = concentration(Array(n).fill(3));
      expect(exact.hhi).toBe(1 / n);
      expect(exact.normalizedHhi).toBe(0);
      expect(exact.effectiveNumber).toBe(n);
      expect(exact.gini).toBe(0);
    }
  });

  it('Gini matches the O(N²) definition on large markets too', () => {
    const random = seeded(99);
    for (const n of [500, 1000]) {
      const weights = Array.from({ length: n }, () => Math.floor(random() * 1e6));
      expect(concentration(weights).gini!).toBeCloseTo(giniByDefinition(weights), 11);
    }
  });
});
