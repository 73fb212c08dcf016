import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportError } from '../../src/modules/import/import-error';
import { runImport } from '../../src/modules/import/run-import';
import { ComplexityDocument, RcaDocument, type RcaQuery } from '../generated/graphql';
import { readCsv, sharedFile } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Specialisation through the API from exporter totals loaded by the product's own import path
 * (`runImport`, format `exports`), checked against the Growth Lab's Stata `ecomplexity` output.
 */

const sampleFile = sharedFile('complexity/trade_data_sample.csv');
const truthFile = sharedFile('complexity/stata_ground_truth.csv');
const truth = truthFile ? readCsv(truthFile) : [];
const years = [...new Set(truth.map((r) => Number(r.year)))].sort();

/** numpy.isclose, as the upstream test: |actual − expected| ≤ 1e-8 + rtol·|expected|. */
const close = (actual: number | null, expected: number, rtol: number) =>
  actual !== null && Math.abs(actual - expected) <= 1e-8 + rtol * Math.abs(expected);
/** The sample writes Belgium-Luxembourg as "blx", which the import reads as BEL; the rest are ISO codes in lower case. */
const iso = (origin: string) => (origin === 'blx' ? 'BEL' : origin.toUpperCase());

(sampleFile && truthFile ? describe : describe.skip)(
  'specialisation from exporter totals (trade_data_sample.csv, Stata ground truth)',
  () => {
    let app: TestApp;
    let datasetId: string;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-specialisation-'));
    const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await app.running.db.orm.em.fork().getConnection().execute(text, params)) as T[];
    const write = (name: string, lines: string[]) => {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, lines.join('\n') + '\n');
      return file;
    };

    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(async () => {
      await app?.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('loads the 600 rows as an EXPORT_TOTALS dataset of its own table; loading it again changes nothing', async () => {
      const result = await runImport(app.running.db, { format: 'exports', files: [sampleFile!] });
      expect(result.files[0]).toMatchObject({ records: 600, loaded: 600, rejected: 0, unchanged: false });
      datasetId = String(result.files[0].datasetId);
      const [dataset] = await sql<{ kind: string; name: string; row_count: string; rows: string; flows: string }>(
        `select kind, name, row_count, (select count(*) from export_total where dataset_id = d.id) as rows,
              (select count(*) from trade_flow where dataset_id = d.id) as flows from dataset d where id = ?`,
        [Number(datasetId)],
      );
      expect(dataset).toEqual({ kind: 'EXPORT_TOTALS', name: 'trade_data_sample', row_count: '600', rows: '600', flows: '0' });
      // Line 2: 1995,aut,1704,43653866.43 — kept to the cent.
      const [first] = await sql<{ value_usd: string }>(
        "select value_usd from export_total where exporter_id = 'AUT' and product_code = '1704' and year = 1995",
      );
      expect(Number(first.value_usd)).toBe(43653866.43);
      const again = await runImport(app.running.db, { format: 'exports', files: [sampleFile!] });
      expect(again.files[0]).toMatchObject({ unchanged: true, datasetId: Number(datasetId) });
    });

    for (const year of years) {
      it(`gives Stata's RCA and M for every (country, product) of ${year} (rca, HS-4, the only dataset by default)`, async () => {
        const result = await app.gql(RcaDocument, { year, level: 4, first: 1000 });
        expect(result.errors).toBeUndefined();
        const page = result.data!.rca;
        expect([page.dataset.id, page.dataset.kind, page.level, page.pageInfo.hasNextPage]).toEqual([datasetId, 'EXPORT_TOTALS', 4, false]);
        const expected = truth.filter((r) => Number(r.year) === year);
        expect(page.totalCount).toBe(expected.length);
        const rows = new Map(page.nodes.map((r) => [`${r.country.id}|${r.product.code}`, r]));
        const failures: string[] = [];
        for (const row of expected) {
          const ours = rows.get(`${iso(row.origin)}|${row.hs92}`);
          if (!ours) failures.push(`${row.origin} ${row.hs92}: missing`);
          else if (!close(ours.rca, Number(row.rca), 1e-5) || ours.m !== Number(row.M))
            failures.push(`${row.origin} ${row.hs92}: rca ${ours.rca}, m ${ours.m} vs ${row.rca}, ${row.M}`);
        }
        expect(failures).toEqual([]);
      });

      it(`gives Stata's diversity, ubiquity, ECI, PCI, density, COI and COG for every row of ${year} (complexity)`, async () => {
        const expected = truth.filter((r) => Number(r.year) === year);
        const countries = [...new Set(expected.map((r) => iso(r.origin)))];
        const result = await app.gql(ComplexityDocument, { year, dataset: datasetId, countries });
        expect(result.errors).toBeUndefined();
        const c = result.data!.complexity;
        const byCountry = new Map(c.countries.map((x) => [x.country.id, x]));
        const byProduct = new Map(c.products.map((x) => [x.product.code, x]));
        const cells = new Map(c.countryProducts.map((x) => [`${x.country.id}|${x.product.code}`, x]));
        expect([byCountry.size, byProduct.size, cells.size]).toEqual([10, 30, expected.length]);
        const failures: string[] = [];
        for (const row of expected) {
          const country = byCountry.get(iso(row.origin))!;
          const product = byProduct.get(row.hs92)!;
          const cell = cells.get(`${iso(row.origin)}|${row.hs92}`)!;
          const exact: Array<[string, number, string]> = [
            ['M', cell.m, row.M],
            ['diversity', country.diversity, row.diversity],
            ['ubiquity', product.ubiquity, row.ubiquity],
          ];
          for (const [name, ours, theirs] of exact)
            if (ours !== Number(theirs)) failures.push(`${row.origin} ${row.hs92} ${name}: ${ours} vs ${theirs}`);
          const approx: Array<[string, number | null, string, number]> = [
            ['rca', cell.rca, row.rca, 1e-5],
            ['eci', country.eci, row.eci, 1e-5],
            ['pci', product.pci, row.pci, 1e-5],
            ['density', cell.density, row.density, 1e-4],
            ['coi', country.coi, row.coi, 1e-4],
            ['cog', cell.cog, row.cog, 1e-4],
          ];
          for (const [name, ours, theirs, rtol] of approx)
            if (!close(ours, Number(theirs), rtol)) failures.push(`${row.origin} ${row.hs92} ${name}: ${ours} vs ${theirs}`);
        }
        expect(failures).toEqual([]);
      });
    }

    it('pages the rows by (country, product) without skipping or repeating one, filters without changing the totals', async () => {
      const all = (await app.gql(RcaDocument, { year: 1995, level: 4, first: 1000 })).data!.rca.nodes;
      const seen: typeof all = [];
      let after: string | null = null;
      for (let pages = 0; pages < 100; pages++) {
        const page: RcaQuery['rca'] = (await app.gql(RcaDocument, { year: 1995, level: 4, first: 7, after })).data!.rca;
        seen.push(...page.nodes);
        expect(page.totalCount).toBe(300);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
      expect(all.map((r) => r.country.id + r.product.code)).toEqual(all.map((r) => r.country.id + r.product.code).sort());

      // Austria's advantages in chapter 73: the same RCA as in the full table (filters never change X_c, x_wk, X_w).
      const aut = (await app.gql(RcaDocument, { year: 1995, level: 4, exporter: 'aut', product: '73', minRca: 1 })).data!.rca;
      const expected = all.filter((r) => r.country.id === 'AUT' && r.product.code.startsWith('73') && r.rca >= 1);
      expect(expected.length).toBeGreaterThan(0);
      expect(aut.nodes).toEqual(expected);
      expect(aut.totalCount).toBe(expected.length);
    });

    it('rolls the 4-digit codes up to chapters, and has no rows at HS-6, where they cannot be split', async () => {
      const chapters = (await app.gql(RcaDocument, { year: 1995, level: 2, exporter: 'DEU', product: '73' })).data!.rca;
      const headings = truth.filter((r) => r.year === '1995' && r.origin === 'deu' && r.hs92.startsWith('73'));
      const sample = readCsv(sampleFile!).filter((r) => r.year === '1995');
      const sum = (rows: Array<Record<string, string>>) => rows.reduce((s, r) => s + Number(r.export_val), 0);
      const deu73 = sum(sample.filter((r) => r.origin === 'deu' && r.hs92.startsWith('73')));
      expect(headings.length).toBeGreaterThan(1);
      expect(chapters.nodes).toHaveLength(1);
      expect(chapters.nodes[0].exportValue).toBeCloseTo(deu73, 2);
      // RCA of chapter 73 from the sample's own sums.
      const rca =
        deu73 / sum(sample.filter((r) => r.origin === 'deu')) / (sum(sample.filter((r) => r.hs92.startsWith('73'))) / sum(sample));
      expect(chapters.nodes[0].rca).toBeCloseTo(rca, 12);
      const six = (await app.gql(RcaDocument, { year: 1995, level: 6 })).data!.rca;
      expect([six.totalCount, six.worldExports, six.nodes]).toEqual([0, null, []]);
    });

    it('says a year without data is empty: no rows, null world exports, no countries', async () => {
      const rca = (await app.gql(RcaDocument, { year: 2001, level: 4 })).data!.rca;
      expect(rca).toMatchObject({ totalCount: 0, worldExports: null, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
      const complexity = (await app.gql(ComplexityDocument, { year: 2001, countries: ['AUT'] })).data!.complexity;
      expect(complexity).toMatchObject({ worldExports: null, countries: [], products: [], countryProducts: [] });
    });

    it('rolls mixed HS levels up by prefix without adding a code to its own sub-codes', async () => {
      const file = write('mixed_levels.csv', [
        'Year,Location_Code,HS_Product_Code,Export_Value,Import_Value',
        // DEU reports chapter 64 and its heading 6403: the chapter holds the heading, never add them.
        '2021,DEU,64,100,1',
        '2021,DEU,6403,70,1',
        '2021,FRA,640399,30,1',
        '2021,FRA,640391,20,1',
        '2021,FRA,6109,50,1',
        // ITA: the heading 6403 and one of its subheadings.
        '2021,ITA,6403,40,1',
        '2021,ITA,640391,15,1',
      ]);
      const result = await runImport(app.running.db, { format: 'exports', files: [file], dataset: 'mixed levels' });
      const dataset = String(result.files[0].datasetId);
      const values = async (level: number) =>
        Object.fromEntries(
          (await app.gql(RcaDocument, { year: 2021, level, dataset })).data!.rca.nodes.map((r) => [
            `${r.country.id} ${r.product.code}`,
            [r.exportValue, r.rca],
          ]),
        );
      // HS-2: DEU 64 = 100 (the chapter row; 6403 is inside it), FRA 64 = 30 + 20, FRA 61 = 50, ITA 64 = 40. X_w = 240.
      expect(await values(2)).toEqual({
        'DEU 64': [100, expect.closeTo(100 / 100 / (190 / 240), 12)],
        'FRA 61': [50, expect.closeTo(50 / 100 / (50 / 240), 12)],
        'FRA 64': [50, expect.closeTo(50 / 100 / (190 / 240), 12)],
        'ITA 64': [40, expect.closeTo(40 / 40 / (190 / 240), 12)],
      });
      // HS-4: DEU 6403 = 70 (the chapter row cannot be split), ITA 6403 = 40 (its subheading is inside it). X_w = 210.
      expect(await values(4)).toEqual({
        'DEU 6403': [70, expect.closeTo(1 / (160 / 210), 12)],
        'FRA 6109': [50, expect.closeTo(0.5 / (50 / 210), 12)],
        'FRA 6403': [50, expect.closeTo(0.5 / (160 / 210), 12)],
        'ITA 6403': [40, expect.closeTo(1 / (160 / 210), 12)],
      });
      // HS-6: only the subheadings. X_w = 65.
      expect(Object.keys(await values(6))).toEqual(['FRA 640391', 'FRA 640399', 'ITA 640391']);
    });

    it('stops at a repeated (year, exporter, product) and names both lines, importing nothing', async () => {
      const file = write('repeated.csv', ['year,origin,hs92,export_val', '1995,aut,1704,1', '1995,deu,1704,2', '1995,AUT,1704,3']);
      const error = (await runImport(app.running.db, { format: 'exports', files: [file] }).catch((e) => e)) as ImportError;
      expect(error).toBeInstanceOf(ImportError);
      expect([error.line, error.message]).toEqual([
        4,
        expect.stringMatching(/repeated\.csv:4: duplicate export total 1995 AUT HS 1704: also on line 2/),
      ]);
      expect(await sql("select id from dataset where name = 'repeated'")).toEqual([]);
    });

    it('refuses a complexity matrix of more than 2,000 products (the product space is products²), and computes the coarser level', async () => {
      const codes = Array.from({ length: 2001 }, (_, i) => String(100000 + 3 * i));
      const file = write('many_products.csv', [
        'year,exporter,product,value',
        ...codes.flatMap((code, i) => [`2021,DEU,${code},${1 + i}`, `2021,FRA,${code},${2001 - i}`]),
      ]);
      const dataset = String((await runImport(app.running.db, { format: 'exports', files: [file] })).files[0].datasetId);
      const six = await app.gql(ComplexityDocument, { year: 2021, level: 6, dataset, countries: [] });
      expect(six.errors![0].extensions).toMatchObject({ code: 'INVALID_ARGUMENT', argument: 'level', products: 2001, max: 2000 });
      expect(six.errors![0].message).toMatch(/2,001 products have exports in 2021 at HS-6; complexity is computed for at most 2,000/);
      // Headings 1000–1060: 61 products.
      const four = await app.gql(ComplexityDocument, { year: 2021, level: 4, dataset, countries: [] });
      expect(four.data!.complexity.products).toHaveLength(61);
    });

    it('replaces the rows of an older file loaded under the same dataset name, atomically', async () => {
      const lines = fs.readFileSync(sampleFile!, 'utf8').trimEnd().split('\n');
      // Austria's 1995 exports of 1704 doubled: a correction of the same dataset.
      const corrected = write('trade_data_sample.csv', [lines[0], lines[1].replace('43653866.43', '87307732.86'), ...lines.slice(2)]);
      const result = await runImport(app.running.db, { format: 'exports', files: [corrected] });
      expect(result.files[0].replaced).toEqual([Number(datasetId)]);
      const newId = String(result.files[0].datasetId);
      const [counts] = await sql<{ old: string; new: string }>(
        'select (select count(*) from export_total where dataset_id = ?) as old, (select count(*) from export_total where dataset_id = ?) as new',
        [Number(datasetId), Number(newId)],
      );
      expect(counts).toEqual({ old: '0', new: '600' });
      const aut = (await app.gql(RcaDocument, { year: 1995, level: 4, exporter: 'AUT', product: '1704', dataset: newId })).data!.rca.nodes;
      expect(aut[0].exportValue).toBe(87307732.86);
      const gone = await app.gql(RcaDocument, { year: 1995, dataset: datasetId });
      expect(gone.errors![0].extensions!.code).toBe('UNKNOWN_DATASET');
    });
  },
);
