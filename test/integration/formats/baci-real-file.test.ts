import fs from 'node:fs';
import { baciFormat } from '../../../src/modules/import/formats/baci';
import { parseBaciCountryCodes } from '../../../src/modules/import/formats/baci-countries';
import type { FlowRecord } from '../../../src/modules/import/types';
import { fileRecords, referenceContext, runFormat } from '../../support/format-harness';
import { sharedFile } from '../../support/shared-data';

// The real 3 MB BACI extract, whole: no database, but too big for the unit tier. The hand-written cases
// of the format are in test/unit/formats/baci.test.ts.
describe('BACI format on the real AFG/ZAF 2021 extract', () => {
  const file = sharedFile('trade/BACI_HS92_Y2021_V202301_exporters_AFG_ZAF.csv');
  const countriesFile = sharedFile('trade/BACI_country_codes_V202301.csv');

  (file && countriesFile ? it : it.skip)('maps all 71,192 flows, the same with or without the country table', async () => {
    const records = await fileRecords(file!);
    const table = parseBaciCountryCodes(fs.readFileSync(countriesFile!, 'utf8'));
    const run = runFormat(baciFormat, records, referenceContext({ sourceCountryCodes: table }));
    expect(run.invalid).toEqual([]);
    expect(run.skipped.size).toBe(0);
    expect(run.rows).toHaveLength(71_192);
    expect(runFormat(baciFormat, records).rows).toEqual(run.rows);

    const rows = run.rows.map((r) => r.row);
    const byLine = new Map(run.rows.map((r) => [r.line, r.row]));
    const count = (predicate: (r: FlowRecord) => boolean) => rows.filter(predicate).length;

    expect(new Set(rows.map((r) => r.exporter))).toEqual(new Set(['AFG', 'ZAF']));
    expect(count((r) => r.exporter === 'AFG')).toBe(3_070);
    expect(count((r) => r.exporter === 'ZAF')).toBe(68_122);
    expect(new Set(rows.map((r) => r.importer)).size).toBe(211);
    expect(rows.every((r) => r.year === 2021 && /^\d{6}$/.test(r.product))).toBe(true);

    // Line 2: `2021,4,24,382390,52.051,"       13.235"`: Afghanistan → Angola, 52.051 thousand USD = $52,051.
    expect(byLine.get(2)).toEqual({
      year: 2021,
      exporter: 'AFG',
      importer: 'AGO',
      product: '382390',
      valueUsd: 52051,
      quantityTons: 13.235,
    });
    // Line 53502: `2021,710,699,710812,4103870.59,"       71.680"`: South African gold to India (BACI 699),
    // 4,103,870.59 thousand USD = $4,103,870,590, the largest flow of the file.
    expect(byLine.get(53502)).toEqual({
      year: 2021,
      exporter: 'ZAF',
      importer: 'IND',
      product: '710812',
      valueUsd: 4_103_870_590,
      quantityTons: 71.68,
    });
    // Line 172: `2021,4,56,90122,0.244,"           NA"`: k loses its leading zero, q is NA.
    expect(byLine.get(172)).toEqual({ year: 2021, exporter: 'AFG', importer: 'BEL', product: '090122', valueUsd: 244, quantityTons: null });
    // Line 1429: `2021,4,490,330129,0.322,…`: 490 "Other Asia, nes" is Taiwan.
    expect(byLine.get(1429)).toMatchObject({ exporter: 'AFG', importer: 'TWN', valueUsd: 322 });

    expect(count((r) => r.quantityTons === null)).toBe(2_306);
    expect(count((r) => r.importer === 'TWN')).toBe(359);
    expect(count((r) => r.importer === 'FRA')).toBe(1_051);
    // v has at most three decimals, so every value is whole dollars and the total is exact:
    // Σ v × 1000 over the file = $69,369,988,138 (AFG $678,189,124).
    expect(rows.every((r) => Number.isInteger(r.valueUsd))).toBe(true);
    expect(rows.reduce((sum, r) => sum + r.valueUsd, 0)).toBe(69_369_988_138);
    expect(rows.filter((r) => r.exporter === 'AFG').reduce((sum, r) => sum + r.valueUsd, 0)).toBe(678_189_124);
  });
});
