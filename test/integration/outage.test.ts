import pino from 'pino';
import { start, type Running } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/config';
import { seedReference } from '../../seeds/reference';
import { createTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { sleep } from '../support/waiting';

/**
 * A database that goes away and comes back. On a PostgreSQL server the outage is a TCP proxy of the test's
 * between tradegraph and the server (the machine's PostgreSQL itself is never touched): breaking it drops
 * every connection and refuses new ones, exactly what tradegraph sees when PostgreSQL restarts or the
 * network fails. The embedded PGlite lives inside tradegraph's process and cannot come back once stopped
 * (its socket's port is chosen at start, `memory://` data dies with it), so there only the outage itself.
 */
const onServer = Boolean(process.env.DATABASE_URL);

const VIET_NAM = '{ country(id: "VNM") { name } }';
/** A question not asked before the outage, so that no cached answer can stand in for the database. */
const GERMANY = '{ country(id: "DEU") { name } }';

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function ask(baseUrl: string, query: string): Promise<Answer> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

(onServer ? describe : describe.skip)('PostgreSQL unreachable and back (through a TCP proxy)', () => {
  let database: TestDatabase;
  let target: { host: string; port: number };
  const proxies: TcpProxy[] = [];
  const servers: Running[] = [];

  /** tradegraph on `databaseUrl`, its log lines (start-up sentences and pino's JSON) collected. */
  async function startServer(databaseUrl: string, env: Record<string, string> = {}, lines: string[] = []): Promise<Running> {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      ANONYMOUS_ROLE: 'reader',
      SEED_DEMO_WHEN_EMPTY: 'false',
      DATABASE_URL: databaseUrl,
      ...env,
    });
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const running = await start(config, { logger, log: (message) => void lines.push(message) });
    servers.push(running);
    return running;
  }

  async function proxy(): Promise<TcpProxy> {
    const created = await createTcpProxy(target);
    proxies.push(created);
    return created;
  }

  const databaseUrl = () => database.env.DATABASE_URL;

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(databaseUrl());
    target = { host: url.hostname, port: Number(url.port || 5432) };
    // Migrated and with reference data, directly (no proxy), so each test can ask for Viet Nam.
    const setup = await startServer(databaseUrl(), { MIGRATE_ON_START: 'true' });
    await seedReference(setup.db.orm.em.fork());
  });
  afterEach(async () => {
    while (servers.length) await servers.pop()!.stop();
    while (proxies.length) await proxies.pop()!.close();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After during an outage, /ready 503 and /health 200, and correct answers within 1 s of the database coming back, without a restart', async () => {
    const link = await proxy();
    await link.listen();
    const running = await startServer(link.urlThrough(databaseUrl()), { REQUEST_TIMEOUT_MS: '5000' });
    const base = `http://127.0.0.1:${running.port}`;
    expect((await ask(base, VIET_NAM)).body).toEqual(expect.objectContaining({ data: { country: { name: 'Viet Nam' } } }));

    await link.break();
    const during = await ask(base, GERMANY);
    expect(during.status).toBe(503);
    expect(during.retryAfter).toBe('1');
    expect(during.body.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_UNAVAILABLE']);
    // What to do, never where the database is.
    expect(JSON.stringify(during.body)).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${link.port}|${target.port}|ECONNREFUSED`));
    // Readiness fails with one word; liveness holds (restarting tradegraph never mends the database).
    expect(await getJson(`${base}/ready`)).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database' } });
    expect(await getJson(`${base}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^tradegraph_rejections_total\{reason="database_unavailable"\} [1-9]/m);

    await link.listen();
    const restoredAt = Date.now();
    let firstCorrectAfterMs: number | undefined;
    const answers: Answer[] = [];
    while (firstCorrectAfterMs === undefined && Date.now() - restoredAt < 5000) {
      const answer = await ask(base, VIET_NAM);
      answers.push(answer);
      if (answer.status === 200 && JSON.stringify(answer.body.data) === JSON.stringify({ country: { name: 'Viet Nam' } })) {
        firstCorrectAfterMs = Date.now() - restoredAt;
      } else {
        await sleep(50);
      }
    }
    expect(firstCorrectAfterMs).toBeDefined();
    expect(firstCorrectAfterMs!).toBeLessThanOrEqual(1000);
    // Until then, only the outage's own answer.
    for (const answer of answers.slice(0, -1)) expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(await getJson(`${base}/ready`)).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('waits at start-up for a PostgreSQL that is not reachable yet (logged), and serves once it is', async () => {
    const link = await proxy(); // not listening: connections are refused
    const lines: string[] = [];
    const starting = startServer(link.urlThrough(databaseUrl()), { DATABASE_WAIT_MS: '20000' }, lines);
    await sleep(1000);
    await link.listen();
    const running = await starting;

    const log = lines.join('\n');
    expect(log).toMatch(/PostgreSQL at postgres:\/\/[^ ]+ is not reachable \([^)]*ECONNREFUSED[^)]*\); attempt 1, retrying in 0\.25 s/);
    expect(log).toMatch(/PostgreSQL at postgres:\/\/[^ ]+ is reachable after \d+\.\d s/);
    expect((await ask(`http://127.0.0.1:${running.port}`, VIET_NAM)).body).toEqual(
      expect.objectContaining({ data: { country: { name: 'Viet Nam' } } }),
    );
  });

  it('gives up waiting after DATABASE_WAIT_MS with a message naming the database (password hidden) and the last error', async () => {
    const link = await proxy(); // never listens
    const url = new URL(link.urlThrough(databaseUrl()));
    url.password = 'secret-password';
    await expect(startServer(url.toString(), { DATABASE_WAIT_MS: '1000' })).rejects.toThrow(
      /^PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/tg_test_\w+ was not reachable within \d+ s \(\d+ attempts\): .*ECONNREFUSED/,
    );
  });

  it('fails at once, without retrying, on an error waiting cannot mend (a database that does not exist)', async () => {
    const link = await proxy();
    await link.listen();
    const url = new URL(link.urlThrough(databaseUrl()));
    url.pathname = '/tg_no_such_database';
    // DATABASE_WAIT_MS of a minute: a retry would show as a second connection through the proxy.
    await expect(startServer(url.toString(), { DATABASE_WAIT_MS: '60000' })).rejects.toThrow(
      'database "tg_no_such_database" does not exist',
    );
    expect(link.accepted).toBe(1);
  });
});

(onServer ? describe.skip : describe)('the embedded database stopped under a running server', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    // The database is already stopped; only the HTTP side is left to close.
    await app.running.app.stop();
    await app.running.db.orm.close(true);
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After, /ready 503 and /health 200', async () => {
    expect((await ask(app.baseUrl, VIET_NAM)).body).toEqual(expect.objectContaining({ data: { country: { name: 'Viet Nam' } } }));
    await app.running.db.embedded!.stop();

    // An answer already cached is still given: nothing can write the embedded database while it is stopped.
    expect((await ask(app.baseUrl, VIET_NAM)).body).toEqual(expect.objectContaining({ data: { country: { name: 'Viet Nam' } } }));
    const during = await ask(app.baseUrl, GERMANY);
    expect([during.status, during.retryAfter]).toEqual([503, '1']);
    expect(during.body.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(await getJson(`${app.baseUrl}/ready`)).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database' } });
    expect(await getJson(`${app.baseUrl}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
  });
});
