import { encodeCopyRow } from '../../src/database/bulk/copy-format';
import { capacityWeight } from '../../src/modules/facility/capacity';

describe('COPY text encoding', () => {
  it('separates with tabs, writes \\N for null and escapes the characters COPY treats specially', () => {
    expect(encodeCopyRow(['VNM', 2021, null, undefined, true, 1.5])).toBe('VNM\t2021\t\\N\t\\N\tt\t1.5\n');
    expect(encodeCopyRow(['a\tb', 'line\nbreak', 'back\\slash', 'cr\r'])).toBe('a\\tb\tline\\nbreak\tback\\\\slash\tcr\\r\n');
  });

  it('refuses numbers COPY cannot store', () => {
    expect(() => encodeCopyRow([NaN])).toThrow(/non-finite/);
    expect(() => encodeCopyRow([Infinity])).toThrow(/non-finite/);
  });
});

describe('capacity weight (METRICS.md)', () => {
  it('is the exact count, the midpoint of a range, or null when unknown', () => {
    expect(capacityWeight(1200, 1200)).toBe(1200);
    expect(capacityWeight(1001, 5000)).toBe(3000.5);
    expect(capacityWeight(null, null)).toBeNull();
    expect(capacityWeight(100, null)).toBeNull();
  });
});
