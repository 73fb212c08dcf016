import { readCount } from '../../../src/modules/import/formats/fields';
import { parseDecimal, parseYear, readAmount } from '../../../src/modules/import/formats/numbers';

describe('decimal parsing', () => {
  it('reads plain decimals as Number() does', () => {
    expect(parseDecimal('248162.321')).toBe(248162.321);
    expect(parseDecimal('7')).toBe(7);
    expect(parseDecimal('-3.5')).toBe(-3.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('1.')).toBe(1);
    expect(parseDecimal('1.2e+07')).toBe(12_000_000);
  });

  it('scales by moving the decimal point, exactly', () => {
    expect(parseDecimal('52.051', 3)).toBe(52051);
    expect(parseDecimal('0.041', 3)).toBe(41);
    expect(parseDecimal('0.001', 3)).toBe(1);
    expect(parseDecimal('2.41', 3)).toBe(2410);
    expect(parseDecimal('1.005', 3)).toBe(1005);
    expect(parseDecimal('4103870.59', 3)).toBe(4103870590);
    expect(parseDecimal('292990', -3)).toBe(292.99);
    expect(parseDecimal('0.1', -3)).toBe(0.0001);
    expect(parseDecimal('1.5e2', 3)).toBe(150000);
    expect(parseDecimal('-0.041', 3)).toBe(-41);
  });

  it('agrees with Number() reading the exact literal, on short and long digit strings alike', () => {
    // A fixed pseudo-random sequence, so that a failure can be replayed.
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const mismatches: Array<[string, number, number]> = [];
    for (let n = 0; n < 20_000; n++) {
      const whole = String(random(10 ** random(10))) + (random(4) === 0 ? String(random(10 ** 9)) : '');
      const fraction = random(3) === 0 ? '' : `.${String(random(10 ** 6)).padStart(random(7), '0')}`;
      const text = `${random(5) === 0 ? '-' : ''}${whole}${fraction}`;
      for (const scale of [0, 3, -3]) {
        if (!Object.is(parseDecimal(text, scale), Number(`${text}e${scale}`))) mismatches.push([text, scale, parseDecimal(text, scale)]);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('says NaN for anything that is not a decimal', () => {
    for (const text of ['', 'NA', '.', '-', '1,5', '1.2.3', ' 1', '1 ', '0x10', 'e5', '1e', '1e1234', 'Infinity']) {
      expect([text, parseDecimal(text)]).toEqual([text, NaN]);
    }
  });

  it('reads four-digit years only', () => {
    expect(parseYear('2021')).toBe(2021);
    expect([parseYear('21'), parseYear('2021.0'), parseYear(''), parseYear('20x1')]).toEqual([NaN, NaN, NaN, NaN]);
  });
});

describe('amounts (readAmount): what numeric(20,3) can hold, or why not', () => {
  it('reads, scales and bounds', () => {
    expect(readAmount('52.051', 'v', 3)).toBe(52051);
    expect(readAmount('0', 'v')).toBe(0);
    expect(readAmount('99999999999999990', 'v')).toBe(Number('99999999999999990'));
  });

  it.each([
    ['1e999', 0, 'column v: "1e999" is not a finite number'],
    ['Infinity', 0, 'column v: "Infinity" is not a finite number'],
    ['-inf', 0, 'column v: "-inf" is not a finite number'],
    ['NaN', 0, 'column v: "NaN" is not a finite number'],
    ['abc', 0, 'column v: "abc" is not a number'],
    ['-1', 0, 'column v: "-1" is negative'],
    ['1e17', 0, 'column v: "1e17" is out of range (at most 99,999,999,999,999,999.999)'],
    ['1e14', 3, 'column v: "1e14" is out of range once scaled by 10^3 (at most 99,999,999,999,999,999.999)'],
  ])('%s (scale %d): %s', (text, scale, reason) => {
    expect(readAmount(text, 'v', scale)).toEqual({ reason });
  });

  it('head counts beyond int are refused', () => {
    expect(readCount('2147483647', 'Total Workers')).toEqual({ ok: true, value: 2_147_483_647 });
    expect(readCount('2147483648', 'Total Workers')).toEqual({
      ok: false,
      reason: 'column Total Workers: "2147483648" is out of range (at most 2,147,483,647 workers)',
    });
    expect(readCount('99999999999999999999', 'Total Workers')).toMatchObject({ ok: false });
  });
});
