import { exportTotalsFormat } from '../../../src/modules/import/formats/export-totals';
import type { ExportTotalRecord } from '../../../src/modules/import/types';
import { sharedFile } from '../../support/shared-data';
import { csvRecords, fileRecords, mapOne, referenceContext, runFormat } from '../../support/format-harness';

const context = referenceContext();
/** py-ecomplexity's sample layout. */
const SAMPLE = 'year,origin,hs92,export_val';
/** The Growth Lab's country–product layout (more columns than needed, in its own order and case). */
const ATLAS = 'location_id,Location_Code,hs_product_code,Year,Export_Value,import_value';

const map = (line: string, header = SAMPLE) => mapOne(exportTotalsFormat, header, line, context);
const row = (line: string, header = SAMPLE): ExportTotalRecord => {
  const parsed = map(line, header);
  if (parsed.kind !== 'row') throw new Error(`expected a row, got ${parsed.kind}: ${parsed.reason}`);
  return parsed.row;
};

describe('exporter totals format (hand-written records)', () => {
  it('finds its columns by name in any order and case, ignoring the others', () => {
    expect(row('1995,aut,1704,43653866.43')).toEqual({ year: 1995, exporter: 'AUT', product: '1704', valueUsd: 43653866.43 });
    expect(row('40,VNM,6403,2021,1250000.5,10', ATLAS)).toEqual({ year: 2021, exporter: 'VNM', product: '6403', valueUsd: 1250000.5 });
    expect(row('2021,DEU,640399,1e3', 'Year,Exporter,Product,Value')).toMatchObject({ product: '640399', valueUsd: 1000 });
  });

  it('names the columns it needs when the header lacks one', () => {
    expect(exportTotalsFormat.open(csvRecords('year,origin,export_val\n1995,aut,1'), context)).toEqual({
      error: expect.stringMatching(
        /^expected a header with columns year \(year, period, ref_year…\), exporter \(exporter, origin, location_code…\), product .*found year,origin,export_val$/,
      ),
      line: 1,
    });
  });

  it('refuses a file with an importer column: bilateral flows summed by mistake would be wrong totals', () => {
    expect(exportTotalsFormat.open(csvRecords('year,exporter,partner_code,product,value'), context)).toEqual({
      error: 'column partner_code names an importer: these are bilateral flows, not exports to the world; use the baci or comtrade format',
      line: 1,
    });
  });

  it('reads Belgium-Luxembourg (BLX) as Belgium and skips World totals', () => {
    expect(row('1995,blx,1704,1').exporter).toBe('BEL');
    expect(map('1995,WLD,1704,1')).toEqual({ kind: 'skip', reason: 'exporter is World: a total, not a country' });
  });

  it.each([
    ['a year that is not one', '95,aut,1704,1', 'column year: "95" is not a year'],
    ['a year out of range', '1900,aut,1704,1', 'column year: year 1900 is outside 1950–2100'],
    ['an unknown country', '1995,xyz,1704,1', 'column origin: "xyz" is not a known country'],
    ['a country name', '1995,Austria,1704,1', 'column origin: "Austria" is not an ISO 3166 alpha-3 country code'],
    [
      'a code that lost its leading zero',
      '1995,aut,101,1',
      'column hs92: "101" is not an HS code (2, 4 or 6 digits); was its leading zero lost?',
    ],
    ['a code too long', '1995,aut,17041000,1', 'column hs92: "17041000" is not an HS code (2, 4 or 6 digits)'],
    ['an empty value', '1995,aut,1704,', 'column export_val is empty'],
    ['a value that is not a number', '1995,aut,1704,12x4', 'column export_val: "12x4" is not a number'],
    ['a negative value', '1995,aut,1704,-5', 'column export_val: "-5" is negative'],
    ['a value that is not finite', '1995,aut,1704,1e999', 'column export_val: "1e999" is not a finite number'],
    ['a value written Infinity', '1995,aut,1704,Infinity', 'column export_val: "Infinity" is not a finite number'],
    ['a value written NaN', '1995,aut,1704,NaN', 'column export_val: "NaN" is not a finite number'],
    [
      'a value beyond numeric(20,3)',
      '1995,aut,1704,123456789012345678',
      'column export_val: "123456789012345678" is out of range (at most 99,999,999,999,999,999.999)',
    ],
    ['a short record', '1995,aut,1704', 'expected 4 fields as in the header, found 3'],
  ])('rejects %s, saying why', (_what, line, reason) => {
    expect(map(line)).toEqual({ kind: 'invalid', reason });
  });

  it('keeps a zero value (a country that exported nothing) and skips blank spreadsheet lines', () => {
    expect(row('1995,aut,1704,0').valueUsd).toBe(0);
    expect(map(',,,')).toEqual({ kind: 'skip', reason: 'blank line' });
  });
});

const sample = sharedFile('complexity/trade_data_sample.csv');

(sample ? describe : describe.skip)('exporter totals format on trade_data_sample.csv', () => {
  it('reads all 600 rows: 10 countries × 30 HS92 headings × 2 years, nothing skipped or invalid', async () => {
    const run = runFormat(exportTotalsFormat, await fileRecords(sample!), context);
    expect([run.rows.length, run.skipped.size, run.invalid]).toEqual([600, 0, []]);
    expect(new Set(run.rows.map((r) => r.row.exporter)).size).toBe(10);
    expect(new Set(run.rows.map((r) => r.row.product)).size).toBe(30);
    expect(run.rows[0]).toEqual({ line: 2, row: { year: 1995, exporter: 'AUT', product: '1704', valueUsd: 43653866.43 } });
  });
});
