import { startTestApp, type TestApp } from '../support/test-app';

describe('HTTP surface', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('serves GraphiQL on GET /graphql to a browser, with every script from this server (works offline)', async () => {
    const response = await fetch(`${app.baseUrl}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('graphiql.min.js');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const source of sources) {
      expect(source).toMatch(/^\/explorer\/assets\//);
      const asset = await fetch(`${app.baseUrl}${source}`);
      expect([source, asset.status]).toEqual([source, 200]);
      // Our own explorer.js is a few hundred bytes; the libraries are far larger.
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(source.endsWith('/explorer.js') ? 200 : 1000);
    }
    expect(html).toContain('CountryProfile');
  });

  it('answers GraphQL over GET (with a header no cross-site simple request can carry) and over POST', async () => {
    const url = `${app.baseUrl}/graphql?query=${encodeURIComponent('{ countries(first: 1) { nodes { id } } }')}`;
    const get = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(await get.json()).toMatchObject({ data: { countries: { nodes: [{ id: 'ABW' }] } } });
    // A bare GET is what a forged cross-site <img> or link sends: refused by Apollo's CSRF prevention, as JSON.
    const bare = await fetch(url);
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_REQUEST');
    const post = await app.raw('{ __typename }');
    expect(post).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  });

  it('reports liveness and readiness for load balancers, naming no internals', async () => {
    const health = await fetch(`${app.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
