import { runImport } from '../../src/modules/import/run-import';
import { seedDemo } from '../../seeds/demo/seed-demo';
import { QualitySignalsDocument, UnitValueRankingDocument, UnitValuesDocument } from '../generated/graphql';
import { readCsv, readCsvRows, sharedFile } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Unit values (METRICS.md "Unit values") on real files loaded through the importers, against a computation
 * from the raw CSV written here: the BACI sample (exporters AFG and ZAF, 2021; v = thousand USD, q = tonnes,
 * space-padded or NA) and the Comtrade sample of Thailand, HS 0306/1605 2007–2011 (net weight in kg).
 *
 * "World" is the dataset's: the BACI sample holds two exporters only, so UV_world is the unit value of AFG
 * and ZAF together, and an RUV says how each compares with the other, not with the world.
 */

const baciFile = sharedFile('trade/BACI_HS92_Y2021_V202301_exporters_AFG_ZAF.csv');
const baciCountries = sharedFile('trade/BACI_country_codes_V202301.csv');
const comtradeFile = sharedFile('trade/comtrade_tha_hs030613_2007-2011.csv');

/** A flow as the file gives it: exporter alpha-3, year, HS-6 code, USD, tonnes (null when unknown). */
interface RawFlow {
  exporter: string;
  year: number;
  code: string;
  usd: number;
  tons: number | null;
}

/** UV, world UV, RUV and coverage of each exporter in `product` (any level: flows under it), straight from the definition. */
function expected(flows: readonly RawFlow[], product: string, year: number) {
  const of = flows.filter((f) => f.year === year && f.code.startsWith(product));
  const known = (f: RawFlow) => f.tons !== null && f.tons > 0;
  const sum = (fs: RawFlow[], v: (f: RawFlow) => number) => fs.reduce((s, f) => s + v(f), 0);
  const worldUv = sum(of.filter(known), (f) => f.usd) / sum(of.filter(known), (f) => f.tons!);
  const byExporter = new Map<
    string,
    { value: number; uv: number | null; ruv: number | null; coverage: number; quantityTons: number | null }
  >();
  for (const exporter of new Set(of.map((f) => f.exporter))) {
    const own = of.filter((f) => f.exporter === exporter);
    const withQ = own.filter(known);
    const uv = withQ.length ? sum(withQ, (f) => f.usd) / sum(withQ, (f) => f.tons!) : null;
    byExporter.set(exporter, {
      value: sum(own, (f) => f.usd),
      uv,
      ruv: uv === null ? null : uv / worldUv,
      coverage: sum(withQ, (f) => f.usd) / sum(own, (f) => f.usd),
      quantityTons: withQ.length ? sum(withQ, (f) => f.tons!) : null,
    });
  }
  return { worldUv: Number.isFinite(worldUv) ? worldUv : null, byExporter };
}

const close = (actual: number | null | undefined, want: number | null, rtol = 1e-9) =>
  want === null ? actual === null : actual != null && Math.abs(actual - want) <= 1e-9 + rtol * Math.abs(want);

(baciFile && baciCountries && comtradeFile ? describe : describe.skip)('unit values on the BACI and Comtrade samples', () => {
  let app: TestApp;
  let baci: string;
  let comtrade: string;
  let baciFlows: RawFlow[];
  let thaFlows: RawFlow[];
  let demo: string;
  const sql = async <T>(text: string, params: unknown[] = []) =>
    (await app.running.db.orm.em.fork().getConnection().execute(text, params)) as T[];

  beforeAll(async () => {
    app = await startTestApp();
    baci = String(
      (await runImport(app.running.db, { format: 'baci', files: [baciFile!], countriesFile: baciCountries! })).files[0].datasetId,
    );
    comtrade = String((await runImport(app.running.db, { format: 'comtrade', files: [comtradeFile!] })).files[0].datasetId);
    demo = String(
      (await seedDemo(app.running.db, { flows: 3000, brands: 6, manufacturers: 20, facilities: 80, yearFrom: 2020, yearTo: 2022 }))
        .datasetId,
    );

    const alpha = new Map(readCsv(baciCountries!).map((c) => [c.country_code, c.iso_3digit_alpha]));
    baciFlows = readCsvRows(baciFile!)
      .slice(1)
      .map(([t, i, , k, v, q]) => ({
        exporter: alpha.get(i)!,
        year: Number(t),
        code: k.padStart(6, '0'),
        usd: Number(v) * 1000,
        tons: q.trim() === 'NA' ? null : Number(q.trim()),
      }));
    // Comtrade: exports Thailand reports (X) and its imports (M: the partner is the exporter); re-imports and
    // "Areas, nes" (_X) and Thailand's imports from itself (partner THA) are no flows; "Other Asia, nes" (S19) is
    // Taiwan, as the importer reads it. kg → t.
    thaFlows = readCsv(comtradeFile!)
      .filter((r) => (r.flow_code === 'X' || r.flow_code === 'M') && r.partner_iso.trim() !== '_X' && r.partner_iso !== 'THA')
      .map((r) => ({
        exporter: r.flow_code === 'X' ? 'THA' : r.partner_iso === 'S19' ? 'TWN' : r.partner_iso,
        year: Number(r.ref_year),
        code: r.cmd_code,
        usd: Number(r.primary_value),
        tons: r.net_wgt === '' ? null : Number(r.net_wgt) / 1000,
      }));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const series = async (dataset: string, exporters: string[], product: string, fromYear: number, toYear: number) => {
    const result = await app.gql(UnitValuesDocument, { dataset, exporters, product, fromYear, toYear });
    expect(result.errors).toBeUndefined();
    return result.data!.unitValues;
  };

  it.each([
    ['080620', 6],
    ['570110', 6],
    ['0806', 4],
    ['5701', 4],
    ['08', 2],
    ['71', 2],
  ])('gives AFG and ZAF the UV, world UV, RUV and coverage of the file in %s (HS %i)', async (product) => {
    const answer = await series(baci, ['AFG', 'ZAF'], product, 2021, 2021);
    const want = expected(baciFlows, product, 2021);
    expect(answer.dataset.id).toBe(baci);
    for (const row of answer.rows) {
      const own = want.byExporter.get(row.exporter.id)!;
      const ok =
        close(row.uv, own.uv) &&
        close(row.worldUv, want.worldUv) &&
        close(row.ruv, own.ruv) &&
        close(row.coverage, own.coverage) &&
        close(row.value, own.value, 1e-12) &&
        close(row.quantityTons, own.quantityTons, 1e-12);
      expect(ok ? 'ok' : JSON.stringify({ row, own, world: want.worldUv })).toBe('ok');
      expect(row.lowCoverage).toBe(own.coverage < 0.5);
    }
  });

  it('pins the findings: AFG sells carpets dearer than ZAF, ZAF dearer fresh grapes; AFG precious stones have low coverage', async () => {
    // Hand-knotted wool carpets (570110): AFG 23,349 USD/t, ZAF 44,493 USD/t on a small trade; at heading 5701 AFG's RUV is 2.44.
    const carpets = await series(baci, ['AFG', 'ZAF'], '570110', 2021, 2021);
    expect(carpets.rows.map((r) => [r.exporter.id, Math.round(r.uv!), Number(r.ruv!.toFixed(4))])).toEqual([
      ['AFG', 23349, 0.9722],
      ['ZAF', 44493, 1.8526],
    ]);
    const heading = await series(baci, ['AFG', 'ZAF'], '5701', 2021, 2021);
    expect(heading.rows.map((r) => Number(r.ruv!.toFixed(4)))).toEqual([2.4392, 0.2228]);
    // Grapes (0806): ZAF RUV 0.96, AFG 1.08 (AFG exports dried grapes, 080620, at 2,223 USD/t).
    const grapes = await series(baci, ['ZAF', 'AFG'], '0806', 2020, 2021);
    expect(grapes.rows.map((r) => [r.exporter.id, r.year, r.hasData, r.ruv === null ? null : Number(r.ruv.toFixed(4))])).toEqual([
      ['ZAF', 2020, false, null], // no 2020 in the sample: listed, never 0
      ['ZAF', 2021, true, 0.9598],
      ['AFG', 2020, false, null],
      ['AFG', 2021, true, 1.0795],
    ]);
    expect(grapes.rows[1].uvYoY).toBeNull();
    // Precious stones worked (710391): AFG's 4 flows, 4.97 M USD, all with q = NA: no UV (never 0), coverage 0, flagged.
    const stones = await series(baci, ['AFG'], '710391', 2021, 2021);
    expect(stones.rows.map((r) => [Math.round(r.value), r.flows, r.flowsWithQuantity, r.uv, r.ruv, r.coverage, r.lowCoverage])).toEqual([
      [4965838, 4, 0, null, null, 0, true],
    ]);
    expect(grapes.series.map((s) => [s.cagrFrom, s.uvCagr, s.dropYears])).toEqual([
      [null, null, []],
      [null, null, []],
    ]);
  });

  it('ranks the exporters of a product by RUV with the figures of the file (Product.unitValueRanking)', async () => {
    const result = await app.gql(UnitValueRankingDocument, { code: '0813', year: 2021, dataset: baci, first: 10 });
    expect(result.errors).toBeUndefined();
    const ranking = result.data!.product!.unitValueRanking;
    const want = expected(baciFlows, '0813', 2021);
    expect(close(ranking.worldUv, want.worldUv)).toBe(true);
    const order = [...want.byExporter].filter(([, e]) => e.ruv !== null).sort((a, b) => b[1].ruv! - a[1].ruv!);
    expect(ranking.nodes.map((n) => [n.rank, n.exporter.id])).toEqual(order.map(([code], i) => [i + 1, code]));
    for (const node of ranking.nodes) expect(close(node.ruv, want.byExporter.get(node.exporter.id)!.ruv)).toBe(true);
    // Dried fruit (0813): ZAF 4,734 USD/t (RUV 2.34) above AFG 1,165 USD/t (RUV 0.58).
    expect(ranking.nodes.map((n) => Number(n.ruv!.toFixed(4)))).toEqual([2.3377, 0.5754]);
  });

  it('batches: a ranking for 20 chapters, and the quality signals of 6 brands, cost the statements of 1', async () => {
    const count = async (query: string) => {
      await app.raw(query); // the first read of a data version also loads the catalog
      app.resetQueryCount();
      const result = await app.raw(query);
      expect(result.errors).toBeUndefined();
      return app.queryCount();
    };
    const ranking = (n: number) =>
      `{ products(first: ${n}, filter: { level: 2 }) { nodes { code unitValueRanking(year: 2021, dataset: "${baci}", first: 3) { totalCount nodes { exporter { id } } } } } }`;
    expect(await count(ranking(20))).toBe(await count(ranking(1)));
    const signals = (n: number) =>
      `{ brands(first: ${n}) { nodes { qualitySignals(year: 2022, dataset: "${demo}") { summary { productCode } signals { country { id } } } } } }`;
    expect(await count(signals(6))).toBe(await count(signals(1)));
  });

  it('refuses bad input with a stable code, never an empty answer', async () => {
    const code = async (args: string, field = 'unitValues') => {
      const result = await app.raw(`{ ${field}(${args}) { rows { year } } }`);
      return result.errors?.[0]?.extensions?.code;
    };
    expect(await code(`exporter: "XXX", product: "0806", fromYear: 2021, toYear: 2021, dataset: "${baci}"`)).toBe('UNKNOWN_COUNTRY');
    expect(await code(`exporter: "AFG", product: "999999", fromYear: 2021, toYear: 2021, dataset: "${baci}"`)).toBe('UNKNOWN_PRODUCT');
    expect(await code(`exporter: "AFG", exporters: ["ZAF"], product: "0806", fromYear: 2021, toYear: 2021`)).toBe('INVALID_ARGUMENT');
    expect(await code(`exporters: [], product: "0806", fromYear: 2021, toYear: 2021`)).toBe('INVALID_ARGUMENT');
    expect(await code(`exporter: "AFG", product: "0806", fromYear: 2021, toYear: 2021, dropThreshold: 2`)).toBe('INVALID_ARGUMENT');
    expect(await code(`exporter: "AFG", product: "0806", fromYear: 2021, toYear: 2021, dataset: "999"`)).toBe('UNKNOWN_DATASET');
    const tooMany = await app.raw(
      `{ product(code: "08") { unitValueRanking(year: 2021, dataset: "${baci}", first: 301) { totalCount } } }`,
    );
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_TOO_LARGE');
  });

  it('exports the rows as CSV (GET /csv), one per exporter and year, with the dataset columns', async () => {
    const query = `{ unitValues(exporters: ["AFG", "ZAF"], product: "0806", fromYear: 2020, toYear: 2021, dataset: "${baci}") { rows { exporter { id } year uv ruv coverage drop } } }`;
    const response = await fetch(`${app.baseUrl}/csv?${new URLSearchParams({ query }).toString()}`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('exporter.id,year,uv,ruv,coverage,drop,dataset.id,dataset.name,dataset.version');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['AFG,2020', 'AFG,2021', 'ZAF,2020', 'ZAF,2021']);
    expect(lines[2].split(',')[6]).toBe(baci);
  });

  it("follows Thailand's UV of frozen shrimps (030613) over 2007–2011 as the Comtrade file gives it, kg read as tonnes", async () => {
    const answer = await series(comtrade, ['THA'], '030613', 2007, 2011);
    for (const row of answer.rows) {
      const want = expected(thaFlows, '030613', row.year);
      const own = want.byExporter.get('THA')!;
      expect([row.year, close(row.uv, own.uv), close(row.worldUv, want.worldUv), close(row.coverage, own.coverage)]).toEqual([
        row.year,
        true,
        true,
        true,
      ]);
    }
    const uv = answer.rows.map((r) => Math.round(r.uv!));
    const yoy = answer.rows.map((r) => (r.uvYoY === null ? null : Number(r.uvYoY.toFixed(3))));
    // USD/t: up 3.3 % in 2008, down 5.6 % in 2009 (the one year its UV fell), then +11.9 % and +24.7 %. Thailand is
    // most of this dataset's world (its own exports and its imports), so RUV stays within 1 ± 0.013: no drop.
    expect({ uv, yoy, drops: answer.series[0].dropYears }).toEqual({
      uv: [6394, 6607, 6237, 6977, 8703],
      yoy: [null, 0.033, -0.056, 0.119, 0.247],
      drops: [],
    });
    expect(answer.rows.map((r) => Number(r.ruv!.toFixed(4)))).toEqual([1.0075, 0.9872, 1.0044, 1.0097, 1.0095]);
    expect(answer.series[0].uvCagr).toBeCloseTo((answer.rows[4].uv! / answer.rows[0].uv!) ** (1 / 4) - 1, 12);
    expect([answer.series[0].cagrFrom, answer.series[0].cagrTo]).toEqual([2007, 2011]);
  });

  it("gives a demo brand's quality signals: capacity shares of its countries, their RUV in its product types' HS codes, drops", async () => {
    // Independent reading of the tables: the brand's latest links, workers (the link's, else the facility's
    // range midpoint), the HS codes of its product types, and the demo's flows.
    const [brand] = await sql<{ id: number; name: string }>('select id, name from brand order by name limit 1');
    const links = await sql<{
      facility_id: number;
      country_id: string;
      product_type_id: string;
      lmin: number | null;
      lmax: number | null;
      fmin: number | null;
      fmax: number | null;
    }>(
      `select sl.facility_id, f.country_id, sl.product_type_id, sl.workers_min as lmin, sl.workers_max as lmax, f.workers_min as fmin, f.workers_max as fmax
       from sourcing_link sl join facility f on f.id = sl.facility_id
       where sl.brand_id = ? and sl.disclosed_at = (select max(disclosed_at) from sourcing_link where brand_id = ?)`,
      [brand.id, brand.id],
    );
    const byFacility = new Map<number, { country: string; min: number | null; max: number | null }>();
    for (const l of links) {
      const had = byFacility.get(l.facility_id);
      const min = [had?.min, l.lmin].filter((v): v is number => v != null);
      const max = [had?.max, l.lmax].filter((v): v is number => v != null);
      byFacility.set(l.facility_id, {
        country: l.country_id,
        min: min.length ? Math.min(...min) : null,
        max: max.length ? Math.max(...max) : null,
      });
    }
    const facilities = await sql<{ id: number; min: number | null; max: number | null }>(
      'select id, workers_min as min, workers_max as max from facility',
    );
    const own = new Map(facilities.map((f) => [f.id, f]));
    const capacity = new Map<string, number>();
    for (const [id, f] of byFacility) {
      const [min, max] = f.min !== null ? [f.min, f.max!] : [own.get(id)!.min, own.get(id)!.max];
      if (min !== null && max !== null) capacity.set(f.country, (capacity.get(f.country) ?? 0) + (Number(min) + Number(max)) / 2);
    }
    const total = [...capacity.values()].reduce((a, b) => a + b, 0);
    const types = [...new Set(links.map((l) => l.product_type_id))];
    const codes = (
      await sql<{ product_code: string }>('select product_code from product_type_hs where product_type_id in (?)', [types])
    ).map((r) => r.product_code);
    const flows = (
      await sql<{ exporter: string; year: number; code: string; usd: number; tons: number | null }>(
        'select exporter_id as exporter, year, product_code as code, value_usd::float8 as usd, quantity_tons::float8 as tons from trade_flow where dataset_id = ?',
        [Number(demo)],
      )
    ).map((f) => ({ ...f, exporter: f.exporter.trim() }));

    const result = await app.gql(QualitySignalsDocument, { search: brand.name, year: 2022, dataset: demo });
    expect(result.errors).toBeUndefined();
    const signals = result.data!.brands.nodes.find((b) => b.name === brand.name)!.qualitySignals;
    expect(signals.signals.length).toBe(capacity.size * new Set(codes).size);
    let checked = 0;
    for (const s of signals.signals) {
      expect(close(s.capacityShare, capacity.get(s.country.id)! / total)).toBe(true);
      const now = expected(flows, s.productCode, 2022).byExporter.get(s.country.id);
      const before = expected(flows, s.productCode, 2021).byExporter.get(s.country.id);
      expect([s.country.id, s.productCode, close(s.ruv, now?.ruv ?? null), close(s.ruvBefore, before?.ruv ?? null)]).toEqual([
        s.country.id,
        s.productCode,
        true,
        true,
      ]);
      const change = now?.ruv != null && before?.ruv != null ? now.ruv / before.ruv - 1 : null;
      expect(s.drop).toBe(change === null ? null : change < -0.15);
      if (s.ruv !== null) checked++;
    }
    expect(checked).toBeGreaterThan(0);
    for (const row of signals.summary) {
      const of = signals.signals.filter((s) => s.productCode === row.productCode && s.ruv !== null);
      const covered = of.reduce((a, s) => a + s.capacityShare, 0);
      expect(close(row.coveredShare, covered)).toBe(true);
      expect(close(row.weightedRuv, covered > 0 ? of.reduce((a, s) => a + s.capacityShare * s.ruv!, 0) / covered : null)).toBe(true);
    }
  });
});
