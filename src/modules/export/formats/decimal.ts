/**
 * Exact decimals for the typed formats. Money reaches a format as a JavaScript number (a GraphQL Float, a
 * double) or as a decimal string; a Parquet DECIMAL stores an integer "unscaled" value with a fixed scale.
 * The conversion goes through the number's shortest round-trip text (what JSON and CSV show: 0.1 + 0.2 is
 * 0.30000000000000004, written 0.300 at scale 3), never through `value * 10 ** scale` in floating point,
 * which is off by one unit for many values (1.005 * 1000 = 1004.9999999999999).
 */

const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The value × 10^scale as an exact integer, rounded half away from zero (as PostgreSQL's `round(numeric)`)
 * when the value has more decimals than the scale. Throws a RangeError for text that is no decimal number,
 * a non-finite number, or a value with more than `precision` digits at that scale.
 */
export function toUnscaledDecimal(value: number | string, scale: number, precision: number): bigint {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`${value} is not a finite decimal`);
  if (typeof value === 'number' && Math.abs(value) < 2 ** 51 / 10 ** scale) {
    // Most money: the double is the one nearest to m / 10^scale (exact integers, one correctly rounded
    // division), and below 2^51 / 10^scale no other number of `scale` decimals is that near, so m is what
    // the text path gives. A value with more decimals (0.30000000000000004) fails the test and goes on.
    const m = Math.round(value * 10 ** scale);
    if (m / 10 ** scale === value && Math.abs(m) < 10 ** precision) return BigInt(m);
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL_TEXT.exec(text);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || whole.length + fraction.length === 0) throw new RangeError(`"${value}" is not a decimal number`);
  const digits = BigInt(whole + fraction);
  // digits × 10^shift is the unscaled value.
  const shift = Number(match[4] ?? 0) - fraction.length + scale;
  let unscaled: bigint;
  if (shift >= 0) {
    unscaled = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    unscaled = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) unscaled += 1n;
  }
  if (unscaled >= 10n ** BigInt(precision)) {
    throw new RangeError(`${text} does not fit a DECIMAL(${precision}, ${scale}) (at most ${precision - scale} digits before the point)`);
  }
  return match[1] === '-' ? -unscaled : unscaled;
}
