import type { Logger } from 'pino';
import type { AppConfig } from './config/config';
import { migrate, openDatabase, type Database } from './database/database';
import { queryRow, queryRows } from './database/query';
import { sql } from './database/sql';
import { StatementTracker } from './database/statement-tracker';
import { waitForDatabase } from './database/wait-for-database';
import { createApp, listen, type App } from './server/app';
import { createLogger, messageLog } from './server/observability/logger';
import { datasetStatsOf, poolStatsOf } from './server/observability/database-sources';
import { Metrics } from './server/observability/metrics';
import { DEMO_INPUT_SHARE } from '../seeds/demo/types';
import { seedDemo } from '../seeds/demo/seed-demo';
import { seedMissingInputMapping, seedReference } from '../seeds/reference';

export interface Running {
  config: AppConfig;
  logger: Logger;
  db: Database;
  app: App;
  port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The server's logger (default: pino on stdout, see createLogger). */
  logger?: Logger;
  /** Where start-up and shutdown sentences go (default: the logger at info). */
  log?: (message: string) => void;
  onQuery?: (sql: string) => void;
  /** Stops a start-up that is still waiting for PostgreSQL (SIGTERM). */
  signal?: AbortSignal;
}

/** True when the database has no reference data yet (a fresh install). */
async function isEmpty(db: Database): Promise<boolean> {
  const row = await queryRow<{ n: string }>(db.orm.em.fork(), sql`select count(*) as n from country`);
  return Number(row.n) === 0;
}

/**
 * Gives the planner statistics for tables that never had any: data loaded before loads refreshed them
 * (the embedded database runs no autovacuum), or tables a migration just created. Without statistics a
 * loaded table looks empty, and analytics get plans hundreds of times slower. Once done, nothing is left
 * to do at later starts.
 */
async function refreshMissingStatistics(db: Database, log: (message: string) => void): Promise<void> {
  const em = db.orm.em.fork();
  const row = await queryRow<{ n: number }>(
    em,
    sql`select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
     where s.nspname = current_schema() and c.relkind = 'r' and c.reltuples < 0`,
  );
  if (row.n === 0) return;
  const started = Date.now();
  await queryRows(em, sql`analyze`);
  log(`Refreshed the planner's statistics (${row.n} tables had none) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Migrations, missing statistics and the demo seed: start-up work, which no request deadline bounds. */
async function prepare(db: Database, config: AppConfig, log: (message: string) => void): Promise<void> {
  if (config.migrateOnStart) {
    const applied = await migrate(db.orm);
    if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  }
  if (await seedMissingInputMapping(db.orm.em.fork()))
    log('Seeded the product-type → input-HS mapping (upstream exposure), which this database lacked');
  await refreshMissingStatistics(db, log);
  if (config.seedDemoWhenEmpty && (await isEmpty(db))) {
    const started = Date.now();
    await seedReference(db.orm.em.fork());
    const demo = await seedDemo(db, { flows: config.demoFlows, inputFlows: Math.round(config.demoFlows * DEMO_INPUT_SHARE) });
    log(`Seeded reference data and the demo dataset (${demo.summary}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/**
 * Opens the database, migrates and seeds it as configured, and starts the HTTP server.
 * Used by `npm start` and by the integration tests alike.
 *
 * On a PostgreSQL server, start-up first waits for the server to be reachable (bounded, logged backoff),
 * and does its own work (migrations, ANALYZE, the demo seed) on a connection pool without deadlines,
 * closed before serving: the serving pool's connections carry statement_timeout = REQUEST_TIMEOUT_MS.
 * The embedded database is one process-local connection and is prepared and served by one pool.
 */
export async function start(config: AppConfig, options: StartOptions = {}): Promise<Running> {
  const logger = options.logger ?? createLogger(config);
  const log = options.log ?? messageLog(logger);
  if (config.database.kind === 'server') {
    await waitForDatabase(config.database.url, {
      maxWaitMs: config.databaseWaitMs,
      log: messageLog(logger, 'warn'),
      signal: options.signal,
    });
    const maintenance = await openDatabase(config.database, { onQuery: options.onQuery });
    try {
      await prepare(maintenance, config, log);
    } finally {
      await maintenance.close();
    }
  }
  // Counted from the first statement on; the app exposes the same registry at /metrics.
  let metrics: Metrics | undefined;
  const db = await openDatabase(config.database, {
    onQuery: options.onQuery,
    tracker: (cancelUrl) => new StatementTracker(cancelUrl, () => metrics?.statementTimeout()),
    statementTimeoutMs: config.requestTimeoutMs,
    // A statement waits for a pooled connection at most as long as its request may run, but never less than
    // 5 s: the embedded database's first connection (during MikroORM.init) can take longer than a short deadline.
    acquireTimeoutMs: Math.max(config.requestTimeoutMs, 5000),
    // A broken pooled connection is expected during a PostgreSQL restart: a line of the log, not of stdout.
    driverLog: (level, message) => logger[level](message),
    // Imports by the CLI and writes of other API nodes drop this process's catalog (and cached answers).
    watchData: true,
  });
  try {
    if (db.kind === 'embedded') await prepare(db, config, log);
    metrics = new Metrics({ pool: poolStatsOf(db.orm), datasets: datasetStatsOf(db.orm) });
    const app = await createApp({ config, orm: db.orm, catalog: db.catalog, logger, tracker: db.tracker, metrics });
    const port = await listen(app, config.port, config.host);
    return {
      config,
      logger,
      db,
      app,
      port,
      async stop() {
        log('stopping HTTP server…');
        await app.stop();
        log('closing database…');
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
