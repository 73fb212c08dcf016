import { columnList, type BulkSession, type RowSource } from '../../database/bulk/bulk-session';
import { empty, ident, int, sql, type Sql } from '../../database/sql';
import { buildRollupPartition, type RollupPartition } from './rollup-partition';

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
 * attaches the table, and tunes the load's session for the index builds and rollups that follow
 * (`tuneLoadSession`). Returns the table name as SQL text.
 */
export async function createFlowStaging(
  session: BulkSession,
  datasetId: number,
  extraColumns: readonly FlowStagingColumn[] = [],
): Promise<Sql> {
  const table = partitionTable(datasetId);
  await session.query(sql`create table ${table} (like trade_flow including defaults including constraints)`);
  for (const column of extraColumns) await session.query(sql`alter table ${table} add column ${STAGING_COLUMNS[column]}`);
  await tuneLoadSession(session);
  return table;
}

/** The COPY column list of a flow load: the partition's columns, then the loader's `extraColumns`. */
export function flowCopyColumns(extraColumns: readonly FlowStagingColumn[] = []): Sql {
  return columnList<string>([...TRADE_FLOW_COPY_COLUMNS, ...extraColumns]);
}

/**
 * The indexes of trade_flow (see its migrations) as a partition needs them, each built on the staging table
 * before ATTACH so that ATTACH adopts it instead of building its own: an index that backs a constraint on
 * the parent (its primary key, its natural key) is adopted only if it backs the same kind of constraint on
 * the partition, hence `constraint`. Named like the parent's, with the partition's name for prefix.
 */
const PARTITION_INDEXES: ReadonlyArray<{ suffix: string; definition: Sql; constraint?: Sql }> = [
  { suffix: 'natural_key', definition: sql`(dataset_id, year, exporter_id, importer_id, product_code)`, constraint: sql`unique` },
  { suffix: 'pkey', definition: sql`(dataset_id, id)`, constraint: sql`primary key` },
  { suffix: 'id', definition: sql`(id)` },
  { suffix: 'product_year', definition: sql`(product_code, year)` },
  { suffix: 'year_exporter_product', definition: sql`(year, exporter_id, product_code)` },
  { suffix: 'year_importer_product', definition: sql`(year, importer_id, product_code)` },
  { suffix: 'coarse_codes', definition: sql`(dataset_id) where length(product_code) < 6` },
];
const INDEX_SUFFIXES = PARTITION_INDEXES.map((index) => index.suffix);
const NATURAL_KEY = PARTITION_INDEXES[0];

/** Names of the indexes a flow partition has once attached (as pg_indexes knows them), for tests. */
export function partitionIndexNames(datasetId: number): string[] {
  return INDEX_SUFFIXES.map((suffix) => `${partitionName(datasetId)}_${suffix}`);
}

/**
 * Session settings for the index builds of a load, for its transaction only (`set local`): sorts in memory
 * and up to two parallel workers per build (the leader sorts too). Also for the rollups that follow.
 */
async function tuneLoadSession(session: BulkSession): Promise<void> {
  await session.query(sql`set local maintenance_work_mem = '1GB'`);
  await session.query(sql`set local max_parallel_maintenance_workers = 2`);
}

type PartitionIndex = (typeof PARTITION_INDEXES)[number];

/** An index's name on the staging table (the partition's name, then the parent index's suffix). */
function indexName(table: Sql, index: PartitionIndex): Sql {
  return sql`${table}_${ident(index.suffix, INDEX_SUFFIXES)}`;
}

async function buildIndex(session: BulkSession, table: Sql, index: PartitionIndex): Promise<void> {
  await session.query(
    sql`create ${index.constraint ? sql`unique` : empty} index ${indexName(table, index)} on ${table} ${index.definition}`,
  );
}

/**
 * Builds the staging table's natural-key unique index, the one that fails (SQLSTATE 23505) when the load
 * repeats a key; attachFlowPartition then makes it the partition's natural-key constraint.
 */
export async function buildFlowNaturalKey(session: BulkSession, datasetId: number): Promise<void> {
  await buildIndex(session, partitionTable(datasetId), NATURAL_KEY);
}

/**
 * Attaches a staging table as its dataset's partition, dropping the loader's extra columns first. Every
 * index is built on the table first (the natural key unless buildFlowNaturalKey did), one sorted pass each,
 * and turned into the constraint the parent's is, so ATTACH adopts them all and builds none (it would build
 * its own otherwise, doubling the natural key); likewise the foreign keys are added and validated (one
 * anti-join each) on the table, and ATTACH adopts them without checking again. If anything is wrong, it fails.
 */
export async function attachFlowPartition(
  session: BulkSession,
  datasetId: number,
  dropColumns: readonly FlowStagingColumn[] = [],
): Promise<void> {
  const table = partitionTable(datasetId);
  for (const column of dropColumns) await session.query(sql`alter table ${table} drop column ${ident(column, STAGING_COLUMN_NAMES)}`);
  const [{ built }] = await session.query<{ built: boolean }>(
    sql`select to_regclass(${`${partitionName(datasetId)}_${NATURAL_KEY.suffix}`}) is not null as built`,
  );
  for (const index of PARTITION_INDEXES) {
    if (index !== NATURAL_KEY || !built) await buildIndex(session, table, index);
    if (index.constraint) {
      const name = indexName(table, index);
      await session.query(sql`alter table ${table} add constraint ${name} ${index.constraint} using index ${name}`);
    }
  }
  await session.query(sql`alter table ${table}
    add foreign key (dataset_id) references dataset (id) on update cascade on delete cascade,
    add foreign key (exporter_id) references country (id) on update cascade on delete restrict,
    add foreign key (importer_id) references country (id) on update cascade on delete restrict,
    add foreign key (product_code) references product (code) on update cascade on delete restrict`);
  // Lets ATTACH skip its scan for rows outside the partition.
  const id = int(datasetId, { min: 1 });
  await session.query(sql`alter table ${table} add constraint ${table}_dataset check (dataset_id = ${id})`);
  await session.query(sql`alter table trade_flow attach partition ${table} for values in (${id})`);
  // The planner's statistics of the new partition, for the rollups built next in the same transaction
  // (without them it takes 10 million rows for an empty table); sampled, about a second at 10 M rows.
  await session.query(sql`analyze ${table}`);
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

/** trade_world_export's partitions, keyed and checked as its migration declares the parent. */
const WORLD_EXPORTS: RollupPartition = {
  parent: 'trade_world_export',
  primaryKey: ['dataset_id', 'year', 'product_code', 'exporter_id'],
  indexes: [{ suffix: 'product_year', columns: ['dataset_id', 'product_code', 'year'] }],
  foreignKeys: [{ column: 'dataset_id', references: sql`dataset (id) on update cascade on delete cascade` }],
};

/** Whether dataset `datasetId`'s flows mix HS levels (a code shorter than 6 digits): the partial index on coarse codes answers. */
export async function flowsMixLevels(session: BulkSession, datasetId: number): Promise<boolean> {
  const [{ mixed }] = await session.query<{ mixed: boolean }>(
    sql`select exists (select 1 from ${partitionTable(datasetId)} where length(product_code) < 6) as mixed`,
  );
  return mixed;
}

/**
 * Materialises dataset `datasetId`'s world exports Σ_i x(e, i, k, t) as its partition of trade_world_export
 * (see its migrations), in the loader's transaction, once its flow partition is attached. Only for a dataset
 * of HS-6 codes alone (`buildTradeRollups` decides): a sum over importers cannot follow METRICS.md's roll-up
 * where levels mix, and such a dataset's world figures are read from the flows.
 */
export async function buildWorldExports(session: BulkSession, datasetId: number): Promise<void> {
  const flows = partitionTable(datasetId);
  await buildRollupPartition(
    session,
    WORLD_EXPORTS,
    datasetId,
    // In (product, year) order: one product's exporters over the years (Q3 of peerbench, 2,270 rows) are then a
    // few adjacent pages instead of one page each, as hash aggregation leaves them (12-26 ms instead of 46-49 ms
    // at 10 M flows, measured on a sorted copy).
    sql`select dataset_id, year, product_code, exporter_id, sum(value_usd) from ${flows} group by dataset_id, year, product_code, exporter_id
      order by product_code collate "C", year, exporter_id`,
  );
}
