import { hsRollupCondition } from '../trade-flow/hs-rollup.sql';
import { TradeDimension, AggregateOrder } from './trade-aggregate.types';

/** SQL expression and output column of each dimension (f = flow, ce/ci = exporter/importer country). */
const DIMENSIONS: Record<TradeDimension, { expr: (level: number) => string; column: string; join?: 'ce' | 'ci' }> = {
  YEAR: { expr: () => 'f.year', column: 'year' },
  EXPORTER: { expr: () => 'f.exporter_id', column: 'exporter_id' },
  IMPORTER: { expr: () => 'f.importer_id', column: 'importer_id' },
  EXPORTER_REGION: { expr: () => 'ce.region', column: 'exporter_region', join: 'ce' },
  IMPORTER_REGION: { expr: () => 'ci.region', column: 'importer_region', join: 'ci' },
  EXPORTER_SUB_REGION: { expr: () => 'ce.sub_region', column: 'exporter_sub_region', join: 'ce' },
  IMPORTER_SUB_REGION: { expr: () => 'ci.sub_region', column: 'importer_sub_region', join: 'ci' },
  PRODUCT: { expr: (level) => `left(f.product_code, ${level})`, column: 'product_code' },
};

export interface AggregateSqlInput {
  datasetId: number;
  groupBy: TradeDimension[];
  hsLevel: 2 | 4 | 6;
  /** Whether the dataset mixes HS levels (Comtrade); BACI is HS-6 only and skips the ancestor test. */
  mixedLevels: boolean;
  where: string[];
  params: unknown[];
  order: AggregateOrder;
  limit: number;
  offset: number;
}

/**
 * One statement computing a page of the aggregate and the total row count (window count over the groups).
 * HS roll-up follows METRICS.md: a flow counts towards product P at level L only when no other flow of the
 * same dataset, year, exporter and importer has a code that is a shorter prefix of its own and at least L
 * digits long — so a heading and its own subheadings are never added together; codes shorter than L
 * cannot be split and are left out at that level.
 */
export function tradeAggregateSql(input: AggregateSqlInput): { sql: string; params: unknown[] } {
  const dims = input.groupBy.map((d) => DIMENSIONS[d]);
  const joins = new Set(dims.map((d) => d.join).filter(Boolean));
  const select = dims.map((d) => `${d.expr(input.hsLevel)} as ${d.column}`);
  const groupCols = dims.map((d) => d.column);
  const level = input.hsLevel;
  const keysOrder = groupCols.length ? groupCols.map((c) => `${c} asc nulls last`).join(', ') : '1';
  const order =
    input.order === AggregateOrder.KEYS ? keysOrder : `value_usd ${input.order === AggregateOrder.VALUE_ASC ? 'asc' : 'desc'}, ${keysOrder}`;
  const sql = `
    select ${[...groupCols, 'value_usd', 'quantity_tons', 'flows_with_quantity', 'flow_count'].join(', ')}, count(*) over () as total_count
    from (
      select ${[...select, 'sum(f.value_usd) as value_usd', 'sum(f.quantity_tons) as quantity_tons', 'count(f.quantity_tons)::int as flows_with_quantity', 'count(*)::int as flow_count'].join(', ')}
      from trade_flow f
      ${joins.has('ce') ? 'join country ce on ce.id = f.exporter_id' : ''}
      ${joins.has('ci') ? 'join country ci on ci.id = f.importer_id' : ''}
      where f.dataset_id = ? and ${hsRollupCondition(level, input.mixedLevels)}
      ${input.where.map((w) => `and ${w}`).join(' ')}
      ${groupCols.length ? `group by ${groupCols.map((_, i) => i + 1).join(', ')}` : ''}
    ) g
    order by ${order}
    limit ? offset ?`;
  return { sql, params: [input.datasetId, ...input.params, input.limit, input.offset] };
}
