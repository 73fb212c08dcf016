import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../../src/modules/import/run-import';
import {
  ComplementarityDocument,
  CountryProfilesDocument,
  CountryProfileTradeDocument,
  CountryTradeCountsDocument,
  ExportMarketPenetrationDocument,
  StrategicDependenciesDocument,
  TradeIntensityDocument,
} from '../generated/graphql';
import { parseCsv } from '../support/csv';
import { readCsv, sharedFile } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The WITS country indicators through the API on the real samples loaded by the product's importers, checked
 * against sums written here from the raw files. Both samples are small worlds: the BACI extract holds the
 * exports of AFG and ZAF alone (X_w = their exports, the importers of a product = their customers), the Thai
 * Comtrade file Thailand's trade in four HS-6 products with its partners (X_w = that trade).
 */

const baciFile = sharedFile('trade/BACI_HS92_Y2021_V202301_exporters_AFG_ZAF.csv');
const baciCountries = sharedFile('trade/BACI_country_codes_V202301.csv');
const thaFile = sharedFile('trade/comtrade_tha_hs030613_2007-2011.csv');

interface Flow {
  year: number;
  e: string;
  i: string;
  k: string;
  v: number;
}

/** BACI rows as the format documents them: thousand USD, numeric codes by the country table (490 is Taiwan), HS-6 with leading zeros. */
function baciFlows(): Flow[] {
  const iso = new Map(readCsv(baciCountries!).map((r) => [r.country_code, r.country_code === '490' ? 'TWN' : r.iso_3digit_alpha]));
  return readCsv(baciFile!)
    .map((r) => ({ year: Number(r.t), e: iso.get(r.i)!, i: iso.get(r.j)!, k: r.k.padStart(6, '0'), v: Number(r.v) * 1000 }))
    .filter((f) => /^[A-Z]{3}$/.test(f.i) && f.e !== f.i);
}

/** Comtrade rows: X leaves the reporter, M arrives; re-imports, areas ("_X") and Thailand with itself out; S19 is Taiwan. */
function thaFlows(): Flow[] {
  return readCsv(thaFile!)
    .filter((r) => (r.flow_code === 'X' || r.flow_code === 'M') && /^[A-Z0-9]{3}$/.test(r.partner_iso))
    .map((r) => {
      const partner = r.partner_iso === 'S19' ? 'TWN' : r.partner_iso;
      const [e, i] = r.flow_code === 'X' ? [r.reporter_iso, partner] : [partner, r.reporter_iso];
      return { year: Number(r.ref_year), e, i, k: r.cmd_code, v: Number(r.primary_value) };
    })
    .filter((f) => f.e !== f.i);
}

const total = (flows: Flow[]) => flows.reduce((s, f) => s + f.v, 0);
function byKey(flows: Flow[], key: (f: Flow) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of flows) m.set(key(f), (m.get(key(f)) ?? 0) + f.v);
  return m;
}
const largest = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

/** Independent figures from the raw flows of one year. */
function ti(flows: Flow[], c: string, p: string) {
  const xw = total(flows);
  const xc = total(flows.filter((f) => f.e === c));
  const xwp = total(flows.filter((f) => f.i === p));
  const xcp = total(flows.filter((f) => f.e === c && f.i === p));
  return { xcp, xc, xwp, xw, index: xcp / xc / (xwp / xw) };
}
function complementarityOf(flows: Flow[], c: string, p: string, level: number) {
  const shares = (rows: Flow[]) => {
    const m = byKey(rows, (f) => f.k.slice(0, level));
    const t = total(rows);
    return new Map([...m].map(([k, v]) => [k, v / t]));
  };
  const x = shares(flows.filter((f) => f.e === c));
  const m = shares(flows.filter((f) => f.i === p));
  let d = 0;
  for (const k of new Set([...x.keys(), ...m.keys()])) d += Math.abs((m.get(k) ?? 0) - (x.get(k) ?? 0));
  return 100 * (1 - d / 2);
}
const hhi = (m: Map<string, number>) => {
  const t = [...m.values()].reduce((a, b) => a + b, 0);
  return [...m.values()].reduce((s, v) => s + (v / t) ** 2, 0);
};
const relClose = (actual: number | null | undefined, expected: number) =>
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

(baciFile && baciCountries && thaFile ? describe : describe.skip)('country indicators on the BACI and Thai Comtrade samples', () => {
  let app: TestApp;
  let baci: string;
  let tha: string;
  const baciRows = baciFile ? baciFlows() : [];
  const thaRows = thaFile ? thaFlows() : [];

  beforeAll(async () => {
    app = await startTestApp();
    baci = String(
      (await runImport(app.running.db, { format: 'baci', files: [baciFile!], countriesFile: baciCountries! })).files[0].datasetId,
    );
    const loaded = await runImport(app.running.db, { format: 'comtrade', files: [thaFile!] });
    tha = String(loaded.files[0].datasetId);
    // The raw rows read here are the flows the importers kept.
    const [counts] = (await app.running.db.orm.em
      .fork()
      .getConnection()
      .execute('select count(*) filter (where dataset_id = ?) as b, count(*) filter (where dataset_id = ?) as t from trade_flow', [
        Number(baci),
        Number(tha),
      ])) as Array<{ b: string; t: string }>;
    expect([Number(counts.b), Number(counts.t)]).toEqual([baciRows.length, thaRows.length]);
  }, 120_000);
  afterAll(() => app?.close());

  it("gives ZAF's trade intensity with its five largest customers and AFG's with its largest, X_w being the sample's world", async () => {
    const zafTop = largest(
      byKey(
        baciRows.filter((f) => f.e === 'ZAF'),
        (f) => f.i,
      ),
    )
      .slice(0, 5)
      .map(([p]) => p);
    const result = await app.gql(TradeIntensityDocument, { reporters: ['ZAF', 'AFG'], partners: zafTop, year: 2021, dataset: baci });
    expect(result.errors).toBeUndefined();
    const rows = result.data!.tradeIntensity;
    expect(rows.map((r) => `${r.reporter}>${r.partner}`)).toEqual(
      ['AFG', 'ZAF'].flatMap((c) => [...zafTop].sort().map((p) => `${c}>${p}`)),
    );
    for (const r of rows) {
      const e = ti(baciRows, r.reporter, r.partner);
      for (const part of ['xcp', 'xc', 'xwp', 'xw'] as const) relClose(r[part], e[part]);
      if (e.xcp === 0) expect(r.index).toBe(0);
      else relClose(r.index, e.index);
    }
    // Pinned: ZAF's largest customer in 2021 is CHN; in a world of AFG's and ZAF's exports ZAF's TI with it is close to 1.
    const zafChn = rows.find((r) => r.reporter === 'ZAF' && r.partner === zafTop[0])!;
    expect(zafTop[0]).toBe('CHN');
    // ZAF is 99 % of this world, so its TI with any customer is near 1; X_w = 69.37 bn USD, AFG's and ZAF's exports.
    expect(zafChn.index).toBeCloseTo(1.0095, 4);
    expect(zafChn.xw).toBeCloseTo(69_369_988_138, 0);
    console.log(`TI findings: ${rows.map((r) => `${r.reporter}>${r.partner} ${r.index?.toFixed(4)}`).join(', ')}; X_w ${zafChn.xw}`);
    // Under a product slice every X is of those products: ZAF's HS 71 (gold, platinum) exports to CHN.
    const slice = await app.gql(TradeIntensityDocument, { reporter: 'ZAF', partner: 'CHN', year: 2021, hsPrefix: '71', dataset: baci });
    relClose(
      slice.data!.tradeIntensity[0].index,
      ti(
        baciRows.filter((f) => f.k.startsWith('71')),
        'ZAF',
        'CHN',
      ).index,
    );
    const afgTop = largest(
      byKey(
        baciRows.filter((f) => f.e === 'AFG'),
        (f) => f.i,
      ),
    )[0][0];
    const afg = await app.gql(TradeIntensityDocument, { reporter: 'AFG', partner: afgTop, year: 2021, dataset: baci });
    relClose(afg.data!.tradeIntensity[0].index, ti(baciRows, 'AFG', afgTop).index);
    // AFG sends 55 % of its exports to India, which takes 9.6 % of the sample's world: TI 5.73.
    expect([afgTop, afg.data!.tradeIntensity[0].index]).toEqual(['IND', expect.closeTo(5.7332, 4)]);
    console.log(`AFG's largest customer ${afgTop}: TI ${afg.data!.tradeIntensity[0].index}`);
  });

  it('gives complementarity of ZAF and AFG exports with partners\u2019 imports at HS 6 and HS 2', async () => {
    const partners = ['CHN', 'USA', 'IND', 'AFG'];
    for (const level of [6, 2]) {
      const result = await app.gql(ComplementarityDocument, { reporters: ['ZAF', 'AFG'], partners, year: 2021, level, dataset: baci });
      expect(result.errors).toBeUndefined();
      for (const r of result.data!.complementarity) {
        const hasImports = baciRows.some((f) => f.i === r.partner);
        if (!hasImports) expect(r.index).toBeNull();
        else expect(r.index).toBeCloseTo(complementarityOf(baciRows, r.reporter, r.partner, level), 8);
      }
      const zafChn = result.data!.complementarity.find((r) => r.reporter === 'ZAF' && r.partner === 'CHN')!;
      // China's imports here are AFG's and ZAF's exports to it: ZAF's exports match them 25.0 % at HS 6, 55.0 % at HS 2.
      expect(zafChn.index).toBeCloseTo(level === 6 ? 25.045 : 55.048, 3);
      console.log(
        `Complementarity HS${level}: ${result.data!.complementarity.map((r) => `${r.reporter}>${r.partner} ${r.index?.toFixed(3)}`).join(', ')}`,
      );
    }
  });

  it("gives AFG's export market penetration per HS-6 product and its mean", async () => {
    const result = await app.gql(ExportMarketPenetrationDocument, { exporter: 'AFG', year: 2021, dataset: baci, first: 6000 });
    expect(result.errors).toBeUndefined();
    const answer = result.data!.exportMarketPenetration;
    const positive = (rows: Flow[]) => new Set([...byKey(rows, (f) => `${f.k}|${f.i}`)].filter(([, v]) => v > 0).map(([key]) => key));
    const count = (pairs: Set<string>) =>
      byKey(
        [...pairs].map((p) => ({ year: 0, e: '', i: '', k: p.split('|')[0], v: 1 })),
        (f) => f.k,
      );
    const destinations = count(positive(baciRows.filter((f) => f.e === 'AFG')));
    const importers = count(positive(baciRows));
    const expected = [...destinations].map(([k, n]) => ({ k, p: n / importers.get(k)! }));
    expect(answer.productCount).toBe(expected.length);
    relClose(answer.mean, expected.reduce((s, e) => s + e.p, 0) / expected.length);
    // AFG exports 1,177 HS-6 products; it reaches on average 11.1 % of their importers in this sample.
    expect([answer.productCount, answer.mean]).toEqual([1177, expect.closeTo(0.11077, 5)]);
    for (const p of answer.products) relClose(p.penetration, destinations.get(p.productCode)! / importers.get(p.productCode)!);
    console.log(`AFG penetration: ${answer.productCount} products, mean ${answer.mean}; first ${JSON.stringify(answer.products[0])}`);
  });

  it('profiles AFG and ZAF: totals, export structure and HHIs, counts, GeoDep count, sourcing — one statement per part', async () => {
    app.resetQueryCount();
    const result = await app.gql(CountryProfilesDocument, { countries: ['AFG', 'ZAF'], year: 2021, dataset: baci, first: 3 });
    const statements = app.queryCount();
    expect(result.errors).toBeUndefined();
    const [afg, zaf] = result.data!.countryProfile;
    for (const [profile, c] of [
      [afg, 'AFG'],
      [zaf, 'ZAF'],
    ] as const) {
      const exports = baciRows.filter((f) => f.e === c);
      const imports = baciRows.filter((f) => f.i === c);
      relClose(profile.trade.exports, total(exports));
      relClose(profile.trade.imports, total(imports));
      // The sample has 2021 only: no growth.
      expect([profile.trade.exportsPrevious, profile.trade.exportGrowth]).toEqual([0, null]);
      const partners = byKey(exports, (f) => f.i);
      const products = byKey(exports, (f) => f.k);
      relClose(profile.exportStructure.partnerHhi, hhi(partners));
      relClose(profile.exportStructure.productHhi, hhi(products));
      expect(profile.exportStructure.topPartners.map((p) => p.code)).toEqual(
        largest(partners)
          .slice(0, 3)
          .map(([p]) => p),
      );
      expect(profile.exportStructure.topProducts.map((p) => p.code)).toEqual(
        largest(products)
          .slice(0, 3)
          .map(([p]) => p),
      );
      expect(profile.counts).toEqual({
        threshold: 0,
        exportPartners: [...partners.values()].filter((v) => v > 0).length,
        importPartners: [...byKey(imports, (f) => f.e).values()].filter((v) => v > 0).length,
        exportProducts: [...products.values()].filter((v) => v > 0).length,
        importProducts: [...byKey(imports, (f) => f.k).values()].filter((v) => v > 0).length,
      });
      const geodep = await app.gql(StrategicDependenciesDocument, { importer: c, year: 2021, dataset: baci });
      expect(profile.strategicDependencies).toEqual({
        productsImported: geodep.data!.strategicDependencies.productsImported,
        dependent: geodep.data!.strategicDependencies.dependentCount,
      });
      expect([profile.eciRank, profile.sourcing]).toEqual([null, { facilities: 0, brands: 0 }]);
    }
    // AFG imports 34 HS-6 products in this sample, all from ZAF (the only other exporter): 18 meet C1–C3; ZAF none of 51.
    expect([afg.strategicDependencies, zaf.strategicDependencies]).toEqual([
      { productsImported: 34, dependent: 18 },
      { productsImported: 51, dependent: 0 },
    ]);
    expect([afg.exportStructure.topPartners[0].code, zaf.exportStructure.topProducts[0].code]).toEqual(['IND', '710812']);
    console.log(
      `Profiles: ${JSON.stringify(result.data!.countryProfile.map((p) => ({ c: p.country.id, t: p.trade, s: p.exportStructure, n: p.counts, d: p.strategicDependencies })))}`,
    );
    // The catalog aside, one statement per part (trade, structure, counts, dependencies, sourcing, the country) for both countries.
    app.resetQueryCount();
    await app.gql(CountryProfilesDocument, { country: 'ZAF', year: 2021, dataset: baci, first: 3 });
    expect(app.queryCount()).toBe(statements);
    app.resetQueryCount();
    await app.gql(CountryProfileTradeDocument, { countries: ['AFG', 'ZAF'], year: 2021, dataset: baci });
    expect(app.queryCount()).toBeLessThanOrEqual(2);
    // Country.tradeCounts over a page of countries: the page, its count and one statement for every country's counts.
    app.resetQueryCount();
    const page = await app.gql(CountryTradeCountsDocument, { first: 300, year: 2021, dataset: baci, threshold: 1e6 });
    expect(app.queryCount()).toBeLessThanOrEqual(3);
    const counted = new Map(page.data!.countries.nodes.map((n) => [n.id, n.tradeCounts]));
    const zafPartners = byKey(
      baciRows.filter((f) => f.e === 'ZAF'),
      (f) => f.i,
    );
    expect(counted.get('ZAF')!.exportPartners).toBe([...zafPartners.values()].filter((v) => v > 1e6).length);
    // CHN exports nothing in this sample; it imports from AFG and ZAF, each counted when above 1 M USD.
    const chnSources = byKey(
      baciRows.filter((f) => f.i === 'CHN'),
      (f) => f.e,
    );
    expect(counted.get('CHN')).toMatchObject({ exportPartners: 0, importPartners: [...chnSources.values()].filter((v) => v > 1e6).length });
  });

  it("gives Thailand's indicators on the Comtrade file, growth against the year before", async () => {
    const y2011 = thaRows.filter((f) => f.year === 2011);
    const y2010 = thaRows.filter((f) => f.year === 2010);
    const intensity = await app.gql(TradeIntensityDocument, { reporter: 'THA', partners: ['USA', 'JPN'], year: 2011, dataset: tha });
    for (const r of intensity.data!.tradeIntensity) {
      const e = ti(y2011, 'THA', r.partner);
      relClose(r.index, e.index);
      // Every flow into USA or JPN is Thailand's: TI = X_w / X_c, the same for both.
      relClose(r.index, total(y2011) / total(y2011.filter((f) => f.e === 'THA')));
    }
    const comp = await app.gql(ComplementarityDocument, { reporter: 'THA', partner: 'USA', year: 2011, dataset: tha });
    expect(comp.data!.complementarity[0].index).toBeCloseTo(complementarityOf(y2011, 'THA', 'USA', 6), 8);
    const profile = await app.gql(CountryProfilesDocument, { country: 'THA', year: 2011, dataset: tha });
    const t = profile.data!.countryProfile[0].trade;
    // Every flow into the USA is Thailand's, so TI = X_w / X_c = 1.0126 (its 4 products' trade, 2011); C(THA, USA) = 94.28.
    expect(intensity.data!.tradeIntensity[0].index).toBeCloseTo(1.0126, 4);
    expect(comp.data!.complementarity[0].index).toBeCloseTo(94.28, 2);
    relClose(t.exports, total(y2011.filter((f) => f.e === 'THA')));
    relClose(t.importsPrevious, total(y2010.filter((f) => f.i === 'THA')));
    relClose(t.exportGrowth, total(y2011.filter((f) => f.e === 'THA')) / total(y2010.filter((f) => f.e === 'THA')) - 1);
    console.log(
      `THA 2011: TI ${intensity.data!.tradeIntensity.map((r) => `${r.partner} ${r.index}`)}, C(THA, USA) ${comp.data!.complementarity[0].index}, trade ${JSON.stringify(t)}`,
    );
  });

  it("warns IMPORTS_ONLY_DATASET on one reporter's imports, and rolls mixed HS levels up without adding a code to its sub-codes", async () => {
    // A Comtrade file of DEU's imports alone (1 importer, 3 partners): 4401 and its own 440110 from CHN are one flow counted once.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tg-indicators-')), 'deu_imports.csv');
    const line = (partner: string, code: string, value: number) =>
      `"DEU","Germany","Import","${partner}","${partner}","${code}","wood",${value},2021`;
    fs.writeFileSync(
      file,
      [
        '"reporter_iso","reporter_desc","flow_desc","partner_iso","partner_desc","cmd_code","cmd_desc","primary_value","ref_year"',
        line('CHN', '4401', 100),
        line('CHN', '440110', 60),
        line('POL', '440110', 50),
        line('FRA', '4402', 50),
      ].join('\n') + '\n',
    );
    const deu = String((await runImport(app.running.db, { format: 'comtrade', files: [file] })).files[0].datasetId);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    const response = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ tradeIntensity(reporter: "CHN", partner: "DEU", year: 2021, dataset: "${deu}") { index xcp xc xwp xw } }`,
      }),
    });
    const intensity = (await response.json()) as {
      data: { tradeIntensity: unknown[] };
      extensions?: { warnings?: Array<{ code: string }> };
    };
    // X_cp = X_c = 100 (4401 alone), X_wp = X_w = 200: TI 1, from a world that is DEU's imports only — and it says so.
    expect(intensity.data.tradeIntensity).toEqual([{ index: 1, xcp: 100, xc: 100, xwp: 200, xw: 200 }]);
    expect((intensity.extensions?.warnings ?? []).map((w) => w.code)).toEqual(['IMPORTS_ONLY_DATASET']);
    // At HS 4, DEU imports 4401 150 (CHN's 100, POL's 50) and 4402 50; POL exports 4401 alone: C = 100 · min(1, 0.75) = 75.
    const comp = await app.raw(`{ complementarity(reporter: "POL", partner: "DEU", year: 2021, level: 4, dataset: "${deu}") { index } }`);
    expect(comp.data!.complementarity).toEqual([{ index: 75 }]);
  });

  it('refuses bad arguments with stable codes and serves trade intensity as CSV', async () => {
    const both = await app.raw('{ tradeIntensity(reporter: "ZAF", reporters: ["AFG"], partner: "CHN", year: 2021) { index } }');
    expect(both.errors![0].extensions!.code).toBe('INVALID_ARGUMENT');
    const unknown = await app.raw('{ complementarity(reporter: "ZZZ", partner: "CHN", year: 2021) { index } }');
    expect(unknown.errors![0].extensions!.code).toBe('UNKNOWN_COUNTRY');
    const level = await app.raw('{ complementarity(reporter: "ZAF", partner: "CHN", year: 2021, level: 3) { index } }');
    expect(level.errors![0].extensions!.code).toBe('INVALID_ARGUMENT');
    const query = `{ tradeIntensity(reporter: "ZAF", partners: ["CHN", "USA"], year: 2021, dataset: "${baci}") { reporter partner index } }`;
    const response = await fetch(`${app.baseUrl}/csv?query=${encodeURIComponent(query)}`);
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(['reporter', 'partner', 'index', 'dataset.id', 'dataset.name', 'dataset.version']);
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['ZAF', 'CHN', baci],
      ['ZAF', 'USA', baci],
    ]);
    relClose(Number(rows[0][2]), ti(baciRows, 'ZAF', 'CHN').index);
  });
});
