import { MikroORM } from '@mikro-orm/postgresql';
import { Catalog } from '../catalog/catalog';
import { readCatalog } from '../catalog/catalog.sql';
import { ormDataChanges } from '../catalog/data-changes';
import { PgDataWatcher } from '../catalog/data-watcher';
import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { createOrmConfig } from './mikro-orm.config';
import { enableDirectPath } from './query';
import type { StatementTracker } from './statement-tracker';

/** An open database: the ORM over it, and how to close both. */
export interface Database {
  kind: 'embedded' | 'server';
  url: string;
  orm: MikroORM;
  /** What the database holds (datasets, reference data), read once per change of the data. */
  catalog: Catalog;
  /** Present when opened for the API server. */
  tracker?: StatementTracker;
  /** Present for the embedded database: the in-process PGlite. */
  embedded?: EmbeddedPostgres;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  onQuery?: (sql: string) => void;
  /** Use the migrations snapshot (only when generating a migration). */
  snapshot?: boolean;
  /** The API server's statement accounting and cancellation; gets the cancel URL of a server database. */
  tracker?: (cancelUrl: string | null) => StatementTracker;
  /** statement_timeout for every pooled connection of a PostgreSQL server (ms). */
  statementTimeoutMs?: number;
  /** Longest wait for a pooled connection (ms). */
  acquireTimeoutMs?: number;
  /** Where the driver's own warnings go (default: console). */
  driverLog?: (level: 'warn' | 'error' | 'debug', message: string) => void;
  /**
   * Listen for other processes' writes (a long-running server on a PostgreSQL server): without it, the
   * catalog hears only this process's own writes, which is all there is on the embedded database and all a
   * short CLI run needs.
   */
  watchData?: boolean;
}

/** Opens the configured database: a PostgreSQL server for `DATABASE_URL`, else the embedded PGlite. */
export async function openDatabase(config: AppConfig['database'], options: OpenDatabaseOptions = {}): Promise<Database> {
  const embedded = config.kind === 'embedded' ? await startEmbeddedPostgres(config.dataDir) : undefined;
  const url = embedded ? embedded.url : (config as { url: string }).url;
  const tracker = options.tracker?.(embedded ? null : url);
  try {
    const orm = await MikroORM.init(
      createOrmConfig({
        clientUrl: url,
        poolMax: embedded ? 1 : 10,
        onQuery: options.onQuery,
        snapshot: options.snapshot,
        tracker,
        // PGlite runs one statement at a time in this process: a timeout would need signals it lacks.
        statementTimeoutMs: embedded ? undefined : options.statementTimeoutMs,
        acquireTimeoutMs: options.acquireTimeoutMs,
        driverLog: options.driverLog,
      }),
    );
    const knex = orm.em.getConnection().getKnex();
    tracker?.attach(knex);
    // The API server's reads outside transactions skip MikroORM/knex (src/database/query.ts).
    if (tracker) enableDirectPath(knex, { prepare: !embedded, tracker, onQuery: options.onQuery });
    orm.em.getEventManager().registerSubscriber(ormDataChanges);
    const watcher = options.watchData && !embedded ? new PgDataWatcher(url, (m) => options.driverLog?.('warn', m)) : undefined;
    const catalog = new Catalog(() => readCatalog(orm.em.fork()), watcher);
    await catalog.start();
    return {
      kind: config.kind,
      url,
      orm,
      catalog,
      tracker,
      embedded,
      async close() {
        await catalog.stop();
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Applies every pending migration, in one transaction. Returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
