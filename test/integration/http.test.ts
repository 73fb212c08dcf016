import fs from 'node:fs';
import { METRICS_DOC_FILE, renderMarkdown } from '../../src/server/docs-route';
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
    // The Explorer plugin (point-and-click query building) is served like GraphiQL, and opened beside it.
    expect(sources).toEqual(expect.arrayContaining(['/explorer/assets/plugin-explorer.umd.js', '/explorer/assets/plugin-explorer.css']));
    const script = await (await fetch(`${app.baseUrl}/explorer/assets/explorer.js`)).text();
    expect(script).toContain('GraphiQLPluginExplorer.explorerPlugin()');
    // Nothing on the page names another server (the SVG namespace of inline icons is not a request).
    expect(html.match(/(?:https?:)?\/\/[a-z0-9.-]+/gi) ?? []).toEqual([]);
  });

  it('serves the metric definitions rendered at /docs/metrics: heading ids, our own stylesheet, no script, under the CSP', async () => {
    const response = await fetch(`${app.baseUrl}/docs/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    const html = await response.text();
    const ids = new Set([...html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]));
    const expected = renderMarkdown(fs.readFileSync(METRICS_DOC_FILE, 'utf8')).ids;
    expect(expected.length).toBeGreaterThan(30);
    expect([...ids]).toEqual(expected);
    for (const id of ['hhi', 'gini', 'bands', 'hs-roll-up', 'geodep-criteria', 'rca', 'capacity']) expect(ids).toContain(id);
    // Under `script-src 'self'` and `default-src 'self'` the page needs no script at all, and loads only from here.
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    const loaded = [...html.matchAll(/<link[^>]+href="([^"]+)"/g)].map((m) => m[1]);
    expect(loaded).toEqual(['/docs/docs.css']);
    const css = await fetch(`${app.baseUrl}/docs/docs.css`);
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    // Every link of the page stays on this server: a fragment of the page or a path of ours.
    const hrefs = [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.filter((h) => !/^(#|\/)/.test(h) || h.startsWith('//'))).toEqual([]);
    expect(hrefs.filter((h) => h.startsWith('#') && !ids.has(h.slice(1)))).toEqual([]);
  });

  it('serves the metric definitions as Markdown at /docs/metrics.md', async () => {
    const response = await fetch(`${app.baseUrl}/docs/metrics.md`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await response.text()).toBe(fs.readFileSync(METRICS_DOC_FILE, 'utf8'));
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
