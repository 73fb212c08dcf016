import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { currentRequest } from '../../../src/server/request-state';
import { InFlightRequests } from '../../../src/server/observability/in-flight';
import { createLogger } from '../../../src/server/observability/logger';
import { requestContext, requestStateOf, type RequestContextOptions } from '../../../src/server/observability/request-context';
import { requestLog } from '../../../src/server/observability/request-log';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A bare Express app with the request context and the log, a few routes, and the lines it logged. */
async function serve(configure: (app: Express) => void, timeoutMs: RequestContextOptions['timeoutMs'] = 15_000) {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line));
      }
      done();
    },
  });
  const inFlight = new InFlightRequests();
  const app = express();
  app.use(requestContext({ inFlight, timeoutMs }), requestLog(createLogger({ logLevel: 'info', nodeEnv: 'test' }, destination)));
  configure(app);
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    // fetch keeps a spare idle connection after an abort; don't wait for it to time out.
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { base, lines, raw, inFlight, close };
}

/** Waits (on the real event loop) until `count` lines are logged, then a little more to catch a second line. */
async function linesAfter(lines: unknown[], count: number): Promise<void> {
  for (let waited = 0; lines.length < count && waited < 2000; waited += 10) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 30));
}

describe('requestContext and requestLog', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  afterEach(() => server?.close());

  it('writes one line per request with the state the edge filled in, without query string, headers or variables', async () => {
    server = await serve((app) =>
      app.get('/graphql', (_req, res) => {
        // What the cost analysis, the access check and the database hooks would have filled in.
        Object.assign(requestStateOf(res)!, { operationName: 'Brands', cost: 42, role: 'reader', statements: 3, dbTimeMs: 12.34 });
        res.json({ data: {} });
      }),
    );
    const response = await fetch(
      `${server.base}/graphql?query=${encodeURIComponent('{ brands { name } }')}&variables=${encodeURIComponent('{"secret":"s3cret-value"}')}`,
      {
        headers: { authorization: 'Bearer api-key-123', cookie: 'session=cookie-456', 'x-request-id': 'client-req.1:a_b-c' },
      },
    );
    expect(response.status).toBe(200);
    await linesAfter(server.lines, 1);
    expect(server.lines).toHaveLength(1);
    expect(server.lines[0]).toMatchObject({
      level: 30, // info
      msg: 'request completed',
      reqId: 'client-req.1:a_b-c',
      method: 'GET',
      path: '/graphql',
      status: 200,
      operationName: 'Brands',
      cost: 42,
      dbTimeMs: 12.3,
      statements: 3,
      role: 'reader',
    });
    expect(typeof server.lines[0].durationMs).toBe('number');
    for (const secret of ['s3cret-value', 'api-key-123', 'cookie-456', 'brands', '?']) expect(server.raw[0]).not.toContain(secret);
    expect(server.lines[0]).not.toHaveProperty('req');
    expect(server.lines[0]).not.toHaveProperty('res');
  });

  it('echoes a sane X-Request-Id and replaces one that is too long or has other characters', async () => {
    server = await serve((app) => app.get('/health', (_req, res) => res.json({ status: 'ok' })));
    const idOf = async (sent?: string) =>
      (await fetch(`${server.base}/health`, { headers: sent === undefined ? {} : { 'x-request-id': sent } })).headers.get('x-request-id');
    expect(await idOf('a'.repeat(128))).toBe('a'.repeat(128));
    expect(await idOf('a'.repeat(129))).toMatch(UUID);
    expect(await idOf('id with spaces')).toMatch(UUID);
    expect(await idOf('<script>')).toMatch(UUID);
    expect(await idOf()).toMatch(UUID);
    await linesAfter(server.lines, 5);
    expect(server.lines).toHaveLength(5);
    // The id logged is the one echoed: the fresh UUIDs, never what the client sent.
    expect(server.lines.map((l) => l.reqId)).toEqual([
      'a'.repeat(128),
      expect.stringMatching(UUID),
      expect.stringMatching(UUID),
      expect.stringMatching(UUID),
      expect.stringMatching(UUID),
    ]);
  });

  it('logs a client error as a warning and a server error as an error, once each', async () => {
    server = await serve((app) => {
      app.get('/bad', (_req, res) => res.status(400).json({ errors: [] }));
      app.get('/boom', () => {
        throw new Error('resolver exploded');
      });
    });
    expect((await fetch(`${server.base}/bad`)).status).toBe(400);
    expect((await fetch(`${server.base}/boom`)).status).toBe(500);
    await linesAfter(server.lines, 2);
    expect(server.lines.map((l) => [l.path, l.status, l.level])).toEqual([
      ['/bad', 400, 40],
      ['/boom', 500, 50],
    ]);
  });

  it('runs the rest of the chain inside requestStorage, body parsing included', async () => {
    server = await serve((app) =>
      app.post('/graphql', express.json(), (_req, res) =>
        res.json({ same: currentRequest() === requestStateOf(res) && currentRequest() !== undefined }),
      ),
    );
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ a }' }),
    });
    expect(await response.json()).toEqual({ same: true });
  });

  it("aborts the request's signal with 'timeout' at its deadline (here chosen per request)", async () => {
    server = await serve(
      (app) =>
        app.get('/slow', (_req, res) => {
          const { signal } = requestStateOf(res)!;
          signal.addEventListener('abort', () => res.status(503).json({ reason: signal.reason }));
        }),
      (req) => (req.url === '/slow' ? 100 : 15_000),
    );
    const started = Date.now();
    const response = await fetch(`${server.base}/slow`);
    expect(await response.json()).toEqual({ reason: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it("logs a request the client abandons once, as 'aborted', and aborts its signal with 'client_closed'", async () => {
    let reason: unknown;
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    server = await serve((app) =>
      app.get('/csv', (_req, res) => {
        const { signal } = requestStateOf(res)!;
        signal.addEventListener('abort', () => (reason = signal.reason));
        res.write('header\n'); // a download that never ends
        arrived();
      }),
    );
    const client = new AbortController();
    const response = await fetch(`${server.base}/csv?variables=secret`, { signal: client.signal });
    await arrival;
    expect(server.inFlight.size).toBe(1);
    client.abort();
    await response.text().catch(() => undefined);
    await linesAfter(server.lines, 1);
    expect(server.lines).toHaveLength(1);
    expect(server.lines[0]).toMatchObject({ msg: 'request aborted', status: 'aborted', path: '/csv', level: 30 });
    expect(reason).toBe('client_closed');
    expect(server.inFlight.size).toBe(0);
  });

  it('abortAll aborts every request in flight with the reason given (shutdown)', async () => {
    const reasons: unknown[] = [];
    let arrivedCount = 0;
    server = await serve((app) =>
      app.get('/graphql', (_req, res) => {
        const { signal } = requestStateOf(res)!;
        arrivedCount++;
        signal.addEventListener('abort', () => {
          reasons.push(signal.reason);
          res.status(503).end();
        });
      }),
    );
    const answers = [fetch(`${server.base}/graphql`), fetch(`${server.base}/graphql`)];
    for (let waited = 0; arrivedCount < 2 && waited < 2000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    expect(server.inFlight.size).toBe(2);
    server.inFlight.abortAll('shutdown');
    expect((await Promise.all(answers)).map((r) => r.status)).toEqual([503, 503]);
    expect(reasons).toEqual(['shutdown', 'shutdown']);
  });
});
