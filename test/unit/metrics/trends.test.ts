import { cagr, rankChanges, shareShiftPoints, yearlySeries, yoyGrowth } from '../../../src/modules/metrics/trends';

describe('yoyGrowth', () => {
  it('is v_t / v_{t−1} − 1', () => {
    expect(yoyGrowth(100, 110)).toBeCloseTo(0.1, 15); // 110/100 − 1
    expect(yoyGrowth(100, 90)).toBeCloseTo(-0.1, 15); // 90/100 − 1
    expect(yoyGrowth(80, 80)).toBe(0);
    expect(yoyGrowth(50, 150)).toBe(2); // tripled = +200 %
    expect(yoyGrowth(5, 0)).toBe(-1); // vanished = −100 %
  });

  it('is null when v_{t−1} = 0 (growth from nothing has no rate)', () => {
    expect(yoyGrowth(0, 5)).toBeNull();
    expect(yoyGrowth(0, 0)).toBeNull();
    expect(yoyGrowth(-0, 5)).toBeNull();
  });

  it('is null when either value is missing (never read as 0)', () => {
    expect(yoyGrowth(null, 5)).toBeNull();
    expect(yoyGrowth(5, null)).toBeNull();
    expect(yoyGrowth(null, null)).toBeNull();
  });

  it('rejects non-finite values', () => {
    expect(() => yoyGrowth(NaN, 1)).toThrow(RangeError);
    expect(() => yoyGrowth(1, Infinity)).toThrow(RangeError);
  });
});

describe('cagr', () => {
  it('is (v_b / v_a)^{1/(b−a)} − 1', () => {
    expect(cagr(100, 121, 2)).toBeCloseTo(0.1, 14); // √1.21 − 1 = 1.1 − 1
    expect(cagr(100, 133.1, 3)).toBeCloseTo(0.1, 14); // ∛1.331 − 1
    expect(cagr(200, 50, 2)).toBeCloseTo(-0.5, 14); // √0.25 − 1
    expect(cagr(100, 100, 5)).toBe(0);
    expect(cagr(100, 150, 1)).toBeCloseTo(0.5, 14); // one year: the YoY growth
    expect(cagr(100, 150, 0.5)).toBeCloseTo(1.25, 14); // 1.5² − 1: half a year's span
  });

  it('is −1 when the series falls to 0', () => {
    expect(cagr(100, 0, 3)).toBe(-1);
  });

  it('is null for years ≤ 0, first ≤ 0, last < 0, or a missing value', () => {
    expect(cagr(100, 121, 0)).toBeNull();
    expect(cagr(100, 121, -2)).toBeNull();
    expect(cagr(0, 121, 2)).toBeNull();
    expect(cagr(-100, 121, 2)).toBeNull();
    expect(cagr(-100, -121, 2)).toBeNull(); // ratio positive, but a rate of a negative series means nothing
    expect(cagr(100, -1, 2)).toBeNull();
    expect(cagr(null, 121, 2)).toBeNull();
    expect(cagr(100, null, 2)).toBeNull();
  });

  it('rejects non-finite inputs', () => {
    expect(() => cagr(NaN, 1, 1)).toThrow(RangeError);
    expect(() => cagr(1, 1, Infinity)).toThrow(RangeError);
  });

  it('compounds back to the last value', () => {
    const rate = cagr(37, 1234, 7)!;
    expect(37 * (1 + rate) ** 7).toBeCloseTo(1234, 9);
  });
});

describe('shareShiftPoints', () => {
  it('is 100 × (after − before), in percentage points', () => {
    expect(shareShiftPoints(0.2, 0.35)).toBeCloseTo(15, 12); // 35 % − 20 %
    expect(shareShiftPoints(0.5, 0.3)).toBeCloseTo(-20, 12);
    expect(shareShiftPoints(0.4, 0.4)).toBe(0);
    expect(shareShiftPoints(0, 1)).toBe(100);
  });

  it('is null when either share is missing', () => {
    expect(shareShiftPoints(null, 0.3)).toBeNull();
    expect(shareShiftPoints(0.3, null)).toBeNull();
  });

  it('rejects shares outside [0, 1] (percentages passed by mistake) and non-finite ones', () => {
    expect(() => shareShiftPoints(20, 35)).toThrow(RangeError);
    expect(() => shareShiftPoints(-0.1, 0.3)).toThrow(RangeError);
    expect(() => shareShiftPoints(0.1, NaN)).toThrow(RangeError);
  });
});

describe('rankChanges', () => {
  it('gives ranks before and after and change = rankBefore − rankAfter (positive = moved up)', () => {
    // Before: CHN 50 (1), VNM 30 (2), BGD 20 (3). After: VNM 45 (1), CHN 40 (2), IND 15 (3), BGD 0 (out).
    const changes = rankChanges(
      new Map([
        ['CHN', 50],
        ['VNM', 30],
        ['BGD', 20],
      ]),
      new Map([
        ['VNM', 45],
        ['CHN', 40],
        ['IND', 15],
        ['BGD', 0],
      ]),
    );
    expect([...changes]).toEqual([
      ['VNM', { rankBefore: 2, rankAfter: 1, change: 1 }],
      ['CHN', { rankBefore: 1, rankAfter: 2, change: -1 }],
      ['IND', { rankBefore: null, rankAfter: 3, change: null }], // entered
      ['BGD', { rankBefore: 3, rankAfter: null, change: null }], // left
    ]);
  });

  it('ranks ties by key ascending, as rankParticipants does', () => {
    // Before: A, B, C tied → 1, 2, 3. After: C 2, A 1, B 1 → C 1, A 2, B 3.
    const changes = rankChanges(
      new Map([
        ['C', 1],
        ['B', 1],
        ['A', 1],
      ]),
      new Map([
        ['B', 1],
        ['A', 1],
        ['C', 2],
      ]),
    );
    expect(changes.get('A')).toEqual({ rankBefore: 1, rankAfter: 2, change: -1 });
    expect(changes.get('B')).toEqual({ rankBefore: 2, rankAfter: 3, change: -1 });
    expect(changes.get('C')).toEqual({ rankBefore: 3, rankAfter: 1, change: 2 });
  });

  it('lists keys ranked only before by rank before, then keys never ranked by key', () => {
    const changes = rankChanges(
      new Map([
        ['X', 1],
        ['Y', 5],
        ['Z', 0],
        ['B', 0],
      ]),
      new Map([
        ['W', 3],
        ['A', 0],
      ]),
    );
    expect([...changes.keys()]).toEqual(['W', 'Y', 'X', 'A', 'B', 'Z']);
    expect(changes.get('Z')).toEqual({ rankBefore: null, rankAfter: null, change: null });
  });

  it('accepts numeric keys and shares as well as weights', () => {
    const changes = rankChanges(
      new Map([
        [10, 0.6],
        [9, 0.4],
      ]),
      new Map([
        [10, 0.5],
        [9, 0.5],
      ]),
    );
    // After, tied at .5: 9 before 10 numerically.
    expect(changes.get(9)).toEqual({ rankBefore: 2, rankAfter: 1, change: 1 });
    expect(changes.get(10)).toEqual({ rankBefore: 1, rankAfter: 2, change: -1 });
  });

  it('is empty for two empty markets and rejects bad weights', () => {
    expect(rankChanges(new Map(), new Map()).size).toBe(0);
    expect(() => rankChanges(new Map([['A', -1]]), new Map())).toThrow(RangeError);
  });
});

describe('yearlySeries', () => {
  const rows = [
    { year: 2023, value: 50 },
    { year: 2019, value: 100 },
    { year: 2020, value: 110 },
    { year: 2022, value: 0 },
    { year: 2030, value: 1 }, // outside the range: ignored
  ];

  it('gives one point per year, with null and hasData false where there is no data (no silent zero)', () => {
    const series = yearlySeries(rows, 2019, 2024);
    expect(series.map(({ year, value, hasData }) => [year, value, hasData])).toEqual([
      [2019, 100, true],
      [2020, 110, true],
      [2021, null, false], // gap
      [2022, 0, true], // a real zero is data
      [2023, 50, true],
      [2024, null, false],
    ]);
  });

  it('computes yoy per point, null after a gap or a zero, and null for the first point without the year before', () => {
    const yoy = yearlySeries(rows, 2019, 2024).map((p) => p.yoy);
    expect(yoy[0]).toBeNull(); // no row for 2018
    expect(yoy[1]).toBeCloseTo(0.1, 15); // 110/100 − 1
    expect(yoy[2]).toBeNull(); // 2021 has no data
    expect(yoy[3]).toBeNull(); // 2021 has no data: the gap is not bridged to 2020
    expect(yoy[4]).toBeNull(); // 2022 is 0
    expect(yoy[5]).toBeNull(); // 2024 has no data
  });

  it('uses the row for from − 1, when given, for the first yoy', () => {
    const series = yearlySeries([...rows, { year: 2018, value: 80 }], 2019, 2020);
    expect(series.map((p) => p.year)).toEqual([2019, 2020]);
    expect(series[0].yoy).toBeCloseTo(0.25, 15); // 100/80 − 1
  });

  it('keeps the source row, so other fields travel with the value', () => {
    const series = yearlySeries([{ year: 2020, value: 3, participants: 7 }], 2020, 2021);
    expect(series[0].row).toEqual({ year: 2020, value: 3, participants: 7 });
    expect(series[0].row?.participants).toBe(7);
    expect(series[1].row).toBeNull();
  });

  it('handles a single year and a range with no data at all', () => {
    expect(yearlySeries(rows, 2020, 2020)).toEqual([
      { year: 2020, value: 110, hasData: true, yoy: yearlySeries(rows, 2019, 2020)[1].yoy, row: { year: 2020, value: 110 } },
    ]);
    expect(yearlySeries([], 2000, 2002)).toEqual([
      { year: 2000, value: null, hasData: false, yoy: null, row: null },
      { year: 2001, value: null, hasData: false, yoy: null, row: null },
      { year: 2002, value: null, hasData: false, yoy: null, row: null },
    ]);
  });

  it('rejects from > to, non-integer years, non-finite values and two rows for one year', () => {
    expect(() => yearlySeries(rows, 2024, 2019)).toThrow(RangeError);
    expect(() => yearlySeries(rows, 2019.5, 2024)).toThrow(RangeError);
    expect(() => yearlySeries([{ year: 2020.5, value: 1 }], 2019, 2024)).toThrow(RangeError);
    expect(() => yearlySeries([{ year: 2020, value: NaN }], 2019, 2024)).toThrow(RangeError);
    expect(() =>
      yearlySeries(
        [
          { year: 2020, value: 1 },
          { year: 2020, value: 2 },
        ],
        2019,
        2024,
      ),
    ).toThrow(RangeError);
  });
});
