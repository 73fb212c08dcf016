import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { RequestState } from '../request-state';
import { registerDatabaseGauges, type DatabaseSources } from './database-gauges';
import { OperationLabels } from './operation-label';
import type { RequestOutcome } from './request-log';
import type { Route } from './route';

/** Why the edge refused or cut short a request; the `reason` label of `tradegraph_rejections_total`. */
export const REJECTION_REASONS = [
  'cost',
  'depth',
  'aliases',
  'directives',
  'tokens',
  'rate_limit',
  'auth',
  'bad_request',
  'timeout',
  'database_unavailable',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface MetricsOptions extends DatabaseSources {
  /** Distinct operation names kept as labels before the rest become `other` (default 200). */
  maxOperations?: number;
}

const PREFIX = 'tradegraph_';
/** 5 ms to 30 s: a health check to a request at the default deadline (15 s) and beyond. */
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];
/** Static cost, up to past the default limit of 100,000. */
const COST_BUCKETS = [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 25_000, 100_000];

/**
 * The server's Prometheus metrics, in a registry of its own (several servers can live in one process, as
 * in the tests): process metrics, request durations, costs, rejections, statements, the database pool and
 * the datasets loaded. Expose it with {@link handler}.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations: OperationLabels;
  private readonly duration: Histogram<'operation' | 'status' | 'route'>;
  private readonly cost: Histogram<'route'>;
  private readonly dbTime: Histogram<'route'>;
  private readonly statements: Counter;
  private readonly statementTimeouts: Counter;
  private readonly rejections: Counter<'reason'>;
  private readonly cacheAnswers: Counter<'result' | 'by'>;

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    this.operations = new OperationLabels(options.maxOperations);
    collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
    this.duration = new Histogram({
      name: `${PREFIX}http_request_duration_seconds`,
      help: 'Time from a request arriving to its response finishing (or the client aborting it).',
      labelNames: ['operation', 'status', 'route'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.cost = new Histogram({
      name: `${PREFIX}query_cost`,
      help: 'Static cost of each operation analysed.',
      labelNames: ['route'],
      buckets: COST_BUCKETS,
      registers,
    });
    this.dbTime = new Histogram({
      name: `${PREFIX}db_time_seconds`,
      help: 'Time a request spent waiting for its SQL statements (requests that sent any).',
      labelNames: ['route'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.statements = new Counter({ name: `${PREFIX}statements_total`, help: 'SQL statements sent for requests.', registers });
    this.statementTimeouts = new Counter({
      name: `${PREFIX}statement_timeouts_total`,
      help: 'Statements PostgreSQL cancelled at the deadline.',
      registers,
    });
    this.rejections = new Counter({
      name: `${PREFIX}rejections_total`,
      help: 'Requests refused or cut short, by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.cacheAnswers = new Counter({
      name: `${PREFIX}response_cache_total`,
      help: 'Operations the response cache could answer, by result (hit, miss) and by what answered a hit (front: before GraphQL; graphql: after parsing).',
      labelNames: ['result', 'by'],
      registers,
    });
    // Every reason exists from the start at 0, so rate() sees the first rejection.
    for (const reason of REJECTION_REASONS) this.rejections.inc({ reason }, 0);
    registerDatabaseGauges(PREFIX, this.registry, options);
  }

  /** Observes a request that ended: its duration, cost, statements and database time. */
  recordRequest(state: RequestState, route: Route, status: RequestOutcome, now = performance.now()): void {
    const operation = this.operations.labelOf(state.operationName);
    this.duration.observe({ operation, status: String(status), route }, Math.max(0, now - state.startedAt) / 1000);
    if (state.cost !== undefined) this.cost.observe({ route }, state.cost);
    if (state.cache) this.cacheAnswers.inc({ result: state.cache, by: state.cacheFront ? 'front' : 'graphql' });
    if (state.statements > 0) {
      this.statements.inc(state.statements);
      this.dbTime.observe({ route }, state.dbTimeMs / 1000);
    }
  }

  /** Counts a request the edge refused (cost, rate limit, auth, …) or cut short (timeout). */
  rejection(reason: RejectionReason): void {
    this.rejections.inc({ reason });
  }

  /** Counts a statement PostgreSQL cancelled at its statement_timeout. */
  statementTimeout(): void {
    this.statementTimeouts.inc();
  }

  /** The Prometheus text of every metric (database gauges included, time-boxed). */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  /** `GET /metrics`: the Prometheus text exposition format. */
  handler(): RequestHandler {
    return async (_req, res, next) => {
      try {
        const body = await this.scrape();
        res.setHeader('Content-Type', this.registry.contentType);
        res.setHeader('Cache-Control', 'no-store');
        res.send(body);
      } catch (error) {
        next(error);
      }
    };
  }
}
