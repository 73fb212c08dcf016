import type { BulkSession } from '../../database/bulk/bulk-session';
import { int, sql, type Sql } from '../../database/sql';
import { partitionTable } from './trade-flow.partition';

/** Name of the partition of trade_import_market that holds one dataset's markets (as `pg_class.relname` knows it). */
export function marketPartitionName(datasetId: number): string {
  if (!Number.isSafeInteger(datasetId) || datasetId <= 0) throw new Error(`Invalid dataset id ${datasetId}`);
  return `trade_import_market_d${datasetId}`;
}

/** The same name as SQL text (DDL takes no bindings): the constant prefix and the asserted id. */
export function marketPartitionTable(datasetId: number): Sql {
  return sql`trade_import_market_d${int(datasetId, { min: 1 })}`;
}

/**
 * Every import market of a dataset at HS level `level` from its flows `flows`, one row each: (dataset_id,
 * importer_id, year, product_code, participants, total_value, sum_squares, max_value). A participant is an
 * exporter whose flows of the market sum to more than 0 — exactly the weights `tradeWeights` and
 * `rankedShares` give the same market, summed in numeric, so the statistics are those of the flows to the
 * last digit. At HS 6 (the level of every code of such a dataset) the natural key makes each flow its
 * exporter's whole weight, so no second grouping is needed.
 */
function marketsAt(flows: Sql, level: 2 | 4 | 6): Sql {
  if (level === 6) {
    return sql`select dataset_id, importer_id, year, product_code, count(*)::int, sum(value_usd), sum(value_usd * value_usd), max(value_usd)
      from ${flows} where value_usd > 0 group by dataset_id, importer_id, year, product_code`;
  }
  const n = int(level, { min: 2, max: 4 });
  return sql`select dataset_id, importer_id, year, code, count(*)::int, sum(w), sum(w * w), max(w) from (
      select dataset_id, importer_id, year, left(product_code, ${n}) as code, exporter_id, sum(value_usd) as w from ${flows}
      group by dataset_id, importer_id, year, left(product_code, ${n}), exporter_id having sum(value_usd) > 0) p
    group by dataset_id, importer_id, year, code`;
}

/**
 * Materialises dataset `datasetId`'s import markets (see the migration of trade_import_market) in the loader's
 * transaction, once its flow partition is attached, as the dataset's own partition: a new table filled by one
 * statement from the flows, then its primary key and foreign keys (one sorted pass and one anti-join each,
 * which ATTACH adopts without checking again) and ATTACH. A rolled-back load leaves nothing. A dataset that
 * mixes HS levels gets none (its markets need METRICS.md's per-flow ancestor test; queries read its flows);
 * returns whether the markets were built.
 */
export async function buildImportMarkets(session: BulkSession, datasetId: number): Promise<boolean> {
  const flows = partitionTable(datasetId);
  const [{ mixed }] = await session.query<{ mixed: boolean }>(
    sql`select exists (select 1 from ${flows} where length(product_code) < 6) as mixed`,
  );
  if (mixed) return false;
  const table = marketPartitionTable(datasetId);
  await session.query(sql`create table ${table} (like trade_import_market including defaults including constraints)`);
  await session.query(sql`insert into ${table} (dataset_id, importer_id, year, product_code, participants, total_value, sum_squares, max_value)
    ${marketsAt(flows, 6)} union all ${marketsAt(flows, 4)} union all ${marketsAt(flows, 2)}`);
  await session.query(sql`alter table ${table} add constraint ${table}_pkey primary key (dataset_id, importer_id, year, product_code)`);
  await session.query(sql`alter table ${table}
    add foreign key (dataset_id) references dataset (id) on update cascade on delete cascade,
    add foreign key (importer_id) references country (id) on update cascade on delete restrict,
    add foreign key (product_code) references product (code) on update cascade on delete restrict`);
  // Lets ATTACH skip its scan for rows outside the partition.
  const id = int(datasetId, { min: 1 });
  await session.query(sql`alter table ${table} add constraint ${table}_dataset check (dataset_id = ${id})`);
  await session.query(sql`alter table trade_import_market attach partition ${table} for values in (${id})`);
  await session.query(sql`analyze ${table}`);
  return true;
}
