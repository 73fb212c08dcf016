import type { BulkSession } from '../../database/bulk/bulk-session';
import { ROLLUP_TABLES } from '../../catalog/data-tables';
import { ident, int, join, sql, type Sql } from '../../database/sql';

export type RollupTable = (typeof ROLLUP_TABLES)[number];

/** How a rollup's partition is keyed and checked, as its parent is (its migration). */
export interface RollupPartition {
  parent: RollupTable;
  /** Columns of the primary key, in order. */
  primaryKey: readonly string[];
  /** Secondary indexes: the parent index's name suffix, and its columns. */
  indexes: ReadonlyArray<{ suffix: string; columns: readonly string[] }>;
  /** Foreign keys: column → referenced `table (column)` with its actions, as the parent declares them. */
  foreignKeys: ReadonlyArray<{ column: string; references: Sql }>;
}

/** Name of a rollup's partition for one dataset (as `pg_class.relname` knows it). */
export function rollupPartitionName(parent: RollupTable, datasetId: number): string {
  if (!Number.isSafeInteger(datasetId) || datasetId <= 0) throw new Error(`Invalid dataset id ${datasetId}`);
  return `${parent}_d${datasetId}`;
}

const table = (parent: RollupTable, datasetId: number) => sql`${ident(parent, ROLLUP_TABLES)}_d${int(datasetId, { min: 1 })}`;
const names = (columns: readonly string[]) =>
  join(
    columns.map((c) => ident(c, columns)),
    ', ',
  );
const suffix = (s: string) => ident(s, [s]);

/**
 * Builds dataset `datasetId`'s partition of a rollup in the loader's transaction: a new table filled by one
 * statement (`fill`, a select of the parent's columns in order), then its primary key and indexes (one
 * sorted pass each), its foreign keys (one anti-join each, adopted by ATTACH without checking again) and the
 * ATTACH. Rows inserted into a shared table paid an index insertion per index and a foreign-key check per row:
 * at 10 M flows, world exports took 60-140 s that way. A rolled-back load leaves nothing.
 */
export async function buildRollupPartition(session: BulkSession, spec: RollupPartition, datasetId: number, fill: Sql): Promise<void> {
  const parent = ident(spec.parent, ROLLUP_TABLES);
  const t = table(spec.parent, datasetId);
  await session.query(sql`create table ${t} (like ${parent} including defaults including constraints)`);
  await session.query(sql`insert into ${t} ${fill}`);
  await session.query(sql`alter table ${t} add constraint ${t}_pkey primary key (${names(spec.primaryKey)})`);
  for (const index of spec.indexes) await session.query(sql`create index ${t}_${suffix(index.suffix)} on ${t} (${names(index.columns)})`);
  const keys = spec.foreignKeys.map((fk) => sql`add foreign key (${ident(fk.column, [fk.column])}) references ${fk.references}`);
  if (keys.length > 0) await session.query(sql`alter table ${t} ${join(keys, ', ')}`);
  // Lets ATTACH skip its scan for rows outside the partition.
  const id = int(datasetId, { min: 1 });
  await session.query(sql`alter table ${t} add constraint ${t}_dataset check (dataset_id = ${id})`);
  await session.query(sql`alter table ${parent} attach partition ${t} for values in (${id})`);
  await session.query(sql`analyze ${t}`);
}

/** Drops dataset `datasetId`'s partition of every rollup that has one (removing a dataset: instant, not row by row). */
export async function dropRollupPartitions(session: BulkSession, datasetId: number): Promise<void> {
  for (const parent of ROLLUP_TABLES) await session.query(sql`drop table if exists ${table(parent, datasetId)}`);
}
