import { nikeBrands, nikeDisclosureFormat } from '../../../src/modules/import/formats/nike';
import { readNikeBanner } from '../../../src/modules/import/formats/nike-banner';
import { openOn, recordsOf, runFormat, testContext } from './facility-harness';

const BANNER_2021 = 'Nike Global Manufacturing Data Export - Filters applied: (NIKE)        Data As Of   February 2021,,,,,,,,,,,,,,,,,,,,';
const HEADER_2021 =
  'Factory Name,Factory Type,Product Type,"Nike, Inc. Brand(s)",Events,Supplier Group,Address,City,State,Postal Code,Country/Region,Region,Total Workers,Line Workers,% Female Workers,% Migrant Workers,Contact Name,Contact Phone,Contact Fax,Contact Email,Subcons';
const BANNER_2023 = 'Data Export - Filters applied:    (none) Data As Of AUG 2023,,,,,,,,,,,,,,,';
const HEADER_2023 =
  'Factory Name,Factory Type,Product Type Type,"Nike, Inc. Brand(s)",Events,Supplier Group,Address,City,State,Postal Code,Country / Region,Region,Total Workers,Line Workers,% Female Workers,% Migrant Workers';

const file2021 = (...rows: string[]) => recordsOf([BANNER_2021, HEADER_2021, ...rows].join('\n'));
const file2023 = (...rows: string[]) => recordsOf([BANNER_2023, HEADER_2023, ...rows].join('\n'));

describe('readNikeBanner', () => {
  it.each([
    [BANNER_2021, '2021-02-01', 'February 2021'],
    ['Data Export - Filters applied:    (none) Data As Of AUG 2023', '2023-08-01', 'AUG 2023'],
    ['Data Export - Filters applied:    (none) Data As Of JUNE 2025', '2025-06-01', 'JUNE 2025'],
    ['Data As Of Sept. 2024', '2024-09-01', 'Sept. 2024'],
  ])('%s → %s', (text, date, asOf) => {
    expect(readNikeBanner(text.split(','))).toEqual({ disclosedAt: date, asOf });
  });

  it('knows a banner whose date is not a month', () => {
    expect(readNikeBanner(['Data As Of Q3 2024'])).toEqual({ asOf: 'Q3 2024', disclosedAt: null });
    expect(readNikeBanner(['Data As Of Ma 2024'])!.disclosedAt).toBeNull();
  });

  it('is null for other records', () => {
    expect(readNikeBanner(['Factory Name', 'Factory Type'])).toBeNull();
  });
});

describe('nikeDisclosureFormat.open', () => {
  it('finds the 2021 header after the banner and dates the disclosure from it', () => {
    const opened = openOn(nikeDisclosureFormat, file2021());
    expect(opened.headerIndex).toBe(1);
    expect(opened.metadata).toEqual({ disclosedAt: '2021-02-01', dataAsOf: 'February 2021' });
  });

  it('reads the 2023 header variant', () => {
    expect(openOn(nikeDisclosureFormat, file2023()).metadata.disclosedAt).toBe('2023-08-01');
  });

  it('lets --disclosed-at win over the banner', () => {
    const opened = openOn(nikeDisclosureFormat, file2023(), testContext({ disclosedAt: '2023-09-15' }));
    expect(opened.metadata.disclosedAt).toBe('2023-09-15');
  });

  it('accepts a file without banner when --disclosed-at is given, and refuses it otherwise', () => {
    const records = recordsOf(HEADER_2023);
    expect(openOn(nikeDisclosureFormat, records, testContext({ disclosedAt: '2024-01-01' })).headerIndex).toBe(0);
    expect(nikeDisclosureFormat.open(records, testContext())).toEqual({
      error: 'there is no "Data As Of <month> <year>" banner; pass --disclosed-at YYYY-MM-DD',
      line: 1,
    });
  });

  it('refuses a banner whose date it cannot read, naming its line', () => {
    const records = recordsOf(['Data As Of Q3 2024', HEADER_2023].join('\n'));
    expect(nikeDisclosureFormat.open(records, testContext())).toEqual({
      error: 'the banner\'s date "Q3 2024" is not a month and year; pass --disclosed-at YYYY-MM-DD',
      line: 1,
    });
  });

  it('names the expected header and line when it is not there', () => {
    const result = nikeDisclosureFormat.open(recordsOf([BANNER_2023, 'brand,factory_name,country'].join('\n')), testContext());
    expect(result).toEqual({
      error:
        'expected Nike\'s header (Factory Name, Factory Type, Product Type, Supplier Group, Address, City, Country / Region, Total Workers) on line 2, after the "Data As Of" banner',
      line: 2,
    });
  });
});

describe('Nike, Inc. brands (#10)', () => {
  it.each([
    ['NIKE', ['Nike']],
    ['Nike', ['Nike']],
    ['Converse', ['Converse']],
    ['CONVERSE', ['Converse']],
    ['NIKE, Converse', ['Nike', 'Converse']],
    [' Jordan ,  nike ', ['Jordan', 'Nike']],
    ['Nike, NIKE', ['Nike']],
    ['Hurley', ['Hurley']],
    ['', ['Nike']],
    [null, ['Nike']],
  ])('%j → %j', (cell, brands) => {
    expect(nikeBrands(cell, 'Nike')).toEqual(brands);
  });
});

describe('nikeDisclosureFormat.map', () => {
  it('maps a 2021 row: brands Nike and Converse of Nike, Inc. from the brand column, names kept as disclosed but trimmed, exact workers', () => {
    const { rows } = runFormat(
      nikeDisclosureFormat,
      file2021(
        '"  ALMAXTEX TEKSTIL  SANAYI VE TICARET A.S. ",FINISHED GOODS - COMPONENTS,APPAREL,"NIKE, Converse",Collegiate,YESIM,KARAPINAR MAH. ANKARA YOLU CAD.,BURSA,BURSA,16580,TURKEY,EMEA,3199,2234,55.0%,0.1%,,,,,"ASENA 3 TEXTIL S.R.L., Asena 4"',
      ),
    );
    expect(rows).toEqual([
      {
        line: 3,
        row: {
          brand: 'Nike',
          brandParent: 'Nike, Inc.',
          alsoBrands: ['Converse'],
          supplierGroup: 'YESIM',
          facilityName: 'ALMAXTEX TEKSTIL SANAYI VE TICARET A.S.',
          country: 'TUR',
          address: 'KARAPINAR MAH. ANKARA YOLU CAD.',
          city: 'BURSA',
          productType: 'APPAREL',
          facilityType: 'FINISHED GOODS - COMPONENTS',
          workersMin: 3199,
          workersMax: 3199,
          disclosedAt: '2021-02-01',
        },
      },
    ]);
  });

  it.each([
    ['APPAREL', 'APPAREL'],
    ['Apparel', 'APPAREL'],
    ['FOOTWEAR', 'FOOTWEAR'],
    ['Equipment', 'EQUIPMENT'],
    ['MATERIALS', 'TEXTILES'],
    ['', 'OTHER'],
    ['Gadgets', 'OTHER'],
  ])('product type %j → %s', (type, id) => {
    const { rows } = runFormat(nikeDisclosureFormat, file2023(`F,FINISHED GOODS,${type},Nike,,G,A,C,S,1,Vietnam,SE ASIA,10,9,50,0`));
    expect(rows[0].row.productType).toBe(id);
  });

  it('reads 2021\'s "NO GROUP (..)" placeholders as no supplier group', () => {
    const { rows } = runFormat(
      nikeDisclosureFormat,
      file2021(
        '"ACODE SPORTING GOODS CO., LTD",FINISHED GOODS,EQUIPMENT,NIKE,,NO GROUP (EQ),32 VSIIP-A DUONG31,VIETNAM,BÌNH DUONG,82617,Viet Nam,SE ASIA,289,233,1.0%,0.4%,,,,,',
        'X,FINISHED GOODS,APPAREL,NIKE,,NO SUPPLIER GROUP,A,C,S,1,Viet Nam,SE ASIA,1,1,1.0%,0.0%,,,,,',
        'Y,FINISHED GOODS,APPAREL,NIKE,,NO GROUPING LTD,A,C,S,1,Viet Nam,SE ASIA,1,1,1.0%,0.0%,,,,,',
      ),
    );
    expect(rows.map((r) => r.row.supplierGroup)).toEqual([null, null, 'NO GROUPING LTD']);
  });

  it('reads workers: empty → unknown, thousands separators, and says why others are invalid', () => {
    const row = (workers: string) => `F,FINISHED GOODS,Apparel,Nike,,G,A,C,S,1,Vietnam,SE ASIA,${workers},9,50,0`;
    const { rows, invalid } = runFormat(nikeDisclosureFormat, file2023(row(''), row('"1,250"'), row('abc'), row('12.5'), row('-3')));
    expect(rows.map((r) => [r.row.workersMin, r.row.workersMax])).toEqual([
      [null, null],
      [1250, 1250],
    ]);
    expect(invalid).toEqual([
      { line: 5, reason: 'column Total Workers: "abc" is not a number' },
      { line: 6, reason: 'column Total Workers: "12.5" is not a whole number of workers' },
      { line: 7, reason: 'column Total Workers: "-3" is not a whole number of workers' },
    ]);
  });

  it('rejects unknown countries and empty names, quoting the column as the file spells it; skips blank lines', () => {
    const outcome = runFormat(
      nikeDisclosureFormat,
      file2021(
        'F,FINISHED GOODS,APPAREL,NIKE,,G,A,C,S,1,Atlantis,EMEA,10,9,1.0%,0.0%,,,,,',
        '  ,FINISHED GOODS,APPAREL,NIKE,,G,A,C,S,1,Viet Nam,EMEA,10,9,1.0%,0.0%,,,,,',
        ',,,,,,,,,,,,,,,,,,,,',
        'Short row,FINISHED GOODS',
      ),
    );
    expect(outcome.rows).toEqual([]);
    expect(outcome.skipped).toEqual([{ line: 5, reason: 'blank line' }]);
    expect(outcome.invalid).toEqual([
      { line: 3, reason: 'column Country/Region: unknown country "Atlantis"' },
      { line: 4, reason: 'column Factory Name is empty' },
      { line: 6, reason: 'column Country/Region is empty' },
    ]);
  });

  it('uses --disclosed-at on every row when given', () => {
    const { rows } = runFormat(
      nikeDisclosureFormat,
      file2023('F,FINISHED GOODS,Apparel,Nike,,G,A,C,S,1,USA,AMERICAS,10,9,50,0'),
      testContext({ disclosedAt: '2023-09-15' }),
    );
    expect(rows[0].row).toMatchObject({ disclosedAt: '2023-09-15', country: 'USA' });
  });
});
