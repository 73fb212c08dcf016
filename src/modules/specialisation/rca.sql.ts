import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { empty, ident, int, join, sql, type Sql } from '../../database/sql';
import type { RcaCell } from '../complexity/complexity';
import { DatasetKind } from '../dataset/dataset-kind';
import type { Dataset } from '../dataset/dataset.entity';
import { hsRollup, type FlowShape } from '../trade-flow/hs-rollup.sql';
import type { RcaRow } from './rca.types';

/** Which exports x_ck a specialisation figure reads: one dataset, one year, one HS level. */
export interface ExportValuesQuery {
  dataset: Pick<Dataset, 'id' | 'kind'>;
  shape: FlowShape;
  year: number;
  /** HS level of the products (2, 4 or 6). */
  level: number;
}

/**
 * SQL selecting x_ck = (country, product, value) at HS `level` for one dataset and year. An
 * exporter-totals dataset reads export_total; any other reads its bilateral flows summed over importers,
 * Σ_i x(c, i, k) (trade_flow holds country-to-country flows only, so "World" and areas never enter), from
 * its materialised world exports when it has them. Both roll codes up by prefix without adding a code to
 * its own sub-codes (METRICS.md). Pairs whose sum is 0 are left out: their RCA is 0 and they add nothing
 * to X_c or x_wk.
 */
export function exportValues(q: ExportValuesQuery): Sql {
  const totals = q.dataset.kind === DatasetKind.EXPORT_TOTALS;
  const table = totals ? 'export_total' : q.shape.worldRollup ? 'trade_world_export' : 'trade_flow';
  return sql`select f.exporter_id::text as country, left(f.product_code, ${int(q.level, { min: 2, max: 6 })}) as product, sum(f.value_usd) as value
    from ${ident(table, ['export_total', 'trade_world_export', 'trade_flow'])} f where f.dataset_id = ${q.dataset.id} and f.year = ${q.year} and ${hsRollup(q.level, q.shape.mixed, totals ? 'export_total' : 'trade_flow')}
    group by 1, 2 having sum(f.value_usd) > 0`;
}

/**
 * CTEs ending in `ratios (country, product, value, country_total, product_total, world_total, rca)`:
 * Balassa RCA = (x_ck / X_c) / (x_wk / X_w), the totals being window sums over every x_ck of the year,
 * all in numeric (exact sums, the quotient to at least 16 significant digits) so that M = (RCA ≥ 1) is
 * decided exactly where RCA is exactly 1.
 */
export function rcaCtes(q: ExportValuesQuery): Sql {
  return sql`x as (${exportValues(q)}),
    totals as (
      select country, product, value,
             sum(value) over (partition by country) as country_total,
             sum(value) over (partition by product) as product_total,
             sum(value) over () as world_total
      from x
    ),
    ratios as (select *, (value * world_total) / (country_total * product_total) as rca from totals)`;
}

/** One page of RCA rows, the filters narrowing the rows but never the totals. */
export interface RcaPageQuery extends ExportValuesQuery {
  /** Only this exporter (a checked alpha-3 code). */
  exporter: string | null;
  /** Only products under this HS code (a checked code of at most `level` digits). */
  productPrefix: string | null;
  /** Only rows with RCA ≥ this. */
  minRca: number | null;
  /** Resume after this (country, product) key, the order of the rows. */
  after: readonly [country: string, product: string] | null;
  /** Rows wanted; one more is read, to tell whether a next page follows. */
  first: number;
}

export interface RcaPageRows {
  /** Rows matching the filters, over all pages. */
  totalCount: number;
  /** X_w; null when the dataset has no exports that year at that level. */
  worldTotal: number | null;
  /** Up to `first + 1` rows after `after`, by (country, product) in byte order. */
  rows: RcaRow[];
}

type RcaPageRow = { totalCount: number; worldTotal: number | null } & ({ countryId: null } | RcaRow);

/**
 * One statement: the totals over the whole year, the count of the filtered rows, and one page of them
 * (a summary row left-joined to the page, so that an empty page still says how many rows there are).
 */
export async function rcaPage(em: EntityManager, q: RcaPageQuery): Promise<RcaPageRows> {
  const filters: Sql[] = [];
  if (q.exporter !== null) filters.push(sql`country = ${q.exporter}`);
  if (q.productPrefix !== null) filters.push(sql`product like ${`${q.productPrefix}%`}`);
  if (q.minRca !== null) filters.push(sql`rca >= ${q.minRca}`);
  const resume = q.after === null ? empty : sql`where (country collate "C", product collate "C") > (${q.after[0]}, ${q.after[1]})`;
  const rows = await queryRows<RcaPageRow>(
    em,
    sql`with ${rcaCtes(q)},
      filtered as (select * from ratios where ${filters.length ? join(filters, ' and ') : sql`true`})
      select s.*, p.* from
        (select (select count(*) from filtered)::int as "totalCount", (select max(world_total) from ratios)::float8 as "worldTotal") s
        left join lateral (
          select country as "countryId", product as "productCode", value::float8 as "exportValue", country_total::float8 as "countryExports",
                 product_total::float8 as "worldProductExports", rca::float8 as rca, (rca >= 1)::int as m
          from filtered ${resume}
          order by country collate "C", product collate "C" limit ${q.first + 1}
        ) p on true
      order by p."countryId" collate "C", p."productCode" collate "C"`,
  );
  return {
    totalCount: rows[0].totalCount,
    worldTotal: rows[0].worldTotal,
    rows: rows
      .filter((r): r is RcaPageRow & RcaRow => r.countryId !== null)
      .map(({ totalCount: _count, worldTotal: _total, ...row }) => row),
  };
}

/** The pairs with exports of a year (RCA and M as SQL decides them) for the complexity matrix, if it has at most `maxProducts` products. */
export interface ComplexityCells {
  /** Products with exports that year at that level. */
  products: number;
  /** Every (country, product) pair with exports; empty when `products` exceeds the bound (a refused request moves no cells). */
  cells: RcaCell[];
}

/**
 * The pairs with exports (an aggregate of at most countries × products, not flows), with RCA and M, in
 * one statement — only when the matrix has at most `maxProducts` products.
 */
export async function complexityCells(em: EntityManager, q: ExportValuesQuery & { maxProducts: number }): Promise<ComplexityCells> {
  const rows = await queryRows<{ products: number } & ({ country: null } | RcaCell)>(
    em,
    sql`with ${rcaCtes(q)}
      select s.products, r.country, r.product, r.value::float8 as value, r.rca::float8 as rca, (r.rca >= 1)::int as m
      from (select count(distinct product)::int as products from x) s left join ratios r on s.products <= ${q.maxProducts}`,
  );
  return {
    products: rows[0]?.products ?? 0,
    cells: rows.filter((r): r is { products: number } & RcaCell => r.country !== null).map(({ products: _products, ...cell }) => cell),
  };
}
