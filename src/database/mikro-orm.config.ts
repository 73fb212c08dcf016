import path from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/postgresql';
import { SeedManager } from '@mikro-orm/seeder';
import { codeRoot, isCompiled, projectRoot } from '../config/paths';
import { entities } from './entities';
import { listenOnPooledConnection, type ListeningConnection } from '../catalog/data-watcher';
import type { PooledClient, StatementTracker } from './statement-tracker';

/** A pooled `pg` client, as the pool's `afterCreate` hooks see it. */
type PooledConnection = PooledClient & ListeningConnection;

export interface OrmOptions {
  /** postgres:// URL of the server (or of the embedded database's socket). */
  clientUrl: string;
  /** Pool size: 1 for the embedded database, which serves one connection at a time. */
  poolMax: number;
  /** Called with every SQL statement sent; used by the N+1 guard and by debugging. */
  onQuery?: (sql: string) => void;
  /**
   * Read and write the schema snapshot in migrations/ — only when generating a migration. Running
   * migrations must never rewrite a committed file (MikroORM stores a snapshot after every `up`).
   */
  snapshot?: boolean;
  /** Accounts statements to requests and cancels them (the API server; not the CLIs). */
  tracker?: StatementTracker;
  /** statement_timeout of every pooled connection, in ms (a PostgreSQL server only; 0 or absent: none). */
  statementTimeoutMs?: number;
  /** How long a statement may wait for a pooled connection before it fails, in ms (default 60 s). */
  acquireTimeoutMs?: number;
  /** Where knex's own warnings go ("Connection Error: …" when a pooled connection breaks); default: console. */
  driverLog?: (level: 'warn' | 'error' | 'debug', message: string) => void;
}

/** knex's logger interface over one function. */
function driverLog(log: NonNullable<OrmOptions['driverLog']>) {
  const text = (message: unknown) => (message instanceof Error ? message.message : String(message));
  return {
    warn: (message: unknown) => log('warn', text(message)),
    error: (message: unknown) => log('error', text(message)),
    deprecate: (method: string, alternative: string) => log('warn', `${method} is deprecated; use ${alternative}`),
    debug: (message: unknown) => log('debug', text(message)),
  };
}

/**
 * MikroORM configuration. Migrations live in `migrations/` and seeders in `seeds/`, found as `.ts`
 * under ts-node/Jest and as compiled `.js` under `dist/`.
 */
export function createOrmConfig(options: OrmOptions) {
  return defineConfig({
    clientUrl: options.clientUrl,
    entities,
    // Forgetting em.fork() must fail loudly rather than share one identity map between requests.
    allowGlobalContext: false,
    preferTs: !isCompiled,
    forceUtcTimezone: true,
    pool: {
      min: 0,
      max: options.poolMax,
      acquireTimeoutMillis: options.acquireTimeoutMs ?? 60_000,
      // Every pooled connection LISTENs for data changes (src/catalog/data-watcher.ts), then is accounted.
      afterCreate: (connection: PooledConnection, done: (error: Error | null, connection: PooledConnection) => void) =>
        listenOnPooledConnection(connection, (error) =>
          error || !options.tracker ? done(error, connection) : options.tracker.afterCreate(connection, (e) => done(e, connection)),
        ),
    },
    ...(options.tracker ? { onQuery: options.tracker.beforeQuery } : {}),
    // Names our sessions in pg_stat_activity; bounds every statement inside PostgreSQL itself, so nothing
    // outlives its request even when Node is too busy to cancel it.
    driverOptions: {
      ...(options.driverLog ? { log: driverLog(options.driverLog) } : {}),
      connection: {
        application_name: 'tradegraph',
        ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      },
    },
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery ? (message: string) => options.onQuery!(message) : () => undefined,
    // Partitions of trade_flow and of its rollups (one per bulk-loaded dataset) are managed by the loader, and
    // data_version by its migration (no entity), not by schema diffs.
    schemaGenerator: {
      skipTables: [
        /^trade_flow_/,
        /^trade_world_export_d\d+$/,
        /^trade_import_market_d\d+$/,
        /^trade_(exporter|importer)_year_d\d+$/,
        /^trade_group_market_d\d+$/,
        'data_version',
      ],
    },
    extensions: [Migrator, SeedManager],
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.join(codeRoot, 'migrations'),
      pathTs: path.join(projectRoot, 'migrations'),
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: options.snapshot ?? false,
      snapshotName: '.snapshot-tradegraph',
    },
    seeder: {
      path: path.join(codeRoot, 'seeds'),
      pathTs: path.join(projectRoot, 'seeds'),
      // The demo needs bulk COPY outside the ORM: it is loaded by `npm run seed -- demo` (src/cli/seed.ts).
      defaultSeeder: 'ReferenceSeeder',
    },
  });
}
