import { columnList, type BulkSession, type RowSource } from '../../database/bulk/bulk-session';
import { ident, int, sql, type Sql } from '../../database/sql';

/** Columns a flow load writes, in COPY order. */
export const TRADE_FLOW_COPY_COLUMNS = [
  'dataset_id',
  'year',
  'exporter_id',
  'importer_id',
  'product_code',
  'value_usd',
  'quantity_tons',
] as const;

/**
 * Columns a loader may add to its staging table until it attaches it (the line a row came from, for
 * errors by line), with their DDL.
 */
const STAGING_COLUMNS = { source_line: sql`source_line integer` } as const;
export type FlowStagingColumn = keyof typeof STAGING_COLUMNS;
const STAGING_COLUMN_NAMES = Object.keys(STAGING_COLUMNS) as FlowStagingColumn[];

/** Name of the partition that holds one dataset's flows (as `pg_class.relname` knows it). */
export function partitionName(datasetId: number): string {
  if (!Number.isSafeInteger(datasetId) || datasetId <= 0) throw new Error(`Invalid dataset id ${datasetId}`);
  return `trade_flow_d${datasetId}`;
}

/** The same name as SQL text (DDL takes no bindings): the constant prefix and the asserted id. */
export function partitionTable(datasetId: number): Sql {
  return sql`trade_flow_d${int(datasetId, { min: 1 })}`;
}

/**
 * Creates the plain table that will become dataset `datasetId`'s partition of trade_flow, shaped like it
 * (CHECK constraints included), plus `extraColumns` (e.g. `source_line`) that a loader needs until it
 * attaches the table. Returns the table name as SQL text.
 */
export async function createFlowStaging(
  session: BulkSession,
  datasetId: number,
  extraColumns: readonly FlowStagingColumn[] = [],
): Promise<Sql> {
  const table = partitionTable(datasetId);
  await session.query(sql`create table ${table} (like trade_flow including defaults including constraints)`);
  for (const column of extraColumns) await session.query(sql`alter table ${table} add column ${STAGING_COLUMNS[column]}`);
  return table;
}

/** The COPY column list of a flow load: the partition's columns, then the loader's `extraColumns`. */
export function flowCopyColumns(extraColumns: readonly FlowStagingColumn[] = []): Sql {
  return columnList<string>([...TRADE_FLOW_COPY_COLUMNS, ...extraColumns]);
}

/**
 * Attaches a staging table as its dataset's partition, dropping the loader's extra columns first.
 * ATTACH builds the missing indexes in one sorted pass and validates the foreign keys with one anti-join
 * each, instead of per-row index inserts and per-row FK triggers; if anything is wrong, it fails.
 */
export async function attachFlowPartition(
  session: BulkSession,
  datasetId: number,
  dropColumns: readonly FlowStagingColumn[] = [],
): Promise<void> {
  const table = partitionTable(datasetId);
  for (const column of dropColumns) await session.query(sql`alter table ${table} drop column ${ident(column, STAGING_COLUMN_NAMES)}`);
  // Lets ATTACH skip its scan for rows outside the partition.
  const id = int(datasetId, { min: 1 });
  await session.query(sql`alter table ${table} add constraint ${table}_dataset check (dataset_id = ${id})`);
  await session.query(sql`alter table trade_flow attach partition ${table} for values in (${id})`);
}

/**
 * Loads one dataset's flows as a partition of trade_flow, inside the caller's transaction: COPY into a
 * staging table, then attach it. Rows must carry `datasetId` in their first column. The caller builds the
 * rollups next (`buildTradeRollups`).
 */
export async function loadFlowPartition(
  session: BulkSession,
  datasetId: number,
  rows: RowSource,
  onProgress?: (rows: number) => void,
): Promise<number> {
  const table = await createFlowStaging(session, datasetId);
  const written = await session.copy(table, flowCopyColumns(), rows, onProgress);
  await attachFlowPartition(session, datasetId);
  return written;
}

/**
 * Materialises dataset `datasetId`'s world exports Σ_i x(e, i, k, t) into trade_world_export (see its
 * migration), in the loader's transaction, once its partition is attached — unless the dataset mixes HS
 * levels, where a sum over importers cannot follow METRICS.md's roll-up: such a dataset has no rows there,
 * and its world figures are read from the flows.
 */
export async function buildWorldExports(session: BulkSession, datasetId: number): Promise<void> {
  const table = partitionTable(datasetId);
  await session.query(sql`insert into trade_world_export (dataset_id, year, product_code, exporter_id, value_usd)
    select dataset_id, year, product_code, exporter_id, sum(value_usd) from ${table}
    where not exists (select 1 from ${table} where length(product_code) < 6)
    group by dataset_id, year, product_code, exporter_id`);
}
