import { brandDisclosureFormat } from '../../../src/modules/import/formats/brand-disclosures';
import { productTypeId } from '../../../src/modules/import/formats/product-type-map';
import { readWorkers } from '../../../src/modules/import/formats/workers-range';
import { sharedFile } from '../../support/shared-data';
import type { DisclosureRecord } from '../../../src/modules/import/types';
import { readRecords, recordsOf, runFormat, tally, testContext, type Outcome } from './facility-harness';

const HEADER =
  'brand,parent_company_or_supplier_group,factory_name,country,country_iso3,city,address,product_type,factory_type,total_workers,workers_lower,workers_upper,pct_female,pct_migrant,as_of';
const file = (...rows: string[]) => recordsOf([HEADER, ...rows].join('\n'));
const columns = (total: string | null, lower: string | null, upper: string | null) => ({
  total: { value: total, label: 'total_workers' },
  lower: { value: lower, label: 'workers_lower' },
  upper: { value: upper, label: 'workers_upper' },
});

describe('readWorkers', () => {
  it.each([
    ['exact total', columns('717', null, null), { min: 717, max: 717 }],
    ['a band', columns(null, '101', '500'), { min: 101, max: 500 }],
    ['a total wins over a band', columns('250', '101', '500'), { min: 250, max: 250 }],
    ['nothing', columns(null, null, null), { min: null, max: null }],
    ['one bound only', columns(null, '10001', null), { min: null, max: null }],
    ["Puma's 501–100 (a dropped zero)", columns(null, '501', '100'), { min: 501, max: 1000 }],
    ['5001–750 (a dropped zero)', columns(null, '5001', '750'), { min: 5001, max: 7500 }],
  ])('%s', (_what, given, workers) => {
    expect(readWorkers(given)).toEqual({ ok: true, value: workers });
  });

  it('rejects a band it cannot interpret, and non-numbers, with the columns named', () => {
    expect(readWorkers(columns(null, '5000', '30'))).toEqual({
      ok: false,
      reason: 'columns workers_lower/workers_upper: range 5000–30 is inverted (lower > upper) and not a dropped trailing zero',
    });
    expect(readWorkers(columns(null, 'many', '30'))).toEqual({ ok: false, reason: 'column workers_lower: "many" is not a number' });
    expect(readWorkers(columns('n/a', null, null))).toEqual({ ok: false, reason: 'column total_workers: "n/a" is not a number' });
  });
});

describe('productTypeId', () => {
  it.each([
    ['Apparel', 'APPAREL'],
    ['Footwear', 'FOOTWEAR'],
    ['Equipment', 'EQUIPMENT'],
    ['Gear', 'EQUIPMENT'],
    ['Hard Goods', 'EQUIPMENT'],
    ['Materials', 'TEXTILES'],
    ['Accessories', 'OTHER'],
    ['Accessories, Apparel', 'APPAREL'],
    ['Accessories, Gear', 'EQUIPMENT'],
    ['Accessories, Footwear', 'FOOTWEAR'],
    ['Apparel; Footwear', 'APPAREL'],
    ['Toys', 'OTHER'],
    [null, 'OTHER'],
  ])('%j → %s', (label, id) => {
    expect(productTypeId(label)).toBe(id);
  });
});

describe('brandDisclosureFormat', () => {
  it('maps an adidas row: the second column is the supplier group, not the brand parent', () => {
    const { opened, rows } = runFormat(
      brandDisclosureFormat,
      file(
        'adidas,Grupo Dass,Dass Suarez S.a.,Argentina,ARG,Coronel Suárez,"Olavarria, 636  ",Footwear,,717,,,57.6,1.674,c.2023 (undated)',
      ),
    );
    expect(opened).toMatchObject({ headerIndex: 0, metadata: {} });
    expect(rows).toEqual([
      {
        line: 2,
        row: {
          brand: 'adidas',
          brandParent: null,
          supplierGroup: 'Grupo Dass',
          facilityName: 'Dass Suarez S.a.',
          country: 'ARG',
          address: 'Olavarria, 636',
          city: 'Coronel Suárez',
          productType: 'FOOTWEAR',
          facilityType: null,
          workersMin: 717,
          workersMax: 717,
          disclosedAt: null,
        },
      },
    ]);
  });

  it('dates rows from --disclosed-at, else from an as_of that is a date', () => {
    const records = file(
      'Puma,,F,CN (Mondial code),CHN,,A,Apparel,,,101,500,,,c.2023 (undated)',
      'Puma,,F,China,CHN,,A,Apparel,,,101,500,,,2023-05',
      'Puma,,F,China,CHN,,A,Apparel,,,101,500,,,2023-05-17',
    );
    expect(runFormat(brandDisclosureFormat, records).rows.map((r) => r.row.disclosedAt)).toEqual([null, '2023-05-01', '2023-05-17']);
    const given = runFormat(brandDisclosureFormat, records, testContext({ disclosedAt: '2023-12-31' }));
    expect(given.opened.metadata).toEqual({ disclosedAt: '2023-12-31' });
    expect(given.rows.map((r) => r.row.disclosedAt)).toEqual(['2023-12-31', '2023-12-31', '2023-12-31']);
  });

  it('takes country_iso3 when known, else the name (VF Mondial codes too), else says why', () => {
    const { rows, invalid } = runFormat(
      brandDisclosureFormat,
      file(
        'VF Corporation,,F,RC (Mondial code),,,A,Materials,,,11,100,,,x',
        'VF Corporation,,F,Viet Nam,XXX,,A,Materials,,,11,100,,,x',
        'VF Corporation,,F,Atlantis,XXX,,A,Materials,,,11,100,,,x',
        'VF Corporation,,F,,,,A,Materials,,,11,100,,,x',
      ),
    );
    expect(rows.map((r) => r.row.country)).toEqual(['TWN', 'VNM']);
    expect(invalid).toEqual([
      { line: 4, reason: 'column country_iso3: "XXX" is not a known ISO alpha-3 code; column country: unknown country "Atlantis"' },
      { line: 5, reason: 'columns country and country_iso3 are empty' },
    ]);
  });

  it('strips the role VF once appends to a supplier group, and skips blank lines', () => {
    const { rows, skipped } = runFormat(
      brandDisclosureFormat,
      file('VF Corporation,MILTEKS TEKSTIL SAN. VE TIC. A.S. - Supplier Group,F,Turkey,TUR,,A,Apparel,,,101,500,,,x', ',,,,,,,,,,,,,,'),
    );
    expect(rows[0].row.supplierGroup).toBe('MILTEKS TEKSTIL SAN. VE TIC. A.S.');
    expect(skipped).toEqual([{ line: 3, reason: 'blank line' }]);
  });

  it('matches the header in any case and order, and takes the brand from --brand when the file has none', () => {
    const records = recordsOf(['FACTORY_NAME,Total_Workers,Country', 'Factory A,900,Cambodia'].join('\n'));
    expect(brandDisclosureFormat.open(records, testContext())).toEqual({ error: 'the header has no brand column; pass --brand', line: 1 });
    const { rows } = runFormat(brandDisclosureFormat, records, testContext({ brand: 'Patagonia' }));
    expect(rows[0].row).toMatchObject({
      brand: 'Patagonia',
      facilityName: 'Factory A',
      country: 'KHM',
      workersMin: 900,
      workersMax: 900,
      supplierGroup: null,
      city: null,
      productType: 'OTHER',
    });
  });

  it('names the expected header when it is not there', () => {
    expect(brandDisclosureFormat.open(recordsOf('a,b,c'), testContext())).toEqual({
      error:
        'expected the brand-disclosure header (factory_name, country or country_iso3, brand (or --brand), and optionally the other columns) on line 1',
      line: 1,
    });
    expect(brandDisclosureFormat.open(recordsOf('brand,factory_name,product_type'), testContext())).toEqual({
      error: 'the header has neither country nor country_iso3',
      line: 1,
    });
  });
});

describe('the adidas / VF / Puma file (c. 2023)', () => {
  const path = sharedFile('brands/brand_disclosures_adidas_vf_puma_c2023.csv');
  let outcome: Outcome<DisclosureRecord> | null = null;
  beforeAll(async () => {
    if (path) outcome = runFormat(brandDisclosureFormat, await readRecords(path));
  });
  const band = (r: { workersMin: number | null; workersMax: number | null }) =>
    r.workersMin === null ? 'unknown' : r.workersMin === r.workersMax ? 'exact' : `${r.workersMin}–${r.workersMax}`;

  (path ? it : it.skip)('loads every one of its 2,175 rows: adidas 375, VF Corporation 1,470, Puma 330', () => {
    const { rows, invalid, skipped } = outcome!;
    expect(invalid).toEqual([]);
    expect(skipped).toEqual([]);
    expect(tally(rows, (r) => r.brand)).toEqual({ adidas: 375, 'VF Corporation': 1470, Puma: 330 });
    expect(rows.every((r) => r.row.brandParent === null && r.row.disclosedAt === null)).toBe(true);
    expect(rows.filter((r) => r.row.supplierGroup === null)).toHaveLength(954);
  });

  (path ? it : it.skip)('reads exact counts (adidas) and bands (VF, Puma)', () => {
    const { rows } = outcome!;
    expect(
      tally(
        rows.filter((r) => r.row.brand === 'adidas'),
        band,
      ),
    ).toEqual({ exact: 375 });
    expect(
      tally(
        rows.filter((r) => r.row.brand === 'VF Corporation'),
        band,
      ),
    ).toEqual({
      '1–10': 61,
      '11–100': 403,
      '101–500': 393,
      '501–1000': 125,
      '1001–5000': 168,
      '5001–10000': 19,
      '10001–15000': 4,
      unknown: 297,
    });
    // Puma's 64 malformed "501–100" bands, all read as 501–1000.
    expect(
      tally(
        rows.filter((r) => r.row.brand === 'Puma'),
        band,
      ),
    ).toEqual({
      '1–100': 49,
      '101–500': 93,
      '501–1000': 64,
      '1001–2000': 60,
      '2001–3500': 41,
      '3501–5000': 9,
      '5001–7500': 14,
    });
  });

  (path ? it : it.skip)('has 64 malformed (inverted) ranges, all Puma 501–100, none invalid', async () => {
    const [header, ...data] = await readRecords(path!);
    const [brand, lower, upper] = ['brand', 'workers_lower', 'workers_upper'].map((c) => header.fields.indexOf(c));
    const inverted = data.filter((r) => r.fields[lower] !== '' && Number(r.fields[lower]) > Number(r.fields[upper]));
    expect(inverted).toHaveLength(64);
    expect(new Set(inverted.map((r) => `${r.fields[brand]} ${r.fields[lower]}–${r.fields[upper]}`))).toEqual(new Set(['Puma 501–100']));
    const byLine = new Map(outcome!.rows.map((r) => [r.line, r.row]));
    expect(inverted.every((r) => byLine.get(r.line)?.workersMin === 501 && byLine.get(r.line)?.workersMax === 1000)).toBe(true);
  });

  (path ? it : it.skip)('maps its product types (Accessories → OTHER, Materials → TEXTILES)', () => {
    expect(tally(outcome!.rows, (r) => r.productType)).toEqual({ APPAREL: 805, FOOTWEAR: 293, EQUIPMENT: 20, TEXTILES: 688, OTHER: 369 });
  });
});
