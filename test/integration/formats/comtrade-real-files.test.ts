import { comtradeFormat } from '../../../src/modules/import/formats/comtrade';
import { fileRecords, runFormat } from '../../support/format-harness';
import { sharedFile } from '../../support/shared-data';

// The real Comtrade files, whole (the 29 MB EU-27 extract among them): no database, but too big for the
// unit tier. The hand-written cases of the format are in test/unit/formats/comtrade.test.ts.
describe('Comtrade format on the real files', () => {
  const eu = sharedFile('trade/comtrade_eu27_wood_imports_2018-2022.csv');
  (eu ? it : it.skip)('EU-27 wood imports: 170,719 flows partner → reporter, areas and self-imports skipped', async () => {
    const run = runFormat(comtradeFormat, await fileRecords(eu!));
    expect(run.metadata).toEqual({ layout: 'snake_case' });
    expect(run.invalid).toEqual([]);
    expect(Object.fromEntries(run.skipped)).toEqual({
      'partner E19 "Other Europe, nes" is an area, not a country': 1_092,
      'partner _X "Areas, nes" is an area, not a country': 1_061,
      'reporter and partner are the same country': 417,
      'partner F19 "Other Africa, nes" is an area, not a country': 48,
      'partner X1 "Bunkers" is an area, not a country': 17,
      'partner XX "Special Categories" is an area, not a country': 4,
    });
    expect(run.rows).toHaveLength(173_358 - 1_092 - 1_061 - 417 - 48 - 17 - 4);

    const byLine = new Map(run.rows.map((r) => [r.line, r.row]));
    // Line 3: `"AUT","Austria","Import","BEL","Belgium","4401",…,248162.321,2018`: Austria imports from Belgium.
    expect(byLine.get(3)).toEqual({
      year: 2018,
      exporter: 'BEL',
      importer: 'AUT',
      product: '4401',
      valueUsd: 248162.321,
      quantityTons: null,
    });
    // Line 39403: Germany's 2022 imports of seats (9401) from China, $2,023,738,422.475.
    expect(byLine.get(39403)).toEqual({
      year: 2022,
      exporter: 'CHN',
      importer: 'DEU',
      product: '9401',
      valueUsd: 2_023_738_422.475,
      quantityTons: null,
    });
    const rows = run.rows.map((r) => r.row);
    expect(new Set(rows.map((r) => r.importer)).size).toBe(27);
    expect(rows.filter((r) => r.exporter === 'TWN')).toHaveLength(1_647); // S19 "Other Asia, nes"
    const levels = { 2: 0, 4: 0, 6: 0 } as Record<number, number>;
    for (const r of rows) levels[r.product.length]++;
    expect(levels).toEqual({ 2: 27_320, 4: 112_203, 6: 31_196 });
    expect(new Set(rows.map((r) => `${r.year} ${r.exporter} ${r.importer} ${r.product}`)).size).toBe(rows.length);
  });

  const tha = sharedFile('trade/comtrade_tha_hs030613_2007-2011.csv');
  (tha ? it : it.skip)('Thailand shrimp, full 47-column layout: exports THA → partner, re-imports and areas skipped', async () => {
    const run = runFormat(comtradeFormat, await fileRecords(tha!));
    expect(run.metadata).toEqual({ layout: 'snake_case' });
    expect(Object.fromEntries(run.skipped)).toEqual({
      'flow "RM" is not an import or an export': 15,
      'reporter and partner are the same country': 15,
      'partner _X "Areas, nes" is an area, not a country': 11,
    });
    expect(run.invalid).toEqual([]);
    // Netherlands Antilles (ANT 530, dissolved 2010; lines 602, 912, 1222) is one of the former countries
    // the reference data holds (seeds/data/former-countries.ts), as `npm run seed -- reference` loads it.
    expect(run.rows.filter((r) => r.row.importer === 'ANT').map((r) => r.line)).toEqual([602, 912, 1222]);
    expect(run.rows).toHaveLength(1_586 - 15 - 15 - 11);

    const rows = run.rows.map((r) => r.row);
    expect(rows.filter((r) => r.exporter === 'THA')).toHaveLength(1_169 + 3); // 3 to ANT
    expect(rows.filter((r) => r.importer === 'THA')).toHaveLength(373);
    expect(rows.some((r) => r.exporter === r.importer)).toBe(false);
    const byLine = new Map(run.rows.map((r) => [r.line, r.row]));
    // Line 78: export to Australia, $36,120,291 for 5,545,602 kg.
    expect(byLine.get(78)).toEqual({
      year: 2007,
      exporter: 'THA',
      importer: 'AUS',
      product: '030613',
      valueUsd: 36_120_291,
      quantityTons: 5_545.602,
    });
    // Line 34: import from 490 / S19 "Other Asia, nes", i.e. Taiwan; line 119: export to it.
    expect(byLine.get(34)).toEqual({
      year: 2007,
      exporter: 'TWN',
      importer: 'THA',
      product: '030613',
      valueUsd: 113_488,
      quantityTons: 60.042,
    });
    expect(byLine.get(119)).toMatchObject({ exporter: 'THA', importer: 'TWN', valueUsd: 13_622_306 });
    expect(rows.filter((r) => r.exporter === 'TWN' || r.importer === 'TWN')).toHaveLength(30);
    // Line 7: India as Comtrade's 699.
    expect(byLine.get(7)).toMatchObject({ exporter: 'IND', importer: 'THA', valueUsd: 2_753_445 });
    // Lines 436 and 1060 have no net weight.
    expect([byLine.get(436)?.quantityTons, byLine.get(1060)?.quantityTons]).toEqual([null, null]);
  });
});
