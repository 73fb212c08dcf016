import { concentration } from '../../src/modules/metrics/concentration';
import { runImport } from '../../src/modules/import/run-import';
import { seedDemo } from '../../seeds/demo/seed-demo';
import { buildCountryRows } from '../../seeds/data/countries';
import { COUNTRY_GROUPS } from '../../seeds/data/country-groups';
import { ImportConcentrationDocument, WorldExportConcentrationDocument } from '../generated/graphql';
import { factories } from '../support/factories';
import { readCsv, sharedFile } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

describe('trade concentration (computed in PostgreSQL)', () => {
  let app: TestApp;
  let ds: string;

  beforeAll(async () => {
    app = await startTestApp();
    const make = factories(app.running.db.orm.em.fork());
    await make.product('6403', 'Footwear, leather uppers');
    await make.product('640399', 'Other');
    await make.product('640391', 'Covering the ankle');
    const d = await make.dataset({ name: 'hand-made', version: 'v1' });
    ds = String(d.id);
    await make.flows(d, [
      // USA imports of 640399 in 2021: VNM 50, CHN 30, IDN 20 (and a zero that must not count).
      { year: 2021, exporter: 'VNM', importer: 'USA', product: '640399', valueUsd: 50 },
      { year: 2021, exporter: 'CHN', importer: 'USA', product: '640399', valueUsd: 30 },
      { year: 2021, exporter: 'IDN', importer: 'USA', product: '640399', valueUsd: 20 },
      { year: 2021, exporter: 'ITA', importer: 'USA', product: '640399', valueUsd: 0 },
      // Heading 6403 for the USA adds 640391 from VNM: VNM 50 + 100 = 150, CHN 30, IDN 20.
      { year: 2021, exporter: 'VNM', importer: 'USA', product: '640391', valueUsd: 100 },
      // EU27 imports: DEU from FRA is intra-EU and left out; DEU from CHN 60, FRA from CHN 20, DEU from VNM 20.
      { year: 2021, exporter: 'FRA', importer: 'DEU', product: '640399', valueUsd: 1000 },
      { year: 2021, exporter: 'CHN', importer: 'DEU', product: '640399', valueUsd: 60 },
      { year: 2021, exporter: 'CHN', importer: 'FRA', product: '640399', valueUsd: 20 },
      { year: 2021, exporter: 'VNM', importer: 'DEU', product: '640399', valueUsd: 20 },
    ]);
  });
  afterAll(() => app?.close());

  it('matches the hand-computed figures for three suppliers (50/30/20)', async () => {
    const result = await app.gql(ImportConcentrationDocument, {
      importer: 'USA',
      product: '640399',
      year: 2021,
      dataset: ds,
      k: 2,
      top: 5,
    });
    expect(result.errors).toBeUndefined();
    const c = result.data!.importConcentration;
    // shares .5/.3/.2: HHI = .25 + .09 + .04 = .38; normalised (.38 − 1/3)/(2/3) = .07; entropy = −Σ s ln s;
    // Gini = (20 + 30 + 10)·2 / (2 · 3² · 100/3) = 120 / 600 = .2. The zero-weight ITA is not a participant.
    expect(c.participants).toBe(3);
    expect(c.totalWeight).toBe(100);
    expect(c.hhi).toBeCloseTo(0.38, 12);
    expect(c.hhiPoints).toBeCloseTo(3800, 8);
    expect(c.normalizedHhi).toBeCloseTo(0.07, 12);
    expect([c.cr1, c.crk, c.cr3, c.cr5]).toEqual([0.5, 0.8, 1, 1]);
    expect(c.effectiveNumber).toBeCloseTo(1 / 0.38, 12);
    const entropy = -(0.5 * Math.log(0.5) + 0.3 * Math.log(0.3) + 0.2 * Math.log(0.2));
    expect(c.entropy).toBeCloseTo(entropy, 12);
    expect(c.evenness).toBeCloseTo(entropy / Math.log(3), 12);
    expect(c.gini).toBeCloseTo(0.2, 12);
    expect([c.band, c.guidelines]).toEqual(['HIGH', 'DOJ_FTC_2023']);
    expect(c.top.map((t) => [t.participantId, t.share, t.rank])).toEqual([
      ['VNM', 0.5, 1],
      ['CHN', 0.3, 2],
      ['IDN', 0.2, 3],
    ]);
  });

  it('rolls a heading up from its subheadings, and reads a group extra-group', async () => {
    const heading = await app.gql(ImportConcentrationDocument, { importer: 'usa', product: '6403', year: 2021, dataset: ds });
    expect(heading.data!.importConcentration.top.map((t) => [t.participantId, t.weight])).toEqual([
      ['VNM', 150],
      ['CHN', 30],
      ['IDN', 20],
    ]);
    const eu = await app.gql(ImportConcentrationDocument, { importer: 'EU27', product: '64', year: 2021, dataset: ds });
    // FRA → DEU is intra-EU: CHN 60 + 20 = 80, VNM 20 → shares .8/.2, HHI .68.
    expect(eu.data!.importConcentration.top.map((t) => [t.participantId, t.weight])).toEqual([
      ['CHN', 80],
      ['VNM', 20],
    ]);
    expect(eu.data!.importConcentration.hhi).toBeCloseTo(0.68, 12);
  });

  it('says an empty market is empty, with null metrics (never 0 or NaN)', async () => {
    const empty = await app.gql(ImportConcentrationDocument, { importer: 'BRA', product: '6403', year: 2021, dataset: ds });
    expect(empty.data!.importConcentration).toMatchObject({
      participants: 0,
      totalWeight: 0,
      hhi: null,
      cr1: null,
      gini: null,
      band: null,
      top: [],
    });
  });

  it('uses the 2010 guidelines on request, and world export concentration sums over importers', async () => {
    const c2010 = await app.gql(ImportConcentrationDocument, {
      importer: 'EU27',
      product: '64',
      year: 2021,
      dataset: ds,
      guidelines: 'DOJ_FTC_2010',
    });
    expect(c2010.data!.importConcentration.band).toBe('HIGH');
    const world = await app.gql(WorldExportConcentrationDocument, { product: '640399', year: 2021, dataset: ds });
    // Exporters of 640399 to everyone: FRA 1000, CHN 30 + 60 + 20 = 110, VNM 50 + 20 = 70, IDN 20.
    expect(world.data!.worldExportConcentration.top.map((t) => t.participantId)).toEqual(['FRA', 'CHN', 'VNM', 'IDN']);
    expect(world.data!.worldExportConcentration.totalWeight).toBe(1200);
  });

  it('agrees with the pure reference functions on generated markets', async () => {
    const demo = await seedDemo(app.running.db, { flows: 4000, brands: 4, manufacturers: 6, facilities: 20, yearFrom: 2021, yearTo: 2022 });
    const markets: Array<{ importer: string; product: string; year: number }> = await app.running.db.orm.em
      .fork()
      .getConnection()
      .execute(
        `select importer_id as importer, product_code as product, year from trade_flow where dataset_id = ? group by 1, 2, 3 order by count(*) desc, 1, 2, 3 limit 12`,
        [demo.datasetId],
      );
    expect(markets.length).toBe(12);
    for (const m of markets) {
      const rows: Array<{ exporter: string; w: string }> = await app.running.db.orm.em
        .fork()
        .getConnection()
        .execute(
          'select exporter_id as exporter, sum(value_usd) as w from trade_flow where dataset_id = ? and importer_id = ? and product_code = ? and year = ? group by 1',
          [demo.datasetId, m.importer, m.product, m.year],
        );
      const reference = concentration(rows.map((r) => Number(r.w)));
      const result = await app.gql(ImportConcentrationDocument, {
        importer: m.importer.trim(),
        product: m.product,
        year: m.year,
        dataset: String(demo.datasetId),
        k: 2,
      });
      const c = result.data!.importConcentration;
      expect(c.participants).toBe(reference.participants);
      for (const [ours, theirs] of [
        [c.hhi, reference.hhi],
        [c.normalizedHhi, reference.normalizedHhi],
        [c.cr1, reference.cr1],
        [c.cr3, reference.cr3],
        [c.cr5, reference.cr5],
        [c.effectiveNumber, reference.effectiveNumber],
        [c.entropy, reference.entropy],
        [c.evenness, reference.evenness],
        [c.gini, reference.gini],
      ] as Array<[number | null, number | null]>) {
        if (theirs === null) expect(ours).toBeNull();
        else expect(ours).toBeCloseTo(theirs, 9);
      }
      expect(c.band).toBe(reference.band);
    }
  });

  it('answers Country.importConcentration for a list of countries in one statement, as the root query does', async () => {
    const query = (group: string) =>
      `{ countries(first: 50, filter: { group: "${group}" }) { nodes { id importConcentration(product: "640399", year: 2021, dataset: "${ds}") { participants hhi top { participantId } } } } }`;
    app.resetQueryCount();
    const usmca = await app.raw(query('USMCA'));
    const fewer = app.queryCount();
    app.resetQueryCount();
    const g7 = await app.raw(query('G7'));
    expect(app.queryCount()).toBe(fewer);
    const byId = Object.fromEntries(
      (g7.data!.countries as { nodes: Array<{ id: string; importConcentration: { hhi: number | null; participants: number } }> }).nodes.map(
        (n) => [n.id, n.importConcentration],
      ),
    );
    expect(byId.USA.hhi).toBeCloseTo(0.38, 12);
    // DEU imports of 640399: FRA 1000, CHN 60, VNM 20 → HHI = (1000² + 60² + 20²) / 1080².
    expect(byId.DEU.hhi).toBeCloseTo((1000 ** 2 + 60 ** 2 + 20 ** 2) / 1080 ** 2, 12);
    expect(byId.JPN).toMatchObject({ participants: 0, hhi: null });
    expect(usmca.errors).toBeUndefined();
  });

  it('rejects bad arguments with codes', async () => {
    const bad = await app.raw(`{ importConcentration(importer: "XYZW1", product: "64", year: 2021, dataset: "${ds}") { hhi } }`);
    expect(bad.errors![0].extensions!.code).toBe('UNKNOWN_COUNTRY');
    const hs = await app.raw(`{ importConcentration(importer: "USA", product: "640", year: 2021, dataset: "${ds}") { hhi } }`);
    expect(hs.errors![0].extensions!.code).toBe('MALFORMED_HS_CODE');
  });

  const comtradeEu = sharedFile('trade/comtrade_eu27_wood_imports_2018-2022.csv');
  (comtradeEu ? it : it.skip)(
    "matches an independent computation of the EU27's extra-EU import concentration for HS 44, every year",
    async () => {
      const imported = await runImport(app.running.db, { format: 'comtrade', files: [comtradeEu!] });
      const dataset = String(imported.files[0].datasetId);
      // Independent: read the file; imports of 44xx headings (the file has no chapter-44 row, so the chapter
      // is the sum of its headings) by EU reporters from partners that are countries outside the EU.
      const eu = new Set(COUNTRY_GROUPS.find((g) => g.id === 'EU27')!.members);
      const countries = new Set(buildCountryRows().map((c) => c.id));
      const byYear = new Map<number, Map<string, number>>();
      for (const r of readCsv(comtradeEu!)) {
        const partner = r.partner_iso.trim() === 'S19' ? 'TWN' : r.partner_iso.trim();
        if (
          r.flow_desc !== 'Import' ||
          !r.cmd_code.startsWith('44') ||
          !countries.has(partner) ||
          eu.has(partner) ||
          !eu.has(r.reporter_iso)
        )
          continue;
        const year = Number(r.ref_year);
        const weights = byYear.get(year) ?? new Map<string, number>();
        weights.set(partner, (weights.get(partner) ?? 0) + Number(r.primary_value));
        byYear.set(year, weights);
      }
      expect([...byYear.keys()].sort()).toEqual([2018, 2019, 2020, 2021, 2022]);
      for (const [year, weights] of byYear) {
        const total = [...weights.values()].reduce((a, b) => a + b, 0);
        const hhi = [...weights.values()].reduce((a, w) => a + (w / total) ** 2, 0);
        const top = [...weights.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
        const result = await app.gql(ImportConcentrationDocument, { importer: 'EU27', product: '44', year, dataset, top: 1 });
        const c = result.data!.importConcentration;
        expect([year, c.participants]).toEqual([year, [...weights.values()].filter((w) => w > 0).length]);
        expect(c.totalWeight).toBeCloseTo(total, 2);
        expect(c.hhi).toBeCloseTo(hhi, 10);
        expect(c.top[0].participantId).toBe(top[0]);
      }
    },
  );
});
