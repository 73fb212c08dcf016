import { flowsFormat } from '../../../src/modules/import/formats/flows';
import type { FlowRecord, FlowsOptions, Parsed } from '../../../src/modules/import/types';
import { csvRecords, mapLines, referenceContext } from '../../support/format-harness';

const context = (flows?: FlowsOptions) => referenceContext({ flows });
const map = (header: string, line: string, flows?: FlowsOptions): Parsed<FlowRecord> =>
  mapLines(flowsFormat, [header, line], context(flows))[0];
const row = (header: string, line: string, flows?: FlowsOptions): FlowRecord => {
  const parsed = map(header, line, flows);
  if (parsed.kind !== 'row') throw new Error(`expected a row, got ${parsed.kind}: ${parsed.reason}`);
  return parsed.row;
};
const open = (text: string, flows?: FlowsOptions) => flowsFormat.open(csvRecords(text), context(flows));

const OEC = 'year,origin,dest,hs92,export_val,import_val';

describe('flows format: the OEC layout (origin, dest, export, import)', () => {
  it('reads origin → dest with the export column as the value, lower-case ISO codes, and does not read the import column', () => {
    expect(row(OEC, '2019,aut,deu,0101,1500.5,2000')).toEqual({
      year: 2019,
      exporter: 'AUT',
      importer: 'DEU',
      product: '0101',
      valueUsd: 1500.5,
      quantityTons: null,
    });
    expect(open(`${OEC}\n2019,aut,deu,0101,1,2`)).toMatchObject({
      metadata: { direction: 'origin → dest', value: 'export_val', ignored: 'import_val (the reverse flow)' },
    });
    // The brief's spelling: year,origin,dest,export,import.
    expect(row('year,origin,dest,product,export,import', '2019,AUT,DEU,01,7,9')).toMatchObject({
      exporter: 'AUT',
      importer: 'DEU',
      valueUsd: 7,
    });
  });

  it('skips, and counts, a row whose export value is empty: its import value is the reverse flow', () => {
    const skip = { kind: 'skip', reason: 'export value is empty (the import column, the reverse flow, is not read)' };
    expect(map(OEC, '2019,aut,deu,0101,,2000')).toEqual(skip);
    expect(map(OEC, '2019,aut,deu,0101,NULL,2000')).toEqual(skip);
    // Without an import column an empty value is an error.
    expect(map('year,origin,dest,hs92,export_val', '2019,aut,deu,0101,')).toEqual({
      kind: 'invalid',
      reason: 'column export_val is empty',
    });
  });

  it('reads a file with only an import column as the reverse flows: dest → origin', () => {
    expect(row('year,origin,dest,hs92,import_val', '2019,aut,deu,0101,300')).toMatchObject({
      exporter: 'DEU',
      importer: 'AUT',
      valueUsd: 300,
    });
    expect(open('year,origin,dest,hs92,import_val\n2019,aut,deu,0101,1')).toMatchObject({
      metadata: { direction: 'dest → origin (the value column import_val is the reverse flow)', value: 'import_val' },
    });
  });
});

describe('flows format: columns by name or by option', () => {
  it('finds columns in any case, punctuation and order, ignoring others', () => {
    expect(row('Value (USD),Importer ISO3,Notes,Exporter ISO3,HS Code,Year,Quantity', '12,usa,x,chn,640399,2020,3.5')).toEqual({
      year: 2020,
      exporter: 'CHN',
      importer: 'USA',
      product: '640399',
      valueUsd: 12,
      quantityTons: 3.5,
    });
  });

  it('takes columns from the options, which win over the names', () => {
    const options = { columns: { exporter: 'seller', importer: 'buyer', value: 'fob' } };
    expect(row('year,seller,buyer,hs6,fob,value', '2020,VNM,FRA,640411,5,99', options)).toMatchObject({
      exporter: 'VNM',
      importer: 'FRA',
      valueUsd: 5,
    });
    expect(open('year,seller,buyer,hs6,fob', { columns: { exporter: 'vendor' } })).toEqual({
      error: '--exporter-column: the header has no column "vendor" (it has year, seller, buyer, hs6, fob)',
      line: 1,
    });
  });

  it('says what is missing, and refuses an exporter without an importer (exports to the world are the exports format)', () => {
    expect(open('a,b,c')).toEqual({
      error:
        'the header lacks year (year, period…; or --year-column), product (product, hs_code, hs92, cmd_code…; or --product-column), value (value, trade_value, export_val, primary_value…; or --value-column), exporter and importer (exporter/importer, origin/dest…; or --exporter-column, --importer-column)',
      line: 1,
    });
    expect(open('year,origin,hs92,export_val')).toMatchObject({
      error: expect.stringContaining("exports to the world are the exports format's"),
    });
  });

  it('converts thousand and million USD exactly, and kilograms to tons', () => {
    const header = 'year,exporter,importer,product,value,quantity';
    expect(row(header, '2020,CHN,USA,6403,52.051,1', { valueUnit: 'thousand-usd' }).valueUsd).toBe(52051);
    expect(row(header, '2020,CHN,USA,6403,1.5,1', { valueUnit: 'million-usd' }).valueUsd).toBe(1_500_000);
    expect(row(header, '2020,CHN,USA,6403,1,292990', { quantityUnit: 'kg' }).quantityTons).toBe(292.99);
    expect(row(header, '2020,CHN,USA,6403,1,NA').quantityTons).toBeNull();
  });
});

describe('flows format: reporter and partner (Comtrade semantics)', () => {
  const header = 'ref_year,reporter_iso,partner_iso,flow_desc,cmd_code,primary_value';
  it('refuses reporter/partner without a flow column: they say who declared, not who exported', () => {
    expect(open('year,reporter,partner,product,value')).toEqual({
      error:
        'columns reporter and partner say who declared a flow, not who exported: a flow column (Import/Export, M/X; or --flow-column) is needed, or --exporter-column and --importer-column',
      line: 1,
    });
  });

  it('reads an import as partner → reporter and an export as reporter → partner; skips other flows and self-flows', () => {
    expect(row(header, '2020,AUT,BEL,Import,4401,10')).toMatchObject({ exporter: 'BEL', importer: 'AUT' });
    expect(row(header, '2020,AUT,BEL,X,4401,10')).toMatchObject({ exporter: 'AUT', importer: 'BEL' });
    expect(map(header, '2020,AUT,BEL,Re-export,4401,10')).toEqual({
      kind: 'skip',
      reason: 'flow "Re-export" is not an import or an export',
    });
    expect(map(header, '2020,AUT,AUT,Import,4401,10')).toEqual({ kind: 'skip', reason: 'reporter and partner are the same country' });
  });

  it('prefers exporter/importer columns when a file has both pairs', () => {
    expect(row('year,reporter,partner,exporter,importer,hs,value', '2020,AUT,BEL,FRA,ITA,61,1')).toMatchObject({
      exporter: 'FRA',
      importer: 'ITA',
    });
  });
});

describe('flows format: countries, products, values', () => {
  const header = 'year,exporter,importer,product,value';

  it('reads ISO alpha-3 in any case and M49 / Comtrade numeric codes; BLX is Belgium', () => {
    expect(row(header, '2020,040,276,61,1')).toMatchObject({ exporter: 'AUT', importer: 'DEU' });
    expect(row(header, '2020,699,490,61,1')).toMatchObject({ exporter: 'IND', importer: 'TWN' });
    expect(row(header, '2020,842,251,61,1')).toMatchObject({ exporter: 'USA', importer: 'FRA' });
    expect(row(header, '1995,blx,Nld,61,1')).toMatchObject({ exporter: 'BEL', importer: 'NLD' });
  });

  it.each([
    ['2020,AUT,wld,61,1', 'importer is World: a total, not a bilateral flow'],
    ['2020,AUT,0,61,1', 'importer is World: a total, not a bilateral flow'],
    ['2020,AUT,xxb,61,1', 'importer "XXB" is an area, not a country'],
    ['2020,150,AUT,61,1', 'exporter 150 "Europe" is an area, not a country'],
    ['2020,AUT,_X,61,1', 'importer _X "Areas, nes" is an area, not a country'],
    ['2020,AUT,aut,61,1', 'exporter and importer are the same country'],
    ['2020,AUT,DEU,TOTAL,1', 'product TOTAL (all products) is not an HS code'],
    [',,,,', 'blank line'],
  ])('skips %s: %s', (line, reason) => {
    expect(map(header, line)).toEqual({ kind: 'skip', reason });
  });

  it('keeps 2-, 4- and 6-digit codes and restores a leading zero lost by 1-, 3- and 5-digit ones', () => {
    expect(['61', '6403', '640399', '1', '101', '10111'].map((code) => row(header, `2020,AUT,DEU,${code},1`).product)).toEqual([
      '61',
      '6403',
      '640399',
      '01',
      '0101',
      '010111',
    ]);
  });

  it.each([
    ['2020,AUT,DEU,1234567,1', 'column product: "1234567" is not an HS code (2, 4 or 6 digits)'],
    ['2020,AUT,DEU,64.03,1', 'column product: "64.03" is not an HS code (2, 4 or 6 digits)'],
    ['2020,ABC,DEU,61,1', 'column exporter: "ABC" is not a known country (ISO 3166 alpha-3 or M49 numeric code) or area'],
    ['2020,AUT,123,61,1', 'column importer: "123" is not a known country (ISO 3166 alpha-3 or M49 numeric code) or area'],
    ['2020,,DEU,61,1', 'column exporter is empty'],
    ['20,AUT,DEU,61,1', 'column year: "20" is not a year'],
    ['1900,AUT,DEU,61,1', 'column year: year 1900 is outside 1950–2100'],
    ['2020,AUT,DEU,61,', 'column value is empty'],
    ['2020,AUT,DEU,61,-1', 'column value: "-1" is negative'],
    ['2020,AUT,DEU,61,1e999', 'column value: "1e999" is not a finite number'],
    ['2020,AUT,DEU,61,Infinity', 'column value: "Infinity" is not a finite number'],
    ['2020,AUT,DEU,61,NaN', 'column value: "NaN" is not a finite number'],
    ['2020,AUT,DEU,61,1e17', 'column value: "1e17" is out of range (at most 99,999,999,999,999,999.999)'],
    ['2020,AUT,DEU,61', 'expected 5 fields as in the header, found 4'],
  ])('refuses %s: %s', (line, reason) => {
    expect(map(header, line)).toEqual({ kind: 'invalid', reason });
  });

  it('refuses a quantity or a scaled value the column cannot hold', () => {
    expect(map('year,exporter,importer,product,value,qty', '2020,AUT,DEU,61,1,-inf')).toEqual({
      kind: 'invalid',
      reason: 'column qty: "-inf" is not a finite number',
    });
    expect(map(header, '2020,AUT,DEU,61,100000000000', { valueUnit: 'million-usd' })).toEqual({
      kind: 'invalid',
      reason: 'column value: "100000000000" is out of range once scaled by 10^6 (at most 99,999,999,999,999,999.999)',
    });
  });
});
