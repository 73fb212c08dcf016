import { DatasetKind } from '../dataset/dataset-kind';
import type { Dataset } from '../dataset/dataset.entity';
import { hsRollupCondition, type FlowShape } from '../trade-flow/hs-rollup.sql';

/**
 * SQL selecting x_ck = (country, product, value) at HS `level` for one dataset, for the parameters
 * (dataset id, year). An exporter-totals dataset reads export_total; any other reads its bilateral flows
 * summed over importers, Σ_i x(c, i, k) (trade_flow holds country-to-country flows only, so "World" and
 * areas never enter), from its materialised world exports when it has them. Both roll codes up by
 * prefix without adding a code to its own sub-codes (METRICS.md). Pairs whose sum is 0 are left out:
 * their RCA is 0 and they add nothing to X_c or x_wk.
 */
export function exportValuesSql(dataset: Dataset, shape: FlowShape, level: number): string {
  const totals = dataset.kind === DatasetKind.EXPORT_TOTALS;
  const table = totals ? 'export_total' : shape.worldRollup ? 'trade_world_export' : 'trade_flow';
  return `select f.exporter_id::text as country, left(f.product_code, ${level}) as product, sum(f.value_usd) as value
    from ${table} f where f.dataset_id = ? and f.year = ? and ${hsRollupCondition(level, shape.mixed, totals ? 'export_total' : 'trade_flow')}
    group by 1, 2 having sum(f.value_usd) > 0`;
}

/**
 * CTEs ending in `ratios (country, product, value, country_total, product_total, world_total, rca)`:
 * Balassa RCA = (x_ck / X_c) / (x_wk / X_w), the totals being window sums over every x_ck of the year,
 * all in numeric (exact sums, the quotient to at least 16 significant digits) so that M = (RCA ≥ 1) is
 * decided exactly where RCA is exactly 1. Parameters: those of `exportValuesSql`.
 */
export function rcaCtes(exportValues: string): string {
  return `x as (${exportValues}),
    totals as (
      select country, product, value,
             sum(value) over (partition by country) as country_total,
             sum(value) over (partition by product) as product_total,
             sum(value) over () as world_total
      from x
    ),
    ratios as (select *, (value * world_total) / (country_total * product_total) as rca from totals)`;
}
