import type { BulkSession } from '../../database/bulk/bulk-session';
import { sql } from '../../database/sql';
import type { DatasetKind } from '../dataset/dataset-kind';
import { partitionName, partitionTable } from '../trade-flow/trade-flow.partition';
import { marketPartitionName, marketPartitionTable } from '../trade-flow/trade-market.partition';

export interface DatasetIdentity {
  kind: DatasetKind;
  /** Identifies the dataset across releases: loading a file under the same name replaces what it loaded before. */
  name: string;
  version: string;
  file: string;
  licence: string | null;
  checksum: string;
  hsRevision?: number | null;
}

/** Datasets already loaded under `name`. */
export async function loadedUnderName(
  session: BulkSession,
  name: string,
): Promise<Array<{ id: number; version: string; checksum: string | null }>> {
  return session.query(sql`select id, version, checksum from dataset where name = ${name} order by id`);
}

/** Registers a dataset being loaded (row count filled in by {@link finishDataset}); returns its id. */
export async function createDataset(session: BulkSession, d: DatasetIdentity): Promise<number> {
  const [row] = await session.query<{ id: number }>(
    sql`insert into dataset (kind, name, version, file, licence, checksum, imported_at, row_count, hs_revision)
     values (${d.kind}, ${d.name}, ${d.version}, ${d.file}, ${d.licence}, ${d.checksum}, now(), 0, ${d.hsRevision ?? null}) returning id`,
  );
  return row.id;
}

/** Records the row count and final version once the rows are in. */
export async function finishDataset(session: BulkSession, id: number, version: string, rowCount: number): Promise<void> {
  await session.query(sql`update dataset set row_count = ${rowCount}, version = ${version}, imported_at = now() where id = ${id}`);
}

/**
 * Removes the datasets in `ids` with everything they loaded. Its trade-flow and import-market partitions are
 * dropped whole (instantly) rather than deleted row by row; other rows go by the foreign keys' ON DELETE CASCADE.
 */
export async function removeDatasets(session: BulkSession, ids: number[]): Promise<void> {
  for (const id of ids) {
    const [exists] = await session.query<{ flows: number; markets: number }>(
      sql`select count(*) filter (where relname = ${partitionName(id)})::int as flows,
                 count(*) filter (where relname = ${marketPartitionName(id)})::int as markets
          from pg_class where relname in (${partitionName(id)}, ${marketPartitionName(id)})`,
    );
    if (exists.markets > 0) await session.query(sql`drop table ${marketPartitionTable(id)}`);
    if (exists.flows > 0) await session.query(sql`drop table ${partitionTable(id)}`);
    await session.query(sql`delete from dataset where id = ${id}`);
  }
}
