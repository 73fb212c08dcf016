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
    expect(html).toContain('GraphiQL');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const source of sources) {
      expect(source).toMatch(/^\/explorer\/assets\//);
      const asset = await fetch(`${app.baseUrl}${source}`);
      expect([source, asset.status]).toEqual([source, 200]);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect(html).toContain('CountryProfile');
  });

  it('answers GraphQL over GET for BI tools and over POST', async () => {
    const get = await fetch(`${app.baseUrl}/graphql?query=${encodeURIComponent('{ countries(first: 1) { nodes { id } } }')}`);
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { countries: { nodes: [{ id: 'ABW' }] } } });
    const post = await app.raw('{ __typename }');
    expect(post).toEqual({ status: 200, data: { __typename: 'Query' } });
  });

  it('reports health for load balancers', async () => {
    const response = await fetch(`${app.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: process.env.DATABASE_URL ? 'server' : 'embedded' });
  });
});
