import { MAX_INT, type Read } from './fields';
import type { Workers } from './workers-range';

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const EXACT = new RegExp(`^${NUMBER}$`);
const RANGE = new RegExp(`^${NUMBER}\\s*(?:-|–|—|to)\\s*${NUMBER}$`, 'i');
const LESS_THAN = new RegExp(`^(?:less than|fewer than|under|<)\\s*${NUMBER}$`, 'i');
const MORE_THAN = new RegExp(`^(?:more than|over|greater than|>)\\s*${NUMBER}\\+?$|^${NUMBER}\\s*\\+$`, 'i');

const count = (digits: string) => Number(digits.replace(/,/g, ''));

/**
 * Open Supply Hub's `number_of_workers`: an exact count ("1000"), a band ("1001-5000"), "Less than 1000",
 * "More than 10000", or empty.
 * - "Less than N" → 1 … N−1: a listed facility has at least one worker.
 * - "More than N" → unknown (both null): our facilities hold a closed range (max ≥ min, both or neither
 *   set, and capacity weights need both bounds); an open-ended band cannot be stored honestly, and
 *   inventing an upper bound would put a made-up midpoint into sourcing metrics.
 * - A band whose bounds are inverted, or any other text, is invalid.
 */
export function readOshWorkers(value: string | null, column: string): Read<Workers> {
  const read = readBand(value, column);
  if (read.ok && (read.value.max ?? 0) > MAX_INT)
    return { ok: false, reason: `column ${column}: "${value}" is out of range (at most ${MAX_INT.toLocaleString('en-US')} workers)` };
  return read;
}

function readBand(value: string | null, column: string): Read<Workers> {
  if (value === null) return { ok: true, value: { min: null, max: null } };
  let m = value.match(EXACT);
  if (m) return { ok: true, value: { min: count(m[1]), max: count(m[1]) } };
  m = value.match(RANGE);
  if (m) {
    const [min, max] = [count(m[1]), count(m[2])];
    if (min > max) return { ok: false, reason: `column ${column}: range "${value}" is inverted (lower > upper)` };
    return { ok: true, value: { min, max } };
  }
  m = value.match(LESS_THAN);
  if (m) {
    const bound = count(m[1]);
    return bound > 1
      ? { ok: true, value: { min: 1, max: bound - 1 } }
      : { ok: false, reason: `column ${column}: "${value}" leaves no possible head count` };
  }
  if (MORE_THAN.test(value)) return { ok: true, value: { min: null, max: null } };
  return { ok: false, reason: `column ${column}: "${value}" is not a number of workers, a range or "Less/More than N"` };
}
