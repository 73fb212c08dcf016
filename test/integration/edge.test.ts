import net from 'node:net';
import { Redis } from 'ioredis';
import { startTestApp, type TestApp } from '../support/test-app';

/** A GraphQL-shaped JSON error body. */
interface ErrorBody {
  errors: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
}

const GRAPHQL_JSON = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

/** `{ productTypes { hsProducts { productTypes { … } } } }` with `levels` nested lists, the crash query of issue 8. */
function productTypeChain(levels: number): string {
  const field = (level: number) => (level % 2 === 1 ? 'productTypes' : 'hsProducts');
  const leaf = (level: number) => (level % 2 === 1 ? 'id' : 'code');
  let inner = leaf(levels);
  for (let level = levels; level >= 1; level--) inner = `${field(level)} { ${leaf(level)} ${level === levels ? '' : inner} }`;
  return `{ ${inner} }`;
}

/** 15 levels of country → facilities(first: 3) → country → …, the other crash query. */
function facilityChain(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = i % 2 === 0 ? `country { id facilities(first: 3) { ${inner} } }` : `id ${inner}`;
  return `{ country(id: "VNM") { facilities(first: 3) { ${inner} } } }`;
}

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as ErrorBody;
  return body.errors?.[0]?.extensions?.code;
}

/** Whether something answers on host:port (Redis for the shared-budget test). */
function reachable(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host, timeout: 500 }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('the HTTP edge', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Development mode is where Express would show HTML error pages with stack traces: none must appear.
    app = await startTestApp({ env: { NODE_ENV: 'development', CORS_ORIGINS: 'https://bi.example.org' } });
  });
  afterAll(() => app?.close());

  const post = (body: string, headers: Record<string, string> = GRAPHQL_JSON) =>
    fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers, body });

  it('answers malformed JSON, an oversized body, a wrong method and an unknown path with JSON and a stable code, never HTML', async () => {
    const cases: Array<[string, Promise<Response>, number, string]> = [
      ['malformed JSON', post('{"query": '), 400, 'INVALID_JSON'],
      ['2 MB body', post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(2 * 1024 * 1024)}` })), 413, 'PAYLOAD_TOO_LARGE'],
      ['PUT', fetch(`${app.baseUrl}/graphql`, { method: 'PUT', headers: GRAPHQL_JSON, body: '{}' }), 405, 'METHOD_NOT_ALLOWED'],
      ['DELETE /csv', fetch(`${app.baseUrl}/csv`, { method: 'DELETE' }), 405, 'METHOD_NOT_ALLOWED'],
      ['unknown path', fetch(`${app.baseUrl}/nothing/here`), 404, 'NOT_FOUND'],
      ['csv without a query', fetch(`${app.baseUrl}/csv`), 400, 'BAD_REQUEST'],
    ];
    for (const [name, request, status, code] of cases) {
      const response = await request;
      expect([name, response.status, response.headers.get('content-type')]).toEqual([
        name,
        status,
        expect.stringMatching(/application\/json/),
      ]);
      const text = await response.text();
      expect(text).not.toMatch(/<html|<pre>|node_modules|at \w+ \(/);
      expect([name, (JSON.parse(text) as ErrorBody).errors[0].extensions?.code]).toEqual([name, code]);
    }
    const put = await fetch(`${app.baseUrl}/graphql`, { method: 'PUT' });
    expect(put.headers.get('allow')).toBe('GET, POST, OPTIONS');
  });

  it('refuses a NUL character in a literal or a variable as bad input before any SQL runs', async () => {
    app.resetQueryCount();
    const literal = await post(JSON.stringify({ query: '{ country(id: "V\\u0000N") { id } }' }));
    expect(literal.status).toBe(400);
    expect(await errorCode(literal)).toBe('BAD_USER_INPUT');
    const variable = await post(
      JSON.stringify({
        query: 'query($f: FacilityFilter) { facilities(first: 1, filter: $f) { nodes { id } } }',
        variables: { f: { nameContains: 'a\u0000b' } },
      }),
    );
    expect(variable.status).toBe(400);
    const body = (await variable.json()) as ErrorBody;
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('f.nameContains') });
    expect(app.queryCount()).toBe(0);
  });

  it('makes an operation type the schema lacks a 400 validation error', async () => {
    const response = await post(JSON.stringify({ query: 'subscription { alerts }' }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.errors[0]).toMatchObject({
      message: 'This API has no subscription operations.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('keeps HTTP 200 for request errors when the client accepts only application/json (GraphQL over HTTP, legacy media type)', async () => {
    const response = await post(JSON.stringify({ query: '{ nope }' }), { 'content-type': 'application/json', accept: 'application/json' });
    expect(response.status).toBe(200);
    expect(await errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects the crash queries of issue 8 with QUERY_TOO_COMPLEX before any SQL runs, naming the cost or the limit', async () => {
    for (const query of [
      productTypeChain(11),
      facilityChain(15),
      `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: importConcentration(importer: "USA", product: "6403", year: 2023) { hhi }`).join(' ')} }`,
    ]) {
      app.resetQueryCount();
      const response = await post(JSON.stringify({ query }));
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(body.errors[0].message).toMatch(/limit/);
      expect(app.queryCount()).toBe(0);
    }
  });

  it('reports every accepted answer’s cost and the budget left in extensions.cost', async () => {
    const first = await app.raw('{ countries(first: 2) { nodes { id } } }');
    const second = await app.raw('{ countries(first: 2) { nodes { id } } }');
    const cost = (r: typeof first) =>
      (r as unknown as { extensions: { cost: { requested: number; limit: number; budget: { remaining: number; limit: number } } } })
        .extensions.cost;
    expect(cost(first)).toMatchObject({ requested: expect.any(Number), limit: 100_000, budget: { limit: 2_000_000 } });
    // The same operation costs the same, and is charged again: the budget shrinks by its cost (at least 1).
    expect(cost(second).requested).toBe(cost(first).requested);
    expect(cost(first).budget.remaining - cost(second).budget.remaining).toBe(Math.max(1, cost(first).requested));
  });

  it('sends security headers, echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const sane = await fetch(`${app.baseUrl}/health`, { headers: { 'x-request-id': 'bi-refresh.42' } });
    expect(sane.headers.get('x-request-id')).toBe('bi-refresh.42');
    expect(sane.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sane.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(sane.headers.get('x-powered-by')).toBeNull();
    const unsafe = await fetch(`${app.baseUrl}/health`, { headers: { 'x-request-id': 'evil\tline <script>' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows cross-origin calls only from CORS_ORIGINS', async () => {
    const preflight = (origin: string) =>
      fetch(`${app.baseUrl}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const allowed = await preflight('https://bi.example.org');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://bi.example.org');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a request Node cannot parse (headers too large) with JSON too', async () => {
    // fetch refuses to send such headers, so this speaks HTTP over a socket.
    const url = new URL(app.baseUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: url.hostname, port: Number(url.port) }, () => {
        socket.write(`GET /graphql HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'HEADERS_TOO_LARGE' } }],
    });
  });

  it('prices a page of trade flows by the rows its filter may walk, not as free', async () => {
    const page = (filter: string) => app.raw(`{ tradeFlows(first: 10, filter: ${filter}) { nodes { id } } }`);
    const cost = (r: Awaited<ReturnType<typeof page>>) =>
      (r as unknown as { extensions: { cost: { requested: number } } }).extensions.cost.requested;
    // The connection (1), one year of flows it may walk (500) or, without a year, every year (5,000), 10 items.
    expect(cost(await page('{ year: 2022, minValueUsd: 1e18 }'))).toBe(1 + 500 + 10);
    expect(cost(await page('{ minValueUsd: 1e18 }'))).toBe(1 + 5000 + 10);
  });

  it('serves /metrics as Prometheus text with request, cost and rejection series', async () => {
    await app.raw('{ __typename }');
    const response = await fetch(`${app.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      // name{label="value",…} value — the exposition format; values may be NaN or ±Inf.
      expect([line, /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? (-?[0-9.e+-]+|NaN|Nan|[+-]Inf)$/.test(line)]).toEqual([line, true]);
    }
    expect(text).toMatch(/^tradegraph_http_request_duration_seconds_count\{.*route="graphql".*\} [1-9]/m);
    expect(text).toMatch(/^tradegraph_rejections_total\{reason="cost"\} [1-9]/m);
    expect(text).toMatch(/^tradegraph_db_pool_in_use /m);
  });
});

describe('writes and keys at the edge', () => {
  it('never runs a mutation from GET /csv, even for an admin', async () => {
    const app = await startTestApp();
    try {
      const { createApiKey } = await import('../../src/modules/access/api-key.service');
      const admin = (await createApiKey(app.running.db.orm.em.fork(), { name: 'ops', role: 'admin' })).key;
      const before = await app.raw('{ apiKeys { id } }', undefined, { authorization: `Bearer ${admin}` });
      const mutation = `mutation { createApiKey(name: "from a link", role: READER) { key } }`;
      const response = await fetch(`${app.baseUrl}/csv?query=${encodeURIComponent(mutation)}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('INVALID_ARGUMENT');
      const after = await app.raw('{ apiKeys { id } }', undefined, { authorization: `Bearer ${admin}` });
      expect((after.data as { apiKeys: unknown[] }).apiKeys).toHaveLength((before.data as { apiKeys: unknown[] }).apiKeys.length);
    } finally {
      await app.close();
    }
  });

  it('stops checking keys from a client that sent 20 bad ones in a minute (each check costs a scrypt)', async () => {
    const app = await startTestApp();
    try {
      const bad = `Bearer tg_0123456789abcdef_${'A'.repeat(43)}`;
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await app.raw('{ __typename }', undefined, { authorization: bad })).status);
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
      expect(statuses[20]).toBe(429);
      const limited = await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { ...GRAPHQL_JSON, authorization: bad },
        body: '{"query":"{ __typename }"}',
      });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Without a key the same client still reads: only key checks are refused.
      expect((await app.raw('{ __typename }')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('cost budgets', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a client has spent its points, per client', async () => {
    const app = await startTestApp({ env: { RATE_LIMIT_POINTS: '3', RATE_LIMIT_WINDOW_S: '60', MAX_QUERY_COST: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await app.raw('{ __typename }')).status);
      // Each request costs at least one point: three pass, the fourth is over the budget of 3.
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: GRAPHQL_JSON,
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = (await limited.json()) as ErrorBody;
      expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 3 });
      // The CSV route draws on the same budget.
      const csv = await fetch(`${app.baseUrl}/csv?query=${encodeURIComponent('{ countries(first: 1) { nodes { id } } }')}`);
      expect(csv.status).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('shares budgets between server processes through Redis when REDIS_URL is set', async () => {
    const redisUp = await reachable(6379);
    if (!redisUp) {
      if (process.env.CI) throw new Error('Redis is expected at 127.0.0.1:6379 on CI machines');
      console.warn('skipped: no Redis at 127.0.0.1:6379');
      return;
    }
    // A Redis database of each engine's run (CI runs both at once, each charging client 127.0.0.1), and in
    // it no counters to start from: an earlier run may have left this client's.
    const redisUrl = `redis://127.0.0.1:6379/${process.env.DATABASE_URL ? 2 : 1}`;
    const redis = new Redis(redisUrl);
    const stale = await redis.keys('tg-cost:*');
    if (stale.length) await redis.del(...stale);
    redis.disconnect();
    const env = { REDIS_URL: redisUrl, RATE_LIMIT_POINTS: '4', RATE_LIMIT_WINDOW_S: '60', MAX_QUERY_COST: '4' };
    const [a, b] = [await startTestApp({ env }), await startTestApp({ env })];
    try {
      const statuses = [];
      for (const server of [a, b, a, b, a]) statuses.push((await server.raw('{ __typename }')).status);
      // Both processes charge the one client (127.0.0.1) in Redis: the fifth request overall is refused.
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
