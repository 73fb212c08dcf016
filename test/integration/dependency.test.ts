import { seedDemo } from '../../seeds/demo/seed-demo';
import { DatasetKind } from '../../src/modules/dataset/dataset-kind';
import { runImport } from '../../src/modules/import/run-import';
import { concentration } from '../../src/modules/metrics/concentration';
import { geoDepVerdict } from '../../src/modules/metrics/dependency';
import {
  CustomerConcentrationDocument,
  ExportConcentrationDocument,
  SingleSourceExposureDocument,
  StrategicDependenciesDocument,
  WorldExportConcentrationDocument,
} from '../generated/graphql';
import { factories } from '../support/factories';
import { readCsv, sharedFile } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

const hhi = (weights: number[]) => concentration(weights).hhi!;

describe('export concentration, dependency and exposure (computed in PostgreSQL)', () => {
  let app: TestApp;
  let ds: string;
  const ids = { m1: 0, m2: 0, brandA: 0 };

  beforeAll(async () => {
    app = await startTestApp();
    const em = app.running.db.orm.em.fork();
    const make = factories(em);
    for (const [code, name] of [
      ['8541', 'Semiconductor devices'],
      ['854140', 'Photosensitive devices'],
      ['854150', 'Other'],
    ]) {
      await make.product(code, name);
    }
    const d = await make.dataset({ name: 'geodep hand-made', version: 'v1' });
    ds = String(d.id);
    await make.flows(d, [
      { year: 2022, exporter: 'CHN', importer: 'USA', product: '854140', valueUsd: 80 },
      { year: 2022, exporter: 'VNM', importer: 'USA', product: '854140', valueUsd: 20 },
      { year: 2022, exporter: 'FRA', importer: 'USA', product: '854140', valueUsd: 5 },
      { year: 2022, exporter: 'CHN', importer: 'DEU', product: '854140', valueUsd: 100 },
      { year: 2022, exporter: 'USA', importer: 'DEU', product: '854140', valueUsd: 10 },
      { year: 2022, exporter: 'FRA', importer: 'DEU', product: '854140', valueUsd: 500 },
      { year: 2022, exporter: 'CHN', importer: 'USA', product: '854150', valueUsd: 40 },
      { year: 2022, exporter: 'VNM', importer: 'USA', product: '854150', valueUsd: 30 },
      { year: 2022, exporter: 'MEX', importer: 'USA', product: '854150', valueUsd: 30 },
      { year: 2021, exporter: 'CHN', importer: 'USA', product: '854140', valueUsd: 50 },
      { year: 2021, exporter: 'VNM', importer: 'USA', product: '854140', valueUsd: 50 },
    ]);

    // Sourcing: manufacturer M1 owns F1 (100 workers, VNM), F2 (200–400 → 300, CHN), F3 (unknown, VNM);
    // M2 owns F4 (80, VNM). Brand A discloses F1–F4 on 2023-01-01; brand B discloses F1 on 2023-01-01,
    // then F1, F2 and F4 on 2024-01-01.
    const m1 = await make.manufacturer('M1 Group');
    const m2 = await make.manufacturer('M2 Ltd');
    const f1 = await make.facility({ name: 'F1', country: 'VNM', manufacturer: m1, workersMin: 100, workersMax: 100 });
    const f2 = await make.facility({ name: 'F2', country: 'CHN', manufacturer: m1, workersMin: 200, workersMax: 400 });
    const f3 = await make.facility({ name: 'F3', country: 'VNM', manufacturer: m1 });
    const f4 = await make.facility({ name: 'F4', country: 'VNM', manufacturer: m2, workersMin: 80, workersMax: 80 });
    const a = await make.brand('Brand A');
    const b = await make.brand('Brand B');
    for (const f of [f1, f2, f3, f4]) await make.link(a, f, '2023-01-01');
    await make.link(b, f1, '2023-01-01');
    for (const f of [f1, f2, f4]) await make.link(b, f, '2024-01-01');
    // F4's volumes: A 3 units, B 1 unit, so its capacity splits 75/25 between them.
    await em
      .getConnection()
      .execute('update sourcing_link set volume = case when brand_id = ? then 3 else 1 end where facility_id = ?', [a.id, f4.id]);
    Object.assign(ids, { m1: m1.id, m2: m2.id, brandA: a.id });
  });
  afterAll(() => app?.close());

  describe('export concentration', () => {
    it('splits exports by destination and by HS-6 product, typed participants included', async () => {
      const byDest = await app.gql(ExportConcentrationDocument, { exporter: 'CHN', by: 'DESTINATIONS', year: 2022, dataset: ds });
      expect(byDest.errors).toBeUndefined();
      // CHN → USA 80 + 40 = 120, → DEU 100.
      expect(byDest.data!.exportConcentration).toMatchObject({ participants: 2, totalWeight: 220 });
      expect(byDest.data!.exportConcentration.hhi).toBeCloseTo(hhi([120, 100]), 12);
      expect(byDest.data!.exportConcentration.top[0]).toMatchObject({
        kind: 'COUNTRY',
        participantId: 'USA',
        country: { id: 'USA', name: 'United States of America' },
      });

      const byProduct = await app.gql(ExportConcentrationDocument, { exporter: 'CHN', by: 'PRODUCTS', year: 2022, dataset: ds });
      expect(byProduct.data!.exportConcentration.hhi).toBeCloseTo(hhi([180, 40]), 12);
      expect(byProduct.data!.exportConcentration.top.map((t) => [t.kind, t.product?.code])).toEqual([
        ['PRODUCT', '854140'],
        ['PRODUCT', '854150'],
      ]);

      // A product narrows destinations to that product.
      const one = await app.gql(ExportConcentrationDocument, {
        exporter: 'CHN',
        by: 'DESTINATIONS',
        year: 2022,
        product: '854150',
        dataset: ds,
      });
      expect(one.data!.exportConcentration).toMatchObject({ participants: 1, totalWeight: 40 });
    });

    it("leaves a group's exports to its own members out", async () => {
      // EU27 exports: FRA → USA 5 counts; FRA → DEU 500 and nothing else is intra-EU.
      const eu = await app.gql(ExportConcentrationDocument, { exporter: 'EU27', by: 'DESTINATIONS', year: 2022, dataset: ds });
      expect(eu.data!.exportConcentration).toMatchObject({ participants: 1, totalWeight: 5, hhi: 1 });
    });

    it('answers Product.exportConcentration for products of mixed levels in one statement, as the root query does', async () => {
      const query = (prefix: string) =>
        `{ products(first: 10, filter: { codePrefix: "${prefix}" }) { nodes { code exportConcentration(year: 2022, dataset: "${ds}") { hhi participants } } } }`;
      app.resetQueryCount();
      const few = await app.raw(query('854150'));
      const fewStatements = app.queryCount();
      app.resetQueryCount();
      const many = await app.raw(query('85'));
      expect(app.queryCount()).toBe(fewStatements);
      expect(few.errors).toBeUndefined();
      const nodes = (
        many.data!.products as { nodes: Array<{ code: string; exportConcentration: { hhi: number | null; participants: number } }> }
      ).nodes;
      expect(nodes.map((n) => n.code)).toEqual(['85', '8541', '854140', '854150']);
      for (const node of nodes) {
        const root = await app.gql(WorldExportConcentrationDocument, { product: node.code, year: 2022, dataset: ds });
        expect(node.exportConcentration).toEqual({
          hhi: root.data!.worldExportConcentration.hhi,
          participants: root.data!.worldExportConcentration.participants,
        });
      }
      // World exporters of 854140: CHN 180, VNM 20, FRA 505, USA 10.
      expect(nodes[2].exportConcentration.hhi).toBeCloseTo(hhi([180, 20, 505, 10]), 12);
    });

    it("answers Product.importConcentration (an importer's every product) in one statement, as the root query does", async () => {
      const query = (prefix: string, importer: string) =>
        `{ products(first: 10, filter: { codePrefix: "${prefix}", level: 6 }) { nodes { code importConcentration(importer: "${importer}", year: 2022, dataset: "${ds}") { hhi totalWeight } } } }`;
      app.resetQueryCount();
      await app.raw(query('854150', 'USA'));
      const one = app.queryCount();
      app.resetQueryCount();
      const usa = await app.raw(query('8541', 'USA'));
      expect(app.queryCount()).toBe(one);
      const nodes = (usa.data!.products as { nodes: Array<{ code: string; importConcentration: { hhi: number; totalWeight: number } }> })
        .nodes;
      expect(nodes.map((n) => [n.code, n.importConcentration.totalWeight])).toEqual([
        ['854140', 105],
        ['854150', 100],
      ]);
      expect(nodes[0].importConcentration.hhi).toBeCloseTo(hhi([80, 20, 5]), 12);
      // A group is read extra-group, for every product alike.
      const eu = await app.raw(query('8541', 'EU27'));
      const euNodes = (eu.data!.products as { nodes: Array<{ importConcentration: { totalWeight: number } }> }).nodes;
      expect(euNodes.map((n) => n.importConcentration.totalWeight)).toEqual([110, 0]);
    });

    it('lists partner shares, and says so when a product or country is unknown', async () => {
      const shares = await app.raw(
        `{ partnerShares(importer: "USA", product: "854140", year: 2022, dataset: "${ds}") { participantId weight share rank } }`,
      );
      expect(shares.data!.partnerShares).toEqual([
        { participantId: 'CHN', weight: 80, share: 80 / 105, rank: 1 },
        { participantId: 'VNM', weight: 20, share: 20 / 105, rank: 2 },
        { participantId: 'FRA', weight: 5, share: 5 / 105, rank: 3 },
      ]);
      const unknown = await app.raw(`{ partnerShares(importer: "USA", product: "854199", year: 2022, dataset: "${ds}") { share } }`);
      expect(unknown.errors![0].extensions!.code).toBe('UNKNOWN_PRODUCT');
      const group = await app.raw(`{ exportConcentration(exporter: "NOPE", by: PRODUCTS, year: 2022, dataset: "${ds}") { hhi } }`);
      expect(group.errors![0].extensions!.code).toBe('UNKNOWN_COUNTRY');
      // A dataset that holds no flows (a brand's disclosure) is refused, not answered with an empty market.
      const disclosures = await factories(app.running.db.orm.em.fork()).dataset({
        kind: DatasetKind.BRAND_DISCLOSURE,
        name: 'a disclosure',
      });
      const wrongKind = await app.raw(
        `{ partnerShares(importer: "USA", product: "854140", year: 2022, dataset: "${disclosures.id}") { share } }`,
      );
      expect(wrongKind.errors![0]).toMatchObject({
        extensions: { code: 'INVALID_ARGUMENT' },
        message: expect.stringContaining('holds no trade flows'),
      });
      const flows = await app.raw(`{ tradeFlows(filter: { dataset: "${disclosures.id}" }) { totalCount } }`);
      expect(flows.errors![0]).toMatchObject({
        extensions: { code: 'INVALID_ARGUMENT' },
        message: expect.stringContaining('filter.dataset'),
      });
    });
  });

  const baciFile = sharedFile('trade/BACI_HS92_Y2021_V202301_exporters_AFG_ZAF.csv');
  const baciCountries = sharedFile('trade/BACI_country_codes_V202301.csv');
  (baciFile && baciCountries ? it : it.skip)(
    "matches an independent computation of South Africa's and Afghanistan's export concentration on BACI",
    async () => {
      const imported = await runImport(app.running.db, { format: 'baci', files: [baciFile!], countriesFile: baciCountries! });
      const dataset = String(imported.files[0].datasetId);
      // Independent: BACI's own country table (490 "Other Asia, nes" is Taiwan; areas without an alpha-3 are
      // not countries and are left out), codes padded back to six digits, v in thousand USD.
      const iso3 = new Map(readCsv(baciCountries!).map((r) => [r.country_code, r.country_code === '490' ? 'TWN' : r.iso_3digit_alpha]));
      for (const [code, exporter] of [
        ['710', 'ZAF'],
        ['4', 'AFG'],
      ]) {
        const byDestination = new Map<string, number>();
        const byProduct = new Map<string, number>();
        for (const row of readCsv(baciFile!)) {
          const partner = iso3.get(row.j);
          if (row.i !== code || !partner || partner === 'N/A') continue;
          const value = Number(row.v) * 1000;
          byDestination.set(partner, (byDestination.get(partner) ?? 0) + value);
          byProduct.set(row.k.padStart(6, '0'), (byProduct.get(row.k.padStart(6, '0')) ?? 0) + value);
        }
        for (const [by, market] of [
          ['DESTINATIONS', byDestination],
          ['PRODUCTS', byProduct],
        ] as const) {
          const reference = concentration([...market.values()]);
          const result = await app.gql(ExportConcentrationDocument, { exporter, by, year: 2021, dataset });
          const c = result.data!.exportConcentration;
          expect([exporter, by, c.participants]).toEqual([exporter, by, reference.participants]);
          expect(c.hhi).toBeCloseTo(reference.hhi!, 9);
          expect(c.totalWeight).toBeCloseTo(
            [...market.values()].reduce((a, b) => a + b, 0),
            0,
          );
          const largest = [...market].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
          expect(c.top[0].participantId).toBe(largest[0]);
        }
      }
    },
  );

  describe('strategic dependencies (GeoDep)', () => {
    it('reports each criterion next to its verdict, and persistence over the last three years', async () => {
      const result = await app.gql(StrategicDependenciesDocument, { importer: 'USA', year: 2022, only: 'ALL', dataset: ds });
      expect(result.errors).toBeUndefined();
      const report = result.data!.strategicDependencies;
      expect(report).toMatchObject({
        importer: 'USA',
        group: false,
        year: 2022,
        windowStart: 2020,
        productsImported: 2,
        dependentCount: 1,
        persistentCount: 1,
      });
      const [solar, other] = report.items;
      // 854140: sources CHN 80, VNM 20, FRA 5; world exporters CHN 180, VNM 20, FRA 505, USA 10; USA exports 10.
      expect(solar).toMatchObject({
        productCode: '854140',
        product: { code: '854140' },
        importValue: 105,
        exportValue: 10,
        c1: true,
        c2: true,
        c3: true,
        dependent: true,
      });
      expect(solar.importHhi).toBeCloseTo(hhi([80, 20, 5]), 12);
      expect(solar.worldExportHhi).toBeCloseTo(hhi([180, 20, 505, 10]), 12);
      expect(solar.importExportRatio).toBeCloseTo(10.5, 12);
      // 2021: CHN 50, VNM 50 (HHI .5), world HHI .5, no exports (ratio null, C3 true): dependent too.
      expect(solar).toMatchObject({
        dependentYears: [2021, 2022],
        persistent: true,
        largestSource: { participantId: 'CHN', weight: 80, country: { id: 'CHN' } },
      });
      expect(solar.largestSource.share).toBeCloseTo(80 / 105, 12);
      // 854150: CHN 40, VNM 30, MEX 30 → HHI .34 on both sides; no exports.
      expect(other).toMatchObject({
        productCode: '854150',
        c1: false,
        c2: false,
        importExportRatio: null,
        c3: true,
        dependent: false,
        dependentYears: [],
        persistent: false,
      });
      expect(other.importHhi).toBeCloseTo(0.34, 12);

      const dependentOnly = await app.gql(StrategicDependenciesDocument, { importer: 'USA', year: 2022, dataset: ds });
      expect(dependentOnly.data!.strategicDependencies.items.map((i) => i.productCode)).toEqual(['854140']);
    });

    it('takes thresholds and criteria as arguments', async () => {
      const loose = await app.gql(StrategicDependenciesDocument, {
        importer: 'USA',
        year: 2022,
        dataset: ds,
        importHhiAbove: 0.3,
        criteria: ['C1'],
      });
      expect(loose.data!.strategicDependencies.items.map((i) => i.productCode)).toEqual(['854140', '854150']);
    });

    it('reads a group extra-group on both the import and the export side', async () => {
      const eu = await app.gql(StrategicDependenciesDocument, { importer: 'EU27', year: 2022, only: 'ALL', dataset: ds });
      const [item] = eu.data!.strategicDependencies.items;
      // Extra-EU imports: CHN → DEU 100, USA → DEU 10 (FRA → DEU is intra-EU); extra-EU exports: FRA → USA 5.
      expect(item).toMatchObject({
        productCode: '854140',
        importValue: 110,
        exportValue: 5,
        dependent: true,
        dependentYears: [2022],
        persistent: false,
      });
      expect(item.importHhi).toBeCloseTo(hhi([100, 10]), 12);
      expect(item.importExportRatio).toBeCloseTo(22, 12);
      expect(eu.data!.strategicDependencies).toMatchObject({ group: true, persistentCount: 0 });
    });

    it('says a year without data is empty, and rejects bad thresholds with codes', async () => {
      const empty = await app.gql(StrategicDependenciesDocument, { importer: 'USA', year: 2019, only: 'ALL', dataset: ds });
      expect(empty.data!.strategicDependencies).toMatchObject({ productsImported: 0, dependentCount: 0, items: [] });
      for (const args of [
        'importHhiAbove: 1.5',
        'worldExportHhiAbove: -0.1',
        'importExportRatioAbove: -1',
        'criteria: []',
        'persistenceYears: 0',
        'persistenceMin: 4',
      ]) {
        const bad = await app.raw(`{ strategicDependencies(importer: "USA", year: 2022, dataset: "${ds}", ${args}) { dependentCount } }`);
        expect([args, bad.errors?.[0].extensions!.code]).toEqual([args, 'INVALID_ARGUMENT']);
      }
    });

    it('agrees with an independent computation on generated data', async () => {
      const demo = await seedDemo(app.running.db, {
        flows: 6000,
        brands: 2,
        manufacturers: 3,
        facilities: 6,
        yearFrom: 2020,
        yearTo: 2022,
      });
      const dataset = String(demo.datasetId);
      const result = await app.gql(StrategicDependenciesDocument, { importer: 'USA', year: 2022, only: 'ALL', dataset, first: 1000 });
      expect(result.errors).toBeUndefined();
      const items = result.data!.strategicDependencies.items;
      expect(items.length).toBeGreaterThan(5);
      const sql = app.running.db.orm.em.fork().getConnection();
      const sums = async (where: string, params: unknown[], by: string) =>
        (
          await sql.execute<Array<{ k: string; w: string }>>(
            `select ${by} as k, sum(value_usd) as w from trade_flow where dataset_id = ? and year = 2022 and ${where} group by 1`,
            [demo.datasetId, ...params],
          )
        ).map((r) => Number(r.w));
      for (const item of items.slice(0, 15)) {
        const sources = await sums('importer_id = ? and product_code = ?', ['USA', item.productCode], 'exporter_id');
        const world = await sums('product_code = ?', [item.productCode], 'exporter_id');
        const exports = (await sums('exporter_id = ? and product_code = ?', ['USA', item.productCode], "'x'"))[0] ?? 0;
        const imports = sources.reduce((s, w) => s + w, 0);
        const verdict = geoDepVerdict({ importHhi: hhi(sources), worldExportHhi: hhi(world), imports, exports });
        expect(item.importHhi).toBeCloseTo(hhi(sources), 9);
        expect(item.worldExportHhi).toBeCloseTo(hhi(world), 9);
        expect(item.importValue).toBeCloseTo(imports, 3);
        expect(item.exportValue).toBeCloseTo(exports, 3);
        expect([item.c1, item.c2, item.c3, item.dependent]).toEqual([verdict.c1, verdict.c2, verdict.c3, verdict.dependent]);
      }
    });
  });

  describe('sourcing exposure', () => {
    it("splits a shared facility's capacity among its brands for a manufacturer's customer concentration", async () => {
      // At 2023-06-01: A has F1–F3 (M1's), B has F1. F1 (100) splits 50/50; F2 (300) goes to A; F3 is unknown.
      const mid = await app.gql(CustomerConcentrationDocument, { id: String(ids.m1), asOf: '2023-06-01' });
      expect(mid.errors).toBeUndefined();
      const c = mid.data!.manufacturer!.customerConcentration;
      expect(c).toMatchObject({ participants: 2, totalWeight: 400, asOf: '2023-06-01', unknownCapacity: 1 });
      expect(c.top.map((t) => [t.kind, t.brand?.name, t.weight])).toEqual([
        ['BRAND', 'Brand A', 350],
        ['BRAND', 'Brand B', 50],
      ]);
      expect(c.hhi).toBeCloseTo(hhi([350, 50]), 12);
      // Latest: B's 2024 disclosure adds F2, so F1 and F2 both split: A 50 + 150, B 50 + 150.
      const latest = await app.gql(CustomerConcentrationDocument, { id: String(ids.m1) });
      expect(latest.data!.manufacturer!.customerConcentration).toMatchObject({ totalWeight: 400, hhi: 0.5, unknownCapacity: 1 });
      // By count, F3 counts too: A 0.5 + 0.5 + 1, B 0.5 + 0.5.
      const count = await app.gql(CustomerConcentrationDocument, { id: String(ids.m1), weight: 'COUNT' });
      expect(count.data!.manufacturer!.customerConcentration.top.map((t) => t.weight)).toEqual([2, 1]);
      expect(count.data!.manufacturer!.customerConcentration.unknownCapacity).toBe(0);
      // Before any disclosure: an empty market.
      const before = await app.gql(CustomerConcentrationDocument, { id: String(ids.m1), asOf: '2022-01-01' });
      expect(before.data!.manufacturer!.customerConcentration).toMatchObject({ participants: 0, hhi: null, unknownCapacity: 0 });
    });

    it('splits by disclosed volumes when every brand of the facility gave one', async () => {
      const m2 = await app.gql(CustomerConcentrationDocument, { id: String(ids.m2) });
      // F4 (80 workers): A 3 units, B 1 unit → 60 / 20.
      expect(m2.data!.manufacturer!.customerConcentration.top.map((t) => t.weight)).toEqual([60, 20]);
      // By volume, each brand weighs what it disclosed there; M1's facilities disclosed none.
      const byVolume = await app.gql(CustomerConcentrationDocument, { id: String(ids.m2), weight: 'VOLUME' });
      expect(byVolume.data!.manufacturer!.customerConcentration.top.map((t) => t.weight)).toEqual([3, 1]);
      const m1 = await app.gql(CustomerConcentrationDocument, { id: String(ids.m1), weight: 'VOLUME' });
      expect(m1.data!.manufacturer!.customerConcentration).toMatchObject({ participants: 0, hhi: null, unknownCapacity: 3 });
      // A brand's suppliers by volume: only F4 has one; F1–F3 are counted as unknown, never weighed.
      const supplier = await app.raw(
        `{ brand(id: "${ids.brandA}") { supplierConcentration(weight: VOLUME) { participants totalWeight unknownCapacity } } }`,
      );
      expect(supplier.data!.brand).toEqual({ supplierConcentration: { participants: 1, totalWeight: 3, unknownCapacity: 3 } });
    });

    it('costs the same statements for one manufacturer or brand as for a list of them (batched)', async () => {
      const statements = async (query: string) => {
        app.resetQueryCount();
        const result = await app.raw(query);
        expect(result.errors).toBeUndefined();
        return app.queryCount();
      };
      const manufacturers = (first: number) =>
        `{ manufacturers(first: ${first}) { nodes { customerConcentration { hhi top { brand { name } } } } } }`;
      expect(await statements(manufacturers(2))).toBe(await statements(manufacturers(1)));
      const brands = (first: number) =>
        `{ brands(first: ${first}) { nodes { singleSourceExposure { largestCountry { country { name } } aboveThreshold { share } } } } }`;
      expect(await statements(brands(2))).toBe(await statements(brands(1)));
    });

    it("gives a brand's largest manufacturer and country, and the participants above the threshold", async () => {
      const result = await app.gql(SingleSourceExposureDocument, { id: String(ids.brandA) });
      expect(result.errors).toBeUndefined();
      const e = result.data!.brand!.singleSourceExposure;
      // A at 2023-01-01: M1 = F1 100 + F2 300 (F3 unknown), M2 = F4 80; VNM = 100 + 80, CHN = 300.
      expect(e).toMatchObject({ asOf: '2023-01-01', threshold: 0.2, totalWeight: 480, unknownCapacity: 1 });
      expect(e.largestManufacturer).toMatchObject({ manufacturer: { name: 'M1 Group' } });
      expect(e.largestManufacturer!.share).toBeCloseTo(400 / 480, 12);
      expect(e.largestCountry).toMatchObject({ participantId: 'CHN', country: { id: 'CHN' } });
      expect(e.largestCountry!.share).toBeCloseTo(300 / 480, 12);
      expect(e.aboveThreshold.map((s) => [s.kind, s.share])).toEqual([
        ['MANUFACTURER', 400 / 480],
        ['COUNTRY', 300 / 480],
        ['COUNTRY', 180 / 480],
      ]);
      const strict = await app.gql(SingleSourceExposureDocument, { id: String(ids.brandA), threshold: 0.7 });
      expect(strict.data!.brand!.singleSourceExposure.aboveThreshold).toHaveLength(1);
      const bad = await app.gql(SingleSourceExposureDocument, { id: String(ids.brandA), threshold: 1.2 });
      expect(bad.errors![0].extensions!.code).toBe('INVALID_ARGUMENT');
    });
  });
});
