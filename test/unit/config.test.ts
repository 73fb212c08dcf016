import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('loadConfig', () => {
  it('defaults to the embedded database under the project, migrated and seeded, on port 4000', () => {
    const config = loadConfig({}, '/srv/tradegraph');
    expect(config).toMatchObject({
      port: 4000,
      nodeEnv: 'production',
      database: { kind: 'embedded', dataDir: path.join('/srv/tradegraph', 'data', 'pglite') },
      migrateOnStart: true,
      seedDemoWhenEmpty: true,
      maxPageSize: 500,
    });
  });

  it('uses a PostgreSQL server for DATABASE_URL and then changes nothing unless told to', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/tg', PORT: '8080' });
    expect(config.database).toEqual({ kind: 'server', url: 'postgres://u@db:5432/tg' });
    expect([config.port, config.migrateOnStart, config.seedDemoWhenEmpty]).toEqual([8080, false, false]);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/tg', MIGRATE_ON_START: 'yes' }).migrateOnStart).toBe(true);
  });

  it('keeps memory:// as an in-memory embedded database', () => {
    expect(loadConfig({ TRADEGRAPH_DATA_DIR: 'memory://' }).database).toEqual({ kind: 'embedded', dataDir: 'memory://' });
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x/y', MAX_PAGE_SIZE: '0', MIGRATE_ON_START: 'maybe', NODE_ENV: 'staging' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'MAX_PAGE_SIZE', 'MIGRATE_ON_START', 'NODE_ENV']) expect(problems).toContain(name);
  });
});
