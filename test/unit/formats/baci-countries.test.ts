import fs from 'node:fs';
import { BACI_NON_ISO_CODES, parseBaciCountryCodes } from '../../../src/modules/import/formats/baci-countries';
import { sharedFile } from '../../support/shared-data';

const HEADER = 'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha';

describe("BACI's country table", () => {
  it('maps codes to alpha-3, leaves out areas without one, and maps 490 "Other Asia, nes" to TWN', () => {
    const table = parseBaciCountryCodes(
      [
        HEADER,
        '4,Afghanistan,Afghanistan,AF,AFG',
        '251,France,"France, Monaco",FR,FRA',
        '490,"Other Asia, nes","Other Asia, not elsewhere specified",N/A,N/A',
        '697,"Europe EFTA, nes","Europe EFTA, not elsewhere specified",N/A,N/A',
        '',
        '999,Nowhere,Nowhere,,',
      ].join('\r\n'),
    );
    expect([...table]).toEqual([
      [4, 'AFG'],
      [251, 'FRA'],
      [490, 'TWN'],
    ]);
  });

  it("also reads later releases' layout (country_iso3)", () => {
    expect(parseBaciCountryCodes('country_code,country_name,country_iso2,country_iso3\n842,USA,US,USA')).toEqual(new Map([[842, 'USA']]));
  });

  it.each([
    ['code,name\n4,AFG', /line 1: expected columns country_code and iso_3digit_alpha or country_iso3, found code,name/],
    [`${HEADER}\n4,Afghanistan,Afghanistan,AF`, /line 2: expected 5 fields, found 4/],
    [`${HEADER}\n4,Afghanistan,Afghanistan,AF,AFG\nx4,Afghanistan,Afghanistan,AF,AFG`, /line 3: country_code "x4" is not a numeric code/],
    [`${HEADER}\n4,Afghanistan,Afghanistan,AF,AFG\n\n4,Afghanistan,Afghanistan,AF,AFG`, /line 4: country_code 4 appears twice/],
    ['', /the file is empty/],
  ])('throws on a malformed table, naming the line (%#)', (text, message) => {
    expect(() => parseBaciCountryCodes(text)).toThrow(message);
  });

  const file = sharedFile('trade/BACI_country_codes_V202301.csv');
  (file ? it : it.skip)('reads the real V202301 table: 236 of its 238 codes, and its departures from ISO numeric', () => {
    const table = parseBaciCountryCodes(fs.readFileSync(file!, 'utf8'));
    // 238 rows; 697 "Europe EFTA, nes" and 849 "US Misc. Pacific Isds" have no alpha-3; 490 becomes TWN.
    expect(table.size).toBe(236);
    expect(table.has(697) || table.has(849)).toBe(false);
    expect(table.get(490)).toBe('TWN');
    expect([4, 710, 251, 579, 699, 757, 842].map((code) => table.get(code))).toEqual(['AFG', 'ZAF', 'FRA', 'NOR', 'IND', 'CHE', 'USA']);
    // The built-in departures (used without --countries) agree with the published table.
    for (const [code, iso3] of BACI_NON_ISO_CODES) expect([code, table.get(code)]).toEqual([code, iso3]);
  });
});
