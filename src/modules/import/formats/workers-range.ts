import { readCount, type Read } from './fields';

/** A workforce as our facilities store it: exact (min = max), a range, or unknown (both null). */
export interface Workers {
  min: number | null;
  max: number | null;
}

const UNKNOWN: Workers = { min: null, max: null };

/** The three worker columns of a disclosure: cleaned values and the names to quote in reasons. */
export interface WorkerColumns {
  total: { value: string | null; label: string };
  lower: { value: string | null; label: string };
  upper: { value: string | null; label: string };
}

/**
 * Workers of a disclosure that gives an exact total (adidas) or a band lower–upper (VF, Puma):
 * - a total wins over a band when both are given (it is the more precise);
 * - a band with one bound only cannot be stored (a facility's max must be ≥ its min) → unknown;
 * - an inverted band (lower > upper) whose upper bound times ten reaches the lower bound is read as a
 *   dropped trailing zero: Puma's source writes its 501–1000 band as "501–100" (64 rows of the adidas/VF/
 *   Puma file), between its 101–500 and 1001–2000 bands → 501–1000;
 * - any other inverted band cannot be interpreted → invalid, with both values in the reason.
 */
export function readWorkers({ total, lower, upper }: WorkerColumns): Read<Workers> {
  const exact = readCount(total.value, total.label);
  if (!exact.ok) return exact;
  if (exact.value !== null) return { ok: true, value: { min: exact.value, max: exact.value } };

  const low = readCount(lower.value, lower.label);
  if (!low.ok) return low;
  const high = readCount(upper.value, upper.label);
  if (!high.ok) return high;
  if (low.value === null || high.value === null) return { ok: true, value: UNKNOWN };
  if (low.value <= high.value) return { ok: true, value: { min: low.value, max: high.value } };
  if (isDroppedZeroBand(low.value, high.value)) return { ok: true, value: { min: low.value, max: high.value * 10 } };
  return {
    ok: false,
    reason: `columns ${lower.label}/${upper.label}: range ${low.value}–${high.value} is inverted (lower > upper) and not a dropped trailing zero`,
  };
}

/** True when `readWorkers` would repair the band lower–upper as a dropped trailing zero. */
export function isDroppedZeroBand(lower: number, upper: number): boolean {
  return lower > upper && upper * 10 >= lower;
}
