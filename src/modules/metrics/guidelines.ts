/**
 * The DOJ/FTC Merger Guidelines' HHI thresholds as METRICS.md applies them: the concentration band of a
 * market and whether an increase of its HHI is significant. Pure functions, no I/O.
 */

/** US DOJ/FTC Merger Guidelines whose HHI thresholds define the band. */
export type BandGuidelines = 'DOJ_FTC_2023' | 'DOJ_FTC_2010';

/** Concentration band by HHI points. */
export type ConcentrationBand = 'UNCONCENTRATED' | 'MODERATE' | 'HIGH';

interface Thresholds {
  /** Lowest HHI points of a MODERATE market. */
  moderate: number;
  /** HHI points above which a market is HIGH. */
  high: number;
  /** ΔHHI points above which an increase in a HIGH market is significant. */
  significantDelta: number;
}

const THRESHOLDS: Readonly<Record<BandGuidelines, Thresholds>> = {
  // 2023 Merger Guidelines §2.1: > 1,800 highly concentrated; Δ > 100 there is presumed harmful.
  DOJ_FTC_2023: { moderate: 1000, high: 1800, significantDelta: 100 },
  // 2010 Horizontal Merger Guidelines §5.3: > 2,500 highly concentrated; Δ > 200 there is presumed
  // to enhance market power (the 2010 counterpart of the 2023 presumption).
  DOJ_FTC_2010: { moderate: 1500, high: 2500, significantDelta: 200 },
};

export function thresholdsOf(guidelines: BandGuidelines): Thresholds {
  const t = THRESHOLDS[guidelines];
  // Guidelines arrive from GraphQL enums or callers' strings: fail loudly rather than band by `undefined`.
  if (!t) throw new RangeError(`unknown band guidelines: ${String(guidelines)}`);
  return t;
}

/**
 * Threshold comparisons are made at 1e-6 points, so that floating-point noise does not move a market
 * across a boundary: decimal weights whose exact HHI is 0.18 may compute to 1800.0000000000002 points.
 */
function atThresholdPrecision(points: number): number {
  return Math.round(points * 1e6) / 1e6;
}

/**
 * Band by HHI points. 2023 Guidelines: HIGH when points > 1,800; MODERATE when 1,000 ≤ points ≤ 1,800;
 * UNCONCENTRATED when points < 1,000. 2010 Guidelines: HIGH when > 2,500; MODERATE when
 * 1,500 ≤ points ≤ 2,500; UNCONCENTRATED when < 1,500. So exactly 1,000, 1,800, 1,500 and 2,500 are
 * MODERATE. Points are compared after rounding to 1e-6, so float noise (1800.0000000000002) does not
 * change the band.
 */
export function band(hhiPoints: number, guidelines: BandGuidelines): ConcentrationBand {
  if (typeof hhiPoints !== 'number' || !Number.isFinite(hhiPoints) || hhiPoints < 0) {
    throw new RangeError(`HHI points must be a finite number ≥ 0, got ${String(hhiPoints)}`);
  }
  const t = thresholdsOf(guidelines);
  const points = atThresholdPrecision(hhiPoints);
  if (points > t.high) return 'HIGH';
  if (points >= t.moderate) return 'MODERATE';
  return 'UNCONCENTRATED';
}

function assertPoints(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
}

/**
 * ΔHHI = HHI points after − HHI points before (e.g. year t minus t − 1, or date d2 minus d1);
 * null when either side is null (a market with no participants has no HHI).
 */
export function deltaHhiPoints(before: number | null, after: number | null): number | null {
  if (before == null || after == null) return null;
  assertPoints(before, 'HHI points before');
  assertPoints(after, 'HHI points after');
  return after - before;
}

/**
 * Significant increase: the market after is HIGH and ΔHHI exceeds the guidelines' threshold, both
 * strictly. 2023 Guidelines (default): HHI points > 1,800 and ΔHHI > 100. 2010 Guidelines: > 2,500
 * and ΔHHI > 200 (their presumption of enhanced market power). False when either input is null.
 * Compared at 1e-6 points, like `band`.
 */
export function isSignificantIncrease(
  deltaPoints: number | null,
  hhiPointsAfter: number | null,
  guidelines: BandGuidelines = 'DOJ_FTC_2023',
): boolean {
  const t = thresholdsOf(guidelines);
  if (deltaPoints == null || hhiPointsAfter == null) return false;
  assertPoints(deltaPoints, 'ΔHHI points');
  return band(hhiPointsAfter, guidelines) === 'HIGH' && atThresholdPrecision(deltaPoints) > t.significantDelta;
}
