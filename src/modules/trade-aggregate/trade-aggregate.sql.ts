import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { empty, int, join, sql, type Sql } from '../../database/sql';
import { hsRollup } from '../trade-flow/hs-rollup.sql';
import type { AggregatePosition } from './aggregate-cursor';
import { aggregateSource, type AggregateSum, type SourceRequest } from './aggregate-source';
import { AggregateOrder, type TradeAggregateRow, TradeDimension } from './trade-aggregate.types';

/** The row property of a grouped dimension. */
type DimensionProperty =
  'year' | 'exporterId' | 'importerId' | 'exporterRegion' | 'importerRegion' | 'exporterSubRegion' | 'importerSubRegion' | 'productCode';

/**
 * SQL expression and output column of each dimension (f = flow, ce/ci = exporter/importer country); the
 * column is the name of the row's property.
 */
const DIMENSIONS: Record<TradeDimension, { expr: (level: Sql) => Sql; column: Sql; property: DimensionProperty; join?: 'ce' | 'ci' }> = {
  YEAR: { expr: () => sql`f.year`, column: sql`year`, property: 'year' },
  EXPORTER: { expr: () => sql`f.exporter_id`, column: sql`"exporterId"`, property: 'exporterId' },
  IMPORTER: { expr: () => sql`f.importer_id`, column: sql`"importerId"`, property: 'importerId' },
  EXPORTER_REGION: { expr: () => sql`ce.region`, column: sql`"exporterRegion"`, property: 'exporterRegion', join: 'ce' },
  IMPORTER_REGION: { expr: () => sql`ci.region`, column: sql`"importerRegion"`, property: 'importerRegion', join: 'ci' },
  EXPORTER_SUB_REGION: { expr: () => sql`ce.sub_region`, column: sql`"exporterSubRegion"`, property: 'exporterSubRegion', join: 'ce' },
  IMPORTER_SUB_REGION: { expr: () => sql`ci.sub_region`, column: sql`"importerSubRegion"`, property: 'importerSubRegion', join: 'ci' },
  PRODUCT: { expr: (level) => sql`left(f.product_code, ${level})`, column: sql`"productCode"`, property: 'productCode' },
};

export type { AggregateSum } from './aggregate-source';

const SUM_NAMES: AggregateSum[] = ['valueUsd', 'quantityTons', 'flowsWithQuantity', 'flowCount'];

export const isAggregateSum = (field: string): field is AggregateSum => (SUM_NAMES as string[]).includes(field);

export interface AggregateQuery extends SourceRequest {
  datasetId: number;
  groupBy: readonly TradeDimension[];
  hsLevel: number;
  /** Whether the dataset mixes HS levels (Comtrade); BACI is HS-6 only and skips the ancestor test. */
  mixedLevels: boolean;
  /**
   * Conditions on the flows `f`, all of which must hold (the filter's, from `tradeFlowConditions`); on a rollup
   * too, which has the columns of the fields that made them (`filterFields`, see aggregateSource).
   */
  conditions: readonly Sql[];
  order: AggregateOrder;
  /** Only the rows after this one, in `order` (keyset paging); null from the first row. */
  after: AggregatePosition | null;
  /** The sums to compute: the selected ones (the value is always computed when the order is by value). */
  sums: ReadonlySet<AggregateSum>;
  /** Whether to count the groups over all pages too (a window over every group: the whole aggregate). */
  withTotal: boolean;
  /** At most this many rows; null for every row (the CSV stream). */
  limit: number | null;
}

/** A row of the statement: the grouped dimensions and the computed sums only (as the row's properties). */
interface AggregateSqlRow {
  year?: number;
  exporterId?: string;
  importerId?: string;
  exporterRegion?: string | null;
  importerRegion?: string | null;
  exporterSubRegion?: string | null;
  importerSubRegion?: string | null;
  productCode?: string;
  valueUsd?: string;
  quantityTons?: string | null;
  flowsWithQuantity?: number;
  flowCount?: number;
  totalCount?: string;
}

/** Dimensions whose value may be null (a country without a region): their order is `nulls last`. */
const NULLABLE = new Set([
  TradeDimension.EXPORTER_REGION,
  TradeDimension.IMPORTER_REGION,
  TradeDimension.EXPORTER_SUB_REGION,
  TradeDimension.IMPORTER_SUB_REGION,
]);

/** The sums a query computes, in a fixed order: the selected ones, and the value when rows are ordered by it. */
function sumsOf(q: AggregateQuery): AggregateSum[] {
  return SUM_NAMES.filter((s) => q.sums.has(s) || (s === 'valueUsd' && q.order !== AggregateOrder.KEYS));
}

/**
 * The groups, before paging: one row per group key with the sums asked for (and, with `withTotal`, the
 * number of groups, as a window over all of them).
 * HS roll-up follows METRICS.md: a flow counts towards product P at level L only when no other flow of the
 * same dataset, year, exporter and importer has a code that is a shorter prefix of its own and at least L
 * digits long — so a heading and its own subheadings are never added together; codes shorter than L
 * cannot be split and are left out at that level.
 * The rows are those of the smallest rollup that answers the query exactly, or the flows (aggregateSource):
 * a rollup's sums of sums equal the flows' sums, and its groups are the flows' groups.
 * Without dimensions, `group by ()` makes the one grand-total row whatever is selected (even no sum) — when some
 * flow matches: the total of nothing is no row (as a grouped aggregate of nothing has none), not a row of null sums
 * that the schema's non-null `valueUsd` could not carry.
 */
function groupsSql(q: AggregateQuery, sums: readonly AggregateSum[], withTotal: boolean): Sql {
  const source = aggregateSource(q, sums);
  const level = int(q.hsLevel, { min: 2, max: 6 });
  const dims = q.groupBy.map((d) => DIMENSIONS[d]);
  const joins = new Set(dims.map((d) => d.join));
  const select = [
    ...dims.map((d) => sql`${d.expr(level)} as ${d.column}`),
    ...sums.map((s) => sql`${source.sums[s]!} as ${SUM_COLUMNS[s]}`),
    ...(withTotal ? [sql`count(*) over () as "totalCount"`] : []),
  ];
  // A rollup is read only for a dataset of HS-6 codes alone (aggregateRollups): no ancestor test there.
  const rollup = source.products ? [hsRollup(q.hsLevel, source.rollup === null && q.mixedLevels)] : [];
  return sql`
      select ${select.length ? join(select) : sql`1 as "one"`}
      from ${source.table} f
      ${joins.has('ce') ? sql`join country ce on ce.id = f.exporter_id` : empty}
      ${joins.has('ci') ? sql`join country ci on ci.id = f.importer_id` : empty}
      where ${join([sql`f.dataset_id = ${q.datasetId}`, ...rollup, ...q.conditions], ' and ')}
      group by ${dims.length ? join(dims.map((_, i) => int(i + 1))) : sql`() having count(*) > 0`}`;
}

/**
 * The group key as values that are never null, with the cursor's values alongside: a nullable dimension
 * orders `nulls last`, which is the order of (is null, coalesce(…, '')), so row comparisons hold for it too.
 */
function keyParts(q: AggregateQuery, position: AggregatePosition): { columns: Sql[]; values: Sql[] } {
  const columns: Sql[] = [];
  const values: Sql[] = [];
  q.groupBy.forEach((d, i) => {
    const column = DIMENSIONS[d].column;
    const value = position.keys[i];
    if (NULLABLE.has(d)) {
      columns.push(sql`(${column} is null)`, sql`coalesce(${column}, '')`);
      values.push(sql`${value === null}`, sql`${value ?? ''}`);
    } else {
      columns.push(column);
      values.push(sql`${value}`);
    }
  });
  return { columns, values };
}

/**
 * Rows strictly after `position` in the query's order: (key) > (cursor key) for KEYS; for the orders by
 * value, a smaller (larger) value, or the same value and a later key, so ties are neither skipped nor
 * repeated. The comparison of the group key alone refers only to grouping columns, which PostgreSQL moves
 * below the GROUP BY: flows of earlier groups are not even aggregated.
 */
function afterSql(q: AggregateQuery, position: AggregatePosition): Sql {
  const { columns, values } = keyParts(q, position);
  const laterKey = columns.length ? sql`(${join(columns)}) > (${join(values)})` : sql`false`;
  if (q.order === AggregateOrder.KEYS) return laterKey;
  const value = position.valueUsd;
  const beyond = q.order === AggregateOrder.VALUE_ASC ? sql`"valueUsd" > ${value}` : sql`"valueUsd" < ${value}`;
  return sql`(${beyond} or ("valueUsd" = ${value} and ${laterKey}))`;
}

/**
 * One statement computing a page of the aggregate: the rows after `q.after` in the query's order, at most
 * `q.limit`. `output` is the select list over the groups (by default the row's columns, the computed
 * sums and, with `withTotal`, the number of groups over all pages).
 */
export function tradeAggregateSql(q: AggregateQuery, output?: readonly Sql[]): Sql {
  const columns = q.groupBy.map((d) => DIMENSIONS[d].column);
  const sums = sumsOf(q);
  const keysOrder = columns.length ? join(columns.map((c) => sql`${c} asc nulls last`)) : sql`1`;
  const order =
    q.order === AggregateOrder.KEYS
      ? keysOrder
      : sql`"valueUsd" ${q.order === AggregateOrder.VALUE_ASC ? sql`asc` : sql`desc`}, ${keysOrder}`;
  const select = output ?? [...columns, ...sums.map((s) => SUM_COLUMNS[s]), ...(q.withTotal ? [sql`"totalCount"`] : [])];
  return sql`
    select ${select.length ? join(select) : sql`1 as "one"`}
    from (${groupsSql(q, sums, q.withTotal)}
    ) trade_groups
    ${q.after ? sql`where ${afterSql(q, q.after)}` : empty}
    order by ${order}
    ${q.limit !== null ? sql`limit ${q.limit}` : empty}`;
}

/** The number of groups over all pages, without their sums (for a page past the last row). */
export function tradeAggregateCountSql(q: AggregateQuery): Sql {
  return sql`select count(*)::int as n from (${groupsSql(q, [], false)}) trade_groups`;
}

const SUM_COLUMNS: Record<AggregateSum, Sql> = {
  valueUsd: sql`"valueUsd"`,
  quantityTons: sql`"quantityTons"`,
  flowsWithQuantity: sql`"flowsWithQuantity"`,
  flowCount: sql`"flowCount"`,
};

/**
 * A text cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) behind a single
 * quote, as OWASP recommends for CSV files (the same rule as formula.ts, for the rows PostgreSQL writes).
 */
const neutralised = (column: Sql): Sql =>
  sql`case when left(${column}, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || ${column} else ${column} end`;

/**
 * A row field as GET /csv writes it: the grouped dimensions as they are (null when not grouped), the sums
 * as the doubles the API returns (PostgreSQL's float8 text is the shortest that reads back as the same
 * double, like JavaScript's; it switches to exponent notation from 1e15 rather than 1e21). No field can
 * hold a line break, so the CSV's lines are its rows. Text cells are neutralised (see `neutralised`).
 */
const CSV_FIELD: Record<DimensionProperty | AggregateSum, (grouped: ReadonlySet<DimensionProperty>, neutralise: boolean) => Sql> = {
  ...(Object.fromEntries(
    Object.values(DIMENSIONS).map((d) => [
      d.property,
      (grouped: ReadonlySet<DimensionProperty>, neutralise: boolean) =>
        grouped.has(d.property) ? (d.property === 'year' || !neutralise ? d.column : neutralised(d.column)) : sql`null`,
    ]),
  ) as Record<DimensionProperty, (grouped: ReadonlySet<DimensionProperty>, neutralise: boolean) => Sql>),
  valueUsd: () => sql`"valueUsd"::float8`,
  quantityTons: () => sql`"quantityTons"::float8`,
  flowsWithQuantity: () => sql`"flowsWithQuantity"`,
  flowCount: () => sql`"flowCount"`,
};

/** The row fields GET /csv can write straight from the statement. */
export const AGGREGATE_CSV_FIELDS: ReadonlySet<string> = new Set(Object.keys(CSV_FIELD));

/**
 * Every row of `q` (at most `q.limit`) with the given row fields as its columns, in their order (for COPY);
 * text cells neutralised unless `neutralise` is false (rows read back for another format's encoder).
 */
export function tradeAggregateCsvSql(q: AggregateQuery, fields: readonly string[], neutralise = true): Sql {
  const grouped = new Set(q.groupBy.map((d) => DIMENSIONS[d].property));
  const output = fields.map((f) => {
    const column = CSV_FIELD[f as keyof typeof CSV_FIELD];
    if (!column) throw new TypeError(`tradeAggregate: ${f} is not a column of the CSV stream`);
    return column(grouped, neutralise);
  });
  return tradeAggregateSql(q, output);
}

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;
const numberOrNull = (value: string | number | null | undefined): number | null => (value == null ? null : Number(value));

/** A page of the aggregate: its rows, where each row stands (for its cursor) and, with `withTotal`, the number of rows over all pages. */
export interface AggregatePage {
  rows: TradeAggregateRow[];
  /** Where row i stands, for its cursor: made when asked (a page's cursors are those of its first and last rows). */
  positionOf: (i: number) => AggregatePosition;
  /** Null unless `withTotal`, and null too for an empty page (the window had no row to ride on). */
  totalCount: number | null;
}

/** A page of the aggregate (`limit` rows at most, after `after`). */
export async function readTradeAggregate(em: EntityManager, q: AggregateQuery): Promise<AggregatePage> {
  const rows = await queryRows<AggregateSqlRow>(em, tradeAggregateSql(q));
  const columns = q.groupBy.map((d) => DIMENSIONS[d].property);
  const byValue = q.order !== AggregateOrder.KEYS;
  return {
    totalCount: q.withTotal && rows.length ? Number(rows[0].totalCount) : null,
    positionOf: (i) => ({ keys: columns.map((c) => rows[i][c] ?? null), valueUsd: byValue ? (rows[i].valueUsd ?? null) : null }),
    rows: rows.map((r) => ({
      year: numberOrNull(r.year),
      exporterId: r.exporterId?.trim() ?? null,
      importerId: r.importerId?.trim() ?? null,
      exporterRegion: orNull(r.exporterRegion),
      importerRegion: orNull(r.importerRegion),
      exporterSubRegion: orNull(r.exporterSubRegion),
      importerSubRegion: orNull(r.importerSubRegion),
      productCode: orNull(r.productCode),
      // Sums the query did not select were not computed; GraphQL never reads them.
      valueUsd: numberOrNull(r.valueUsd),
      quantityTons: numberOrNull(r.quantityTons),
      flowsWithQuantity: numberOrNull(r.flowsWithQuantity),
      flowCount: numberOrNull(r.flowCount),
    })),
  };
}

/** The number of rows over all pages, counted on its own (a page past the last row has no row to carry it). */
export async function countTradeAggregate(em: EntityManager, q: AggregateQuery): Promise<number> {
  const [row] = await queryRows<{ n: number }>(em, tradeAggregateCountSql(q));
  return row.n;
}
