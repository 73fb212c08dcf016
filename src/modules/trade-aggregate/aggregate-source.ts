import type { CatalogDataset } from '../../catalog/catalog';
import { sql, type Sql } from '../../database/sql';
import { TradeDimension, type TradeAggregateFilter } from './trade-aggregate.types';

/** The sums a row can carry: only those a query selects are computed. */
export type AggregateSum = 'valueUsd' | 'quantityTons' | 'flowsWithQuantity' | 'flowCount';

/** The fields of tradeAggregate's filter. */
export type AggregateFilterField = keyof TradeAggregateFilter;

/** The rollups of a dataset that tradeAggregate may read instead of its flows (each one the catalog knows it has). */
export interface AggregateRollups {
  worldExports: boolean;
  exporterYears: boolean;
  importerYears: boolean;
}

/**
 * The rollups of `dataset` tradeAggregate may read: those it has, when its codes are of one level. A dataset
 * that mixes levels gets none at load, but its export totals may make it mixed too; it is then read from its
 * flows, whose roll-up (METRICS.md) no sum over importers or products can follow.
 */
export function aggregateRollups(dataset: CatalogDataset): AggregateRollups {
  const single = !dataset.mixed;
  return {
    worldExports: single && dataset.worldRollup,
    exporterYears: single && dataset.exporterYears,
    importerYears: single && dataset.importerYears,
  };
}

/**
 * The filter's fields that restrict the flows (those tradeFlowConditions turns into a condition); an empty
 * list restricts nothing. A field counted here that makes no condition only sends the aggregate to the flows.
 */
export function restrictingFields(filter: TradeAggregateFilter | null): Set<AggregateFilterField> {
  const fields = new Set<AggregateFilterField>();
  if (!filter) return fields;
  for (const [field, value] of Object.entries(filter) as Array<[AggregateFilterField, unknown]>) {
    if (value != null && !(Array.isArray(value) && value.length === 0)) fields.add(field);
  }
  return fields;
}

/**
 * A table the aggregate can be computed from, as `f`: what it is grouped by and filtered on (its columns
 * are named as trade_flow's, so the dimensions' expressions and the filter's conditions apply to it as they
 * are), and each sum as an expression over its rows that equals the sum over the flows, to the last digit.
 */
export interface AggregateSource {
  /** Which rollup it is; null for the flows. */
  rollup: keyof AggregateRollups | null;
  table: Sql;
  dimensions: ReadonlySet<TradeDimension>;
  filters: ReadonlySet<AggregateFilterField>;
  sums: Readonly<Partial<Record<AggregateSum, Sql>>>;
  /** It has product_code: the HS roll-up's condition applies (for the totals, of HS-6 codes alone, it always holds). */
  products: boolean;
}

const ALL_DIMENSIONS = new Set(Object.values(TradeDimension));
const YEARS: AggregateFilterField[] = ['yearFrom', 'yearTo'];
const EXPORTER_SIDE = [TradeDimension.EXPORTER, TradeDimension.EXPORTER_REGION, TradeDimension.EXPORTER_SUB_REGION];
const IMPORTER_SIDE = [TradeDimension.IMPORTER, TradeDimension.IMPORTER_REGION, TradeDimension.IMPORTER_SUB_REGION];

/**
 * The totals' sums of sums: Σ value and Σ quantity (null where no total has one, as where no flow has one),
 * and the counts, which a sum over no row would make null where count(*) over no flow is 0 (one grand-total row).
 */
const TOTAL_SUMS: Record<AggregateSum, Sql> = {
  valueUsd: sql`sum(f.value_usd)`,
  quantityTons: sql`sum(f.quantity_tons)`,
  flowsWithQuantity: sql`coalesce(sum(f.flows_with_quantity), 0)::int`,
  flowCount: sql`coalesce(sum(f.flow_count), 0)::int`,
};

/** The flows themselves: every dimension, filter and sum. */
export const FLOWS: AggregateSource = {
  rollup: null,
  table: sql`trade_flow`,
  dimensions: ALL_DIMENSIONS,
  filters: new Set<AggregateFilterField>([...YEARS, 'exporters', 'importers', 'exporterGroup', 'importerGroup', 'hsPrefix']),
  sums: {
    valueUsd: sql`sum(f.value_usd)`,
    quantityTons: sql`sum(f.quantity_tons)`,
    flowsWithQuantity: sql`count(f.quantity_tons)::int`,
    flowCount: sql`count(*)::int`,
  },
  products: true,
};

/** The rollups, smallest first (a few thousand rows per dataset for the totals, about a product's worth of flows for world exports). */
const ROLLUPS: readonly AggregateSource[] = [
  {
    rollup: 'exporterYears',
    table: sql`trade_exporter_year`,
    dimensions: new Set([TradeDimension.YEAR, ...EXPORTER_SIDE]),
    filters: new Set<AggregateFilterField>([...YEARS, 'exporters', 'exporterGroup']),
    sums: TOTAL_SUMS,
    products: false,
  },
  {
    rollup: 'importerYears',
    table: sql`trade_importer_year`,
    dimensions: new Set([TradeDimension.YEAR, ...IMPORTER_SIDE]),
    filters: new Set<AggregateFilterField>([...YEARS, 'importers', 'importerGroup']),
    sums: TOTAL_SUMS,
    products: false,
  },
  {
    rollup: 'worldExports',
    table: sql`trade_world_export`,
    dimensions: new Set([TradeDimension.YEAR, TradeDimension.PRODUCT, ...EXPORTER_SIDE]),
    filters: new Set<AggregateFilterField>([...YEARS, 'exporters', 'exporterGroup', 'hsPrefix']),
    // World exports keep the value alone.
    sums: { valueUsd: sql`sum(f.value_usd)` },
    products: true,
  },
];

/** What decides the source of an aggregate. */
export interface SourceRequest {
  rollups: AggregateRollups;
  groupBy: readonly TradeDimension[];
  filterFields: ReadonlySet<AggregateFilterField>;
}

/**
 * The smallest table that answers the aggregate exactly: a rollup the dataset has, whose grain covers every
 * grouped dimension and restricting filter field and which keeps every sum computed; the flows otherwise.
 * Decided from the catalog alone (no statement).
 */
export function aggregateSource(q: SourceRequest, sums: readonly AggregateSum[]): AggregateSource {
  const covers = (s: AggregateSource) =>
    s.rollup !== null &&
    q.rollups[s.rollup] &&
    q.groupBy.every((d) => s.dimensions.has(d)) &&
    [...q.filterFields].every((f) => s.filters.has(f)) &&
    sums.every((sum) => s.sums[sum] !== undefined);
  return ROLLUPS.find(covers) ?? FLOWS;
}
