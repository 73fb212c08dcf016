import http, { type IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { Logger } from 'pino';
import type { Catalog } from '../catalog/catalog';
import type { AppConfig } from '../config/config';
import type { StatementTracker } from '../database/statement-tracker';
import { createApollo, PERSISTED_QUERY_BYTES } from '../graphql/apollo';
import type { GraphQLContext } from '../graphql/context';
import { createSchema } from '../graphql/schema';
import { csvHandler, isCsvPath } from './csv-route';
import { DOCS_PATH, docsRoutes } from './docs-route';
import { edgePlugin } from './edge-plugin';
import { EXPLORER_ASSETS_PATH, explorerAssets } from './explorer';
import { graphqlEndpoint, isGraphqlPath } from './graphql-endpoint';
import { healthHandler, readyHandler } from './health';
import { allowMethods, answerClientError, jsonErrorHandler, notFound, sendJsonError } from './http-errors';
import type { NodeHandler } from './node-handler';
import { InFlightRequests } from './observability/in-flight';
import { Metrics } from './observability/metrics';
import { requestContext } from './observability/request-context';
import { requestLog } from './observability/request-log';
import { requestMetrics } from './observability/request-metrics';
import { CostBudgets } from './rate-limit';
import { responseCachePlugin, schemaHashOf } from './response-cache';
import { CacheFront } from './cache-front';
import { corsPolicy, securityHeaders } from './security';
import { sharedRedis } from './redis-client';
import { SharedCache } from './shared-cache';
import { createIdentify, graphqlContext, type Identify } from './viewer';
import type { Viewer } from '../modules/access/role';
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

/** Body limit of POST /graphql: a query document and its variables, not data uploads (1 MiB). */
const BODY_LIMIT_BYTES = 2 ** 20;

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
  const schema = await createSchema();
  const inFlight = new InFlightRequests();
  const redis = config.redisUrl ? sharedRedis(config.redisUrl, (m) => logger.warn(m)) : null;
  const budgets = CostBudgets.create(config, redis);
  const logUnexpected = (error: unknown) => logger.error({ err: error }, 'unexpected error');
  const { maxBytes, redisTtlSeconds, httpMaxAgeSeconds } = config.responseCache;
  const answers = new SharedCache({ prefix: 'tg-answer:', maxBytes, ttlSeconds: redisTtlSeconds, redis });
  const persistedQueries = new SharedCache({ prefix: 'tg-apq:', maxBytes: PERSISTED_QUERY_BYTES, ttlSeconds: redisTtlSeconds, redis });
  const schemaHash = schemaHashOf(schema);
  const apollo = createApollo(
    schema,
    config,
    logUnexpected,
    [
      edgePlugin({ config, costOf: createCostFunction(schema, config), budgets, onRejection: (reason) => metrics.rejection(reason) }),
      // After the edge plugin: a hit is authenticated, priced and charged like any request.
      responseCachePlugin({
        schema,
        schemaHash,
        httpMaxAgeSeconds,
        store: maxBytes > 0 ? answers : undefined,
      }),
    ],
    persistedQueries,
  );
  await apollo.start();

  // Identified once per request: the cache's front asks before Apollo's context does.
  const identifyAnyTime = createIdentify(orm, config);
  const viewers = new WeakMap<IncomingMessage, Promise<Viewer>>();
  const identify: Identify = (req, state) => {
    let viewer = viewers.get(req);
    if (!viewer) {
      viewer = identifyAnyTime(req, state);
      viewers.set(req, viewer);
    }
    return viewer;
  };
  let shuttingDown = false;
  const isShuttingDown = () => shuttingDown;

  // What every request passes, on both servers below: its state (id, deadline), its log line and metrics.
  const tracking: NodeHandler[] = [
    requestContext({
      inFlight,
      // An export streams every row of a list: it has a deadline of its own (EXPORT_TIMEOUT_MS).
      timeoutMs: (req) => (isCsvPath(req.url) ? config.exportTimeoutMs : config.requestTimeoutMs),
      // A request aborted by its deadline, its client or the shutdown stops its statements inside PostgreSQL.
      onAbort: tracker && ((state) => void tracker.cancel(state)),
    }),
    requestLog(logger),
    requestMetrics(metrics),
    securityHeaders(),
  ];
  const refuseWhileShuttingDown: NodeHandler = (_req, res, next) => {
    if (!shuttingDown) return next();
    res.setHeader('Connection', 'close');
    sendJsonError(res, 503, 'SHUTTING_DOWN', 'The server is shutting down; retry on another instance.', { 'Retry-After': '1' });
  };
  const cors = corsPolicy(config.corsOrigins);
  const onError = jsonErrorHandler(logUnexpected);

  app.use(...tracking);
  // Probes keep answering while the server drains, so that a load balancer sees it leave.
  app.get('/health', healthHandler(isShuttingDown));
  app.get('/ready', readyHandler(orm, isShuttingDown));
  app.use(refuseWhileShuttingDown);
  app.get('/metrics', metrics.handler());
  app.use('/csv', cors);
  app.all('/csv', allowMethods('GET'));
  app.get(
    '/csv',
    csvHandler(apollo, schema, orm, catalog, config, identify, (reason) => metrics.rejection(reason)),
  );
  app.use(EXPLORER_ASSETS_PATH, explorerAssets());
  app.use(DOCS_PATH, docsRoutes());
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(notFound);
  app.use(onError);

  // /graphql is answered without Express (see graphqlEndpoint: its router costs more than Apollo on a small
  // question); everything else is.
  const graphql = graphqlEndpoint({
    apollo,
    edge: [...tracking, refuseWhileShuttingDown, cors],
    context: (req, state) => graphqlContext(orm, catalog, config, identify, req, state),
    bodyLimitBytes: BODY_LIMIT_BYTES,
    onError,
    front:
      maxBytes > 0
        ? new CacheFront({
            schemaHash,
            store: answers,
            catalog,
            budgets,
            costLimit: config.cost.maxCost,
            httpMaxAgeSeconds,
            identify,
          })
        : undefined,
  });
  const httpServer = http.createServer((req, res) => (isGraphqlPath(req.url) ? graphql(req, res) : app(req, res)));
  // A slow client cannot hold a socket open forever: headers within 10 s, a whole request within 30 s.
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 30_000;
  httpServer.on('clientError', answerClientError);

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
