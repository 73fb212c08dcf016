import { toUnscaledDecimal } from '../../../src/modules/export/formats/decimal';

describe('toUnscaledDecimal (Parquet DECIMAL values)', () => {
  it.each([
    // value, unscaled at scale 3
    [1234.567, 1234567n],
    ['1234.567', 1234567n],
    [0, 0n],
    ['-0.001', -1n],
    [0.1 + 0.2, 300n], // 0.30000000000000004: the double's shortest text, rounded at 3 decimals
    [1.005, 1005n], // 1.005 * 1000 is 1004.9999999999999 in floating point
    [1e21, 1_000_000_000_000_000_000_000_000n], // String(1e21) is "1e+21"
    [1.5e-7, 0n],
    ['2.0005', 2001n], // half away from zero
    ['-2.0005', -2001n],
    ['2.00049', 2000n],
    ['  7 ', 7000n],
    ['.5', 500n],
    ['5.', 5000n],
    ['123456789012345678901234567.891', 123456789012345678901234567891n], // beyond a double
  ])('%p is %p thousandths', (value, unscaled) => {
    expect(toUnscaledDecimal(value, 3, 38)).toBe(unscaled);
  });

  it('reads a number as its text does: the shortcut for numbers agrees with the text path', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let k = 0; k < 20_000; k++) {
      const magnitude = 10 ** Math.floor(next() * 16); // up to 10^15, across the shortcut's 2^51 / 1000 bound
      const value = k % 2 === 0 ? Math.round(next() * magnitude * 1000) / 1000 : next() * magnitude;
      expect([value, toUnscaledDecimal(value, 3, 38)]).toEqual([value, toUnscaledDecimal(String(value), 3, 38)]);
    }
  });

  it('refuses what is no finite decimal, and what does not fit the precision', () => {
    for (const bad of ['', '.', 'abc', '1,5', '0x10', '1e', Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => toUnscaledDecimal(bad, 3, 38)).toThrow(RangeError);
    expect(toUnscaledDecimal('99999999999999999999999999999999999.999', 3, 38)).toBe(10n ** 38n - 1n);
    expect(() => toUnscaledDecimal('100000000000000000000000000000000000', 3, 38)).toThrow(
      'does not fit a DECIMAL(38, 3) (at most 35 digits before the point)',
    );
    expect(() => toUnscaledDecimal(-1e35, 3, 38)).toThrow('does not fit');
  });
});
