import { hsNomenclatureFormat } from '../../../src/modules/import/formats/hs-nomenclature';
import type { ProductRecord } from '../../../src/modules/import/types';
import { sharedFile } from '../../support/shared-data';
import { csvRecords, fileRecords, mapOne, referenceContext, runFormat } from '../../support/format-harness';

const context = referenceContext();
const HEADER = 'section,hscode,description,parent,level';
const map = (line: string, header = HEADER) => mapOne(hsNomenclatureFormat, header, line, context);
const product = (line: string, header = HEADER): ProductRecord => {
  const parsed = map(line, header);
  if (parsed.kind !== 'row') throw new Error(`expected a row, got ${parsed.kind}: ${parsed.reason}`);
  return parsed.row;
};

describe('HS nomenclature format (hand-written records)', () => {
  it('recognises the Comtrade and BACI layouts and refuses others', () => {
    expect(hsNomenclatureFormat.open(csvRecords(`\uFEFF${HEADER}`), context)).toMatchObject({ headerIndex: 0 });
    expect(hsNomenclatureFormat.open(csvRecords('code,description'), context)).toMatchObject({ headerIndex: 0 });
    expect(hsNomenclatureFormat.open(csvRecords('section,name\nI,Live animals'), context)).toEqual({
      error:
        'expected header section,hscode,description,parent,level (HS nomenclature) or code,description (BACI product codes), found section,name',
      line: 1,
    });
  });

  it('maps chapters, headings and subheadings with their section', () => {
    expect(product('I,01,Animals; live,TOTAL,2')).toEqual({ code: '01', level: 2, description: 'Animals; live', parent: null, section: 1 });
    expect(product('I,0101,"Horses, asses, mules and hinnies; live",01,4')).toEqual({
      code: '0101',
      level: 4,
      description: 'Horses, asses, mules and hinnies; live',
      parent: '01',
      section: 1,
    });
    expect(product('XI,610210,Coats of wool,6102,6')).toMatchObject({ parent: '6102', section: 11 });
    expect(product('XXI,97,Works of art,TOTAL,2').section).toBe(21);
    expect(product('TOTAL,99,Commodities not specified according to kind,TOTAL,2')).toMatchObject({
      code: '99',
      section: null,
      parent: null,
    });
    // Columns are found by name.
    expect(product('6102,Coats,XI,4,61', 'hscode,description,section,level,parent')).toMatchObject({
      code: '6102',
      parent: '61',
      section: 11,
    });
  });

  it('skips the TOTAL row', () => {
    expect(map('TOTAL,TOTAL,Total of all HS2022 commodities,TOTAL,5')).toEqual({
      kind: 'skip',
      reason: 'the TOTAL row (all commodities) is not an HS code',
    });
  });

  it.each([
    ['I,101,Horses,01,4', 'column hscode: "101" is not an HS code (2, 4 or 6 digits)'],
    ['I,01011,Horses,0101,6', 'column hscode: "01011" is not an HS code (2, 4 or 6 digits)'],
    ['I,0101,Horses,01,6', 'column level: "6" does not match the 4 digits of 0101'],
    ['I,0101,Horses,02,4', 'column parent: "02" is not the first 2 digits of 0101'],
    ['I,010121,Horses,01,6', 'column parent: "01" is not the first 4 digits of 010121'],
    ['I,01,Animals,00,2', 'column parent: "00" for chapter 01 should be TOTAL'],
    ['I,0101,,01,4', 'column description is empty for 0101'],
    ['XXII,01,Animals,TOTAL,2', 'column section: "XXII" is not a section (I to XXI, or TOTAL)'],
    ['I,01,Animals,TOTAL', 'expected 5 fields as in the header, found 4'],
  ])('refuses %s: %s', (line, reason) => {
    expect(map(line)).toEqual({ kind: 'invalid', reason });
  });

  it("reads BACI's product table: codes padded to six digits, the heading as parent, no section", () => {
    expect(product('10111,"Horses: live, pure-bred breeding animals"', 'code,description')).toEqual({
      code: '010111',
      level: 6,
      description: 'Horses: live, pure-bred breeding animals',
      parent: '0101',
      section: null,
    });
    expect(map('1011,Horses', 'code,description')).toEqual({
      kind: 'invalid',
      reason: 'column code: "1011" is not an HS-6 code (5 or 6 digits, BACI drops the leading zero)',
    });
    expect(map('10111,', 'code,description')).toEqual({ kind: 'invalid', reason: 'column description is empty for 010111' });
  });
});

describe('HS nomenclature format on the real files', () => {
  const hs2022 = sharedFile('reference/hs2022-nomenclature.csv');
  (hs2022 ? it : it.skip)('HS 2022: 97 chapters, 1,229 headings and 5,613 subheadings; the TOTAL row skipped', async () => {
    const run = runFormat(hsNomenclatureFormat, await fileRecords(hs2022!));
    expect(run.invalid).toEqual([]);
    expect(Object.fromEntries(run.skipped)).toEqual({ 'the TOTAL row (all commodities) is not an HS code': 1 });
    const rows = run.rows.map((r) => r.row);
    const levels = { 2: 0, 4: 0, 6: 0 } as Record<number, number>;
    for (const r of rows) levels[r.level]++;
    expect(levels).toEqual({ 2: 97, 4: 1_229, 6: 5_613 });
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.section))).toEqual(new Set([...Array.from({ length: 21 }, (_, i) => i + 1), null]));
    // Chapter 99 (commodities not specified) is in no section: its three codes.
    expect(rows.filter((r) => r.section === null).map((r) => r.code)).toEqual(['99', '9999', '999999']);

    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('6102')).toEqual({
      code: '6102',
      level: 4,
      description:
        "Coats; women's or girls' overcoats, car-coats, capes, cloaks, anoraks, ski-jackets, wind-cheaters, wind-jackets and similar articles, knitted or crocheted, other than those of heading no. 6104",
      parent: '61',
      section: 11,
    });
    expect(byCode.get('610210')).toMatchObject({ level: 6, parent: '6102', section: 11 });
    expect(byCode.get('01')).toMatchObject({ parent: null, section: 1 });
    expect(run.rows.find((r) => r.row.code === '6102')?.line).toBe(3883);
  });

  const baci = sharedFile('trade/BACI_product_codes_HS92_V202301.csv');
  (baci ? it : it.skip)("BACI's HS92 product table: 5,021 subheadings, 347 of them given without their leading zero", async () => {
    const run = runFormat(hsNomenclatureFormat, await fileRecords(baci!));
    expect(run.invalid).toEqual([]);
    expect(run.skipped.size).toBe(0);
    expect(run.rows).toHaveLength(5_021);
    const rows = run.rows.map((r) => r.row);
    expect(rows.every((r) => r.level === 6 && /^\d{6}$/.test(r.code) && r.parent === r.code.slice(0, 4) && r.section === null)).toBe(true);
    expect(rows.filter((r) => r.code.startsWith('0'))).toHaveLength(347);
    expect(run.rows[0]).toEqual({
      line: 2,
      row: { code: '010111', level: 6, description: 'Horses: live, pure-bred breeding animals', parent: '0101', section: null },
    });
    expect(rows.at(-1)).toMatchObject({ code: '999999', parent: '9999' });
  });
});
