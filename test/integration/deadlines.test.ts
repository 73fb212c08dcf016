import pg from 'pg';
import { seedDemo } from '../../seeds/demo/seed-demo';
import { startTestApp, type TestApp } from '../support/test-app';
import { HEAVY_OPERATION_LIMITS, sleep, waitFor } from '../support/waiting';

/**
 * Deadlines (REQUEST_TIMEOUT_MS) and clients that hang up, end to end over HTTP.
 *
 * What makes a request slow differs by engine, on purpose:
 * - on a PostgreSQL server, a transaction of the test holds `country` in ACCESS EXCLUSIVE mode, so every
 *   aggregate grouped by IMPORTER_REGION (it joins country) waits inside PostgreSQL for as long as the test
 *   likes — a statement that would run for ever, visible in pg_stat_activity, at no seeding cost (from data
 *   alone a multi-second aggregate needs ~1 M flows and a minute of seeding);
 * - on the embedded PGlite, which runs each statement to its end (it cannot cancel), real work: twelve
 *   aggregates over 20,000 demo flows, ~100 ms each on a quiet machine, one after the other on its single
 *   connection.
 */
const onServer = Boolean(process.env.DATABASE_URL);
const engine = onServer ? 'PostgreSQL server' : 'embedded PGlite';

const DEADLINE_MS = 250;
/** More aggregates than the serving pool's 10 connections of a server: two of them wait for a connection. */
const ALIASES = 12;
const POOL_SIZE = 10;
const AGGREGATE = 'tradeAggregate(groupBy: [YEAR, IMPORTER_REGION, PRODUCT, EXPORTER], orderBy: VALUE_ASC, first: 10) { totalCount }';
const HEAVY = `{ ${Array.from({ length: ALIASES }, (_, i) => `a${i}: ${AGGREGATE}`).join(' ')} }`;
const CSV_QUERY =
  '{ tradeAggregate(groupBy: [YEAR, IMPORTER_REGION, PRODUCT, EXPORTER], first: 10) { rows { year importerRegion productCode exporterId valueUsd } } }';
/** The aggregate's SQL, told apart from the loaders' statements of the same request. */
const isAggregateSql = (sql: unknown) => typeof sql === 'string' && sql.includes(') trade_groups');
const FLOWS = onServer ? 2_000 : 20_000;

const LIMITS = HEAVY_OPERATION_LIMITS;

function post(app: TestApp, query: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query }),
    signal,
  });
}

async function rejections(app: TestApp, reason: string): Promise<number> {
  const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`tradegraph_rejections_total{reason="${reason}"}`));
  return Number(line?.split(' ')[1]);
}

/** Aggregate statements that reached a database connection (knex's query event, after the tracker's own listener). */
function countAggregatesSent(app: TestApp): { readonly sent: number; reset(): void } {
  let sent = 0;
  app.running.db.orm.em
    .getConnection()
    .getKnex()
    .on('query', (event: { sql?: string }) => {
      if (isAggregateSql(event.sql)) sent++;
    });
  return {
    get sent() {
      return sent;
    },
    reset: () => (sent = 0),
  };
}

/** A correct answer of the same server afterwards: the demo's flow count. */
async function expectFlowCount(app: TestApp): Promise<void> {
  const answer = await app.raw('{ tradeFlows(first: 1) { totalCount } }');
  expect([answer.status, answer.data]).toEqual([200, { tradeFlows: { totalCount: FLOWS } }]);
}

/** On a server: the test's own view of pg_stat_activity, and the lock that makes aggregates wait. */
interface ServerProbe {
  /** Aggregates of tradegraph's sessions (application_name 'tradegraph') running now in the test database. */
  activeAggregates(): Promise<number>;
  lockCountries(): Promise<void>;
  release(): Promise<void>;
  end(): Promise<void>;
}

async function serverProbe(databaseUrl: string): Promise<ServerProbe> {
  const database = new URL(databaseUrl).pathname.slice(1);
  const monitor = new pg.Client({ connectionString: databaseUrl, application_name: 'deadlines-test-monitor' });
  const locker = new pg.Client({ connectionString: databaseUrl, application_name: 'deadlines-test-lock' });
  await monitor.connect();
  await locker.connect();
  let locked = false;
  const release = async () => {
    if (locked) await locker.query('rollback');
    locked = false;
  };
  return {
    async activeAggregates() {
      const { rows } = await monitor.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where datname = $1 and application_name = 'tradegraph' and state = 'active' and query like '%) trade_groups%'`,
        [database],
      );
      return rows[0].n;
    },
    async lockCountries() {
      await locker.query('begin');
      await locker.query('lock table country in access exclusive mode');
      locked = true;
    },
    release,
    async end() {
      await release();
      await Promise.all([monitor.end(), locker.end()]);
    },
  };
}

describe(`request deadlines and client hang-ups (${engine})`, () => {
  /** REQUEST_TIMEOUT_MS = 250 ms. */
  let short: TestApp;
  /** REQUEST_TIMEOUT_MS = 30 s (also PostgreSQL's statement_timeout): only a hang-up can end a request early. */
  let long: TestApp;
  let probe: ServerProbe | undefined;
  let probeLong: ServerProbe | undefined;

  beforeAll(async () => {
    [short, long] = await Promise.all([
      // GET /csv has a deadline of its own (EXPORT_TIMEOUT_MS): as short here.
      startTestApp({ env: { REQUEST_TIMEOUT_MS: String(DEADLINE_MS), EXPORT_TIMEOUT_MS: String(DEADLINE_MS), ...LIMITS } }),
      startTestApp({ env: { REQUEST_TIMEOUT_MS: '30000', ...LIMITS } }),
    ]);
    const demo = { flows: FLOWS, brands: 2, manufacturers: 3, facilities: 6 };
    await Promise.all([seedDemo(short.running.db, demo), seedDemo(long.running.db, demo)]);
    // Each server reads its catalog (which reads `country` too) now, so that the aggregates, not the catalog,
    // wait for the test's lock.
    for (const app of [short, long])
      expect((await app.raw('{ tradeAggregate(groupBy: [YEAR], first: 1) { totalCount } }')).errors).toBeUndefined();
    if (onServer) {
      probe = await serverProbe(short.running.db.url);
      probeLong = await serverProbe(long.running.db.url);
    }
  });
  afterAll(async () => {
    await probe?.end();
    await probeLong?.end();
    await short?.close();
    await long?.close();
  });
  afterEach(async () => {
    await probe?.release();
    await probeLong?.release();
  });

  it(`answers a request past its ${DEADLINE_MS} ms deadline with QUERY_TIMEOUT (HTTP 200, data null) and sends none of its statements after the deadline`, async () => {
    const aggregates = countAggregatesSent(short);
    const timeoutsBefore = await rejections(short, 'timeout');
    let running = 0;
    if (probe) await probe.lockCountries();

    const started = Date.now();
    const answer = post(short, HEAVY);
    if (probe) {
      // Seen waiting inside PostgreSQL: these statements would run until the lock goes.
      await waitFor('the aggregates to run in PostgreSQL', async () => (running = await probe!.activeAggregates()) > 0);
    }
    const response = await answer;
    const body = (await response.json()) as { data: unknown; errors: Array<{ extensions: { code: string } }> };

    // GraphQL over HTTP: a timed-out operation is an execution result (200), not a request error.
    expect(response.status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['QUERY_TIMEOUT']);
    expect(await rejections(short, 'timeout')).toBe(timeoutsBefore + 1);

    if (probe) {
      // Gone from pg_stat_activity while the lock is still held (they could never have finished by themselves),
      // soon after the deadline: cancelled by the server (pg_cancel_backend, or statement_timeout = the deadline).
      await waitFor('the aggregates to leave pg_stat_activity', async () => (await probe!.activeAggregates()) === 0, DEADLINE_MS + 2000);
      const goneAfterMs = Date.now() - started;
      expect(running).toBeGreaterThan(0);
      expect(goneAfterMs).toBeLessThan(DEADLINE_MS + 2000);
      // Stays gone: the two aggregates that were waiting for a pooled connection are never sent.
      await sleep(300);
      expect(await probe.activeAggregates()).toBe(0);
      await probe.release();
    }
    // The next request waits behind whatever the aborted one still sends on PGlite's single connection, so
    // once it has answered, every statement of the aborted request has either been sent or refused.
    await expectFlowCount(short);
    // Twelve were asked for; the deadline stopped the rest. On a server at most the pool's ten were ever
    // sent (seen running above); on PGlite the deadline may even pass before the first is sent.
    expect(aggregates.sent).toBeLessThanOrEqual(onServer ? POOL_SIZE : ALIASES - 1);
  });

  it('answers GET /csv past its deadline with HTTP 504 and QUERY_TIMEOUT as JSON (a CSV has no partial answer)', async () => {
    const timeoutsBefore = await rejections(short, 'timeout');
    let disarm = () => undefined as void;
    if (probe) {
      await probe.lockCountries();
    } else {
      // PGlite runs one statement at a time for the whole process: another session's long statement, started
      // when this request's aggregate reaches the engine, holds the engine (and this process) past the deadline.
      const pglite = short.running.db.embedded!.db;
      let armed = true;
      const listener = (event: { sql?: string }) => {
        if (armed && isAggregateSql(event.sql)) {
          armed = false;
          void pglite.query('select pg_sleep(0.6)');
        }
      };
      const knex = short.running.db.orm.em.getConnection().getKnex();
      knex.on('query', listener);
      disarm = () => void knex.off('query', listener);
    }
    try {
      const response = await fetch(`${short.baseUrl}/csv?query=${encodeURIComponent(CSV_QUERY)}`);
      expect(response.status).toBe(504);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['QUERY_TIMEOUT']);
      expect(await rejections(short, 'timeout')).toBe(timeoutsBefore + 1);
    } finally {
      disarm();
    }
    if (probe) {
      await waitFor('the CSV aggregate to leave pg_stat_activity', async () => (await probe!.activeAggregates()) === 0, DEADLINE_MS + 2000);
      await probe.release();
    }
    await expectFlowCount(short);
  });

  it('stops the statements of a client that hangs up mid-request, and serves the next request correctly', async () => {
    const aggregates = countAggregatesSent(long);
    const controller = new AbortController();
    if (probeLong) {
      await probeLong.lockCountries();
    } else {
      // Hang up as soon as the first aggregate reaches the engine (PGlite then runs it to its end).
      const knex = long.running.db.orm.em.getConnection().getKnex();
      const listener = (event: { sql?: string }) => {
        if (isAggregateSql(event.sql)) {
          knex.off('query', listener);
          controller.abort();
        }
      };
      knex.on('query', listener);
    }
    const answer = post(long, HEAVY, controller.signal);
    if (probeLong) {
      // Every pooled connection (10) busy with an aggregate waiting for the lock, two more waiting for a
      // connection; then the client hangs up (after ~100 ms or more).
      await waitFor('the pool to fill with waiting aggregates', async () => (await probeLong!.activeAggregates()) === POOL_SIZE);
      controller.abort();
    }
    await expect(answer).rejects.toThrow(/abort/i);

    if (probeLong) {
      // The deadline and statement_timeout are 30 s and the lock is still held: only the server's cancel
      // (pg_cancel_backend on the client's hang-up) can end them this soon.
      const abortedAt = Date.now();
      await waitFor('the aggregates to leave pg_stat_activity', async () => (await probeLong!.activeAggregates()) === 0, 5000);
      expect(Date.now() - abortedAt).toBeLessThan(5000);
      await sleep(300);
      expect(await probeLong.activeAggregates()).toBe(0);
      expect(aggregates.sent).toBe(POOL_SIZE);
      await probeLong.release();
    }
    await expectFlowCount(long);
    // PGlite: the hang-up lands after the aggregate running at that moment; the rest are never sent.
    expect(aggregates.sent).toBeGreaterThan(0);
    expect(aggregates.sent).toBeLessThan(ALIASES);
  });
});
