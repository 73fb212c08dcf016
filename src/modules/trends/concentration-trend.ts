import type { BandGuidelines, Concentration } from '../concentration/concentration.types';
import { deltaHhiPoints, isSignificantIncrease } from '../metrics/concentration';
import { cagr, yearlySeries } from '../metrics/trends';
import type { ConcentrationTrend, TrendPoint } from './concentration-trend.types';

/** A year in which the market has data (N > 0). */
export interface YearConcentration {
  year: number;
  concentration: Concentration;
}

/** What a trend says from its years alone (share shifts need another statement). */
export type TrendFigures = Omit<ConcentrationTrend, 'dataset' | 'shareShiftsQuery'>;

/**
 * The trend of a market over [from, to] from the years that have data (a row for `from − 1` gives the
 * first point its YoY and ΔHHI): one point per year, a year without a row listed as missing with null
 * figures; CAGR and ΔHHI between the first and the last year with data, null unless there are two.
 */
export function trendOfYears(years: readonly YearConcentration[], from: number, to: number, guidelines: BandGuidelines): TrendFigures {
  const hhiOf = new Map(years.map((y) => [y.year, y.concentration.hhiPoints]));
  const series = yearlySeries(
    years.map((y) => ({ year: y.year, value: y.concentration.totalWeight, concentration: y.concentration })),
    from,
    to,
  );
  const points: TrendPoint[] = series.map((p) => {
    const delta = p.hasData ? deltaHhiPoints(hhiOf.get(p.year - 1) ?? null, hhiOf.get(p.year) ?? null) : null;
    return {
      year: p.year,
      hasData: p.hasData,
      value: p.value,
      valueYoY: p.yoy,
      concentration: p.row?.concentration ?? null,
      deltaHhiPoints: delta,
      significantIncrease: delta === null ? null : isSignificantIncrease(delta, hhiOf.get(p.year) ?? null, guidelines),
    };
  });
  const withData = points.filter((p) => p.hasData);
  const [first, last] = [withData[0], withData[withData.length - 1]];
  const span = withData.length >= 2;
  return {
    points,
    missingYears: points.filter((p) => !p.hasData).map((p) => p.year),
    cagrFrom: span ? first.year : null,
    cagrTo: span ? last.year : null,
    cagr: span ? cagr(first.value, last.value, last.year - first.year) : null,
    deltaHhiPoints: span ? deltaHhiPoints(first.concentration!.hhiPoints, last.concentration!.hhiPoints) : null,
  };
}
