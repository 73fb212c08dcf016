import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { seedDemo } from '../../seeds/demo/seed-demo';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { HEAVY_OPERATION_LIMITS, sleep, waitFor } from '../support/waiting';

/**
 * Graceful shutdown (`running.stop()`, SIGTERM): in-flight requests get SHUTDOWN_GRACE_MS to finish, new
 * connections are refused, and what is still running after the grace period is cancelled.
 *
 * The slow request: on a PostgreSQL server, aggregates grouped by IMPORTER_REGION wait for a lock the test
 * holds on `country` (as long as the test likes, at no seeding cost); on the embedded PGlite, which cannot
 * cancel a statement, twelve real aggregates over 10,000 demo flows (~50 ms each on a quiet machine) run one
 * after the other.
 */
const onServer = Boolean(process.env.DATABASE_URL);
const engine = onServer ? 'PostgreSQL server' : 'embedded PGlite';

const AGGREGATE = 'tradeAggregate(groupBy: [YEAR, IMPORTER_REGION, PRODUCT, EXPORTER], orderBy: VALUE_ASC, first: 10) { totalCount }';
const SLOW = `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: ${AGGREGATE}`).join(' ')} }`;
const isAggregateSql = (sql: unknown) => typeof sql === 'string' && sql.includes(') trade_groups');
const FLOWS = onServer ? 2_000 : 10_000;
const SHORT_GRACE_MS = 100;
const LIMITS = HEAVY_OPERATION_LIMITS;

type Outcome =
  | { status: number; body: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> } }
  | { failed: string };

/** The slow request's outcome: its answer, or how the connection failed. */
async function sendSlow(app: TestApp): Promise<Outcome> {
  try {
    const response = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: SLOW }),
    });
    return { status: response.status, body: (await response.json()) as Extract<Outcome, { status: number }>['body'] };
  } catch (error) {
    return { failed: String((error as { cause?: { code?: string } }).cause?.code ?? error) };
  }
}

/** Whether a brand-new TCP connection to the port is accepted. */
function connects(port: number): Promise<boolean | string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
  });
}

/** Resolves once the slow request is running: its first aggregate was sent (PGlite) or waits for the lock (server). */
function whenAggregateSent(app: TestApp): Promise<void> {
  const knex = app.running.db.orm.em.getConnection().getKnex();
  return new Promise((resolve) => {
    const listener = (event: { sql?: string }) => {
      if (!isAggregateSql(event.sql)) return;
      knex.off('query', listener);
      resolve();
    };
    knex.on('query', listener);
  });
}

/** On a server, a session of the test that holds `country` so the slow request's aggregates wait. */
async function countryLock(app: TestApp): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: app.running.db.url, application_name: 'shutdown-test-lock' });
  await client.connect();
  await client.query('begin');
  await client.query('lock table country in access exclusive mode');
  let held = true;
  return {
    async release() {
      if (!held) return;
      held = false;
      await client.query('rollback');
      await client.end();
    },
  };
}

async function slowApp(graceMs: number): Promise<TestApp> {
  const app = await startTestApp({ env: { SHUTDOWN_GRACE_MS: String(graceMs), REQUEST_TIMEOUT_MS: '30000', ...LIMITS } });
  await seedDemo(app.running.db, { flows: FLOWS, brands: 2, manufacturers: 3, facilities: 6 });
  // The catalog (which reads `country` too) is read now, so that on a server the slow request waits for the
  // test's lock in its aggregates, not before them.
  expect((await app.raw('{ tradeAggregate(groupBy: [YEAR], first: 1) { totalCount } }')).errors).toBeUndefined();
  return app;
}

describe(`graceful shutdown (${engine})`, () => {
  it('lets an in-flight request finish within SHUTDOWN_GRACE_MS (200 with data), refuses new connections meanwhile, then resolves', async () => {
    const app = await slowApp(10_000);
    const lock = onServer ? await countryLock(app) : undefined;
    const running = whenAggregateSent(app);
    const answer = sendSlow(app);
    await running;

    const stopped = app.running.stop();
    // Stopping: the listening socket is closed at once, so a new connection is refused.
    expect(await connects(app.running.port)).toBe('ECONNREFUSED');
    await sleep(200);
    await lock?.release(); // the slow request can now finish, well within the 10 s grace period

    const outcome = await answer;
    expect(outcome).toEqual({ status: 200, body: expect.objectContaining({ data: expect.any(Object) }) });
    const { data, errors } = (outcome as { body: { data: Record<string, { totalCount: number }>; errors?: unknown } }).body;
    expect(errors).toBeUndefined();
    expect(Object.keys(data)).toHaveLength(12);
    // Twelve times the same complete aggregate: one group count, of at least one group.
    for (const field of Object.values(data)) expect(field.totalCount).toBeGreaterThan(0);
    expect(new Set(Object.values(data).map((f) => f.totalCount)).size).toBe(1);
    await expect(stopped).resolves.toBeUndefined();
    await app.database.drop();
  });

  it(`past a short SHUTDOWN_GRACE_MS (${SHORT_GRACE_MS} ms) cancels the request still running (503 SHUTTING_DOWN) and resolves`, async () => {
    const app = await slowApp(SHORT_GRACE_MS);
    const lock = onServer ? await countryLock(app) : undefined;
    try {
      const running = whenAggregateSent(app);
      const answer = sendSlow(app);
      await running;
      const stopping = Date.now();
      await app.running.stop();
      const stoppedAfterMs = Date.now() - stopping;

      const outcome = await answer;
      // The client is told to go elsewhere (SHUTTING_DOWN, 503 with Retry-After), not that it asked too much:
      // its statements were cancelled (server) or refused (PGlite) by the shutdown, not by a deadline.
      expect(outcome).toEqual({
        status: 503,
        body: expect.objectContaining({
          errors: expect.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SHUTTING_DOWN' }) })]),
        }),
      });
      const codes = (outcome as { body: { errors: Array<{ extensions: { code: string } }> } }).body.errors.map((e) => e.extensions.code);
      expect(new Set(codes)).toEqual(new Set(['SHUTTING_DOWN']));
      // The grace period plus at most the 2 s the cancelled requests get to answer, with margin: a request
      // left running would have held stop() for the lock's whole life (this test's) or all of PGlite's work.
      expect(stoppedAfterMs).toBeLessThan(SHORT_GRACE_MS + 2000 + 1500);
    } finally {
      await lock?.release();
      await app.database.drop();
    }
  });

  it('`npm start` exits 0 on SIGTERM and logs its shutdown', async () => {
    const root = path.resolve(__dirname, '..', '..');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DEMO_FLOWS: '500',
      SHUTDOWN_GRACE_MS: '3000',
    };
    const database = await createTestDatabase();
    Object.assign(env, database.env);
    if (onServer) Object.assign(env, { MIGRATE_ON_START: 'true', SEED_DEMO_WHEN_EMPTY: 'true', ANONYMOUS_ROLE: 'reader' });
    else delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      // main prints the port it bound (PORT=0: a free one).
      await waitFor('the server to print its URL', () => /http:\/\/localhost:\d+\/graphql/.test(output), 90_000);
      const port = Number(output.match(/http:\/\/localhost:(\d+)\/graphql/)![1]);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ tradeFlows(first: 1) { totalCount } }' }),
      });
      // DEMO_FLOWS flows, and a tenth as many imports of the demo's input products (upstream exposure).
      expect(await response.json()).toEqual(expect.objectContaining({ data: { tradeFlows: { totalCount: 500 + 50 } } }));

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('SIGTERM received: no new requests; in-flight ones get 3000 ms to finish');
      expect(output).toContain('Stopped.');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
    }
  });
});
