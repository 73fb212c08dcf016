import type { AppConfig } from './config/config';
import { migrate, openDatabase, type Database } from './database/database';
import { createApp, listen, type App } from './server/app';
import { seedDemo } from '../seeds/demo/seed-demo';
import { seedReference } from '../seeds/reference';

export interface Running {
  config: AppConfig;
  db: Database;
  app: App;
  port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (message: string) => void;
  onQuery?: (sql: string) => void;
}

/** True when the database has no reference data yet (a fresh install). */
async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.orm.em.fork().getConnection().execute<Array<{ n: string }>>('select count(*) as n from country');
  return Number(row.n) === 0;
}

/**
 * Gives the planner statistics for tables that never had any: data loaded before loads refreshed them
 * (the embedded database runs no autovacuum), or tables a migration just created. Without statistics a
 * loaded table looks empty, and analytics get plans hundreds of times slower. Once done, nothing is left
 * to do at later starts.
 */
async function refreshMissingStatistics(db: Database, log: (message: string) => void): Promise<void> {
  const connection = db.orm.em.fork().getConnection();
  const [row] = await connection.execute<Array<{ n: number }>>(
    `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
     where s.nspname = current_schema() and c.relkind = 'r' and c.reltuples < 0`,
  );
  if (row.n === 0) return;
  const started = Date.now();
  await connection.execute('analyze');
  log(`Refreshed the planner's statistics (${row.n} tables had none) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Opens the database, migrates and seeds it as configured, and starts the HTTP server.
 * Used by `npm start` and by the integration tests alike.
 */
export async function start(config: AppConfig, options: StartOptions = {}): Promise<Running> {
  const log = options.log ?? ((m: string) => console.log(m));
  const db = await openDatabase(config.database, { onQuery: options.onQuery });
  try {
    if (config.migrateOnStart) {
      const applied = await migrate(db.orm);
      if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
    }
    await refreshMissingStatistics(db, log);
    if (config.seedDemoWhenEmpty && (await isEmpty(db))) {
      const started = Date.now();
      await seedReference(db.orm.em.fork());
      const demo = await seedDemo(db, { flows: config.demoFlows });
      log(`Seeded reference data and the demo dataset (${demo.summary}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const app = await createApp({ config, orm: db.orm, databaseKind: db.kind, log });
    const port = await listen(app, config.port, config.host);
    return {
      config,
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
