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
