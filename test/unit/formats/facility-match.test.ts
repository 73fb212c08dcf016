import { brandDisclosureFormat } from '../../../src/modules/import/formats/brand-disclosures';
import {
  facilityMatchKey,
  manufacturerKey,
  normaliseName,
  type FacilityIdentity,
} from '../../../src/modules/import/formats/facility-match';
import { nikeDisclosureFormat } from '../../../src/modules/import/formats/nike';
import type { DisclosureRecord } from '../../../src/modules/import/types';
import { sharedFile } from '../../support/shared-data';
import { readRecords, runFormat } from './facility-harness';

const same = (a: FacilityIdentity, b: FacilityIdentity) => facilityMatchKey(a) === facilityMatchKey(b);

describe('normaliseName', () => {
  it.each([
    ['A & K DESIGNS, INC.', 'A AND K DESIGNS'],
    ['ACODE SPORTING GOODS CO., LTD', 'ACODE SPORTING GOODS'],
    ['Annora Vietnam Footwear Co.,Ltd', 'ANNORA VIETNAM FOOTWEAR'],
    ['PT. Holi Karya Sakti', 'HOLI KARYA SAKTI'],
    ['Der Will S.A.', 'DER WILL'],
    ['DER WILL SOCIEDAD ANONIMA', 'DER WILL'],
    ['Confecciones Del Valle,S.A. de C.V.', 'CONFECCIONES DEL VALLE'],
    ['CONG TIEN GARMENT JOINT STOCK COMPANY', 'CONG TIEN GARMENT'],
    ['Bodyline (Private) Limited BPL II', 'BODYLINE BPL II'],
    ['Diamant srl', 'DIAMANT'],
    ["King's embroidery Ltd.", 'KINGS EMBROIDERY'],
    ['Monseñor de Andrea 3333 - Villa de Mayo', 'MONSENOR DE ANDREA 3333 VILLA DE MAYO'],
    ['Lot C, Loc An – Binh Son Industrial Zone', 'LOT C LOC AN BINH SON INDUSTRIAL ZONE'],
    // Nothing but legal forms: keep the words rather than an empty key.
    ['Co., Ltd.', 'CO LTD'],
  ])('%s → %s', (text, expected) => {
    expect(normaliseName(text)).toBe(expected);
  });

  it('removes legal forms only as whole words', () => {
    expect(normaliseName('COSMO SPORTING')).toBe('COSMO SPORTING');
    expect(normaliseName('INCOTEX SAS TEXTILES')).toBe('INCOTEX TEXTILES');
    expect(normaliseName('PTL Garments')).toBe('PTL GARMENTS');
  });
});

describe('facilityMatchKey', () => {
  it('is name | country | address, normalised', () => {
    expect(facilityMatchKey({ name: 'A & K Designs, Inc.', country: 'USA', address: '8564 NE Alderwood Road' })).toBe(
      'A AND K DESIGNS|USA|8564 NE ALDERWOOD ROAD',
    );
    expect(facilityMatchKey({ name: 'Factory', country: 'vnm', address: null })).toBe('FACTORY|VNM|');
  });

  // Real pairs: Nike's 2021 export (upper case) and its 2023 export (title case), lines 3/3, 6/10, 8/12.
  it.each<[FacilityIdentity, FacilityIdentity]>([
    [
      { name: 'A & K DESIGNS, INC.', country: 'USA', address: '8564 NE ALDERWOOD ROAD' },
      { name: 'A & K Designs, Inc.', country: 'USA', address: '8564 NE Alderwood Road' },
    ],
    [
      { name: 'AJARA TEXTILE LTD', country: 'GEO', address: '31 MOTSERELIA STR.' },
      { name: 'Ajara Textile Ltd', country: 'GEO', address: '31 Motserelia Str' },
    ],
    [
      { name: 'ALMAXTEX TEKSTIL SANAYI VE TICARET A.S.', country: 'TUR', address: 'KARAPINAR MAH. ANKARA YOLU CAD.' },
      { name: 'Almaxtex Tekstil Sanayi ve Ticaret A.S.', country: 'TUR', address: 'Karapinar Mah Ankara Yolu Cad' },
    ],
    [
      { name: 'BODYLINE PVT LIMITED BPL II', country: 'LKA', address: 'KALAWELLAWA ROAD' },
      { name: 'Bodyline (Private) Limited BPL II', country: 'LKA', address: 'Kalawellawa Road' },
    ],
    [
      { name: 'CHANG SHIN VIETNAM CO., LTD', country: 'VNM', address: 'LOT C, LOC AN – BINH SON INDUSTRIAL ZONE' },
      { name: 'CHANG SHIN VIETNAM CO., LTD', country: 'VNM', address: 'Lot C Loc An Binh Son Industrial Zone' },
    ],
    // Across brands: adidas (line 3 of the adidas/VF/Puma file) and Nike 2023.
    [
      { name: 'DER WILL SOCIEDAD ANONIMA', country: 'ARG', address: 'Monseñor de Andrea 3333 Villa de Mayo ' },
      { name: 'Der Will S.A.', country: 'ARG', address: 'Monsenor de Andrea 3333 Villa de Mayo' },
    ],
    // Across brands: adidas and VF in the same file.
    [
      { name: "King's embroidery Ltd.", country: 'CAN', address: '225 Nugget Ave, Unit 8 & 9' },
      { name: 'KingS Embroidery Ltd.', country: 'CAN', address: '225 Nugget Ave, Unit 8 & 9' },
    ],
  ])('matches %j and %j', (a, b) => {
    expect(same(a, b)).toBe(true);
  });

  it.each<[string, FacilityIdentity, FacilityIdentity]>([
    [
      'two plants of one supplier (adidas lines 233 and 234)',
      {
        name: 'Bago Sports Gloves Co., Ltd',
        country: 'MMR',
        address: 'Plot-32, Bago-Tite Kyi Road Foreign Industrial Area Nyang Inn Village',
      },
      {
        name: 'BAGO SPORTS GLOVES COMPANY LIMITED',
        country: 'MMR',
        address: 'WARD NO. (9), BAGO OAKTHAR MYOTHIT PLOT NO.(42), LOCAL INDUSTRIAL ZONE BAGO TOWNSHIP',
      },
    ],
    [
      'one name and address in two countries (made up from Nike 2021 line 125)',
      { name: 'FORMOSA TAFFETA CO., LTD', country: 'TWN', address: '317 SHU LIU RD.' },
      { name: 'FORMOSA TAFFETA CO., LTD', country: 'VNM', address: '317 SHU LIU RD.' },
    ],
    [
      'an address rewritten between years (Nike ACode, 2021 vs 2023)',
      { name: 'ACODE SPORTING GOODS CO., LTD', country: 'VNM', address: '32 VSIIP-A DUONG31' },
      { name: 'ACode Sporting Goods Co., Ltd.', country: 'VNM', address: 'No 32 VSIP II A Street 31' },
    ],
    [
      'a renamed facility (Nike 2023 "Ajara Textile Ltd" vs 2025 "Ajara Textile Ltd (Poti)")',
      { name: 'Ajara Textile Ltd', country: 'GEO', address: '31 Motserelia Str' },
      { name: 'Ajara Textile Ltd (Poti)', country: 'GEO', address: '31 Motserelia Str' },
    ],
    [
      'words run together in the source (adidas vs Puma, Dongguan Bacui Knitwear)',
      { name: 'Dongguan Bacui Knitwear Co. Ltd', country: 'CHN', address: 'No.5, Pingding Road Changping Town' },
      { name: 'Dongguan Bacui Knitwear Co. Ltd', country: 'CHN', address: 'No.5, Pingding RoadChangping Town' },
    ],
    [
      'an address against none',
      { name: 'Der Will S.A.', country: 'ARG', address: 'Monsenor de Andrea 3333 Villa de Mayo' },
      { name: 'Der Will S.A.', country: 'ARG', address: null },
    ],
  ])('keeps apart %s', (_why, a, b) => {
    expect(same(a, b)).toBe(false);
  });
});

describe('manufacturerKey', () => {
  it('equates supplier groups written differently', () => {
    expect(manufacturerKey('ECLAT TEXTILE CO., LTD.')).toBe(manufacturerKey('Eclat Textile Co Ltd'));
    expect(manufacturerKey('Crystal SL Global Pte Ltd.')).toBe(manufacturerKey('CRYSTAL SL GLOBAL PTE LTD'));
    expect(manufacturerKey('Grupo Dass')).not.toBe(manufacturerKey('Dass'));
  });
});

describe('the rule on the real files', () => {
  const files = {
    nike2021: sharedFile('brands/nike_manufacturing_export_2021-02.csv'),
    nike2023: sharedFile('brands/nike_manufacturing_export_2023-08.csv'),
    nike2025: sharedFile('brands/nike_manufacturing_export_2025-06.csv'),
    brands: sharedFile('brands/brand_disclosures_adidas_vf_puma_c2023.csv'),
  };
  const keysOf = async (file: string, format = nikeDisclosureFormat) => {
    const rows = runFormat(format, await readRecords(file)).rows;
    return new Map(
      rows.map(({ line, row }) => [
        facilityMatchKey({ name: row.facilityName, country: row.country, address: row.address }),
        { line, row },
      ]),
    );
  };

  (Object.values(files).every(Boolean) ? it : it.skip)('finds the same factories across years and brands', async () => {
    const k2021 = await keysOf(files.nike2021!);
    const k2023 = await keysOf(files.nike2023!);
    const k2025 = await keysOf(files.nike2025!);
    // No two rows of one Nike export share a key: one row per facility.
    expect([k2021.size, k2023.size, k2025.size]).toEqual([498, 643, 666]);
    const common = (a: Map<string, unknown>, b: Map<string, unknown>) => [...a.keys()].filter((k) => b.has(k));
    expect(common(k2021, k2023)).toHaveLength(203);
    expect(common(k2023, k2025)).toHaveLength(474);
    // The 2021 upper-case A & K Designs (line 3) is 2023's title-case one (line 3).
    const ak = common(k2021, k2023).find((k) => k.startsWith('A AND K DESIGNS|'))!;
    expect([k2021.get(ak)!.line, k2021.get(ak)!.row.facilityName]).toEqual([3, 'A & K DESIGNS, INC.']);
    expect([k2023.get(ak)!.line, k2023.get(ak)!.row.facilityName]).toEqual([3, 'A & K Designs, Inc.']);

    const brandRows = runFormat(brandDisclosureFormat, await readRecords(files.brands!)).rows;
    const byKey = new Map<string, DisclosureRecord[]>();
    for (const { row } of brandRows) {
      const key = facilityMatchKey({ name: row.facilityName, country: row.country, address: row.address });
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    expect([...byKey.values()].filter((rows) => new Set(rows.map((r) => r.brand)).size > 1)).toHaveLength(38);
    expect([...byKey.keys()].filter((k) => k2023.has(k))).toHaveLength(11);
  });
});
