import { BandGuidelines, ParticipantKind, type Concentration } from '../../../src/modules/concentration/concentration.types';
import { trendOfYears } from '../../../src/modules/trends/concentration-trend';
import { toShareShift } from '../../../src/modules/trends/share-shift.sql';

/** Only what the trend reads of a year's concentration: W and HHI points. */
const year = (y: number, totalWeight: number, hhiPoints: number) => ({
  year: y,
  concentration: { totalWeight, hhiPoints } as Concentration,
});

describe('trendOfYears', () => {
  // 2018 (before the range) W 100 at 6,800 points; 2019 W 150 at 5,200; 2020 no data; 2021 W 300 at 3,800;
  // 2022 W 300 at 5,400; 2023 no data.
  const years = [year(2018, 100, 6800), year(2019, 150, 5200), year(2021, 300, 3800), year(2022, 300, 5400)];
  const trend = trendOfYears(years, 2019, 2023, BandGuidelines.DOJ_FTC_2023);

  it('lists every year of the range, a year without data with null figures', () => {
    expect(trend.points.map((p) => [p.year, p.hasData, p.value])).toEqual([
      [2019, true, 150],
      [2020, false, null],
      [2021, true, 300],
      [2022, true, 300],
      [2023, false, null],
    ]);
    expect(trend.missingYears).toEqual([2020, 2023]);
    expect(trend.points[1]).toEqual({
      year: 2020,
      hasData: false,
      value: null,
      valueYoY: null,
      concentration: null,
      deltaHhiPoints: null,
      significantIncrease: null,
    });
  });

  it('compares each year with the one before (the first with the year before the range), never across a gap', () => {
    // 2019: 150 / 100 − 1 = 0.5 and 5,200 − 6,800 = −1,600; 2021 follows a gap; 2022: 300 / 300 − 1 = 0 and 5,400 − 3,800.
    expect(trend.points.map((p) => p.valueYoY)).toEqual([0.5, null, null, 0, null]);
    expect(trend.points.map((p) => p.deltaHhiPoints)).toEqual([-1600, null, null, 1600, null]);
    // 2022 is HIGH (> 1,800) and rose by > 100 points; 2019 fell.
    expect(trend.points.map((p) => p.significantIncrease)).toEqual([false, null, null, true, null]);
  });

  it('takes CAGR and ΔHHI over the first and the last year with data', () => {
    expect([trend.cagrFrom, trend.cagrTo]).toEqual([2019, 2022]);
    expect(trend.cagr).toBeCloseTo(2 ** (1 / 3) - 1, 14); // (300 / 150)^(1/3) − 1
    expect(trend.deltaHhiPoints).toBe(200); // 5,400 − 5,200
  });

  it('applies the 2010 thresholds on request (HIGH above 2,500, significant above 200 points)', () => {
    const strict = trendOfYears([year(2021, 1, 2600), year(2022, 1, 2750)], 2021, 2022, BandGuidelines.DOJ_FTC_2010);
    expect(strict.points[1].significantIncrease).toBe(false); // +150 ≤ 200
    const loose = trendOfYears([year(2021, 1, 2600), year(2022, 1, 2750)], 2021, 2022, BandGuidelines.DOJ_FTC_2023);
    expect(loose.points[1].significantIncrease).toBe(true); // > 1,800 and +150 > 100
  });

  it('has no span with fewer than two years of data', () => {
    for (const rows of [[], [year(2020, 10, 10000)]]) {
      const t = trendOfYears(rows, 2020, 2021, BandGuidelines.DOJ_FTC_2023);
      expect([t.cagrFrom, t.cagrTo, t.cagr, t.deltaHhiPoints]).toEqual([null, null, null, null]);
    }
    expect(trendOfYears([], 2020, 2021, BandGuidelines.DOJ_FTC_2023).missingYears).toEqual([2020, 2021]);
  });
});

describe('toShareShift', () => {
  it('gives an absent side weight 0, share 0 and no rank, and the shift in percentage points', () => {
    const entered = toShareShift(
      {
        market: 1,
        participant: 'IDN',
        weight_before: null,
        weight_after: 210,
        share_before: null,
        share_after: 0.7,
        rank_before: null,
        rank_after: 1,
      },
      ParticipantKind.COUNTRY,
    );
    expect(entered).toEqual({
      kind: 'COUNTRY',
      participantId: 'IDN',
      weightBefore: 0,
      weightAfter: 210,
      shareBefore: 0,
      shareAfter: 0.7,
      shiftPoints: 70,
      rankBefore: null,
      rankAfter: 1,
      rankChange: null,
    });
    const fell = toShareShift(
      {
        market: 1,
        participant: 'CHN',
        weight_before: 90,
        weight_after: 60,
        share_before: 0.6,
        share_after: 0.2,
        rank_before: 1,
        rank_after: 2,
      },
      ParticipantKind.COUNTRY,
    );
    expect(fell.shiftPoints).toBeCloseTo(-40, 12); // 100 × (0.2 − 0.6)
    expect(fell.rankChange).toBe(-1); // 1st → 2nd
  });
});
