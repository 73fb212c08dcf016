import { parseDecimal, parseYear } from '../../../src/modules/import/formats/numbers';

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
