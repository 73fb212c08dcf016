import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of a test file's own: in-memory PGlite, or a fresh database on the DATABASE_URL server. */
export interface TestDatabase {
  env: Record<string, string>;
  describe: string;
  drop(): Promise<void>;
}

/**
 * With DATABASE_URL set, creates `tg_test_<random>` on that server (dropped afterwards) so test files can
 * run in parallel without seeing each other's rows; without it, an in-memory embedded database.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    return { env: { TRADEGRAPH_DATA_DIR: 'memory://' }, describe: 'embedded PGlite (in memory)', drop: async () => undefined };
  }
  const name = `tg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    describe: `PostgreSQL server, database ${name}`,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
