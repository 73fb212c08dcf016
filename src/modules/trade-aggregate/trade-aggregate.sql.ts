import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { empty, int, join, sql, type Sql } from '../../database/sql';
import { hsRollup } from '../trade-flow/hs-rollup.sql';
import { AggregateOrder, type TradeAggregateRow, TradeDimension } from './trade-aggregate.types';

/**
 * SQL expression and output column of each dimension (f = flow, ce/ci = exporter/importer country); the
 * column is the name of the row's property.
 */
const DIMENSIONS: Record<TradeDimension, { expr: (level: Sql) => Sql; column: Sql; join?: 'ce' | 'ci' }> = {
  YEAR: { expr: () => sql`f.year`, column: sql`year` },
  EXPORTER: { expr: () => sql`f.exporter_id`, column: sql`"exporterId"` },
  IMPORTER: { expr: () => sql`f.importer_id`, column: sql`"importerId"` },
  EXPORTER_REGION: { expr: () => sql`ce.region`, column: sql`"exporterRegion"`, join: 'ce' },
  IMPORTER_REGION: { expr: () => sql`ci.region`, column: sql`"importerRegion"`, join: 'ci' },
  EXPORTER_SUB_REGION: { expr: () => sql`ce.sub_region`, column: sql`"exporterSubRegion"`, join: 'ce' },
  IMPORTER_SUB_REGION: { expr: () => sql`ci.sub_region`, column: sql`"importerSubRegion"`, join: 'ci' },
  PRODUCT: { expr: (level) => sql`left(f.product_code, ${level})`, column: sql`"productCode"` },
};

export interface AggregateQuery {
  datasetId: number;
  groupBy: readonly TradeDimension[];
  hsLevel: number;
  /** Whether the dataset mixes HS levels (Comtrade); BACI is HS-6 only and skips the ancestor test. */
  mixedLevels: boolean;
  /** Conditions on the flows `f`, all of which must hold (the filter's, from `tradeFlowConditions`). */
  conditions: readonly Sql[];
  order: AggregateOrder;
  limit: number;
  offset: number;
}

/** A row of the statement: the grouped dimensions only (as the row's properties), the sums, the row count. */
interface AggregateSqlRow {
  year?: number;
  exporterId?: string;
  importerId?: string;
  exporterRegion?: string | null;
  importerRegion?: string | null;
  exporterSubRegion?: string | null;
  importerSubRegion?: string | null;
  productCode?: string;
  valueUsd: string;
  quantityTons: string | null;
  flowsWithQuantity: number;
  flowCount: number;
  totalCount: string;
}

/**
 * One statement computing a page of the aggregate and the total row count (window count over the groups).
 * HS roll-up follows METRICS.md: a flow counts towards product P at level L only when no other flow of the
 * same dataset, year, exporter and importer has a code that is a shorter prefix of its own and at least L
 * digits long — so a heading and its own subheadings are never added together; codes shorter than L
 * cannot be split and are left out at that level.
 */
export function tradeAggregateSql(q: AggregateQuery): Sql {
  const level = int(q.hsLevel, { min: 2, max: 6 });
  const dims = q.groupBy.map((d) => DIMENSIONS[d]);
  const joins = new Set(dims.map((d) => d.join));
  const columns = dims.map((d) => d.column);
  const keysOrder = columns.length ? join(columns.map((c) => sql`${c} asc nulls last`)) : sql`1`;
  const order =
    q.order === AggregateOrder.KEYS
      ? keysOrder
      : sql`"valueUsd" ${q.order === AggregateOrder.VALUE_ASC ? sql`asc` : sql`desc`}, ${keysOrder}`;
  const sums = [
    sql`sum(f.value_usd) as "valueUsd"`,
    sql`sum(f.quantity_tons) as "quantityTons"`,
    sql`count(f.quantity_tons)::int as "flowsWithQuantity"`,
    sql`count(*)::int as "flowCount"`,
  ];
  return sql`
    select ${join([...columns, sql`"valueUsd"`, sql`"quantityTons"`, sql`"flowsWithQuantity"`, sql`"flowCount"`])}, count(*) over () as "totalCount"
    from (
      select ${join([...dims.map((d) => sql`${d.expr(level)} as ${d.column}`), ...sums])}
      from trade_flow f
      ${joins.has('ce') ? sql`join country ce on ce.id = f.exporter_id` : empty}
      ${joins.has('ci') ? sql`join country ci on ci.id = f.importer_id` : empty}
      where ${join([sql`f.dataset_id = ${q.datasetId}`, hsRollup(q.hsLevel, q.mixedLevels), ...q.conditions], ' and ')}
      ${columns.length ? sql`group by ${join(columns.map((_, i) => int(i + 1)))}` : empty}
    ) g
    order by ${order}
    limit ${q.limit} offset ${q.offset}`;
}

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;
const numberOrNull = (value: string | number | null | undefined): number | null => (value == null ? null : Number(value));

/** A page of the aggregate (`limit` rows at most, from `offset`) and the number of rows over all pages. */
export async function readTradeAggregate(
  em: EntityManager,
  q: AggregateQuery,
): Promise<{ rows: TradeAggregateRow[]; totalCount: number | null }> {
  const rows = await queryRows<AggregateSqlRow>(em, tradeAggregateSql(q));
  return {
    totalCount: rows.length ? Number(rows[0].totalCount) : null,
    rows: rows.map((r) => ({
      year: numberOrNull(r.year),
      exporterId: r.exporterId?.trim() ?? null,
      importerId: r.importerId?.trim() ?? null,
      exporterRegion: orNull(r.exporterRegion),
      importerRegion: orNull(r.importerRegion),
      exporterSubRegion: orNull(r.exporterSubRegion),
      importerSubRegion: orNull(r.importerSubRegion),
      productCode: orNull(r.productCode),
      valueUsd: Number(r.valueUsd),
      quantityTons: numberOrNull(r.quantityTons),
      flowsWithQuantity: Number(r.flowsWithQuantity),
      flowCount: Number(r.flowCount),
    })),
  };
}
