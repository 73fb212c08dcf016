import express from 'express';
import type { AddressInfo } from 'node:net';
import type { RequestState } from '../../../src/server/request-state';
import { Metrics } from '../../../src/server/observability/metrics';
import { parsePrometheusText, valueOf, type Sample } from './prometheus-text';

/** A finished request as the edge leaves it: started at t = 1000 ms (performance.now() time). */
function finished(fields: Partial<RequestState> = {}): RequestState {
  return {
    id: 'r',
    startedAt: 1000,
    signal: new AbortController().signal,
    abortReason: undefined,
    statements: 0,
    dbTimeMs: 0,
    errorCodes: [],
    ...fields,
  };
}

async function samplesOf(metrics: Metrics): Promise<Sample[]> {
  return parsePrometheusText(await metrics.scrape());
}

describe('Metrics', () => {
  it('writes valid Prometheus text with the process metrics and ours, all under tradegraph_', async () => {
    const metrics = new Metrics();
    metrics.recordRequest(finished({ operationName: 'Brands', cost: 40, statements: 2, dbTimeMs: 12 }), 'graphql', 200, 1020);
    const text = await metrics.scrape();
    const samples = parsePrometheusText(text); // throws on any line that is not a comment, blank or a sample
    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      'tradegraph_process_cpu_user_seconds_total',
      'tradegraph_http_request_duration_seconds_bucket',
      'tradegraph_query_cost_sum',
      'tradegraph_db_time_seconds_count',
      'tradegraph_statements_total',
      'tradegraph_statement_timeouts_total',
      'tradegraph_rejections_total',
    ]) {
      expect(names).toContain(name);
    }
    expect(samples.every((s) => s.name.startsWith('tradegraph_'))).toBe(true);
  });

  it('keeps its own registry: a second instance starts from zero', async () => {
    const first = new Metrics();
    first.statementTimeout();
    const second = new Metrics();
    expect(valueOf(await samplesOf(first), 'tradegraph_statement_timeouts_total')).toBe(1);
    expect(valueOf(await samplesOf(second), 'tradegraph_statement_timeouts_total')).toBe(0);
  });

  it('puts each request in the duration bucket of its time, by operation, status and route', async () => {
    const metrics = new Metrics();
    // 3 ms, 200 ms and 2 s after the start at 1000 ms.
    metrics.recordRequest(finished({ operationName: 'Brands' }), 'graphql', 200, 1003);
    metrics.recordRequest(finished({ operationName: 'Brands' }), 'graphql', 200, 1200);
    metrics.recordRequest(finished({ operationName: 'Brands' }), 'graphql', 200, 3000);
    metrics.recordRequest(finished(), 'health', 503, 1001);
    metrics.recordRequest(finished(), 'csv', 'aborted', 1500);
    const samples = await samplesOf(metrics);
    const brands = { operation: 'Brands', status: '200', route: 'graphql' };
    const bucket = (le: string) => valueOf(samples, 'tradegraph_http_request_duration_seconds_bucket', { ...brands, le });
    expect(bucket('0.005')).toBe(1); // the 3 ms one
    expect(bucket('0.25')).toBe(2); // and the 200 ms one
    expect(bucket('1')).toBe(2);
    expect(bucket('2.5')).toBe(3); // and the 2 s one
    expect(valueOf(samples, 'tradegraph_http_request_duration_seconds_count', brands)).toBe(3);
    expect(valueOf(samples, 'tradegraph_http_request_duration_seconds_sum', brands)).toBeCloseTo(0.003 + 0.2 + 2, 6);
    expect(
      valueOf(samples, 'tradegraph_http_request_duration_seconds_count', { operation: 'anonymous', status: '503', route: 'health' }),
    ).toBe(1);
    expect(valueOf(samples, 'tradegraph_http_request_duration_seconds_count', { status: 'aborted', route: 'csv' })).toBe(1);
  });

  it('counts cost, statements and database time; a request without statements adds no database time', async () => {
    const metrics = new Metrics();
    metrics.recordRequest(finished({ cost: 40, statements: 2, dbTimeMs: 30 }), 'graphql', 200, 1100);
    metrics.recordRequest(finished({ cost: 7000, statements: 5, dbTimeMs: 1200 }), 'graphql', 200, 2500);
    metrics.recordRequest(finished(), 'health', 200, 1002);
    const samples = await samplesOf(metrics);
    expect(valueOf(samples, 'tradegraph_query_cost_count', { route: 'graphql' })).toBe(2);
    expect(valueOf(samples, 'tradegraph_query_cost_sum', { route: 'graphql' })).toBe(7040);
    expect(valueOf(samples, 'tradegraph_query_cost_bucket', { route: 'graphql', le: '50' })).toBe(1);
    expect(valueOf(samples, 'tradegraph_statements_total')).toBe(7);
    expect(valueOf(samples, 'tradegraph_db_time_seconds_count', { route: 'graphql' })).toBe(2);
    expect(valueOf(samples, 'tradegraph_db_time_seconds_sum', { route: 'graphql' })).toBeCloseTo(1.23, 6);
    expect(samples.filter((s) => s.name === 'tradegraph_db_time_seconds_count' && s.labels.route === 'health')).toEqual([]);
  });

  it('counts rejections by reason, every reason present from the start', async () => {
    const metrics = new Metrics();
    metrics.rejection('cost');
    metrics.rejection('cost');
    metrics.rejection('rate_limit');
    const samples = await samplesOf(metrics);
    expect(valueOf(samples, 'tradegraph_rejections_total', { reason: 'cost' })).toBe(2);
    expect(valueOf(samples, 'tradegraph_rejections_total', { reason: 'rate_limit' })).toBe(1);
    expect(valueOf(samples, 'tradegraph_rejections_total', { reason: 'database_unavailable' })).toBe(0);
  });

  it('keeps at most maxOperations operation names; later and malformed names become "other"', async () => {
    const metrics = new Metrics({ maxOperations: 3 });
    for (let i = 0; i < 10; i++) metrics.recordRequest(finished({ operationName: `Op${i}` }), 'graphql', 200, 1001);
    metrics.recordRequest(finished({ operationName: 'Op0' }), 'graphql', 200, 1001); // seen before the cap: kept
    metrics.recordRequest(finished({ operationName: 'A'.repeat(65) }), 'graphql', 200, 1001);
    metrics.recordRequest(finished({ operationName: 'x"} 1\nevil' }), 'graphql', 200, 1001);
    const counts = (await samplesOf(metrics)).filter((s) => s.name === 'tradegraph_http_request_duration_seconds_count');
    const byOperation = Object.fromEntries(counts.map((s) => [s.labels.operation, s.value]));
    // Op3…Op9 (7) and the two malformed names fall into "other".
    expect(byOperation).toEqual({ Op0: 2, Op1: 1, Op2: 1, other: 9 });
  });

  it('serves GET /metrics with the exposition content type', async () => {
    const metrics = new Metrics();
    const app = express();
    app.get('/metrics', metrics.handler());
    const server = app.listen(0);
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(parsePrometheusText(await response.text()).length).toBeGreaterThan(10);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
