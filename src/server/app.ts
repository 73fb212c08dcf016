import http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { Logger } from 'pino';
import type { Catalog } from '../catalog/catalog';
import type { AppConfig } from '../config/config';
import type { StatementTracker } from '../database/statement-tracker';
import { createApollo, PERSISTED_QUERY_BYTES } from '../graphql/apollo';
import type { GraphQLContext } from '../graphql/context';
import { createSchema } from '../graphql/schema';
import { csvHandler } from './csv-route';
import { edgePlugin } from './edge-plugin';
import { EXPLORER_ASSETS_PATH, explorerAssets, explorerHtml, wantsExplorer } from './explorer';
import { healthHandler, readyHandler } from './health';
import { allowMethods, answerClientError, jsonErrorHandler, notFound, sendJsonError } from './http-errors';
import { InFlightRequests } from './observability/in-flight';
import { Metrics } from './observability/metrics';
import { requestContext, requestStateOf } from './observability/request-context';
import { requestLog } from './observability/request-log';
import { requestMetrics } from './observability/request-metrics';
import { CostBudgets } from './rate-limit';
import { responseCachePlugin } from './response-cache';
import { corsPolicy, securityHeaders } from './security';
import { cacheRedis, SharedCache } from './shared-cache';
import { createIdentify, graphqlContext } from './viewer';
import { createCostFunction } from './cost';

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
  metrics: Metrics;
  /** Requests being answered (for the shutdown). */
  inFlight: InFlightRequests;
  /**
   * Graceful stop: refuses new requests, lets those in flight (CSV downloads included) finish for up to
   * SHUTDOWN_GRACE_MS, then cancels the rest (their statements inside PostgreSQL too) and closes.
   */
  stop(): Promise<void>;
}

export interface AppOptions {
  config: AppConfig;
  orm: MikroORM;
  /** The database's catalog (datasets, reference data), shared by every request of the process. */
  catalog: Catalog;
  logger: Logger;
  /** Statement accounting and cancellation of the API's database (absent: nothing to cancel). */
  tracker?: StatementTracker;
  /** The metrics registry, made before the app: the database hooks count into it from the first statement on. */
  metrics: Metrics;
}

/** Body limit of POST /graphql: a query document and its variables, not data uploads. */
const BODY_LIMIT = '1mb';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Wires Express, Apollo Server and the explorer; does not listen (see `listen`). */
export async function createApp({ config, orm, catalog, logger, tracker, metrics }: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxyHops);
  // Express renders errors as HTML with stacks outside production; ours never reach it (jsonErrorHandler).
  app.set('env', 'production');
  const httpServer = http.createServer(app);
  // A slow client cannot hold a socket open forever: headers within 10 s, a whole request within 30 s.
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 30_000;
  httpServer.on('clientError', answerClientError);
  const schema = await createSchema();
  const inFlight = new InFlightRequests();
  const budgets = CostBudgets.create(config, (m) => logger.warn(m));
  const logUnexpected = (error: unknown) => logger.error({ err: error }, 'unexpected error');
  const redis = config.redisUrl ? cacheRedis(config.redisUrl, (m) => logger.warn(m)) : null;
  const { maxBytes, redisTtlSeconds, httpMaxAgeSeconds } = config.responseCache;
  const answers = new SharedCache({ prefix: 'tg-answer:', maxBytes, ttlSeconds: redisTtlSeconds, redis });
  const persistedQueries = new SharedCache({ prefix: 'tg-apq:', maxBytes: PERSISTED_QUERY_BYTES, ttlSeconds: redisTtlSeconds, redis });
  const apollo = createApollo(
    schema,
    config,
    logUnexpected,
    [
      edgePlugin({ config, costOf: createCostFunction(schema, config), budgets, onRejection: (reason) => metrics.rejection(reason) }),
      // After the edge plugin: a hit is authenticated, priced and charged like any request.
      responseCachePlugin({
        schema,
        httpMaxAgeSeconds,
        store: maxBytes > 0 ? answers : undefined,
      }),
    ],
    persistedQueries,
  );
  await apollo.start();

  const identify = createIdentify(orm, config);
  let shuttingDown = false;
  const isShuttingDown = () => shuttingDown;

  app.use(requestContext({ inFlight, timeoutMs: config.requestTimeoutMs }));
  app.use(requestLog(logger));
  app.use(requestMetrics(metrics));
  // A request aborted by its deadline, its client or the shutdown stops its statements inside PostgreSQL.
  app.use((_req, res, next) => {
    const state = requestStateOf(res);
    if (state && tracker) state.signal.addEventListener('abort', () => void tracker.cancel(state), { once: true });
    next();
  });
  app.use(securityHeaders());
  // Probes keep answering while the server drains, so that a load balancer sees it leave.
  app.get('/health', healthHandler(isShuttingDown));
  app.get('/ready', readyHandler(orm, isShuttingDown));
  app.use((_req, res, next) => {
    if (!shuttingDown) return next();
    res.setHeader('Connection', 'close');
    sendJsonError(res, 503, 'SHUTTING_DOWN', 'The server is shutting down; retry on another instance.', { 'Retry-After': '1' });
  });
  app.get('/metrics', metrics.handler());
  app.use(['/graphql', '/csv'], corsPolicy(config.corsOrigins));
  app.all('/csv', allowMethods('GET'));
  app.get(
    '/csv',
    csvHandler(apollo, schema, orm, catalog, config, identify, (reason) => metrics.rejection(reason)),
  );
  app.use(EXPLORER_ASSETS_PATH, explorerAssets());
  app.all('/graphql', allowMethods('GET', 'POST'));
  app.get('/graphql', (req, res, next) => {
    if (!wantsExplorer(req)) return next();
    res.type('html').send(explorerHtml('/graphql'));
  });
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => graphqlContext(orm, catalog, config, identify, req, requestStateOf(res)),
    }),
  );
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(notFound);
  app.use(jsonErrorHandler(logUnexpected));

  return {
    httpServer,
    apollo,
    metrics,
    inFlight,
    async stop() {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      const drained = async (ms: number) => {
        const until = Date.now() + ms;
        while (inFlight.size > 0 && Date.now() < until) await sleep(25);
      };
      await drained(config.shutdownGraceMs);
      if (inFlight.size > 0) {
        logger.warn(`${inFlight.size} requests still running after the ${config.shutdownGraceMs} ms grace period; cancelling them`);
        inFlight.abortAll('shutdown');
        await drained(2000);
      }
      httpServer.closeAllConnections();
      await closed;
      await apollo.stop();
      await budgets.close();
      redis?.disconnect();
    },
  };
}

/** Starts listening; resolves with the bound port (useful with port 0). */
export function listen(app: App, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    app.httpServer.once('error', reject);
    app.httpServer.listen(port, host, () => {
      const address = app.httpServer.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
