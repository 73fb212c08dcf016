import type { BulkSession } from '../../database/bulk/bulk-session';
import { sql, type Sql } from '../../database/sql';
import { buildRollupPartition, type RollupPartition } from './rollup-partition';
import { partitionTable } from './trade-flow.partition';

/** trade_group_market's partitions, keyed and checked as its migration declares the parent. */
const GROUP_MARKETS: RollupPartition = {
  parent: 'trade_group_market',
  primaryKey: ['dataset_id', 'group_id', 'year', 'product_code'],
  indexes: [],
  foreignKeys: [
    { column: 'dataset_id', references: sql`dataset (id) on update cascade on delete cascade` },
    { column: 'group_id', references: sql`country_group (id) on update cascade on delete cascade` },
  ],
};

/**
 * Every group import market of a dataset from its flows `flows` (HS-6 codes alone), one row per country group,
 * year and product the group imports from outside it: (dataset_id, group_id, year, product_code, participants,
 * total_value, sum_squares, max_value, top_source, export_value). A participant is an exporter outside the
 * group whose flows to its members sum to more than 0 — the weights `geoDepRows` gives a group's sources, in
 * numeric, so the statistics are those of the flows to the last digit; top_source is the largest (ties by code
 * in byte order), export_value the group's exports of the product to countries outside it (0 when none).
 */
function groupMarkets(flows: Sql): Sql {
  return sql`with sources as (
      select f.dataset_id, m.group_id, f.year, f.product_code, f.exporter_id, sum(f.value_usd) as w
      from ${flows} f join country_group_member m on m.country_id = f.importer_id
      where not exists (select 1 from country_group_member x where x.group_id = m.group_id and x.country_id = f.exporter_id)
      group by 1, 2, 3, 4, 5 having sum(f.value_usd) > 0),
    imports as (
      select dataset_id, group_id, year, product_code, count(*)::int as participants, sum(w) as total_value, sum(w * w) as sum_squares,
             max(w) as max_value, (array_agg(exporter_id order by w desc, exporter_id collate "C"))[1] as top_source
      from sources group by 1, 2, 3, 4),
    exports as (
      select m.group_id, f.year, f.product_code, sum(f.value_usd) as export_value
      from ${flows} f join country_group_member m on m.country_id = f.exporter_id
      where not exists (select 1 from country_group_member x where x.group_id = m.group_id and x.country_id = f.importer_id)
      group by 1, 2, 3)
    select i.*, coalesce(e.export_value, 0) from imports i left join exports e using (group_id, year, product_code)`;
}

/**
 * Materialises dataset `datasetId`'s group import markets (see the migration of trade_group_market) in the
 * loader's transaction, once its flow partition is attached, as the dataset's own partition. Only for a dataset
 * of HS-6 codes alone (`buildTradeRollups` decides). A later change of a group's members forgets its markets
 * (a trigger of the migration): they hold for the members the group had at load.
 */
export async function buildGroupMarkets(session: BulkSession, datasetId: number): Promise<void> {
  await buildRollupPartition(session, GROUP_MARKETS, datasetId, groupMarkets(partitionTable(datasetId)));
}
