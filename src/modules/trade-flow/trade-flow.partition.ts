import type { BulkSession, RowSource } from '../../database/bulk/bulk-session';

/** Columns a flow load writes, in COPY order. */
export const TRADE_FLOW_COPY_COLUMNS = ['dataset_id', 'year', 'exporter_id', 'importer_id', 'product_code', 'value_usd', 'quantity_tons'] as const;

/** Name of the partition that holds one dataset's flows. */
export function partitionName(datasetId: number): string {
  if (!Number.isSafeInteger(datasetId) || datasetId <= 0) throw new Error(`Invalid dataset id ${datasetId}`);
  return `trade_flow_d${datasetId}`;
}

/**
 * Loads one dataset's flows as a partition of trade_flow, inside the caller's transaction:
 * COPY into a plain table shaped like trade_flow (its CHECK constraints included), then ATTACH it.
 * Attaching builds the indexes in one sorted pass and validates the foreign keys with one anti-join each,
 * instead of per-row index inserts and per-row FK triggers; if anything is wrong, the whole load fails.
 * Rows must carry `datasetId` in their first column.
 */
export async function loadFlowPartition(
  session: BulkSession,
  datasetId: number,
  rows: RowSource,
  onProgress?: (rows: number) => void,
): Promise<number> {
  const table = partitionName(datasetId);
  await session.query(`create table ${table} (like trade_flow including defaults including constraints)`);
  const written = await session.copy(table, TRADE_FLOW_COPY_COLUMNS, rows, onProgress);
  // Lets ATTACH skip its scan for rows outside the partition.
  await session.query(`alter table ${table} add constraint ${table}_dataset check (dataset_id = ${datasetId})`);
  await session.query(`alter table trade_flow attach partition ${table} for values in (${datasetId})`);
  return written;
}
