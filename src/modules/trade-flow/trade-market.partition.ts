import type { BulkSession } from '../../database/bulk/bulk-session';
import { sql, type Sql } from '../../database/sql';
import { buildRollupPartition, type RollupPartition } from './rollup-partition';
import { partitionTable } from './trade-flow.partition';

/** trade_import_market's partitions, keyed and checked as its migration declares the parent. */
const IMPORT_MARKETS: RollupPartition = {
  parent: 'trade_import_market',
  primaryKey: ['dataset_id', 'importer_id', 'year', 'product_code'],
  indexes: [],
  foreignKeys: [
    { column: 'dataset_id', references: sql`dataset (id) on update cascade on delete cascade` },
    { column: 'importer_id', references: sql`country (id) on update cascade on delete restrict` },
    { column: 'product_code', references: sql`product (code) on update cascade on delete restrict` },
  ],
};

/**
 * Every import market of a dataset from its flows `flows`, at HS 6, 4 and 2, one row each: (dataset_id,
 * importer_id, year, product_code, participants, total_value, sum_squares, max_value). A participant is an
 * exporter whose flows of the market sum to more than 0 — exactly the weights `tradeWeights` and
 * `rankedShares` give the same market, summed in numeric, so the statistics are those of the flows to the
 * last digit. At HS 6 (the level of every code of such a dataset) the natural key makes each flow its
 * exporter's whole weight; each exporter's HS-4 sums are formed once and summed again into chapters, so the
 * flows are grouped twice, not three times.
 */
function markets(flows: Sql): Sql {
  const statistics = (code: Sql, weight: Sql, from: Sql) =>
    sql`select dataset_id, importer_id, year, ${code} as product_code, count(*)::int as participants, sum(${weight}) as total_value,
        sum(${weight} * ${weight}) as sum_squares, max(${weight}) as max_value
      from ${from} group by dataset_id, importer_id, year, ${code}`;
  return sql`with headings as materialized (
      select dataset_id, importer_id, year, left(product_code, 4) as code, exporter_id, sum(value_usd) as w from ${flows}
      group by dataset_id, importer_id, year, left(product_code, 4), exporter_id),
    chapters as (
      select dataset_id, importer_id, year, left(code, 2) as code, exporter_id, sum(w) as w from headings
      group by dataset_id, importer_id, year, left(code, 2), exporter_id having sum(w) > 0)
    ${statistics(sql`product_code`, sql`value_usd`, sql`${flows} where value_usd > 0`)}
    union all ${statistics(sql`code`, sql`w`, sql`headings where w > 0`)}
    union all ${statistics(sql`code`, sql`w`, sql`chapters`)}`;
}

/**
 * Materialises dataset `datasetId`'s import markets (see the migration of trade_import_market) in the loader's
 * transaction, once its flow partition is attached, as the dataset's own partition: a new table filled by one
 * statement from the flows, then its primary key and foreign keys (one sorted pass and one anti-join each,
 * which ATTACH adopts without checking again) and ATTACH. A rolled-back load leaves nothing. Only for a
 * dataset of HS-6 codes alone (`buildTradeRollups` decides): markets of mixed levels need METRICS.md's per-flow
 * ancestor test, and such a dataset's figures are read from its flows.
 */
export async function buildImportMarkets(session: BulkSession, datasetId: number): Promise<void> {
  const flows = partitionTable(datasetId);
  // Hash aggregation of a few million groups of numeric sums: in memory, for this transaction only. The rows
  // go in in key order (the byte order of these ASCII codes is the collation's), so that an importer-year's
  // markets are a few adjacent pages of the table and its key builds from presorted input.
  await session.query(sql`set local work_mem = '256MB'`);
  await buildRollupPartition(
    session,
    IMPORT_MARKETS,
    datasetId,
    sql`(dataset_id, importer_id, year, product_code, participants, total_value, sum_squares, max_value)
      select * from (${markets(flows)}) m order by importer_id collate "C", year, product_code collate "C"`,
  );
}
