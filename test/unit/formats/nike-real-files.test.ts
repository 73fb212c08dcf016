import { nikeDisclosureFormat } from '../../../src/modules/import/formats/nike';
import { sharedFile } from '../../support/shared-data';
import type { DisclosureRecord } from '../../../src/modules/import/types';
import { readRecords, runFormat, tally, type Outcome } from './facility-harness';

/**
 * Nike's three published exports, read whole. Facilities disclosed (data rows after the banner and the
 * header, counted by hand): 498 in February 2021, 643 in August 2023, 666 in June 2025.
 */
const EXPORTS = [
  {
    file: 'brands/nike_manufacturing_export_2021-02.csv',
    facilities: 498,
    disclosedAt: '2021-02-01',
    dataAsOf: 'February 2021',
    productTypes: { APPAREL: 276, FOOTWEAR: 106, EQUIPMENT: 66, TEXTILES: 50 },
    vietnamChina: [116, 108],
    // The `Nike, Inc. Brand(s)` column: 492 "NIKE", 6 "NIKE, Converse".
    brands: { Nike: 492, 'Nike+Converse': 6 },
    // A & K Designs, Inc. (Portland, Oregon): line 3 of 2021 and 2023, line 181 of 2025.
    akDesigns: { line: 3, workers: 130 },
  },
  {
    file: 'brands/nike_manufacturing_export_2023-08.csv',
    facilities: 643,
    disclosedAt: '2023-08-01',
    dataAsOf: 'AUG 2023',
    productTypes: { APPAREL: 355, FOOTWEAR: 210, EQUIPMENT: 78 },
    vietnamChina: [160, 160],
    brands: { Nike: 607, Converse: 36 },
    akDesigns: { line: 3, workers: 111 },
  },
  {
    file: 'brands/nike_manufacturing_export_2025-06.csv',
    facilities: 666,
    disclosedAt: '2025-06-01',
    dataAsOf: 'JUNE 2025',
    productTypes: { APPAREL: 368, FOOTWEAR: 217, EQUIPMENT: 81 },
    vietnamChina: [167, 159],
    brands: { Nike: 632, Converse: 34 },
    akDesigns: { line: 181, workers: 149 },
  },
];

describe.each(EXPORTS)('Nike export $file', (expected) => {
  const file = sharedFile(expected.file);
  let outcome: Outcome<DisclosureRecord> | null = null;
  beforeAll(async () => {
    if (file) outcome = runFormat(nikeDisclosureFormat, await readRecords(file));
  });

  (file ? it : it.skip)(
    `has ${expected.facilities} facilities, none invalid (every country name resolves), disclosed ${expected.disclosedAt}`,
    () => {
      const { opened, rows, skipped, invalid } = outcome!;
      expect(opened.headerIndex).toBe(1);
      expect(opened.metadata).toEqual({ disclosedAt: expected.disclosedAt, dataAsOf: expected.dataAsOf });
      expect(invalid).toEqual([]);
      expect(skipped).toEqual([]);
      expect(rows).toHaveLength(expected.facilities);
      expect(rows[0].line).toBe(3);
      expect(rows.at(-1)!.line).toBe(expected.facilities + 2);
      expect(tally(rows, (r) => r.disclosedAt)).toEqual({ [expected.disclosedAt]: expected.facilities });
      // Each brand of the file's brand column, Converse its own brand under Nike, Inc. (#10).
      expect(tally(rows, (r) => [r.brand, ...(r.alsoBrands ?? [])].join('+'))).toEqual(expected.brands);
      expect(tally(rows, (r) => r.brandParent)).toEqual({ 'Nike, Inc.': expected.facilities });
    },
  );

  (file ? it : it.skip)('maps product types and countries', () => {
    const { rows } = outcome!;
    expect(tally(rows, (r) => r.productType)).toEqual(expected.productTypes);
    const countries = tally(rows, (r) => r.country);
    expect([countries.VNM, countries.CHN]).toEqual(expected.vietnamChina);
  });

  (file ? it : it.skip)(`gives A & K Designs ${expected.akDesigns.workers} workers`, () => {
    const ak = outcome!.rows.filter((r) => /^A & K Designs/i.test(r.row.facilityName));
    expect(ak).toHaveLength(1);
    expect(ak[0].line).toBe(expected.akDesigns.line);
    expect(ak[0].row).toMatchObject({
      country: 'USA',
      city: expect.stringMatching(/^portland$/i),
      workersMin: expected.akDesigns.workers,
      workersMax: expected.akDesigns.workers,
    });
  });
});

describe('Nike 2021 quirks', () => {
  const file = sharedFile('brands/nike_manufacturing_export_2021-02.csv');

  (file ? it : it.skip)(
    'keeps upper case as disclosed, leaves 50 empty Total Workers unknown, drops 93 "NO GROUP" placeholders',
    async () => {
      const { rows } = runFormat(nikeDisclosureFormat, await readRecords(file!));
      expect(rows[0].row).toMatchObject({
        facilityName: 'A & K DESIGNS, INC.',
        address: '8564 NE ALDERWOOD ROAD',
        city: 'PORTLAND',
        supplierGroup: 'A & K DESIGNS',
      });
      expect(rows.filter((r) => r.row.workersMin === null && r.row.workersMax === null)).toHaveLength(50);
      expect(rows.filter((r) => r.row.supplierGroup === null)).toHaveLength(93);
      expect(rows.every((r) => r.row.facilityName === r.row.facilityName.trim() && !/\s{2}/.test(r.row.facilityName))).toBe(true);
    },
  );
});
