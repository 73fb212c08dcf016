import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { loadConfig } from '../../src/config/config';
import { createApollo } from '../../src/graphql/apollo';
import { createContext, LOCAL_OPERATOR } from '../../src/graphql/create-context';
import { createSchema } from '../../src/graphql/schema';
import { XLSX } from '../../src/modules/export/formats/xlsx';
import { runExport } from '../../src/modules/export/run-export';
import { edgePlugin } from '../../src/server/edge-plugin';
import { createCostFunction } from '../../src/server/cost';
import { parse } from 'graphql';
import { DatasetKind } from '../../src/modules/dataset/dataset-kind';
import { factories } from '../support/factories';
import { loadFlowDataset, type FlowTuple } from '../support/flow-datasets';
import type { ExportProvenance } from '../../src/modules/export/formats/table-format';
import { readParquet, readXlsx } from '../support/read-export';
import { TEXT_READERS, type ExportRecord } from '../support/read-text-export';
import { startTestApp, type TestApp } from '../support/test-app';
import { HEAVY_OPERATION_LIMITS } from '../support/waiting';

/**
 * Complete exports (#10 items 1 and 2): every row of a list through one GET /csv, in each format, read back
 * by an independent reader and checked against SQL, with the dataset it came from in the rows and headers.
 */
const onServer = Boolean(process.env.DATABASE_URL);

/** A typed file's header and rows as records (column name → value as its reader types it). */
const recordsOf = (columns: readonly string[], rows: readonly (readonly unknown[])[]): ExportRecord[] =>
  rows.map((row) => Object.fromEntries(columns.map((name, j) => [name, row[j]])));

/** An export read back: its records, and its provenance where the format keeps it beside the rows (metadata, a sheet). */
interface ReadBack {
  records: ExportRecord[];
  provenance?: ExportProvenance | null;
}

/**
 * The formats the big export is read back in, each by a reader independent of its writer: csv-parse and
 * JSON.parse for the text formats (provenance in columns), DuckDB for Parquet (in its key-value metadata),
 * read-excel-file for xlsx (in its provenance sheet).
 */
const READERS: Record<string, (body: Buffer) => Promise<ReadBack>> = {
  ...Object.fromEntries(Object.entries(TEXT_READERS).map(([format, read]) => [format, async (body: Buffer) => ({ records: read(body) })])),
  parquet: async (body) => {
    const file = await readParquet(body);
    return {
      records: recordsOf(
        file.columns.map((c) => c.name),
        file.rows,
      ),
      provenance: file.provenance,
    };
  },
  xlsx: async (body) => {
    const file = await readXlsx(body);
    return { records: recordsOf(file.columns, file.rows), provenance: file.provenance };
  },
};

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** False when the body was cut off (the server destroyed the connection before the last chunk). */
  complete: boolean;
}

/** GET over node:http, raw bytes as sent (no decompression), and whether the body ended cleanly. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        const done = (complete: boolean) =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks), complete });
        res.on('end', () => done(res.complete));
        res.on('aborted', () => done(false));
        res.on('error', () => done(false));
      })
      .on('error', reject);
  });
}

const exportUrl = (app: TestApp, query: string, params: Record<string, string> = {}) =>
  `${app.baseUrl}/csv?${new URLSearchParams({ query, ...params }).toString()}`;

describe(`complete exports with provenance (${onServer ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  let app: TestApp;
  let dataset: number;
  let flows: FlowTuple[];
  const sql = async <R extends object>(text: string, values: unknown[] = []) =>
    app.running.db.orm.em.fork().getConnection().execute<R[]>(text, values);

  beforeAll(async () => {
    // A page size of 200: countries (≈250) and flows come in several pages.
    app = await startTestApp({ env: { ...HEAVY_OPERATION_LIMITS, MAX_PAGE_SIZE: '200' } });
    const make = factories(app.running.db.orm.em.fork());
    const products: string[] = [];
    for (let h = 1; h <= 10; h++) {
      const heading = `61${String(h).padStart(2, '0')}`;
      await make.product(heading, `heading ${heading}`);
      for (const sub of ['10', '20', '90', '99']) {
        await make.product(heading + sub, `subheading ${heading + sub}`);
        products.push(heading + sub);
      }
    }
    const countries = (await sql<{ id: string }>('select id from country where region is not null order by id limit 36')).map((r) =>
      r.id.trim(),
    );
    expect(countries).toHaveLength(36);
    // 2 years × 36 exporters × 35 importers × 40 products: 100,800 flows, each its own aggregate row.
    flows = [];
    let i = 0;
    for (const year of [2021, 2022])
      for (const exporter of countries)
        for (const importer of countries)
          if (importer !== exporter)
            for (const product of products) {
              i++;
              flows.push([year, exporter, importer, product, ((i * 7919) % 100_000) / 4 + 1, i % 3 ? i % 50 : null]);
            }
    dataset = await loadFlowDataset(app.running.db, 'generated export', flows);
  }, 600_000);
  afterAll(() => app?.close());

  const AGGREGATE = (dataset: number) =>
    `{ tradeAggregate(dataset: "${dataset}", groupBy: [YEAR, EXPORTER, IMPORTER, PRODUCT], orderBy: KEYS) { rows { year exporterId importerId productCode valueUsd flowCount } } }`;

  it.each(Object.keys(READERS))(
    'pulls every one of 100,800 aggregate rows through one GET /csv as %s, with the sums of SQL and the dataset in rows and headers',
    async (format) => {
      const answer = await get(exportUrl(app, AGGREGATE(dataset), { format }));
      expect([answer.status, answer.complete]).toEqual([200, true]);
      expect(answer.headers['content-disposition']).toBe(`attachment; filename="tradeAggregate.${format}"`);
      const { records, provenance: inFile } = await READERS[format](answer.body);
      const [expected] = await sql<{ n: number; value: string; flows: string }>(
        'select count(*)::int as n, sum(value_usd)::text as value, count(*)::text as flows from trade_flow where dataset_id = ?',
        [dataset],
      );
      expect(records.length).toBe(expected.n);
      expect(records.length).toBeGreaterThanOrEqual(100_000);
      // Quarter-dollar values: their double sum is exact, so it equals the numeric sum PostgreSQL computed.
      expect(records.reduce((sum, r) => sum + Number(r.valueUsd), 0)).toBe(Number(expected.value));
      expect(records.reduce((sum, r) => sum + Number(r.flowCount), 0)).toBe(Number(expected.flows));
      // Every row, in key order, none twice.
      const keys = records.map((r) => `${r.year}|${r.exporterId}|${r.importerId}|${r.productCode}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys[0]).toBe(`2021|${flows[0][1]}|${flows[0][2]}|${flows[0][3]}`);
      // Provenance in every row though the query did not select it, and in the headers.
      if (inFile === undefined) {
        const provenance = new Set(records.map((r) => `${r['dataset.id']}|${r['dataset.name']}|${r['dataset.version']}`));
        expect([...provenance]).toEqual([`${dataset}|generated export|1`]);
      } else {
        expect(inFile?.datasets.map((d) => `${d.id}|${d.name}|${d.version}`)).toEqual([`${dataset}|generated export|1`]);
      }
      const header = JSON.parse(String(answer.headers['x-tradegraph-datasets']));
      expect(header).toEqual([
        expect.objectContaining({
          id: String(dataset),
          kind: 'SYNTHETIC',
          name: 'generated export',
          version: '1',
          file: 'generated export.csv',
          checksum: 'generated export',
          licence: null,
        }),
      ]);
      expect(new Date(header[0].importedAt).getTime()).toBeGreaterThan(Date.UTC(2020, 0, 1));
    },
    300_000,
  );

  it('writes the provenance into the Parquet metadata and the xlsx provenance sheet, with typed columns', async () => {
    const query = AGGREGATE(dataset);
    const parquet = await readParquet((await get(exportUrl(app, query, { format: 'parquet', limit: '10' }))).body);
    const xlsx = await readXlsx((await get(exportUrl(app, query, { format: 'xlsx', limit: '10' }))).body);
    for (const file of [parquet, xlsx]) {
      expect(file.rows).toHaveLength(10);
      expect(file.provenance).toMatchObject({
        source: 'tradeAggregate',
        datasets: [expect.objectContaining({ id: String(dataset), kind: 'SYNTHETIC', name: 'generated export', version: '1' })],
      });
    }
    const types = Object.fromEntries(parquet.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      year: 'BIGINT',
      exporterId: 'VARCHAR',
      productCode: 'VARCHAR',
      valueUsd: 'DECIMAL(38,3)',
      flowCount: 'BIGINT',
    });
    expect(xlsx.sheets).toEqual(['data', 'provenance']);
  }, 120_000);

  it("refuses a list longer than the format holds (xlsx) before the first byte, from the list's count, and lets a limit settle it", async () => {
    const schema = await createSchema();
    const config = app.running.config;
    const apollo = createApollo(schema, config, () => undefined, [edgePlugin({ config, costOf: createCostFunction(schema, config) })]);
    await apollo.start();
    try {
      // The sheet of a test holds 1,000 rows: the 100,800-row aggregate does not fit, its first 1,000 do.
      const small = { ...XLSX, maxRows: 1_000 };
      const run = (limit: number | null) =>
        runExport(apollo, schema, { query: AGGREGATE(dataset), format: small, limit }, () =>
          createContext(app.running.db.orm, app.running.db.catalog, config, LOCAL_OPERATOR),
        );
      const refused = await run(null);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.errors[0].extensions).toMatchObject({
        code: 'EXPORT_TOO_LARGE',
        format: 'xlsx',
        maxRows: 1_000,
        rows: flows.length,
      });
      const fits = await run(1_000);
      expect(fits.ok).toBe(true);
      const chunks: Buffer[] = [];
      if (fits.ok) for await (const chunk of fits.body) chunks.push(chunk);
      expect((await readXlsx(Buffer.concat(chunks))).rows).toHaveLength(1_000);
    } finally {
      await apollo.stop();
    }
  }, 120_000);

  it("names the disclosure datasets of sourcing links in an export's rows and headers, for the links' list and a brand's", async () => {
    const make = factories(app.running.db.orm.em.fork());
    const disclosure = await make.dataset({ kind: DatasetKind.BRAND_DISCLOSURE, name: 'export test disclosures', version: '2023' });
    const brand = await make.brand('Export Provenance Brand');
    const facility = await make.facility({ name: 'Export Provenance Mill', country: 'VNM' });
    await make.link(brand, facility, '2023-06-30', 'APPAREL', disclosure);
    const expected = `${disclosure.id}|export test disclosures|2023`;
    for (const query of [
      `{ sourcingLinks(filter: { brand: "${brand.id}" }) { nodes { id disclosedAt } } }`,
      `{ brand(id: "${brand.id}") { sourcingLinks { id disclosedAt } } }`,
    ]) {
      const answer = await get(exportUrl(app, query));
      expect(answer.status).toBe(200);
      const records = TEXT_READERS.csv(answer.body);
      expect(records).toHaveLength(1);
      expect(records.map((r) => `${r['dataset.id']}|${r['dataset.name']}|${r['dataset.version']}`)).toEqual([expected]);
      expect(JSON.parse(String(answer.headers['x-tradegraph-datasets']))).toEqual([
        expect.objectContaining({ id: String(disclosure.id), kind: 'BRAND_DISCLOSURE' }),
      ]);
    }
  });

  it('gzips when the client accepts it (Vary: Accept-Encoding), and the bytes round-trip', async () => {
    const query = `{ tradeFlows(filter: { year: 2021, dataset: "${dataset}", exporters: ["${flows[0][1]}"] }) { nodes { id valueUsd } } }`;
    const plain = await get(exportUrl(app, query));
    const zipped = await get(exportUrl(app, query), { 'accept-encoding': 'gzip, deflate, br' });
    expect([plain.status, zipped.status, plain.complete, zipped.complete]).toEqual([200, 200, true, true]);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect([plain.headers.vary, zipped.headers.vary]).toEqual(['Accept-Encoding', 'Accept-Encoding']);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    // identity refused, gzip not offered: still the plain file (identity is always acceptable unless refused).
    const refused = await get(exportUrl(app, query), { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('pages a connection longer than the page size to its end: 1,400 flows and every country, not one page', async () => {
    const exporter = flows[0][1];
    const query = `{ tradeFlows(filter: { year: 2021, dataset: "${dataset}", exporters: ["${exporter}"] }) { nodes { id importer { id } valueUsd } } }`;
    const records = TEXT_READERS.csv((await get(exportUrl(app, query))).body);
    const expected = await sql<{ id: string }>(
      'select id::text as id from trade_flow where dataset_id = ? and year = 2021 and exporter_id = ? order by trade_flow.id',
      [dataset, exporter],
    );
    expect(expected).toHaveLength(35 * 40);
    expect(records.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const countries = TEXT_READERS.csv((await get(exportUrl(app, '{ countries(first: 30) { edges { node { id name } } } }'))).body);
    const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from country');
    expect(n).toBeGreaterThan(200);
    expect(countries).toHaveLength(n);
    // Reference data comes from no dataset: the provenance is there, empty, and the header says so.
    expect(countries[0]).toEqual(expect.objectContaining({ 'dataset.id': '', 'dataset.name': '' }));
  });

  it('stops at `limit` rows when asked, on both paths, and refuses a limit that is not a number of rows', async () => {
    const flowsQuery = `{ tradeFlows(filter: { dataset: "${dataset}" }) { nodes { id } } }`;
    expect(TEXT_READERS.csv((await get(exportUrl(app, flowsQuery, { limit: '450' }))).body)).toHaveLength(450);
    expect(TEXT_READERS.jsonl((await get(exportUrl(app, AGGREGATE(dataset), { limit: '7', format: 'jsonl' }))).body)).toHaveLength(7);
    const copied = TEXT_READERS.csv((await get(exportUrl(app, AGGREGATE(dataset), { limit: '5' }))).body);
    expect(copied.map((r) => r.productCode)).toEqual(flows.slice(0, 5).map((f) => f[3]));
    for (const limit of ['0', '-3', '2.5', 'all']) {
      const bad = await get(exportUrl(app, flowsQuery, { limit }));
      expect([bad.status, JSON.parse(bad.body.toString()).errors[0].extensions]).toEqual([
        400,
        { code: 'INVALID_ARGUMENT', argument: 'limit', value: limit },
      ]);
    }
  });

  it('answers an unknown format with 400 UNKNOWN_FORMAT listing the formats', async () => {
    const bad = await get(exportUrl(app, '{ countries { nodes { id } } }', { format: 'docx' }));
    expect(bad.status).toBe(400);
    const error = JSON.parse(bad.body.toString()).errors[0];
    expect(error.extensions).toEqual(expect.objectContaining({ code: 'UNKNOWN_FORMAT', argument: 'format', value: 'docx' }));
    expect(error.extensions.formats).toEqual(expect.arrayContaining(['csv', 'tsv', 'jsonl']));
    expect(error.message).toMatch(/the formats are csv, tsv, jsonl/);
  });

  it('starts the file with a UTF-8 BOM when asked (bom=1), on the COPY path and the paged one', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const copied = await get(exportUrl(app, AGGREGATE(dataset), { bom: '1', limit: '3' }));
    const paged = await get(exportUrl(app, '{ countries(first: 3) { nodes { id } } }', { bom: '1', format: 'tsv' }));
    const without = await get(exportUrl(app, '{ countries(first: 3) { nodes { id } } }'));
    expect([copied.body.subarray(0, 3), paged.body.subarray(0, 3)]).toEqual([bom, bom]);
    expect(copied.body.subarray(3, 7).toString()).toBe('year');
    expect(without.body.subarray(0, 3).toString()).toBe('id,');
  });

  it('neutralises cells a spreadsheet would run as formulas in csv and tsv (a leading quote), on both paths, never numbers', async () => {
    const make = factories(app.running.db.orm.em.fork());
    for (const name of ['=HYPERLINK("http://evil","x")', '+cmd', '-2+3', '@SUM(A1)', 'Plain brand']) await make.brand(name);
    const brands = '{ brands(first: 50) { nodes { name } } }';
    const names = (format: string, records: ExportRecord[]) => records.map((r) => r.name).filter((n) => n !== undefined);
    const csv = names('csv', TEXT_READERS.csv((await get(exportUrl(app, brands))).body));
    expect(csv).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://evil","x")', "'+cmd", "'-2+3", "'@SUM(A1)", 'Plain brand']));
    const tsv = names('tsv', TEXT_READERS.tsv((await get(exportUrl(app, brands, { format: 'tsv' }))).body));
    expect(tsv).toEqual(expect.arrayContaining(["'+cmd", "'@SUM(A1)", 'Plain brand']));
    // JSON Lines is not opened as cells: values as they are.
    const jsonl = names('jsonl', TEXT_READERS.jsonl((await get(exportUrl(app, brands, { format: 'jsonl' }))).body));
    expect(jsonl).toEqual(expect.arrayContaining(['+cmd', '@SUM(A1)']));
    // The rows PostgreSQL writes itself (COPY): an exporter's region that starts with "=".
    const exporter = flows[0][1];
    await sql(`update country set region = '=1+1' where id = ?`, [exporter]);
    try {
      const regions = `{ tradeAggregate(dataset: "${dataset}", groupBy: [EXPORTER_REGION], orderBy: KEYS) { rows { exporterRegion valueUsd } } }`;
      const copied = TEXT_READERS.csv((await get(exportUrl(app, regions))).body);
      expect(copied.map((r) => r.exporterRegion)).toContain("'=1+1");
      const paged = TEXT_READERS.tsv((await get(exportUrl(app, regions, { format: 'tsv' }))).body);
      expect(paged.map((r) => r.exporterRegion)).toContain("'=1+1");
      // Numbers stay numbers.
      expect(copied.every((r) => /^\d+(\.\d+)?(e\+\d+)?$/.test(String(r.valueUsd)))).toBe(true);
    } finally {
      await sql(`update country set region = (select region from country c where c.id = 'FRA') where id = ? and region = '=1+1'`, [
        exporter,
      ]);
    }
  });
});

describe(`an export that fails after its first rows (${onServer ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  let app: TestApp | undefined;
  afterAll(() => app?.close());

  it('is cut off (no clean end of the body), never a shorter file that reads as whole', async () => {
    // A budget of four pages of ten countries: the fifth page is RATE_LIMITED once the first rows are out.
    const env = { MAX_PAGE_SIZE: '10', ANONYMOUS_ROLE: 'reader' };
    const page = parse(
      'query ($tgExportAfter: String) { countries(after: $tgExportAfter, first: 10) { nodes { id } tgExportPageInfo: pageInfo { hasNextPage endCursor } } }',
    );
    const cost = createCostFunction(await createSchema(), loadConfig({ ...env, PORT: '0' }))(page, {}, undefined);
    app = await startTestApp({ env: { ...env, MAX_QUERY_COST: String(cost), RATE_LIMIT_POINTS: String(cost * 4) } });
    const answer = await get(exportUrl(app, '{ countries { nodes { id } } }'));
    expect([answer.status, answer.complete]).toEqual([200, false]);
    const lines = answer.body.toString().split('\r\n');
    expect(lines[0]).toBe('id,dataset.id,dataset.name,dataset.version');
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.length).toBeLessThan(50);
    // Before any row, the same failure is a JSON error with its status (the budget is spent now).
    const refused = await get(exportUrl(app, '{ countries { nodes { id } } }'));
    expect([refused.status, JSON.parse(refused.body.toString()).errors[0].extensions.code]).toEqual([429, 'RATE_LIMITED']);
  }, 120_000);
});
