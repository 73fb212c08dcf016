import { COUNTRY_ALIASES, MONDIAL_CODES } from '../../../src/modules/import/formats/country-aliases';
import { alpha2ToAlpha3, normaliseCountryName, resolveCountryName } from '../../../src/modules/import/formats/country-names';
import { sharedFile } from '../../support/shared-data';
import { readRecords, testContext } from './facility-harness';

const context = testContext();
const resolve = (name: string) => resolveCountryName(name, context);

describe('resolveCountryName', () => {
  it.each([
    ['Viet Nam', 'VNM'],
    ['Vietnam', 'VNM'],
    ['VIETNAM', 'VNM'],
    ['viet-nam', 'VNM'],
    ['  Viet   Nam ', 'VNM'],
    ['United States of America', 'USA'],
    ['USA', 'USA'],
    ['U.S.A.', 'USA'],
    ['China', 'CHN'],
    ['China Mainland', 'CHN'],
    ["People's Republic of China", 'CHN'],
    ['Korea, Republic of', 'KOR'],
    ['Korea (Republic of)', 'KOR'],
    ['Korea, Republic of (South Korea)', 'KOR'],
    ['South Korea', 'KOR'],
    ["Korea, Democratic People's Republic of", 'PRK'],
    ['Taiwan', 'TWN'],
    ['Taiwan, Province of China', 'TWN'],
    ['Hong Kong', 'HKG'],
    ['Moldova (Republic of)', 'MDA'],
    ['Moldova', 'MDA'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GBR'],
    ['United Kingdom', 'GBR'],
    ['Bosnia & Herzegovina', 'BIH'],
    ['Bosnia', 'BIH'],
    ['TURKEY', 'TUR'],
    ['Türkiye', 'TUR'],
    ["Côte d'Ivoire", 'CIV'],
    ['COTE D’IVOIRE', 'CIV'],
    ['The Gambia', 'GMB'],
    ['Gambia, The', 'GMB'],
    ['Netherlands (the)', 'NLD'],
    ['Congo', 'COG'],
    ['Congo (Democratic Republic of the)', 'COD'],
    ['Iran (Islamic Republic of)', 'IRN'],
    ['Tanzania, United Republic of', 'TZA'],
    ["Lao People's Democratic Republic", 'LAO'],
    ['Laos', 'LAO'],
    ['Myanmar (Burma)', 'MMR'],
    ['Czech Republic', 'CZE'],
    ['St. Lucia', 'LCA'],
    ['SRI LANKA', 'LKA'],
    ['EL SALVADOR', 'SLV'],
  ])('%s → %s', (name, code) => {
    expect(resolve(name)).toBe(code);
  });

  it.each([
    ['CN (Mondial code)', 'CHN'],
    ['RC (Mondial code)', 'TWN'],
    ['ES (Mondial code)', 'SLV'],
    ['CL (Mondial code)', 'CHL'],
    ['rok (mondial code)', 'KOR'],
  ])("reads VF's %s as %s", (name, code) => {
    expect(resolve(name)).toBe(code);
  });

  it.each(['Atlantis', '', '   ', 'ZZ (Mondial code)', 'ES', 'VN'])(
    'does not know %j (unknown, empty, or a bare code: codes are not names)',
    (name) => {
      expect(resolve(name)).toBeNull();
    },
  );

  it('answers only with countries of the context', () => {
    expect(resolveCountryName('Taiwan', { countries: new Set(['CHN']) })).toBeNull();
    expect(resolveCountryName('CN (Mondial code)', { countries: new Set(['TWN']) })).toBeNull();
  });

  it('normalises case, accents, punctuation, "&" and "the"', () => {
    expect(normaliseCountryName('  The BOSNIA & Herzegovina ')).toBe('bosnia and herzegovina');
    expect(normaliseCountryName("Côte d'Ivoire")).toBe('cote divoire');
  });

  it('aliases and Mondial codes point at real countries', () => {
    for (const code of [...Object.values(COUNTRY_ALIASES), ...Object.values(MONDIAL_CODES)]) expect(context.countries).toContain(code);
  });
});

describe('alpha2ToAlpha3', () => {
  it('maps ISO alpha-2 to alpha-3', () => {
    expect(alpha2ToAlpha3.get('VN')).toBe('VNM');
    expect(alpha2ToAlpha3.get('GB')).toBe('GBR');
    expect(alpha2ToAlpha3.get('TW')).toBe('TWN');
    expect(alpha2ToAlpha3.get('HK')).toBe('HKG');
    expect(alpha2ToAlpha3.size).toBeGreaterThanOrEqual(249);
  });
});

const NIKE_FILES = ['2021-02', '2023-08', '2025-06'].map((d) => `brands/nike_manufacturing_export_${d}.csv`);

describe('country names of the real files', () => {
  const nike = NIKE_FILES.map(sharedFile);
  (nike.every(Boolean) ? it : it.skip)('every Country / Region of the three Nike exports resolves', async () => {
    const names = new Set<string>();
    for (const file of nike) {
      const [, header, ...data] = await readRecords(file!);
      const column = header.fields.findIndex((f) => /^country ?\/ ?region$/i.test(f));
      for (const r of data) names.add(r.fields[column].trim());
    }
    expect(names.size).toBe(74);
    expect([...names].filter((n) => resolve(n) === null)).toEqual([]);
    // 74 spellings, 42 countries: "United States of America" / "USA", "Viet Nam" / "Vietnam", "TURKEY" / "Turkey"…
    expect(new Set([...names].map(resolve)).size).toBe(42);
  });

  const brands = sharedFile('brands/brand_disclosures_adidas_vf_puma_c2023.csv');
  (brands ? it : it.skip)("every country name of the adidas/VF/Puma file resolves to the row's own country_iso3", async () => {
    const [header, ...data] = await readRecords(brands!);
    const [name, iso3] = ['country', 'country_iso3'].map((c) => header.fields.indexOf(c));
    const disagreements = data
      .filter((r) => resolve(r.fields[name]) !== r.fields[iso3])
      .map((r) => `${r.line}: ${r.fields[name]} ≠ ${r.fields[iso3]}`);
    expect(disagreements).toEqual([]);
    expect(new Set(data.map((r) => r.fields[name])).size).toBe(102);
  });
});
