import {
  coverage,
  qualitySummary,
  relativeUnitValue,
  unitValue,
  unitValueSums,
  unitValueTrend,
} from '../../../src/modules/metrics/unitvalue';

describe('unit value sums, UV and coverage', () => {
  it('weighs only flows with q > 0: UV = Σx/Σq over them, coverage = their share of the value', () => {
    // 1,000 USD / 2 t and 3,000 USD / 1 t have a quantity; 4,000 USD without one (null) and 2,000 USD with q = 0 do not.
    const sums = unitValueSums([
      { valueUsd: 1000, quantityTons: 2 },
      { valueUsd: 3000, quantityTons: 1 },
      { valueUsd: 4000, quantityTons: null },
      { valueUsd: 2000, quantityTons: 0 },
    ]);
    expect(sums).toEqual({ value: 10000, valueWithQuantity: 4000, quantityTons: 3, flows: 4, flowsWithQuantity: 2 });
    expect(unitValue(sums)).toBeCloseTo(4000 / 3, 12); // a quantity-weighted mean, not the mean of 500 and 3,000
    expect(coverage(sums)).toBeCloseTo(0.4, 12);
  });

  it('has no UV without a quantity, and no coverage without value (empty, or every q unknown)', () => {
    const empty = unitValueSums([]);
    expect(unitValue(empty)).toBeNull();
    expect(coverage(empty)).toBeNull();
    const unknown = unitValueSums([{ valueUsd: 500, quantityTons: null }]);
    expect(unitValue(unknown)).toBeNull(); // never 500 / 0, never 0
    expect(coverage(unknown)).toBe(0);
  });

  it('a single flow is its own UV; a zero-value flow with a quantity gives UV 0 and no coverage', () => {
    expect(unitValue(unitValueSums([{ valueUsd: 900, quantityTons: 3 }]))).toBe(300);
    const free = unitValueSums([{ valueUsd: 0, quantityTons: 5 }]);
    expect(unitValue(free)).toBe(0);
    expect(coverage(free)).toBeNull();
  });

  it('rejects negative or non-finite inputs', () => {
    expect(() => unitValueSums([{ valueUsd: -1, quantityTons: 1 }])).toThrow(RangeError);
    expect(() => unitValueSums([{ valueUsd: 1, quantityTons: Number.NaN }])).toThrow(RangeError);
  });
});

describe('relative unit value', () => {
  it('is UV / UV_world, null when either is unknown or the world UV is 0', () => {
    expect(relativeUnitValue(1500, 1000)).toBe(1.5);
    expect(relativeUnitValue(null, 1000)).toBeNull();
    expect(relativeUnitValue(1500, null)).toBeNull();
    expect(relativeUnitValue(1500, 0)).toBeNull();
    expect(relativeUnitValue(0, 1000)).toBe(0);
  });
});

describe('unit-value trend and drops', () => {
  const rows = [
    { year: 2019, uv: 100, ruv: 1.0 },
    { year: 2020, uv: 110, ruv: 0.8 }, // RUV −20 %: a drop at the default 15 %
    { year: 2021, uv: 121, ruv: 0.76 }, // −5 %: no drop
    { year: 2023, uv: 133.1, ruv: 0.5 }, // 2022 missing: no YoY, no change, no drop in 2023
  ];

  it('lists every year, YoY of UV and RUV, drops over a 1-year window, CAGR between the first and last years with a UV', () => {
    const t = unitValueTrend(rows, 2020, 2023);
    expect(t.points.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(t.points[0].uvYoY).toBeCloseTo(0.1, 12); // 2019 feeds the first point
    expect(t.points[0].ruvChange).toBeCloseTo(-0.2, 12);
    expect(t.points[0].drop).toBe(true);
    expect(t.points[1].ruvYoY).toBeCloseTo(-0.05, 12);
    expect(t.points[1].drop).toBe(false);
    expect(t.points[2]).toEqual({ year: 2022, uv: null, ruv: null, uvYoY: null, ruvYoY: null, ruvChange: null, drop: null });
    expect(t.points[3].uvYoY).toBeNull(); // the gap is never bridged, never a 0
    expect(t.points[3].drop).toBeNull();
    expect(t.dropYears).toEqual([2020]);
    expect([t.cagrFrom, t.cagrTo]).toEqual([2020, 2023]);
    expect(t.uvCagr).toBeCloseTo((133.1 / 110) ** (1 / 3) - 1, 12);
    expect(t.ruvCagr).toBeCloseTo((0.5 / 0.8) ** (1 / 3) - 1, 12);
  });

  it('compares with the year `window` years back, and the threshold is strict', () => {
    const t = unitValueTrend(rows, 2021, 2023, 2);
    expect(t.points[0].ruvChange).toBeCloseTo(-0.24, 12); // 0.76 / 1.0 − 1
    expect(t.points[0].drop).toBe(true);
    expect(t.points[2].ruvChange).toBeCloseTo(0.5 / 0.76 - 1, 12); // 2023 vs 2021
    // exactly −15 % is not a drop
    const edge = unitValueTrend(
      [
        { year: 2000, uv: 1, ruv: 1 },
        { year: 2001, uv: 1, ruv: 0.85 },
      ],
      2001,
      2001,
      1,
      0.15,
    );
    expect(edge.points[0].ruvChange).toBeCloseTo(-0.15, 12);
    expect(
      unitValueTrend(
        [
          { year: 2000, uv: 1, ruv: 1 },
          { year: 2001, uv: 1, ruv: 0.84 },
        ],
        2001,
        2001,
      ).points[0].drop,
    ).toBe(true);
  });

  it('has no CAGR with one year of data, and none at all on an empty series', () => {
    const one = unitValueTrend([{ year: 2020, uv: 5, ruv: 1 }], 2020, 2022);
    expect([one.cagrFrom, one.uvCagr, one.ruvCagr]).toEqual([null, null, null]);
    const none = unitValueTrend([], 2020, 2021);
    expect(none.points.every((p) => p.uv === null && p.drop === null)).toBe(true);
    expect(none.dropYears).toEqual([]);
  });

  it('rejects bad ranges, windows and duplicate years', () => {
    expect(() => unitValueTrend([], 2021, 2020)).toThrow(RangeError);
    expect(() => unitValueTrend([], 2020, 2021, 0)).toThrow(RangeError);
    expect(() => unitValueTrend([rows[0], rows[0]], 2019, 2019)).toThrow(RangeError);
  });
});

describe('quality summary', () => {
  it('weights RUV by capacity share over the countries with one, and sums the shares that dropped', () => {
    // VNM 0.5 at RUV 0.8 (dropped), IDN 0.3 at RUV 1.2, KHM 0.2 without a unit value
    const s = qualitySummary([
      { share: 0.5, ruv: 0.8, drop: true },
      { share: 0.3, ruv: 1.2, drop: false },
      { share: 0.2, ruv: null, drop: null },
    ]);
    expect(s.weightedRuv).toBeCloseTo((0.5 * 0.8 + 0.3 * 1.2) / 0.8, 12);
    expect(s.coveredShare).toBeCloseTo(0.8, 12);
    expect(s.dropShare).toBeCloseTo(0.5, 12);
  });

  it('is null with no country or none with a unit value, and a single country is its own RUV', () => {
    expect(qualitySummary([])).toEqual({ weightedRuv: null, coveredShare: 0, dropShare: 0 });
    expect(qualitySummary([{ share: 1, ruv: null, drop: null }]).weightedRuv).toBeNull();
    expect(qualitySummary([{ share: 1, ruv: 0.7, drop: false }]).weightedRuv).toBeCloseTo(0.7, 12);
    expect(() => qualitySummary([{ share: 1.5, ruv: 1, drop: null }])).toThrow(RangeError);
  });
});
