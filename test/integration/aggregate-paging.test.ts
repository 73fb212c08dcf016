import type { AddressInfo } from 'node:net';
import express from 'express';
import { copyCsvOut } from '../../src/database/query';
import { sql, type Sql } from '../../src/database/sql';
import { streamedCsv } from '../../src/modules/export/stream-csv';
import { sendStreamed } from '../../src/server/csv-route';
import { InFlightRequests } from '../../src/server/observability/in-flight';
import { requestContext } from '../../src/server/observability/request-context';
import type { RequestState } from '../../src/server/request-state';
import { factories } from '../support/factories';
import { parseCsv } from '../support/csv';
import { startTestApp, type TestApp } from '../support/test-app';
import { HEAVY_OPERATION_LIMITS } from '../support/waiting';

/**
 * Keyset paging of tradeAggregate, the sums it computes, and the streamed CSV, on generated flows full
 * of ties: values are multiples of 10 from a handful, so many groups share a sum, and one exporter has
 * no region (ties and nulls are where keyset paging goes wrong).
 */
const onServer = Boolean(process.env.DATABASE_URL);

type Row = Record<string, string | number | null>;
interface Page {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  rows: Row[];
}

const ROW_FIELDS =
  'year exporterId importerId exporterRegion importerSubRegion productCode valueUsd quantityTons flowsWithQuantity flowCount';
const GROUPINGS = [[], ['EXPORTER'], ['EXPORTER', 'PRODUCT'], ['EXPORTER_REGION', 'YEAR'], ['IMPORTER_SUB_REGION', 'EXPORTER', 'PRODUCT']];
const ORDERS = ['VALUE_DESC', 'VALUE_ASC', 'KEYS'];

describe(`tradeAggregate keyset paging and streaming (${onServer ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  let app: TestApp;
  let dataset: string;
  let flows: Array<{ year: number; exporter: string; importer: string; product: string; valueUsd: number; quantityTons: number | null }>;
  /** SQL text of the statements sent since the last reset (knex's query event, which the direct path emits too). */
  let sent: string[] = [];

  beforeAll(async () => {
    // Hundreds of small pages in a minute: more than one client's default budget.
    app = await startTestApp({ env: HEAVY_OPERATION_LIMITS });
    const em = app.running.db.orm.em.fork();
    const make = factories(em);
    const products = ['640391', '640399', '640411', '610910'];
    for (const code of ['6403', '6404', '6109', ...products]) await make.product(code, `product ${code}`);
    const noRegion = (
      await em.getConnection().execute<Array<{ id: string }>>('select id from country where region is null order by id limit 1')
    ).map((r) => r.id);
    expect(noRegion).toHaveLength(1);
    const exporters = ['CHN', 'VNM', 'IDN', 'DEU', 'ITA', 'BRA', ...noRegion];
    const importers = ['USA', 'FRA', 'JPN', 'KEN', 'AUS'];
    const ds = await make.dataset({ name: 'generated with ties' });
    dataset = String(ds.id);
    // A fixed linear congruential sequence: the same flows on every run.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      // The high bits: an LCG's low bits repeat with short periods.
      return Math.floor(seed / 65536) % n;
    };
    const seen = new Set<string>();
    flows = [];
    for (let i = 0; i < 320; i++) {
      const flow = {
        year: 2021 + next(2),
        exporter: exporters[next(exporters.length)],
        importer: importers[next(importers.length)],
        product: products[next(products.length)],
        valueUsd: 10 * (1 + next(3)),
        quantityTons: next(3) === 0 ? null : 1 + next(4),
      };
      const key = `${flow.year}|${flow.exporter}|${flow.importer}|${flow.product}`;
      if (seen.has(key)) continue;
      seen.add(key);
      flows.push(flow);
    }
    await make.flows(ds, flows);
    app.running.db.orm.em
      .getConnection()
      .getKnex()
      .on('query', (event: { sql?: string }) => sent.push(event.sql ?? ''));
  });
  afterAll(() => app?.close());

  const page = async (args: string, selection = `totalCount pageInfo { hasNextPage hasPreviousPage endCursor } rows { ${ROW_FIELDS} }`) => {
    const result = await app.raw(
      `query ($after: String) { tradeAggregate(dataset: "${dataset}", ${args}, after: $after) { ${selection} } }`,
    );
    return result;
  };
  const walk = async (args: string, first: number) => {
    const rows: Row[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result = await app.raw(
        `query ($after: String) { tradeAggregate(dataset: "${dataset}", ${args}, first: ${first}, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } rows { ${ROW_FIELDS} } } }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      const p = result.data!.tradeAggregate as Page;
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      rows.push(...p.rows);
      pages++;
      if (!p.pageInfo.hasNextPage) return { rows, pages, totalCount: p.totalCount };
      expect(p.rows).toHaveLength(first);
      after = p.pageInfo.endCursor;
      expect(pages).toBeLessThan(500);
    }
  };

  it('pages by cursor to exactly the unpaged answer, for every order and grouping, ties and null regions included', async () => {
    for (const groupBy of GROUPINGS) {
      for (const order of ORDERS) {
        const args = `groupBy: [${groupBy.join(', ')}], orderBy: ${order}`;
        const whole = await page(`${args}, first: 10000`);
        expect(whole.errors).toBeUndefined();
        const all = (whole.data!.tradeAggregate as Page).rows;
        // Every flow lands in exactly one group.
        expect(all.reduce((n, r) => n + Number(r.flowCount), 0)).toBe(flows.length);
        if (order !== 'KEYS') {
          const values = all.map((r) => Number(r.valueUsd));
          expect(values).toEqual([...values].sort((a, b) => (order === 'VALUE_ASC' ? a - b : b - a)));
        }
        // One row a page where that stays a few dozen requests.
        for (const first of all.length <= 40 ? [1, 3, 7] : [3, 7]) {
          const walked = await walk(args, first);
          expect(walked.rows).toEqual(all);
          expect(walked.totalCount).toBe(all.length);
        }
      }
    }
    // The data really has the ties and nulls this is about.
    const byExporter = (await page('groupBy: [EXPORTER, PRODUCT], first: 10000')).data!.tradeAggregate as Page;
    const values = byExporter.rows.map((r) => r.valueUsd);
    expect(new Set(values).size).toBeLessThan(values.length / 2);
    const regions = ((await page('groupBy: [EXPORTER_REGION]')).data!.tradeAggregate as Page).rows.map((r) => r.exporterRegion);
    expect(regions).toContain(null);
  });

  it('counts the rows over all pages only when totalCount is selected, and past the last page too', async () => {
    const whole = (await page('groupBy: [EXPORTER, PRODUCT], orderBy: KEYS, first: 10000')).data!.tradeAggregate as Page;
    const last = whole.rows.length;
    const end = await page('groupBy: [EXPORTER, PRODUCT], orderBy: KEYS, first: 10000');
    const endCursor = (end.data!.tradeAggregate as Page).pageInfo.endCursor;
    const after = await app.raw(
      `query ($after: String) { tradeAggregate(dataset: "${dataset}", groupBy: [EXPORTER, PRODUCT], orderBy: KEYS, after: $after) { totalCount pageInfo { hasNextPage endCursor } rows { exporterId } } }`,
      { after: endCursor },
    );
    expect(after.data!.tradeAggregate).toEqual({ totalCount: last, pageInfo: { hasNextPage: false, endCursor: null }, rows: [] });

    sent = [];
    await page('groupBy: [EXPORTER], first: 2', 'rows { exporterId valueUsd }');
    const [aggregate] = sent.filter((s) => s.includes(') trade_groups'));
    expect(aggregate).toContain('sum(f.value_usd)');
    expect(aggregate).not.toMatch(/over \(\)|quantity_tons|count\(/);
    sent = [];
    await page('groupBy: [EXPORTER], first: 2', 'totalCount rows { exporterId flowCount }');
    const [counted] = sent.filter((s) => s.includes(') trade_groups'));
    expect(counted).toMatch(/count\(\*\) over \(\)/);
    expect(counted).toContain('count(*)::int as "flowCount"');
    // Ordered by value, the value is computed (to order and to resume by), whatever is selected.
    expect(counted).toContain('sum(f.value_usd)');
    expect(counted).not.toContain('quantity_tons');
    sent = [];
    await page('groupBy: [EXPORTER], orderBy: KEYS, first: 2', 'rows { exporterId flowsWithQuantity }');
    const [keys] = sent.filter((s) => s.includes(') trade_groups'));
    expect(keys).toContain('count(f.quantity_tons)');
    expect(keys).not.toMatch(/value_usd|over \(\)|count\(\*\)/);
  });

  it('refuses a cursor it did not issue for this very aggregate with BAD_CURSOR', async () => {
    const first = (await page('groupBy: [EXPORTER, PRODUCT], first: 2')).data!.tradeAggregate as Page;
    const cursor = first.pageInfo.endCursor!;
    const codeOf = async (args: string, after: string) =>
      (
        await app.raw(`query ($after: String) { tradeAggregate(dataset: "${dataset}", ${args}, after: $after) { rows { exporterId } } }`, {
          after,
        })
      ).errors?.[0].extensions?.code;
    const tampered = Buffer.from(
      Buffer.from(cursor, 'base64url')
        .toString('utf8')
        .replace(/"k":\[/, '"k":[1,'),
      'utf8',
    ).toString('base64url');
    const offsetCursor = Buffer.from('tg1:4', 'utf8').toString('base64url');
    expect(await codeOf('groupBy: [EXPORTER, PRODUCT]', cursor)).toBeUndefined();
    for (const [args, after] of [
      ['groupBy: [EXPORTER, PRODUCT]', 'not a cursor'],
      ['groupBy: [EXPORTER, PRODUCT]', offsetCursor],
      ['groupBy: [EXPORTER, PRODUCT]', tampered],
      ['groupBy: [EXPORTER, PRODUCT], orderBy: KEYS', cursor],
      ['groupBy: [PRODUCT, EXPORTER]', cursor],
      ['groupBy: [EXPORTER, PRODUCT], hsLevel: 4', cursor],
      ['groupBy: [EXPORTER, PRODUCT], filter: { yearFrom: 2022 }', cursor],
    ]) {
      expect([after.slice(0, 12), await codeOf(args, after)]).toEqual([after.slice(0, 12), 'BAD_CURSOR']);
    }
  });

  const csv = async (query: string, params = '') => {
    const response = await fetch(`${app.baseUrl}/csv?query=${encodeURIComponent(query)}${params}`);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  it('streams every row as CSV in one request from PostgreSQL (COPY), equal to the paged answer', async () => {
    for (const order of ORDERS) {
      const args = `groupBy: [IMPORTER_SUB_REGION, EXPORTER, PRODUCT], orderBy: ${order}`;
      const paged = await walk(args, 7);
      sent = [];
      const streamed = await csv(
        `{ tradeAggregate(dataset: "${dataset}", ${args}) { rows { importerSubRegion exporterId code: productCode year valueUsd quantityTons flowsWithQuantity flowCount } } }`,
      );
      expect([streamed.status, streamed.type]).toEqual([200, 'text/csv; charset=utf-8']);
      expect(sent.filter((s) => s.startsWith('copy ('))).toHaveLength(1);
      const [header, ...rows] = parseCsv(streamed.text);
      expect(header).toEqual([
        'importerSubRegion',
        'exporterId',
        'code',
        'year',
        'valueUsd',
        'quantityTons',
        'flowsWithQuantity',
        'flowCount',
        'dataset.id',
        'dataset.name',
        'dataset.version',
      ]);
      const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
      expect(rows).toEqual(
        paged.rows.map((r) => [
          ...[r.importerSubRegion, r.exporterId, r.productCode, r.year, r.valueUsd, r.quantityTons, r.flowsWithQuantity, r.flowCount].map(
            text,
          ),
          dataset,
          'generated with ties',
          'v1',
        ]),
      );
      expect(rows.length).toBeGreaterThan(100);
    }
    // With nested objects the rows come through GraphQL, not COPY: still every row, not a first page of 100.
    const nested = await csv(
      `{ tradeAggregate(dataset: "${dataset}", groupBy: [IMPORTER_SUB_REGION, EXPORTER, PRODUCT]) { rows { exporterId exporter { name } productCode } } }`,
    );
    const all = await walk('groupBy: [IMPORTER_SUB_REGION, EXPORTER, PRODUCT]', 50);
    expect(all.rows.length).toBeGreaterThan(100);
    expect(
      parseCsv(nested.text)
        .slice(1)
        .map((r) => [r[0], r[2]]),
    ).toEqual(all.rows.map((r) => [r.exporterId, r.productCode]));
    // From a cursor on, and at most `limit` rows when given (`first` is a page size: every row comes whatever it is).
    const firstPage = (await page('groupBy: [EXPORTER, PRODUCT], first: 5')).data!.tradeAggregate as Page;
    const rest = await walk('groupBy: [EXPORTER, PRODUCT]', 50);
    const cursor = firstPage.pageInfo.endCursor;
    const fromCursor = await csv(
      `{ tradeAggregate(dataset: "${dataset}", groupBy: [EXPORTER, PRODUCT], after: "${cursor}", first: 9) { rows { exporterId productCode } } }`,
    );
    expect(
      parseCsv(fromCursor.text)
        .slice(1)
        .map((r) => r.slice(0, 2)),
    ).toEqual(rest.rows.slice(5).map((r) => [r.exporterId, r.productCode]));
    const limited = await csv(
      `{ tradeAggregate(dataset: "${dataset}", groupBy: [EXPORTER, PRODUCT], after: "${cursor}") { rows { exporterId productCode } } }`,
      '&limit=9',
    );
    expect(
      parseCsv(limited.text)
        .slice(1)
        .map((r) => r.slice(0, 2)),
    ).toEqual(rest.rows.slice(5, 14).map((r) => [r.exporterId, r.productCode]));
  });

  it('keeps the errors of a streamed CSV: JSON with a code before any row, never a silently short table', async () => {
    const bad = await csv(`{ tradeAggregate(dataset: "${dataset}", groupBy: [EXPORTER], after: "nope") { rows { exporterId } } }`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].extensions.code).toBe('BAD_CURSOR');
    const tooMany = await csv(`{ tradeAggregate(dataset: "${dataset}", groupBy: [EXPORTER], first: 10001) { rows { exporterId } } }`);
    expect([tooMany.status, JSON.parse(tooMany.text).errors[0].extensions.code]).toEqual([400, 'PAGE_SIZE_TOO_LARGE']);
  });

  /**
   * The route's streaming half, served by a server of the test's own, on the test database: a real
   * statement that fails (or whose request passes its deadline) after its first 20,000 rows have gone
   * out. No failure of the aggregate's own statement can be provoked at will once it streams. The request's
   * state and deadline come from the server's own middleware (requestContext), as on the CSV route.
   */
  const cutShort = async (statement: Sql, deadlineMs = 60_000) => {
    const server = express()
      .use(requestContext({ inFlight: new InFlightRequests(), timeoutMs: deadlineMs }))
      .get('/', (_req, res) => {
        const state = res.locals.requestState as RequestState;
        return sendStreamed(res, streamedCsv(app.running.db.orm.em.fork(), 'g,x\r\n', statement), { 'Content-Type': 'text/csv' }, state);
      })
      .listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const body = await response.text().then(
        (text) => ({ complete: true, text }),
        (error: Error) => ({ complete: false, text: error.message }),
      );
      return { status: response.status, ...body };
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  };

  it('cuts a streamed CSV off when it fails after its first rows, so that the download fails instead of looking whole', async () => {
    const whole = await cutShort(sql`select g, 1 from generate_series(1, 40000) g`);
    expect([whole.status, whole.complete, whole.text.split('\r\n').length]).toEqual([200, true, 40002]);
    const failing = await cutShort(sql`select g, 1 / (case when g < 20000 then 1 else 0 end) from generate_series(1, 40000) g`);
    // Never a 200 with a body that ends cleanly: either an error status before any row, or a cut-off body.
    expect(failing.status === 200 && failing.complete).toBe(false);
    // PostgreSQL sends rows as it makes them: on a server the first ones were out when the error came.
    if (onServer) expect([failing.status, failing.complete]).toEqual([200, false]);
    // Past its deadline after its first rows (pg_sleep in the middle of the output): cut off too.
    if (onServer) {
      const late = await cutShort(sql`select g, pg_sleep(case when g = 20000 then 1.5 else 0 end) from generate_series(1, 40000) g`, 750);
      expect([late.status, late.complete]).toEqual([200, false]);
    }
    // The pooled connection was handed back in a state to serve the next request.
    expect((await page('groupBy: [EXPORTER], first: 1', 'rows { exporterId }')).errors).toBeUndefined();
  });

  it('reads back through COPY every value written in as a literal, quotes and backslashes included', async () => {
    const values = ["it's", 'a\\b', "\\'", 'comma, "quote"'];
    const chunks: Buffer[] = [];
    const statement = sql`select ${values[0]}::text, ${values[1]}::text, ${values[2]}::text, ${values[3]}::text, ${-5} - ${-1}, ${null}::int, ${true}`;
    for await (const chunk of copyCsvOut(app.running.db.orm.em.fork(), statement)) chunks.push(chunk);
    expect(parseCsv(Buffer.concat(chunks).toString('utf8'))).toEqual([[...values, '-4', '', 't']]);
  });
});
