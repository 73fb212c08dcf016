import { runImport } from '../../src/modules/import/run-import';
import { rivalOverlap as referenceOverlap, type OverlapLink } from '../../src/modules/metrics/overlap';
import { parseCsv as readCsvText } from '../support/csv';
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
const PHRASES = [
  'JOINT STOCK',
  'LIMITED LIABILITY',
  'SOCIEDAD ANONIMA',
  'SOCIEDADE ANONIMA',
  'ANONIM SIRKETI',
  'S DE RL DE CV',
  'SA DE CV',
  'S DE RL',
].map((p) => p.split(' '));
const FORMS = new Set(
  'AB AG AS BHD BV CO COMPANY CORP CORPORATION CV DOO GMBH INC INCORPORATED JSC KFT KG LIMITED LLC LLP LTD LTDA NV OOO OY PLC PRIVATE PT PTE PTY PVT SA SARL SAS SDN SL SLU SPA SRL SRO STI TBK'.split(
    ' ',
  ),
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
  for (let i = 0; i < words.length;) {
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
  /** normalise(name)|country: the rule without the address. */
  nameKey: string;
  type: string;
  min: number | null;
  max: number | null;
  group: string | null;
}
const TYPES: Record<string, string> = {
  apparel: 'APPAREL',
  footwear: 'FOOTWEAR',
  equipment: 'EQUIPMENT',
  gear: 'EQUIPMENT',
  'hard goods': 'EQUIPMENT',
  materials: 'TEXTILES',
};
const typeOf = (label: string) =>
  label
    .split(',')
    .map((l) => TYPES[l.trim().toLowerCase()] ?? 'OTHER')
    .find((t) => t !== 'OTHER') ?? 'OTHER';
const count = (v: string) => (v.trim() === '' ? null : Number(v.trim().replace(/,/g, '')));
// Nike's country names as ISO alpha-3 (every name of the August 2023 file).
const NIKE_COUNTRIES: Record<string, string> = {
  USA: 'USA',
  Vietnam: 'VNM',
  Jordan: 'JOR',
  India: 'IND',
  Georgia: 'GEO',
  Turkey: 'TUR',
  China: 'CHN',
  Brazil: 'BRA',
  Nicaragua: 'NIC',
  Cambodia: 'KHM',
  Moldova: 'MDA',
  Japan: 'JPN',
  Honduras: 'HND',
  Italy: 'ITA',
  'South Korea': 'KOR',
  Indonesia: 'IDN',
  'Sri Lanka': 'LKA',
  Thailand: 'THA',
  Taiwan: 'TWN',
  Argentina: 'ARG',
  Guatemala: 'GTM',
  'El Salvador': 'SLV',
  Egypt: 'EGY',
  Israel: 'ISR',
  Bulgaria: 'BGR',
  Mexico: 'MEX',
  Croatia: 'HRV',
  Malaysia: 'MYS',
  Pakistan: 'PAK',
  Spain: 'ESP',
  Canada: 'CAN',
  Netherlands: 'NLD',
  Bosnia: 'BIH',
  Lithuania: 'LTU',
  Philippines: 'PHL',
  'South Africa': 'ZAF',
  France: 'FRA',
  'United Kingdom': 'GBR',
};
const keys = (name: string, country: string, address: string) => ({
  key: `${normalise(name)}|${country}|${normalise(address)}`,
  nameKey: `${normalise(name)}|${country}`,
  rawKey: `${name.trim()}|${country}|${address.trim()}`,
  caseKey: `${name.replace(/\s+/g, ' ').trim().toUpperCase()}|${country}|${address.replace(/\s+/g, ' ').trim().toUpperCase()}`,
});

function readNike(file: string): Row[] {
  const [, header, ...rows] = readCsvRows(file);
  const at = (name: string) => header.findIndex((h) => h.trim() === name);
  const [name, type, brands, group, address, country, workers] = [
    'Factory Name',
    'Product Type Type',
    'Nike, Inc. Brand(s)',
    'Supplier Group',
    'Address',
    'Country / Region',
    'Total Workers',
  ].map(at);
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
    const brands = (await app.running.db.orm.em.fork().getConnection().execute('select id, name from brand')) as Array<{
      id: number;
      name: string;
    }>;
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

  it("makes one facility of the files' factories as the match rule (written here from its definition) does", async () => {
    const [{ n }] = (await app.running.db.orm.em.fork().getConnection().execute('select count(*)::int as n from facility')) as Array<{
      n: number;
    }>;
    expect(n).toBe(new Set(rows.map((r) => r.key)).size);
  });

  /** The independent rival overlap of `brand` (METRICS.md, "Shared facilities", "Overlap share and Jaccard"). */
  const expectedOverlap = (brand: string) => {
    const own = sites.get(brand)!;
    const capacity = [...own.values()].reduce((a, s) => a + (s.cap ?? 0), 0);
    return [...sites]
      .filter(([rival]) => rival !== brand)
      .map(([rival, theirs]) => {
        const shared = [...own.keys()].filter((k) => theirs.has(k));
        const sharedCapacity = shared.reduce((a, k) => a + (own.get(k)!.cap ?? 0), 0);
        return {
          rival,
          sharedFacilities: shared.length,
          sameTypeShared: shared.filter((k) => [...own.get(k)!.types].some((t) => theirs.get(k)!.types.has(t))).length,
          sharedCapacity,
          sharedUnknownCapacity: shared.filter((k) => own.get(k)!.cap === null).length,
          overlapShare: sharedCapacity / capacity,
          jaccard: shared.length / (own.size + theirs.size - shared.length),
        };
      })
      .filter((r) => r.sharedFacilities > 0)
      .sort((a, b) => b.sharedFacilities - a.sharedFacilities || ids.get(a.rival)! - ids.get(b.rival)!)
      .slice(0, 10);
  };

  type Overlap = {
    name: string;
    rivalOverlap: {
      asOf: string;
      facilities: number;
      capacity: number;
      unknownCapacity: number;
      rivalCount: number;
      rivals: Array<{
        rank: number;
        sharedFacilities: number;
        sameTypeShared: number;
        sharedCapacity: number;
        sharedUnknownCapacity: number;
        overlapShare: number;
        jaccard: number;
        rival: { name: string };
        facilities: Array<{ id: string }>;
      }>;
    };
  };
  const OVERLAP = `rivalOverlap(asOf: "${AS_OF}", first: 10) { asOf facilities capacity unknownCapacity rivalCount
    rivals { rank sharedFacilities sameTypeShared sharedCapacity sharedUnknownCapacity overlapShare jaccard rival { name } facilities(first: 100) { id } } }`;

  it("gives every brand's overlap with each rival as computed from the files, in one statement for all brands", async () => {
    await gqlData(`{ brands(first: 1) { nodes { name ${OVERLAP} } } }`); // reads the catalog once
    app.resetQueryCount();
    await gqlData(`{ brands(first: 2) { nodes { name ${OVERLAP} } } }`);
    const twoBrands = app.queryCount();
    app.resetQueryCount();
    const data = await gqlData<{ brands: { nodes: Overlap[] } }>(`{ brands(first: 10) { nodes { name ${OVERLAP} } } }`);
    // Brands, rival overlap, rival brands, facilities: one statement each, whatever the number of brands.
    expect(app.queryCount()).toBe(twoBrands);
    expect(twoBrands).toBe(4);
    expect(data.brands.nodes).toHaveLength(5);
    for (const { name, rivalOverlap } of data.brands.nodes) {
      const own = sites.get(name)!;
      expect(rivalOverlap).toMatchObject({
        asOf: name === 'Nike' || name === 'Converse' ? '2023-08-01' : GENERIC_DATE,
        facilities: own.size,
        unknownCapacity: [...own.values()].filter((s) => s.cap === null).length,
      });
      expect(rivalOverlap.capacity).toBeCloseTo(
        [...own.values()].reduce((a, s) => a + (s.cap ?? 0), 0),
        6,
      );
      const expected = expectedOverlap(name);
      expect(rivalOverlap.rivalCount).toBe(expected.length);
      expect(rivalOverlap.rivals.map((r) => ({ ...r, rival: r.rival.name, facilities: r.facilities.length }))).toEqual(
        expected.map((e, i) => ({
          ...e,
          rank: i + 1,
          facilities: Math.min(e.sharedFacilities, 100),
          overlapShare: expect.closeTo(e.overlapShare, 12),
          jaccard: expect.closeTo(e.jaccard, 12),
          sharedCapacity: expect.closeTo(e.sharedCapacity, 6),
        })),
      );
    }
  });

  it('restricts every brand to the facilities of a product type as the reference function does on the files', async () => {
    // The reference function (src/modules/metrics/overlap.ts) over links built here from the files' rows.
    const links: OverlapLink[] = [...sites].flatMap(([brand, own]) =>
      [...own].flatMap(([facility, site]) => [...site.types].map((productType) => ({ brand, facility, productType, capacity: site.cap }))),
    );
    for (const type of ['APPAREL', 'FOOTWEAR']) {
      const data = await gqlData<{ brands: { nodes: Overlap[] } }>(
        `{ brands(first: 10) { nodes { name rivalOverlap(asOf: "${AS_OF}", productType: "${type}", first: 10) { asOf facilities capacity unknownCapacity rivalCount
           rivals { rank sharedFacilities sameTypeShared sharedCapacity sharedUnknownCapacity overlapShare jaccard rival { name } } } } } }`,
      );
      for (const { name, rivalOverlap } of data.brands.nodes) {
        const expected = referenceOverlap(links, name, type).sort((a, b) => b.shared - a.shared || ids.get(a.rival)! - ids.get(b.rival)!);
        expect([name, type, rivalOverlap.facilities]).toEqual([
          name,
          type,
          [...sites.get(name)!.values()].filter((s) => s.types.has(type)).length,
        ]);
        expect(
          rivalOverlap.rivals.map((r) => [r.rival.name, r.sharedFacilities, r.sameTypeShared, r.sharedCapacity, r.sharedUnknownCapacity]),
        ).toEqual(expected.map((e) => [e.rival, e.shared, e.sameTypeShared, expect.closeTo(e.sharedCapacity, 6), e.sharedUnknownCapacity]));
        rivalOverlap.rivals.forEach((r, i) => {
          expect(r.overlapShare).toBeCloseTo(expected[i].overlapShare!, 12);
          expect(r.jaccard).toBeCloseTo(expected[i].jaccard, 12);
        });
      }
    }
  });

  it("pins the real findings: the facilities Nike shares with adidas, Puma and VF, and what the match rule's normalisation decides", async () => {
    const nike = (await gqlData<{ brand: Overlap }>(`{ brand(id: "${ids.get('Nike')}") { name ${OVERLAP} } }`)).brand.rivalOverlap;
    const of = (name: string) => nike.rivals.find((r) => r.rival.name === name)!;
    const found = Object.fromEntries(
      ['adidas', 'Puma', 'VF Corporation', 'Converse'].map((b) => [
        b,
        [
          of(b)?.sharedFacilities ?? 0,
          of(b)?.sameTypeShared ?? 0,
          Number((of(b)?.overlapShare ?? 0).toFixed(4)),
          Number((of(b)?.jaccard ?? 0).toFixed(4)),
        ],
      ]),
    );
    // How many of Nike's shared facilities exist only through the normalisation: the same pairs keyed by the
    // name, country and address as written, and then only upper-cased with white space collapsed.
    const nikeRows = rows.filter((r) => r.brand === 'Nike');
    const decided = Object.fromEntries(
      ['adidas', 'Puma', 'VF Corporation'].map((b) => {
        const theirs = rows.filter((r) => r.brand === b);
        const sharedBy = (k: 'key' | 'rawKey' | 'caseKey' | 'nameKey') => {
          const mine = new Set(nikeRows.map((r) => r[k]));
          return new Set(theirs.map((r) => r[k]).filter((v) => mine.has(v))).size;
        };
        return [
          b,
          { rule: sharedBy('key'), asWritten: sharedBy('rawKey'), caseAndSpaces: sharedBy('caseKey'), nameAndCountry: sharedBy('nameKey') },
        ];
      }),
    );
    expect(decided.adidas.rule).toBe(of('adidas').sharedFacilities);
    // Nike at August 2023: 1 facility with adidas, 2 with Puma (1 of the same type), 6 with VF (2 of the same
    // type), none with Converse; each a tiny share of Nike's capacity.
    expect(found).toEqual({
      adidas: [1, 0, 0.0002, 0.001],
      Puma: [2, 1, 0.005, 0.0021],
      'VF Corporation': [6, 2, 0.0045, 0.0029],
      Converse: [0, 0, 0, 0],
    });
    // Not one of the 9 is spelled alike by both brands (not even up to case and spacing): every match is the
    // normalisation's. Matching by normalised name and country alone would find 24, 20 and 32: addresses
    // written differently keep most shared factories apart, so overlap is a lower bound.
    expect(decided).toEqual({
      adidas: { rule: 1, asWritten: 0, caseAndSpaces: 0, nameAndCountry: 24 },
      Puma: { rule: 2, asWritten: 0, caseAndSpaces: 0, nameAndCountry: 20 },
      'VF Corporation': { rule: 6, asWritten: 0, caseAndSpaces: 0, nameAndCountry: 32 },
    });
  });

  /** Independent leakage exposure of `brand` at FACILITY or MANUFACTURER level (METRICS.md, "Leakage exposure"). */
  const expectedLeakage = (brand: string, level: 'FACILITY' | 'MANUFACTURER', notRival?: string) => {
    const placeOf = (key: string) => (level === 'FACILITY' ? key : (owner.get(key) ?? `facility:${key}`));
    const typesAt = (b: string) => {
      const at = new Map<string, Set<string>>();
      for (const [key, site] of sites.get(b)!) {
        const types = at.get(placeOf(key)) ?? at.set(placeOf(key), new Set()).get(placeOf(key))!;
        site.types.forEach((t) => types.add(t));
      }
      return at;
    };
    const mine = typesAt(brand);
    const rivals = new Set<string>();
    const exposed = new Set<string>();
    for (const rival of sites.keys()) {
      if (rival === brand || rival === notRival) continue;
      for (const [place, types] of typesAt(rival))
        if ([...(mine.get(place) ?? [])].some((t) => types.has(t))) {
          exposed.add(place);
          rivals.add(rival);
        }
    }
    const own = [...sites.get(brand)!];
    const hit = own.filter(([key]) => exposed.has(placeOf(key))).map(([, s]) => s);
    const capacity = own.reduce((a, [, s]) => a + (s.cap ?? 0), 0);
    const exposedCapacity = hit.reduce((a, s) => a + (s.cap ?? 0), 0);
    return {
      facilities: own.length,
      participants: mine.size,
      unknownCapacity: own.filter(([, s]) => s.cap === null).length,
      exposedFacilities: hit.length,
      exposedParticipants: exposed.size,
      exposedUnknownCapacity: hit.filter((s) => s.cap === null).length,
      rivals: rivals.size,
      capacity,
      exposedCapacity,
      share: exposedCapacity / capacity,
    };
  };

  it.each(['FACILITY', 'MANUFACTURER'] as const)(
    'gives every brand the leakage exposure computed from the files at %s level',
    async (level) => {
      const data = await gqlData<{ brands: { nodes: Array<{ name: string; leakageExposure: Record<string, number> }> } }>(
        `{ brands(first: 10) { nodes { name leakageExposure(asOf: "${AS_OF}", level: ${level}) { level facilities participants capacity unknownCapacity
         exposedFacilities exposedParticipants exposedCapacity exposedUnknownCapacity share rivals } } } }`,
      );
      const found: Record<string, unknown> = {};
      for (const { name, leakageExposure } of data.brands.nodes) {
        const e = expectedLeakage(name, level);
        expect(leakageExposure).toEqual({
          ...e,
          level,
          capacity: expect.closeTo(e.capacity, 6),
          exposedCapacity: expect.closeTo(e.exposedCapacity, 6),
          share: expect.closeTo(e.share, 12),
        });
        found[name] = [leakageExposure.exposedFacilities, leakageExposure.exposedParticipants, Number(leakageExposure.share.toFixed(4))];
      }
      // The real findings [exposed facilities, exposed places, share of capacity]. Converse counts as Nike's rival
      // (a brand of its own); at MANUFACTURER level most of Converse's exposure is Nike's own supplier groups.
      expect(found).toEqual(
        level === 'FACILITY'
          ? {
              Converse: [1, 1, 0.0016],
              Nike: [3, 3, 0.0035],
              Puma: [16, 16, 0.0753],
              'VF Corporation': [32, 32, 0.1063],
              adidas: [27, 27, 0.1249],
            }
          : {
              Converse: [11, 4, 0.5309],
              Nike: [59, 20, 0.1341],
              Puma: [59, 41, 0.2526],
              'VF Corporation': [97, 39, 0.2227],
              adidas: [91, 46, 0.415],
            },
      );
      if (level === 'MANUFACTURER') {
        const withoutConverse = expectedLeakage('Nike', level, 'Converse');
        // Without Converse as a rival (the API does not leave brands of one parent out): 53 facilities at 18 manufacturers, 9.66 %.
        expect([withoutConverse.exposedFacilities, withoutConverse.exposedParticipants, Number(withoutConverse.share.toFixed(4))]).toEqual([
          53, 18, 0.0966,
        ]);
      }
    },
  );

  it('lays out the overlap network of each product type as the files give it, nodes and edges as flat rows', async () => {
    const found: Record<string, unknown[]> = {};
    for (const type of ['FOOTWEAR', 'APPAREL', null]) {
      const data = await gqlData<{
        overlapNetwork: {
          nodeCount: number;
          pairCount: number;
          nodes: Array<{ brandName: string; facilities: number }>;
          pairs: Array<{
            brandAName: string;
            brandBName: string;
            sharedFacilities: number;
            sharedCapacity: number;
            sharedUnknownCapacity: number;
          }>;
        };
      }>(
        `{ overlapNetwork(asOf: "${AS_OF}"${type ? `, productType: "${type}"` : ''}) { nodeCount pairCount nodes { brandName facilities }
           pairs { brandAName brandBName sharedFacilities sharedCapacity sharedUnknownCapacity } } }`,
      );
      const ofType = new Map(
        [...sites].map(([b, own]) => [b, new Set([...own].filter(([, s]) => type === null || s.types.has(type)).map(([k]) => k))]),
      );
      const brands = [...ofType].filter(([, f]) => f.size > 0).map(([b]) => b);
      const edges = brands
        .flatMap((a) => brands.filter((b) => ids.get(a)! < ids.get(b)!).map((b) => [a, b]))
        .map(([a, b]) => {
          const shared = [...ofType.get(a)!].filter((k) => ofType.get(b)!.has(k));
          const caps = shared.map((k) => facilityRow.get(k)!).map((r) => (r.min === null || r.max === null ? null : (r.min + r.max) / 2));
          return {
            brandAName: a,
            brandBName: b,
            sharedFacilities: shared.length,
            sharedCapacity: caps.reduce<number>((x, c) => x + (c ?? 0), 0),
            sharedUnknownCapacity: caps.filter((c) => c === null).length,
          };
        })
        .filter((e) => e.sharedFacilities > 0)
        .sort(
          (x, y) =>
            y.sharedFacilities - x.sharedFacilities ||
            ids.get(x.brandAName)! - ids.get(y.brandAName)! ||
            ids.get(x.brandBName)! - ids.get(y.brandBName)!,
        );
      const net = data.overlapNetwork;
      expect(net.nodeCount).toBe(brands.length);
      expect(net.nodes.map((n) => [n.brandName, n.facilities]).sort()).toEqual(brands.map((b) => [b, ofType.get(b)!.size]).sort());
      expect(net.pairCount).toBe(edges.length);
      expect(net.pairs).toEqual(edges.map((e) => ({ ...e, sharedCapacity: expect.closeTo(e.sharedCapacity, 6) })));
      found[String(type)] = net.pairs.map((e) => [e.brandAName, e.brandBName, e.sharedFacilities]);
    }
    // The real network: VF and adidas share the most factories; Nike's ties are few.
    expect(found).toEqual({
      FOOTWEAR: [
        ['Converse', 'VF Corporation', 1],
        ['Puma', 'VF Corporation', 1],
        ['VF Corporation', 'adidas', 1],
      ],
      APPAREL: [
        ['VF Corporation', 'adidas', 14],
        ['Puma', 'VF Corporation', 4],
        ['Puma', 'adidas', 4],
        ['Nike', 'VF Corporation', 2],
        ['Nike', 'Puma', 1],
      ],
      null: [
        ['VF Corporation', 'adidas', 21],
        ['Puma', 'VF Corporation', 10],
        ['Puma', 'adidas', 9],
        ['Nike', 'VF Corporation', 6],
        ['Converse', 'VF Corporation', 2],
        ['Nike', 'Puma', 2],
        ['Nike', 'adidas', 1],
      ],
    });
  });

  it('exports the network edges (pairs) as CSV through GET /csv', async () => {
    const query = `{ overlapNetwork(asOf: "${AS_OF}") { pairs { brandAId brandAName brandBId brandBName sharedFacilities sharedCapacity } } }`;
    const json = await gqlData<{ overlapNetwork: { pairs: Array<Record<string, unknown>> } }>(query);
    const response = await fetch(`${app.baseUrl}/csv?query=${encodeURIComponent(query)}`);
    expect([response.status, response.status === 200 ? '' : await response.text()]).toEqual([200, '']);
    const [header, ...lines] = readCsvText(await response.text());
    // The selected columns, then the provenance columns every export carries (no trade dataset here: empty).
    expect(header).toEqual([
      'brandAId',
      'brandAName',
      'brandBId',
      'brandBName',
      'sharedFacilities',
      'sharedCapacity',
      'dataset.id',
      'dataset.name',
      'dataset.version',
    ]);
    expect(lines.every((l) => l.slice(6).every((v) => v === ''))).toBe(true);
    expect(lines.map((l) => [l[1], l[3], Number(l[4])])).toEqual(
      json.overlapNetwork.pairs.map((e) => [e.brandAName, e.brandBName, e.sharedFacilities]),
    );
  });

  it('refuses an unknown product type and a minShared below 1, never an empty answer that looks like data', async () => {
    const unknown = await app.raw(`{ overlapNetwork(productType: "SHOES") { pairCount } }`);
    expect(unknown.errors![0].extensions!.code).toBe('UNKNOWN_PRODUCT_TYPE');
    const brand = await app.raw(`{ brand(id: "${ids.get('Nike')}") { rivalOverlap(productType: "shoes") { rivalCount } } }`);
    expect(brand.errors![0].extensions!.code).toBe('UNKNOWN_PRODUCT_TYPE');
    const tooMany = await app.raw(`{ brand(id: "${ids.get('Nike')}") { rivalOverlap(first: 1001) { rivalCount } } }`);
    expect(tooMany.errors![0].extensions!.code).toBe('PAGE_SIZE_TOO_LARGE');
    // first: 0 lists no rival and still counts them all (adidas, Puma, VF).
    const none = await gqlData<{ brand: { rivalOverlap: { rivalCount: number; rivals: unknown[] } } }>(
      `{ brand(id: "${ids.get('Nike')}") { rivalOverlap(asOf: "${AS_OF}", first: 0) { rivalCount rivals { rank } } } }`,
    );
    expect(none.brand.rivalOverlap).toEqual({ rivalCount: 3, rivals: [] });
    const zero = await app.raw(`{ overlapNetwork(minShared: 0) { pairCount } }`);
    expect(zero.errors![0].extensions!.code).toBe('INVALID_ARGUMENT');
  });
});
