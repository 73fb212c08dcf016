import type { MikroORM } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { sql } from '../../database/sql';

/** Connections of the database pool: checked out, requested but waiting, idle. */
export interface PoolStats {
  used: number;
  pending: number;
  free: number;
}

/** Datasets of one kind as the `dataset` table lists them. */
export interface DatasetStats {
  kind: string;
  datasets: number;
  rows: number;
  /** Seconds since the epoch of the latest finished load of this kind. */
  lastImportedAt: number;
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/**
 * Reads the ORM's connection pool (knex's tarn pool, `getKnex().client.pool`); undefined once the ORM is
 * closed (knex drops the pool). Cheap and synchronous: called at every scrape.
 */
export function poolStatsOf(orm: MikroORM): () => PoolStats | undefined {
  return () => {
    const pool = (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
    if (!pool) return undefined;
    return { used: pool.numUsed(), pending: pool.numPendingAcquires(), free: pool.numFree() };
  };
}

/**
 * Counts the datasets by kind from the database. Imports run in CLI processes, so this table is the
 * only place the server can see them; one small statement per scrape.
 */
export function datasetStatsOf(orm: MikroORM): () => Promise<DatasetStats[]> {
  return async () => {
    const rows = await queryRows<{ kind: string; datasets: number; rows: number; lastImportedAt: number }>(
      orm.em.fork(),
      sql`select kind, count(*)::int as datasets, coalesce(sum(row_count), 0)::float8 as rows,
              extract(epoch from max(imported_at))::float8 as "lastImportedAt"
       from dataset group by kind`,
    );
    return rows.map((r) => ({
      kind: r.kind,
      datasets: Number(r.datasets),
      rows: Number(r.rows),
      lastImportedAt: Number(r.lastImportedAt),
    }));
  };
}
