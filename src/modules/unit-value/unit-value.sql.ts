import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { empty, int, join, list, sql, type Sql } from '../../database/sql';
import { hsPrefix, hsRollup } from '../trade-flow/hs-rollup.sql';

/** Which unit values to compute: one dataset, products of one HS level, a year range, some exporters or all. */
export interface UnitValueQuery {
  datasetId: number;
  /** Whether the dataset mixes HS levels (the roll-up's ancestor test). */
  mixed: boolean;
  /** HS codes, all of one level (2, 4 or 6): each its own product, flows rolled up to it. */
  products: readonly string[];
  years: { from: number; to: number };
  /** Only these exporters' rows (checked alpha-3 codes); null = every exporter. The world sums cover every exporter. */
  exporters: readonly string[] | null;
  /** Only the flows to this importer (exporters' and world's sums alike); null = every importer. */
  importer: string | null;
}

/** One exporter, product and year with exports: the sums and the figures of METRICS.md "Unit values". */
export interface UnitValueCell {
  productCode: string;
  exporterId: string;
  year: number;
  /** Σ x over every flow (USD). */
  value: number;
  /** Σ x over the flows with q > 0 (USD). */
  valueWithQuantity: number;
  /** Σ q over the flows with q > 0 (tonnes); null when none has one. */
  quantityTons: number | null;
  flows: number;
  flowsWithQuantity: number;
  /** The world's Σ x and Σ q over every exporter's flows with q > 0 (null when none has one). */
  worldValueWithQuantity: number | null;
  worldQuantityTons: number | null;
  /** UV = Σx / Σq over the flows with q > 0 (USD/t); null without a quantity. */
  uv: number | null;
  worldUv: number | null;
  /** UV / UV_world. */
  ruv: number | null;
  /** Σ_{q>0} x / Σ x; null when Σ x = 0. */
  coverage: number | null;
}

/**
 * The flows a unit value reads, at the products' level L: `left(code, L)` as the product, the quantity only
 * where it is > 0 (a NULL or 0 quantity is unknown: the flow adds to the value, never to Σ q), rolled up as
 * in METRICS.md "HS roll-up". Read from trade_flow itself: the materialised roll-ups carry no quantities.
 */
function quantityFlows(q: UnitValueQuery): Sql {
  const level = q.products[0]?.length;
  if (!level || q.products.some((code) => code.length !== level)) throw new Error('unitValueCells: products of one level');
  const n = int(level, { min: 2, max: 6 });
  const where: Sql[] = [
    sql`f.dataset_id = ${q.datasetId}`,
    q.years.from === q.years.to ? sql`f.year = ${q.years.from}` : sql`f.year between ${q.years.from} and ${q.years.to}`,
    q.products.length === 1
      ? hsPrefix(sql`f.product_code`, q.products[0])
      : sql`(${join(
          q.products.map((code) => sql`(${hsPrefix(sql`f.product_code`, code)})`),
          ' or ',
        )})`,
    hsRollup(level, q.mixed),
  ];
  if (q.importer !== null) where.push(sql`f.importer_id = ${q.importer}`);
  return sql`select left(f.product_code, ${n}) as product, f.exporter_id, f.year, f.value_usd,
      case when f.quantity_tons > 0 then f.quantity_tons end as q
    from trade_flow f where ${join(where, ' and ')}`;
}

/**
 * Every (product, exporter, year) with exports, with its unit value, the world's and the RUV, in one
 * statement; numeric sums and quotients, returned as double precision. By product, exporter, year.
 */
export async function unitValueCells(em: EntityManager, q: UnitValueQuery): Promise<UnitValueCell[]> {
  if (q.exporters !== null && q.exporters.length === 0) return [];
  const ofExporters = q.exporters === null ? empty : sql`where exporter_id in (${list(q.exporters)})`;
  return queryRows<UnitValueCell>(
    em,
    sql`with flows as (${quantityFlows(q)}),
      world as (
        select product, year, sum(value_usd) filter (where q is not null) as wx, sum(q) as wq from flows group by product, year
      ),
      cells as (
        select product, exporter_id, year, sum(value_usd) as x, coalesce(sum(value_usd) filter (where q is not null), 0) as xq, sum(q) as q,
               count(*) as flows, count(q) as flows_q
        from flows ${ofExporters} group by product, exporter_id, year
      )
      select c.product as "productCode", c.exporter_id::text as "exporterId", c.year, c.x::float8 as value, c.xq::float8 as "valueWithQuantity",
             c.q::float8 as "quantityTons", c.flows::int as flows, c.flows_q::int as "flowsWithQuantity",
             w.wx::float8 as "worldValueWithQuantity", w.wq::float8 as "worldQuantityTons",
             (c.xq / c.q)::float8 as uv, (w.wx / w.wq)::float8 as "worldUv", ((c.xq / c.q) / nullif(w.wx / w.wq, 0))::float8 as ruv,
             (c.xq / nullif(c.x, 0))::float8 as coverage
      from cells c join world w on w.product = c.product and w.year = c.year
      order by c.product, c.exporter_id, c.year`,
  );
}
