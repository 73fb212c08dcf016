import type { AddressInfo } from 'node:net';
import express from 'express';
import { InFlightRequests } from '../../../src/server/observability/in-flight';
import { Metrics } from '../../../src/server/observability/metrics';
import { requestContext, requestStateOf } from '../../../src/server/observability/request-context';
import { requestMetrics } from '../../../src/server/observability/request-metrics';
import { pathOf, routeOf } from '../../../src/server/observability/route';
import { parsePrometheusText, valueOf } from './prometheus-text';

describe('routeOf and pathOf', () => {
  it('names our endpoints and puts everything else under other', () => {
    expect(['/graphql', '/graphql/', '/csv', '/health', '/ready', '/metrics'].map(routeOf)).toEqual([
      'graphql',
      'graphql',
      'csv',
      'health',
      'ready',
      'metrics',
    ]);
    expect(['/', '/explorer/assets/app.js', '/graphql/x', '/healthz', '/wp-admin'].map(routeOf)).toEqual([
      'other',
      'other',
      'other',
      'other',
      'other',
    ]);
  });

  it('drops the query string and cuts long paths to 256 characters', () => {
    expect(pathOf({ originalUrl: '/csv?query=%7B%7D&variables=x', url: '/?query' } as Parameters<typeof pathOf>[0])).toBe('/csv');
    expect(pathOf({ url: '/graphql?query={a}' } as Parameters<typeof pathOf>[0])).toBe('/graphql');
    expect(pathOf({ url: `/${'x'.repeat(300)}` } as Parameters<typeof pathOf>[0])).toHaveLength(256);
  });
});

describe('requestMetrics', () => {
  it('records each finished request once, by route and status', async () => {
    const metrics = new Metrics();
    const app = express();
    app.use(requestContext({ inFlight: new InFlightRequests(), timeoutMs: 15_000 }), requestMetrics(metrics));
    app.get('/graphql', (_req, res) => {
      Object.assign(requestStateOf(res)!, { operationName: 'Countries', cost: 12 });
      res.json({ data: {} });
    });
    const server = app.listen(0);
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await fetch(`${base}/graphql?query=x`);
      await fetch(`${base}/graphql`);
      await fetch(`${base}/nowhere`);
      await new Promise((r) => setTimeout(r, 30)); // 'finish' may come just after the client has the answer
      const samples = parsePrometheusText(await metrics.scrape());
      expect(
        valueOf(samples, 'tradegraph_http_request_duration_seconds_count', { operation: 'Countries', route: 'graphql', status: '200' }),
      ).toBe(2);
      expect(valueOf(samples, 'tradegraph_query_cost_sum', { route: 'graphql' })).toBe(24);
      expect(
        valueOf(samples, 'tradegraph_http_request_duration_seconds_count', { operation: 'anonymous', route: 'other', status: '404' }),
      ).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
