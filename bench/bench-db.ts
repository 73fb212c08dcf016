import pg from 'pg';

/** The PostgreSQL server benchmarks use: DATABASE_URL, else the local one. */
export const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Drops and creates database `name` on the benchmark server (`server`, default serverUrl); returns its URL. */
export async function freshDatabase(name: string, server: string = serverUrl): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`${name}: not a plain database name`);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates database `name` on the benchmark server unless it exists (kept as it is, for a rerun on data
 * loaded before); returns its URL and whether it was there.
 */
export async function keptDatabase(name: string, server: string = serverUrl): Promise<{ url: string; existed: boolean }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`${name}: not a plain database name`);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), existed: Boolean(rowCount) };
}
