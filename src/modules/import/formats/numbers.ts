/**
 * Decimal numbers as source files write them. Values are scaled on their decimal digits, not by multiplying
 * the parsed double: BACI's "52.051" thousand USD is 52051 USD exactly, where 52.051 * 1000 is
 * 52050.99999999999. The result is the double nearest to the exact decimal, as Number() gives for a literal.
 */

const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const LOWER_E = 101;
const UPPER_E = 69;

/** Exact powers of ten as doubles (10^22 is the largest). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, n) => 10 ** n);
/** Integers of up to 15 digits are exact in a double. */
const EXACT_DIGITS = 15;

/**
 * Parses a plain decimal ("52.051", "-3", ".5", "1.2e+07") and multiplies it by 10^scale exactly
 * (scale 3: thousands → units; -3: kg → tons). Returns NaN when the text is not a decimal number
 * (empty, "NA", "1,5", "0x10", " 1" — callers trim padded fields first).
 */
export function parseDecimal(text: string, scale = 0): number {
  const length = text.length;
  let i = 0;
  const first = text.charCodeAt(0);
  if (first === PLUS || first === MINUS) i++;
  let digits = 0;
  let mantissa = 0;
  let dot = -1;
  let fractionDigits = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (dot >= 0) fractionDigits++;
    } else if (c === DOT && dot < 0) dot = i;
    else break;
  }
  if (digits === 0) return NaN;
  let exponent = 0;
  if (i < length) {
    const c = text.charCodeAt(i);
    if (c !== LOWER_E && c !== UPPER_E) return NaN;
    const written = text.slice(i + 1);
    // Only a short signed integer may follow the "e".
    if (!/^[+-]?\d{1,3}$/.test(written)) return NaN;
    exponent = Number(written);
  }
  const power = exponent + scale - fractionDigits;
  let value: number;
  if (digits <= EXACT_DIGITS && power >= -22 && power <= 22) {
    // Fast path, no string built (BACI has 10 million values a year): the digits are an exact integer and
    // 10^|power| an exact double, so the one multiplication or division rounds once, as Number() would.
    value = power >= 0 ? mantissa * POWERS_OF_TEN[power] : mantissa / POWERS_OF_TEN[-power];
  } else {
    const from = first === PLUS || first === MINUS ? 1 : 0;
    const digitsText = dot < 0 ? text.slice(from, i) : text.slice(from, dot) + text.slice(dot + 1, i);
    // "52051e0": the digits as an integer times a power of ten, which Number() rounds once, correctly.
    value = Number(`${digitsText}e${power}`);
  }
  return first === MINUS ? -value : value;
}

/** A year written as four digits, or NaN. */
export function parseYear(text: string): number {
  return text.length === 4 && /^\d{4}$/.test(text) ? Number(text) : NaN;
}

/**
 * Amounts are stored as numeric(20,3) (trade_flow.value_usd, quantity_tons, export_total.value_usd): 17
 * digits before the point. A larger value would fail the COPY with a database error and no line.
 */
export const MAX_AMOUNT = 1e17;
const MAX_AMOUNT_TEXT = '99,999,999,999,999,999.999';
const NON_FINITE = /^[+-]?(inf|infinity|nan)$/i;

/** `Infinity`, `-inf`, `NaN`… : words some writers (pandas, R, spreadsheets) put where a number was not finite. */
export const isNonFiniteWord = (text: string): boolean => NON_FINITE.test(text);

/**
 * A non-negative amount of column `column` (already trimmed), scaled by 10^scale as {@link parseDecimal};
 * or the reason it cannot be stored: not a number, not finite (`Infinity`, `NaN`, `1e999`), beyond what the
 * column holds after scaling, or negative. Empty text is the caller's case (a missing value means different
 * things in different sources).
 */
export function readAmount(text: string, column: string, scale = 0): number | { reason: string } {
  const value = parseDecimal(text, scale);
  if (Number.isNaN(value)) {
    return { reason: `column ${column}: "${text}" is ${NON_FINITE.test(text) ? 'not a finite number' : 'not a number'}` };
  }
  if (!Number.isFinite(value)) return { reason: `column ${column}: "${text}" is not a finite number` };
  if (value < 0) return { reason: `column ${column}: "${text}" is negative` };
  if (value >= MAX_AMOUNT) {
    const scaled = scale === 0 ? '' : ` once scaled by 10^${scale}`;
    return { reason: `column ${column}: "${text}" is out of range${scaled} (at most ${MAX_AMOUNT_TEXT})` };
  }
  return value;
}
