import { runImport } from '../../src/modules/import/run-import';
import { readCsvRows, sharedFile } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Rival overlap among Nike, adidas, VF and Puma at their c. 2023 disclosures (and Converse, which Nike,
 * Inc.'s file lists as a brand of its own), checked against a computation written here from the raw files:
 * the match rule re-implemented from its documented definition (facility-match.ts), the files' workers,
 * product types and supplier groups read as the importers document them.
 */
const nikeFile = sharedFile('brands/nike_manufacturing_export_2023-08.csv');
const genericFile = sharedFile('brands/brand_disclosures_adidas_vf_puma_c2023.csv');
const GENERIC_DATE = '2023-06-30';
const AS_OF = '2023-08-31';

// ---- The match rule, from its definition (steps 1–7 of facility-match.ts's documentation) ----
const PHRASES = ['JOINT STOCK', 'LIMITED LIABILITY', 'SOCIEDAD ANONIMA', 'SOCIEDADE ANONIMA', 'ANONIM SIRKETI', 'S DE RL DE CV', 'SA DE CV', 'S DE RL'].map(
  (p) => p.split(' '),
);
const FORMS = new Set(
  'AB AG AS BHD BV CO COMPANY CORP CORPORATION CV DOO GMBH INC INCORPORATED JSC KFT KG LIMITED LLC LLP LTD LTDA NV OOO OY PLC PRIVATE PT PTE PTY PVT SA SARL SAS SDN SL SLU SPA SRL SRO STI TBK'.split(' '),
);
function normalise(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/(?<![A-Z0-9])[A-Z](\.[A-Z])+(?![A-Z0-9])\.?/g, (m) => m.split('.').join(''))
    .replace(/['’ʼ`]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  const words = plain.split(' ').filter((w) => w !== '');
  const kept: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = PHRASES.find((p) => p.every((w, j) => words[i + j] === w));
    if (phrase) i += phrase.length;
    else {
      if (!FORMS.has(words[i])) kept.push(words[i]);
      i++;
    }
  }
  return kept.length === 0 ? plain : kept.join(' ');
}

// ---- The files' rows, read here ----
interface Row {
  brand: string;
  key: string;
  /** name|country|address as written (trimmed): the key without the normalisation. */
  rawKey: string;
  /** The same, only upper-cased with white space collapsed. */
  caseKey: string;
  type: string;
  min: number | null;
  max: number | null;
  group: string | null;
}
const TYPES: Record<string, string> = { apparel: 'APPAREL', footwear: 'FOOTWEAR', equipment: 'EQUIPMENT', gear: 'EQUIPMENT', 'hard goods': 'EQUIPMENT', materials: 'TEXTILES' };
const typeOf = (label: string) => label.split(',').map((l) => TYPES[l.trim().toLowerCase()] ?? 'OTHER').find((t) => t !== 'OTHER') ?? 'OTHER';
const count = (v: string) => (v.trim() === '' ? null : Number(v.trim().replace(/,/g, '')));
// Nike's country names as ISO alpha-3 (every name of the August 2023 file).
const NIKE_COUNTRIES: Record<string, string> = {
  USA: 'USA', Vietnam: 'VNM', Jordan: 'JOR', India: 'IND', Georgia: 'GEO', Turkey: 'TUR', China: 'CHN', Brazil: 'BRA', Nicaragua: 'NIC',
  Cambodia: 'KHM', Moldova: 'MDA', Japan: 'JPN', Honduras: 'HND', Italy: 'ITA', 'South Korea': 'KOR', Indonesia: 'IDN', 'Sri Lanka': 'LKA',
  Thailand: 'THA', Taiwan: 'TWN', Argentina: 'ARG', Guatemala: 'GTM', 'El Salvador': 'SLV', Egypt: 'EGY', Israel: 'ISR', Bulgaria: 'BGR',
  Mexico: 'MEX', Croatia: 'HRV', Malaysia: 'MYS', Pakistan: 'PAK', Spain: 'ESP', Canada: 'CAN', Netherlands: 'NLD', Bosnia: 'BIH',
  Lithuania: 'LTU', Philippines: 'PHL', 'South Africa': 'ZAF', France: 'FRA', 'United Kingdom': 'GBR',
};
const keys = (name: string, country: string, address: string) => ({
  key: `${normalise(name)}|${country}|${normalise(address)}`,
  rawKey: `${name.trim()}|${country}|${address.trim()}`,
  caseKey: `${name.replace(/\s+/g, ' ').trim().toUpperCase()}|${country}|${address.replace(/\s+/g, ' ').trim().toUpperCase()}`,
});

function readNike(file: string): Row[] {
  const [, header, ...rows] = readCsvRows(file);
  const at = (name: string) => header.findIndex((h) => h.trim() === name);
  const [name, type, brands, group, address, country, workers] = ['Factory Name', 'Product Type Type', 'Nike, Inc. Brand(s)', 'Supplier Group', 'Address', 'Country / Region', 'Total Workers'].map(at);
  return rows.flatMap((r) =>
    r[brands].split(',').map((b) => ({
      brand: b.trim().toUpperCase() === 'NIKE' ? 'Nike' : b.trim(),
      ...keys(r[name], NIKE_COUNTRIES[r[country].trim()], r[address]),
      type: typeOf(r[type]),
      min: count(r[workers]),
      max: count(r[workers]),
      group: r[group].trim() || null,
    })),
  );
}

function readGeneric(file: string): Row[] {
  const [header, ...rows] = readCsvRows(file);
  const c = Object.fromEntries(header.map((h, i) => [h.trim(), i]));
  return rows.map((r) => {
    const [total, lower, upper] = [r[c.total_workers], r[c.workers_lower], r[c.workers_upper]].map(count);
    // An exact total, else a band (Puma's "501–100" is 501–1000), else unknown.
    const band = lower !== null && upper !== null ? [lower, lower > upper ? upper * 10 : upper] : [null, null];
    const [min, max] = total !== null ? [total, total] : band;
    return {
      brand: r[c.brand].trim(),
      ...keys(r[c.factory_name], r[c.country_iso3].trim(), r[c.address]),
      type: typeOf(r[c.product_type]),
      min,
      max,
      group: r[c.parent_company_or_supplier_group].replace(/\s*-\s*supplier group$/i, '').trim() || null,
    };
  });
}

/** Per brand, per facility key: its product types and its weight (own rows' workers, else the facility's). */
type Sites = Map<string, Map<string, { types: Set<string>; cap: number | null; rows: Row[] }>>;
function sitesOf(rows: Row[], facilityWorkers: Map<string, Row>): Sites {
  const sites: Sites = new Map();
  for (const r of rows) {
    const own = sites.get(r.brand) ?? sites.set(r.brand, new Map()).get(r.brand)!;
    const site = own.get(r.key) ?? own.set(r.key, { types: new Set(), cap: null, rows: [] }).get(r.key)!;
    site.types.add(r.type);
    site.rows.push(r);
  }
  for (const own of sites.values())
    for (const [key, site] of own) {
      const mins = site.rows.map((r) => r.min).filter((v): v is number => v !== null);
      const maxs = site.rows.map((r) => r.max).filter((v): v is number => v !== null);
      const f = facilityWorkers.get(key)!;
      const [min, max] = mins.length > 0 ? [Math.min(...mins), Math.max(...maxs)] : [f.min, f.max];
      site.cap = min === null || max === null ? null : (min + max) / 2;
    }
  return sites;
}

(nikeFile && genericFile ? describe : describe.skip)('rival overlap on the c. 2023 disclosures of Nike, adidas, VF and Puma', () => {
  let app: TestApp;
  let ids: Map<string, number>;
  let sites: Sites;
  let rows: Row[];
  /** The facility's own workers as the importers keep them: Nike's (newer) first row, else the generic file's first. */
  const facilityRow = new Map<string, Row>();
  const owner = new Map<string, string | null>();

  beforeAll(async () => {
    app = await startTestApp();
    await runImport(app.running.db, { format: 'nike', files: [nikeFile!] });
    await runImport(app.running.db, { format: 'brand-disclosures', files: [genericFile!], disclosedAt: GENERIC_DATE });
    const brands = (await app.running.db.orm.em.fork().getConnection().execute('select id, name from brand')) as Array<{ id: number; name: string }>;
    ids = new Map(brands.map((b) => [b.name, Number(b.id)]));

    const nike = readNike(nikeFile!);
    const generic = readGeneric(genericFile!);
    rows = [...nike, ...generic];
    for (const r of nike) if (!facilityRow.has(r.key)) facilityRow.set(r.key, r);
    const genericFirst = new Map<string, Row>();
    for (const r of generic) if (!genericFirst.has(r.key)) genericFirst.set(r.key, r);
    for (const [key, r] of genericFirst) if (!facilityRow.has(key)) facilityRow.set(key, r);
    // The owner: the supplier group of the generic file's first row (loaded last, it wins when it names one), else Nike's.
    const ownerKey = (r: Row | undefined) => (r?.group ? normalise(r.group) || null : null);
    for (const key of facilityRow.keys()) owner.set(key, ownerKey(genericFirst.get(key)) ?? ownerKey(nike.find((r) => r.key === key)));
    sites = sitesOf(rows, facilityRow);
  });
  afterAll(() => app?.close());

  const gqlData = async <T>(query: string): Promise<T> => {
    const result = await app.raw(query);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };

  it('reads the files as the importers do: the same brands and facility counts', () => {
    expect([...sites.keys()].sort()).toEqual(['Converse', 'Nike', 'Puma', 'VF Corporation', 'adidas']);
    expect([...sites].map(([b, s]) => [b, s.size]).sort()).toEqual([
      ['Converse', 36],
      ['Nike', 607],
      ['Puma', 330],
      ['VF Corporation', 1464],
      ['adidas', 375],
    ]);
  });
});
