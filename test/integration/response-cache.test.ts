import { createHash } from 'node:crypto';
import { ErrorCode } from '../../src/errors/app-error';
import { createApiKey } from '../../src/modules/access/api-key.service';
import { factories } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const COUNTRIES = `query Countries($first: Int!, $search: String) { countries(first: $first, filter: { search: $search }) { nodes { id name } } }`;
/** The same operation written differently: whitespace, a comment, commas. */
const COUNTRIES_REFORMATTED = `# the same question
query   Countries( $first: Int!, $search: String ) {
  countries(first: $first, filter: { search: $search }) { nodes { id, name } }
}`;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; extensions?: Record<string, unknown> };
}

async function post(app: TestApp, query: string, variables?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

/**
 * A GET as a BI tool sends it. (fetch adds `Cache-Control: no-cache` to a request with If-None-Match unless it
 * has a Cache-Control of its own, and a server must not answer such a request 304: say max-age=0 as browsers do.)
 */
async function get(app: TestApp, path: string, params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  return fetch(`${app.baseUrl}${path}?${search}`, {
    headers: { 'apollo-require-preflight': 'true', 'cache-control': 'max-age=0', ...headers },
  });
}

/** The answer without the per-request part of the cost report (the budget left). */
function stable(body: Answer['body']) {
  const cost = body.extensions?.cost as { budget?: { remaining?: number } } | undefined;
  return { ...body, extensions: cost ? { cost: { ...cost, budget: { ...cost.budget, remaining: 'varies' } } } : body.extensions };
}

describe('response cache', () => {
  let app: TestApp;
  let analystKey: string;

  beforeAll(async () => {
    app = await startTestApp();
    analystKey = (await createApiKey(app.running.db.orm.em.fork(), { name: 'analyst client', role: 'analyst' })).key;
  });
  afterAll(() => app?.close());

  it('answers a repeated read from the cache: the same body and headers, no SQL', async () => {
    const miss = await post(app, COUNTRIES, { first: 3 });
    expect([miss.status, miss.headers.get('x-cache'), miss.body.errors]).toEqual([200, 'MISS', undefined]);
    app.resetQueryCount();
    const hit = await post(app, COUNTRIES_REFORMATTED, { first: 3, search: undefined });
    expect(app.queryCount()).toBe(0);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(stable(hit.body)).toEqual(stable(miss.body));
    for (const header of ['content-type', 'etag', 'cache-control'])
      expect([header, hit.headers.get(header)]).toEqual([header, miss.headers.get(header)]);
    expect(miss.headers.get('etag')).toMatch(/^W\/"[\w-]+"$/);
    expect(miss.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an exact repeat before GraphQL with the bytes Apollo gives a hit, charged alike', async () => {
    const raw = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables: { first: 6 } }),
      });
      return { text: await response.text(), headers: response.headers };
    };
    await raw(COUNTRIES);
    // Another text of the same document: Apollo parses it and finds the answer; the exact repeat is the front's.
    const apolloHit = await raw(COUNTRIES_REFORMATTED);
    const answered = async () => {
      const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
      const count = (by: string) =>
        Number(
          text
            .split('\n')
            .find((l) => l.startsWith(`tradegraph_response_cache_total{result="hit",by="${by}"}`))
            ?.split(' ')[1] ?? 0,
        );
      return { front: count('front'), graphql: count('graphql') };
    };
    const before = await answered();
    app.resetQueryCount();
    const frontHit = await raw(COUNTRIES);
    expect(app.queryCount()).toBe(0);
    expect(await answered()).toEqual({ front: before.front + 1, graphql: before.graphql });
    const withoutBudget = (text: string) => text.replace(/"remaining":\d+/, '"remaining":0');
    expect(withoutBudget(frontHit.text)).toBe(withoutBudget(apolloHit.text));
    expect(frontHit.text.endsWith('}\n')).toBe(true);
    for (const header of ['content-type', 'etag', 'cache-control', 'x-cache', 'x-content-type-options'])
      expect([header, frontHit.headers.get(header)]).toEqual([header, apolloHit.headers.get(header)]);
    const remaining = (text: string) =>
      (JSON.parse(text) as { extensions: { cost: { requested: number; budget: { remaining: number } } } }).extensions.cost;
    expect(remaining(apolloHit.text).budget.remaining - remaining(frontHit.text).budget.remaining).toBe(remaining(frontHit.text).requested);
    // A key's answer is not an anonymous one, from the front either.
    const keyed = await raw(COUNTRIES, { authorization: `Bearer ${analystKey}` });
    expect(keyed.headers.get('x-cache')).toBe('MISS');
  });

  it('leaves a GET without a CSRF-safe header to Apollo, which refuses it, even when its answer is cached', async () => {
    const params = { query: COUNTRIES, variables: { first: 7 } };
    expect((await get(app, '/graphql', params)).headers.get('x-cache')).toBe('MISS');
    expect((await get(app, '/graphql', params)).headers.get('x-cache')).toBe('HIT');
    const search = new URLSearchParams({ query: COUNTRIES, variables: JSON.stringify({ first: 7 }) });
    const simple = await fetch(`${app.baseUrl}/graphql?${search}`, { headers: { accept: 'application/json' } });
    expect(simple.status).toBe(400);
    expect(simple.headers.get('x-cache')).toBeNull();
  });

  it('misses for other variables, another role, another Accept and another data version', async () => {
    await post(app, COUNTRIES, { first: 4 });
    expect((await post(app, COUNTRIES, { first: 4 })).headers.get('x-cache')).toBe('HIT');
    expect((await post(app, COUNTRIES, { first: 5 })).headers.get('x-cache')).toBe('MISS');
    expect((await post(app, COUNTRIES, { first: 4, search: 'a' })).headers.get('x-cache')).toBe('MISS');
    expect((await post(app, COUNTRIES, { first: 4 }, { authorization: `Bearer ${analystKey}` })).headers.get('x-cache')).toBe('MISS');
    expect((await post(app, COUNTRIES, { first: 4 }, { authorization: `Bearer ${analystKey}` })).headers.get('x-cache')).toBe('HIT');
    const legacy = await post(app, COUNTRIES, { first: 4 }, { accept: 'application/json' });
    expect([legacy.headers.get('x-cache'), legacy.headers.get('content-type')]).toEqual(['MISS', 'application/json; charset=utf-8']);
    // Any write of data moves the catalog's data version: a dataset nobody asked about is enough.
    await factories(app.running.db.orm.em.fork()).dataset();
    expect((await post(app, COUNTRIES, { first: 4 })).headers.get('x-cache')).toBe('MISS');
    expect((await post(app, COUNTRIES, { first: 4 })).headers.get('x-cache')).toBe('HIT');
  });

  it('serves the new answer after an import, never the old one', async () => {
    const DATASETS = `{ datasets { name } }`;
    const before = await post(app, DATASETS);
    expect((await post(app, DATASETS)).headers.get('x-cache')).toBe('HIT');
    await factories(app.running.db.orm.em.fork()).dataset({ name: 'imported after the first answer' });
    const after = await post(app, DATASETS);
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.body.data).not.toEqual(before.body.data);
    expect(JSON.stringify(after.body.data)).toContain('imported after the first answer');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('never keeps answers with errors, mutations, or who is asking', async () => {
    for (let i = 0; i < 2; i++) {
      const failed = await post(app, `{ country(id: "nope!") { id } }`);
      expect(failed.body.errors?.length).toBeGreaterThan(0);
      expect([failed.headers.get('x-cache'), failed.headers.get('cache-control')]).toEqual(['MISS', 'no-store']);
    }
    for (let i = 0; i < 2; i++) {
      const written = await post(app, `mutation { createApiKey(name: "x", role: READER) { key } }`, undefined, {
        authorization: `Bearer ${analystKey}`,
      });
      expect(written.body.errors?.[0].extensions?.code).toBe(ErrorCode.FORBIDDEN);
      expect([written.headers.get('x-cache'), written.headers.get('cache-control')]).toEqual([null, 'no-store']);
    }
    const anonymous = await post(app, `{ viewer { name } }`);
    const keyed = await post(app, `{ viewer { name } }`, undefined, { authorization: `Bearer ${analystKey}` });
    expect([anonymous.body.data, keyed.body.data, keyed.headers.get('x-cache')]).toEqual([
      { viewer: { name: null } },
      { viewer: { name: 'analyst client' } },
      null,
    ]);
  });

  it('answers GET with Cache-Control and ETag, and 304 to If-None-Match', async () => {
    const first = await get(app, '/graphql', { query: COUNTRIES, variables: { first: 2 } });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag')!;
    const again = await get(app, '/graphql', { query: COUNTRIES, variables: { first: 2 } }, { 'if-none-match': etag });
    expect([again.status, again.headers.get('etag'), await again.text()]).toEqual([304, etag, '']);
    const keyed = await get(app, '/graphql', { query: COUNTRIES, variables: { first: 2 } }, { authorization: `Bearer ${analystKey}` });
    expect(keyed.headers.get('cache-control')).toBe('private, max-age=60');
  });

  it('answers GET /csv with an ETag, and 304 to If-None-Match', async () => {
    const query = `{ countries(first: 3) { nodes { id name } } }`;
    const first = await get(app, '/csv', { query });
    expect([first.status, first.headers.get('cache-control')]).toEqual([200, 'public, max-age=60']);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await get(app, '/csv', { query }, { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('takes automatic persisted queries by GET for BI tools, still behind CSRF prevention', async () => {
    const query = `{ countries(first: 6) { nodes { id } } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const unknown = await get(app, '/graphql', { extensions });
    expect(((await unknown.json()) as Answer['body']).errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await get(app, '/graphql', { query, extensions });
    expect([registered.status, registered.headers.get('x-cache')]).toEqual([200, 'MISS']);
    const byHash = await get(app, '/graphql', { extensions });
    expect([byHash.status, byHash.headers.get('x-cache')]).toEqual([200, 'HIT']);
    expect(((await byHash.json()) as Answer['body']).data).toEqual(((await registered.json()) as Answer['body']).data);
    const simple = await fetch(`${app.baseUrl}/graphql?${new URLSearchParams({ extensions: JSON.stringify(extensions) })}`);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
  });
});

describe('response cache limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    // A budget of 3 requests of that question a minute.
    app = await startTestApp({
      env: { MAX_QUERY_COST: '100', RATE_LIMIT_POINTS: '100' },
    });
  });
  afterAll(() => app?.close());

  it('charges a hit its cost: the budget runs out for cached answers too', async () => {
    const first = await post(app, COUNTRIES, { first: 30 });
    const cost = (first.body.extensions?.cost as { requested: number }).requested;
    expect([first.headers.get('x-cache'), first.body.errors, cost]).toEqual(['MISS', undefined, 31]);
    const seen: Array<[string | null, number]> = [];
    for (let spent = cost; spent + cost <= 100; spent += cost) {
      const hit = await post(app, COUNTRIES, { first: 30 });
      seen.push([hit.headers.get('x-cache'), (hit.body.extensions?.cost as { budget: { remaining: number } }).budget.remaining]);
    }
    expect(seen[0]).toEqual(['HIT', 100 - 2 * cost]);
    const refused = await post(app, COUNTRIES, { first: 30 });
    expect([refused.status, refused.body.errors?.[0].extensions?.code]).toEqual([429, ErrorCode.RATE_LIMITED]);
  });
});

describe('response cache bound', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { RESPONSE_CACHE_BYTES: '4000' } });
  });
  afterAll(() => app?.close());

  it('evicts the least recently used answers past RESPONSE_CACHE_BYTES', async () => {
    const ask = (first: number) => post(app, `query($first: Int!) { countries(first: $first) { nodes { id } } }`, { first });
    expect((await ask(1)).headers.get('x-cache')).toBe('MISS');
    expect((await ask(1)).headers.get('x-cache')).toBe('HIT');
    for (let first = 2; first <= 30; first++) await ask(first);
    expect((await ask(1)).headers.get('x-cache')).toBe('MISS');
  });
});

describe('response cache and Redis', () => {
  const ask = (app: TestApp) => post(app, COUNTRIES, { first: 7 });

  it('keeps answering, from this process, when Redis is away', async () => {
    const app = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const miss = await ask(app);
      const hit = await ask(app);
      expect([miss.status, miss.headers.get('x-cache'), hit.status, hit.headers.get('x-cache')]).toEqual([200, 'MISS', 200, 'HIT']);
      expect(hit.body.data).toEqual(miss.body.data);
    } finally {
      await app.close();
    }
  });

  // Two API processes on one database share answers through Redis (these machines and CI run it on 6379).
  // On a server only: the embedded database belongs to one process.
  (process.env.DATABASE_URL ? it : it.skip)('shares answers between processes on one database through REDIS_URL', async () => {
    const redisUrl = 'redis://127.0.0.1:6379';
    const first = await startTestApp({ env: { REDIS_URL: redisUrl } });
    const second = await startTestApp({ reference: false, env: { REDIS_URL: redisUrl, DATABASE_URL: first.database.env.DATABASE_URL } });
    const versions = await Promise.all([first, second].map(async (app) => (await app.running.db.catalog.snapshot()).version));
    expect(versions[0]).toBe(versions[1]);
    // Variables of this run's own, so that answers another run left in Redis cannot answer.
    const search = `run ${process.pid} ${Date.now()}`;
    const ask = (app: TestApp) => post(app, COUNTRIES, { first: 7, search });
    try {
      const miss = await ask(first);
      expect([miss.headers.get('x-cache'), miss.body.errors]).toEqual(['MISS', undefined]);
      // The write to Redis is not awaited by the answer.
      await new Promise((resolve) => setTimeout(resolve, 100));
      // (No count of statements here: until its LISTEN connection is up, a server's catalog reads the version for every request.)
      const hit = await ask(second);
      expect([hit.headers.get('x-cache'), hit.headers.get('etag')]).toEqual(['HIT', miss.headers.get('etag')]);
      expect(hit.body.data).toEqual(miss.body.data);
    } finally {
      // The second first: closing the first drops the database both use.
      await second.close();
      await first.close();
    }
  });
});

describe('response cache off', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { RESPONSE_CACHE_BYTES: '0' } });
  });
  afterAll(() => app?.close());

  it('still tags answers with the weak ETag of their data (taken from the body written), and answers 304 to If-None-Match', async () => {
    const etagOf = (data: unknown) => `W/"${createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 27)}"`;
    const miss = await post(app, COUNTRIES, { first: 3 });
    expect([miss.status, miss.headers.get('x-cache'), miss.headers.get('cache-control')]).toEqual([200, null, 'no-store']);
    expect(miss.headers.get('etag')).toBe(etagOf(miss.body.data));
    const first = await get(app, '/graphql', { query: COUNTRIES, variables: { first: 2 } });
    const etag = first.headers.get('etag')!;
    expect(etag).toBe(etagOf(((await first.json()) as Answer['body']).data));
    const again = await get(app, '/graphql', { query: COUNTRIES, variables: { first: 2 } }, { 'if-none-match': etag });
    expect([again.status, again.headers.get('etag'), await again.text()]).toEqual([304, etag, '']);
    const failed = await post(app, `{ countries(first: -1) { nodes { id } } }`);
    expect([failed.body.errors?.length, failed.headers.get('etag'), failed.headers.get('cache-control')]).toEqual([1, null, 'no-store']);
  });
});
