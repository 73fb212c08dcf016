import { baciFormat } from '../../../src/modules/import/formats/baci';
import type { FlowRecord } from '../../../src/modules/import/types';
import { csvRecords, mapOne, referenceContext } from '../../support/format-harness';

const HEADER = '"t","i","j","k","v","q"';
const context = referenceContext();
const map = (line: string, ctx = context) => mapOne(baciFormat, HEADER, line, ctx);
const row = (line: string, ctx = context): FlowRecord => {
  const parsed = map(line, ctx);
  if (parsed.kind !== 'row') throw new Error(`expected a row, got ${parsed.kind}: ${parsed.reason}`);
  return parsed.row;
};

describe('BACI format (hand-written records)', () => {
  it('recognises the quoted or bare header and refuses any other', () => {
    expect(baciFormat.open(csvRecords('t,i,j,k,v,q'), context)).toMatchObject({ headerIndex: 0 });
    expect(baciFormat.open(csvRecords('\uFEFF"T","I","J","K","V","Q"'), context)).toMatchObject({ headerIndex: 0 });
    expect(baciFormat.open(csvRecords('year,exporter,importer,hs6,value,qty\n2021,4,24,10111,1,1'), context)).toEqual({
      error: 'expected header t,i,j,k,v,q (CEPII BACI), found year,exporter,importer,hs6,value,qty',
      line: 1,
    });
    expect(baciFormat.open(csvRecords('t,i,j,k,v'), context)).toMatchObject({ line: 1, error: expect.stringContaining('found t,i,j,k,v') });
  });

  it('maps exporter i → importer j, pads k to six digits and turns thousand USD into USD', () => {
    expect(row('2021,4,24,382390,52.051,"       13.235"')).toEqual({
      year: 2021,
      exporter: 'AFG',
      importer: 'AGO',
      product: '382390',
      valueUsd: 52051,
      quantityTons: 13.235,
    });
    expect(row('2021,710,56,10111,0.244,NA')).toMatchObject({ product: '010111', valueUsd: 244, quantityTons: null });
  });

  it('scales values exactly, without float artefacts', () => {
    // 52.051 * 1000 is 52050.99999999999 in doubles; 0.041 * 1000 is 41.00000000000001.
    expect(row('2021,4,24,481890,0.041,0.022').valueUsd).toBe(41);
    expect(row('2021,4,24,481890,52.051,1').valueUsd).toBe(52051);
    expect(row('2021,4,24,481890,2.41,1').valueUsd).toBe(2410);
    expect(row('2021,4,24,481890,11,1').valueUsd).toBe(11000);
    expect(row('2021,4,24,481890,0.0415,1').valueUsd).toBe(41.5);
    expect(row('2021,4,24,481890,4103870.59,1').valueUsd).toBe(4103870590);
    expect(row('2021,4,24,481890,0,1').valueUsd).toBe(0);
  });

  it('reads space-padded quantities, NA and an empty q as unknown', () => {
    expect(row('2021,4,24,481890,1,"        0.022"').quantityTons).toBe(0.022);
    expect(row('2021,4,24,481890,1,"           NA"').quantityTons).toBeNull();
    expect(row('2021,4,24,481890,1,').quantityTons).toBeNull();
  });

  it("translates codes with BACI's table when given, else with BACI's departures from ISO numeric", () => {
    const table = new Map([
      [251, 'FRA'],
      [842, 'USA'],
      [699, 'IND'],
      [490, 'TWN'],
      [4, 'AFG'],
    ]);
    const withTable = referenceContext({ sourceCountryCodes: table });
    expect(row('2021,251,842,10111,1,1', withTable)).toMatchObject({ exporter: 'FRA', importer: 'USA' });
    expect(row('2021,4,490,10111,1,1', withTable)).toMatchObject({ exporter: 'AFG', importer: 'TWN' });
    // Without the table: 699 India, 757 Switzerland, 579 Norway, 490 Taiwan are known; 250 is ISO France.
    expect(row('2021,699,757,10111,1,1')).toMatchObject({ exporter: 'IND', importer: 'CHE' });
    expect(row('2021,579,490,10111,1,1')).toMatchObject({ exporter: 'NOR', importer: 'TWN' });
    expect(row('2021,250,840,10111,1,1')).toMatchObject({ exporter: 'FRA', importer: 'USA' });
    // With a table, only the table counts: ISO 250 is not a BACI code.
    expect(map('2021,250,842,10111,1,1', withTable)).toEqual({
      kind: 'invalid',
      reason: "column i: country code 250 is not in BACI's country table (--countries)",
    });
  });

  it('skips flows with the areas BACI lists without an ISO code', () => {
    expect(map('2021,4,849,10111,1,1')).toEqual({
      kind: 'skip',
      reason: 'importer is BACI area 849 "US Misc. Pacific Isds", not a country',
    });
    expect(map('2021,697,4,10111,1,1')).toEqual({ kind: 'skip', reason: 'exporter is BACI area 697 "Europe EFTA, nes", not a country' });
  });

  it.each([
    ['2021,4,24,10111,abc,1', 'column v: "abc" is not a number'],
    ['2021,4,24,10111,-1.5,1', 'column v: "-1.5" is negative'],
    ['2021,4,24,10111,,1', 'column v: "" is not a number'],
    ['2021,4,24,10111,1,"  1,5"', 'column q: "1,5" is not a number (or NA)'],
    ['2021,4,24,10111,1,-2', 'column q: "-2" is negative'],
    ['20x1,4,24,10111,1,1', 'column t: "20x1" is not a year'],
    ['1949,4,24,10111,1,1', 'column t: year 1949 is outside 1950–2100'],
    ['2101,4,24,10111,1,1', 'column t: year 2101 is outside 1950–2100'],
    ['2021,AFG,24,10111,1,1', 'column i: "AFG" is not a numeric country code'],
    [
      '2021,4,999,10111,1,1',
      "column j: country code 999 is not an ISO 3166 numeric code we know (give BACI's country table with --countries)",
    ],
    ['2021,4,24,10111,1e999,1', 'column v: "1e999" is not a finite number'],
    ['2021,4,24,10111,Infinity,1', 'column v: "Infinity" is not a finite number'],
    ['2021,4,24,10111,NaN,1', 'column v: "NaN" is not a finite number'],
    // numeric(20,3) holds 17 digits before the point: 10^14 thousand USD is 10^17 USD.
    [
      '2021,4,24,10111,100000000000000,1',
      'column v: "100000000000000" is out of range once scaled by 10^3 (at most 99,999,999,999,999,999.999)',
    ],
    ['2021,4,24,10111,1,"  -inf"', 'column q: "-inf" is not a finite number'],
    ['2021,4,24,10111,1,1e17', 'column q: "1e17" is out of range (at most 99,999,999,999,999,999.999)'],
    ['2021,4,24,1011,1,1', 'column k: "1011" is not an HS-6 product code (5 or 6 digits, BACI drops the leading zero)'],
    ['2021,4,24,0101111,1,1', 'column k: "0101111" is not an HS-6 product code (5 or 6 digits, BACI drops the leading zero)'],
    ['2021,4,24,10111,1', 'expected 6 fields (t,i,j,k,v,q), found 5'],
    ['2021,4,24,10111,1,1,1', 'expected 6 fields (t,i,j,k,v,q), found 7'],
  ])('refuses %s: %s', (line, reason) => {
    expect(map(line)).toEqual({ kind: 'invalid', reason });
  });

  it('skips self-flows (i = j, or two codes of one country) and counts them, as the Comtrade format does', () => {
    const self = { kind: 'skip', reason: 'exporter and importer are the same country' };
    expect(map('2021,4,4,10111,1,1')).toEqual(self);
    // 251 (BACI's France) and 250 (ISO France) are the same country.
    expect(map('2021,251,250,10111,1,1')).toEqual(self);
    // Just below the range of numeric(20,3) once in USD.
    expect(row('2021,4,24,10111,99999999999999.99,1').valueUsd).toBe(Number('99999999999999990'));
  });

  it('refuses a code the table maps to a country we do not know', () => {
    const withTable = referenceContext({
      sourceCountryCodes: new Map([
        [999, 'XKX'],
        [4, 'AFG'],
      ]),
    });
    expect(map('1995,4,999,10111,1,1', withTable)).toEqual({
      kind: 'invalid',
      reason: 'column j: country code 999 is XKX, which is not a known country',
    });
  });
});
