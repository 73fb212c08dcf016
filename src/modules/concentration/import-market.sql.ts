import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { inList, int, join, sql, type Sql } from '../../database/sql';
import { hsPrefix } from '../trade-flow/hs-rollup.sql';
import type { MarketStatistics } from './concentration.result';

/**
 * Which import markets of one dataset and year to read from trade_import_market: importer countries (never a
 * group: a group's extra-group market is not a sum of its members' statistics) and either the products named
 * (codes of any level) or every product of `level` under `prefix`.
 */
export interface ImportMarketQuery {
  datasetId: number;
  year: number;
  importers: readonly string[];
  products: readonly string[] | { level: number; prefix: string | null };
}

/** One import market's statistics, with the importer and product it is of. */
export interface ImportMarketRow extends MarketStatistics {
  importer: string;
  product: string;
}

/**
 * The statistics of the markets asked, in product code order: one range of the partition's primary key
 * (dataset, importer, year, product) per importer. A market without participants has no row.
 */
export async function readImportMarkets(em: EntityManager, q: ImportMarketQuery): Promise<ImportMarketRow[]> {
  const where: Sql[] = [sql`m.dataset_id = ${q.datasetId}`, inList(sql`m.importer_id`, q.importers), sql`m.year = ${q.year}`];
  if (Array.isArray(q.products)) where.push(inList(sql`m.product_code`, q.products));
  else {
    const { level, prefix } = q.products as { level: number; prefix: string | null };
    if (prefix) where.push(hsPrefix(sql`m.product_code`, prefix));
    where.push(sql`length(m.product_code) = ${int(level, { min: 2, max: 6 })}`);
  }
  const rows = await queryRows<ImportMarketRow>(
    em,
    sql`select m.importer_id as importer, m.product_code as product, m.participants as n, m.total_value as sum_w,
               m.sum_squares as sum_w2, m.max_value as max_w
        from trade_import_market m where ${join(where, ' and ')} order by m.product_code, m.importer_id`,
  );
  // In place: the rows are this call's own, and a copy of each of thousands of rows is garbage for nothing.
  for (const row of rows) row.importer = String(row.importer).trim();
  return rows;
}

/**
 * Which group import markets of one dataset and year to read from trade_group_market (HS-6 products alone, extra-group
 * sources): the group, and either the products named or every product under `prefix`.
 */
export interface GroupMarketQuery {
  datasetId: number;
  year: number;
  group: string;
  products: readonly string[] | { prefix: string | null };
}

/**
 * The statistics of a group's import markets from trade_group_market, in product code order: one range of the
 * partition's primary key (dataset, group, year, product). Only for a group the dataset's catalog entry lists in
 * `groupMarkets` (a change of the group's members forgets its rows); a market without participants has no row.
 */
export async function readGroupMarkets(em: EntityManager, q: GroupMarketQuery): Promise<ImportMarketRow[]> {
  const where: Sql[] = [sql`m.dataset_id = ${q.datasetId}`, sql`m.group_id = ${q.group}`, sql`m.year = ${q.year}`];
  if (Array.isArray(q.products)) where.push(inList(sql`m.product_code`, q.products));
  else {
    const { prefix } = q.products as { prefix: string | null };
    if (prefix) where.push(hsPrefix(sql`m.product_code`, prefix));
  }
  return queryRows<ImportMarketRow>(
    em,
    sql`select m.group_id as importer, m.product_code as product, m.participants as n, m.total_value as sum_w,
               m.sum_squares as sum_w2, m.max_value as max_w
        from trade_group_market m where ${join(where, ' and ')} order by m.product_code`,
  );
}
