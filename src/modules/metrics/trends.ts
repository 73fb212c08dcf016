/**
 * Trends of yearly series: the reference implementation of METRICS.md, "Trends". Pure functions, no I/O.
 */
import { compareParticipantKeys, rankParticipants } from './concentration';

function assertFinite(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
}

function assertYear(value: number, name: string): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be an integer year, got ${String(value)}`);
}

/**
 * YoY growth = v_t / v_{t−1} − 1 (0.1 = +10 %); null when v_{t−1} = 0 or either value is missing.
 */
export function yoyGrowth(prev: number | null, cur: number | null): number | null {
  if (prev == null || cur == null) return null;
  assertFinite(prev, 'previous value');
  assertFinite(cur, 'current value');
  if (prev === 0) return null;
  return cur / prev - 1;
}

/**
 * CAGR over [a, b] = (v_b / v_a)^{1/(b−a)} − 1, with first = v_a, last = v_b, years = b − a.
 * Null when years ≤ 0 (no span), first ≤ 0 (growth from nothing, or a sign change, has no rate),
 * last < 0 (a negative ratio has no real root), or either value is missing. last = 0 gives −1.
 */
export function cagr(first: number | null, last: number | null, years: number): number | null {
  if (first == null || last == null) return null;
  assertFinite(first, 'first value');
  assertFinite(last, 'last value');
  assertFinite(years, 'years');
  if (years <= 0 || first <= 0 || last < 0) return null;
  return (last / first) ** (1 / years) - 1;
}

/**
 * Share shift in percentage points = 100 × (share after − share before), shares as fractions in
 * [0, 1] (0.20 → 0.35 is +15 points); null when either share is missing.
 */
export function shareShiftPoints(shareBefore: number | null, shareAfter: number | null): number | null {
  if (shareBefore == null || shareAfter == null) return null;
  for (const [share, name] of [
    [shareBefore, 'share before'],
    [shareAfter, 'share after'],
  ] as const) {
    assertFinite(share, name);
    // Catches percentages passed as shares (30 for 30 %), which would be off by 100×.
    if (share < 0 || share > 1) throw new RangeError(`${name} must be a fraction in [0, 1], got ${share}`);
  }
  return 100 * (shareAfter - shareBefore);
}

/** A participant's rank at two times. */
export interface RankChange {
  /** Rank before (1 = largest, ties by id); null when not a participant then (weight 0 or absent). */
  rankBefore: number | null;
  /** Rank after; null when not a participant then. */
  rankAfter: number | null;
  /** rankBefore − rankAfter: positive = moved up (5th → 2nd is +3); null when either rank is null. */
  change: number | null;
}

/**
 * Rank change of every participant between two markets (weights or shares per key: ranks depend
 * only on their order). Ranks as `rankParticipants`: weight descending, ties by key ascending, weight 0
 * = not ranked. change = rankBefore − rankAfter (positive = climbed). Keys of either map are listed:
 * by rank after, then those ranked only before by rank before, then unranked ones by key.
 */
export function rankChanges<K extends string | number>(before: ReadonlyMap<K, number>, after: ReadonlyMap<K, number>): Map<K, RankChange> {
  const ranksOf = (market: ReadonlyMap<K, number>) =>
    new Map(rankParticipants([...market].map(([key, weight]) => ({ key, weight }))).map((p) => [p.key, p.rank]));
  const rankedBefore = ranksOf(before);
  const rankedAfter = ranksOf(after);
  const keys = [...rankedAfter.keys()];
  for (const key of rankedBefore.keys()) if (!rankedAfter.has(key)) keys.push(key);
  const unranked = [...new Set([...before.keys(), ...after.keys()])].filter((k) => !rankedBefore.has(k) && !rankedAfter.has(k));
  keys.push(...unranked.sort(compareParticipantKeys));

  const result = new Map<K, RankChange>();
  for (const key of keys) {
    const rankBefore = rankedBefore.get(key) ?? null;
    const rankAfter = rankedAfter.get(key) ?? null;
    result.set(key, { rankBefore, rankAfter, change: rankBefore !== null && rankAfter !== null ? rankBefore - rankAfter : null });
  }
  return result;
}

/** A value of a yearly series. */
export interface YearValue {
  year: number;
  value: number;
}

/** One year of a series. */
export interface SeriesPoint<T extends YearValue = YearValue> {
  year: number;
  /** The year's value; null when there is no data for the year (never a silent 0). */
  value: number | null;
  /** Whether the year has data (a value of 0 is data). */
  hasData: boolean;
  /** YoY growth v_t / v_{t−1} − 1; null when either year has no data or v_{t−1} = 0. */
  yoy: number | null;
  /** The row the value came from, so callers keep its other fields; null without data. */
  row: T | null;
}

/**
 * One point per year from `from` to `to` (inclusive), in order. A year without a row has
 * value null and hasData false (no silent zero). yoy = v_t / v_{t−1} − 1, null when either year has no
 * data (a gap is not bridged) or v_{t−1} = 0; the first point's yoy uses the row for `from − 1` when
 * given. Rows outside the range are otherwise ignored. Throws RangeError on non-integer years,
 * from > to, non-finite values, or two rows for one year (a series has one value per year).
 */
export function yearlySeries<T extends YearValue>(rows: readonly T[], from: number, to: number): Array<SeriesPoint<T>> {
  assertYear(from, 'from');
  assertYear(to, 'to');
  if (from > to) throw new RangeError(`from (${from}) must not be after to (${to})`);
  const byYear = new Map<number, T>();
  for (const row of rows) {
    assertYear(row.year, 'row year');
    assertFinite(row.value, `value of ${row.year}`);
    if (byYear.has(row.year)) throw new RangeError(`two rows for year ${row.year}`);
    byYear.set(row.year, row);
  }

  const points: Array<SeriesPoint<T>> = [];
  let prev = byYear.get(from - 1)?.value ?? null;
  for (let year = from; year <= to; year++) {
    const row = byYear.get(year) ?? null;
    const value = row ? row.value : null;
    points.push({ year, value, hasData: row !== null, yoy: yoyGrowth(prev, value), row });
    prev = value;
  }
  return points;
}
