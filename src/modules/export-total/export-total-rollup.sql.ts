/**
 * SQL condition on an export_total row `f` implementing METRICS.md's HS roll-up at level `level` (2, 4 or 6),
 * as `hsRollupCondition` (trade-flow/hs-rollup.sql.ts) does for flows, with no importer: a row counts
 * towards its `level`-digit product only when no other row of the same dataset, year and exporter has a
 * code that is a shorter prefix of its own and at least `level` digits long. Codes shorter than `level`
 * cannot be split and do not count. `mixedLevels` false skips the ancestor test, which cannot match then.
 */
export function exportTotalRollupCondition(level: number, mixedLevels: boolean): string {
  const base = `length(f.product_code) >= ${level}`;
  if (!mixedLevels) return base;
  return `${base} and not exists (
      select 1 from export_total a where a.dataset_id = f.dataset_id and a.year = f.year and a.exporter_id = f.exporter_id
        and length(a.product_code) >= ${level} and length(a.product_code) < length(f.product_code)
        and f.product_code like a.product_code || '%')`;
}

/** SQL (one parameter: the dataset id) telling whether a dataset's export totals mix HS levels; an index probe. */
export const MIXED_EXPORT_TOTAL_LEVELS_SQL = 'select exists (select 1 from export_total where dataset_id = ? and length(product_code) < 6) as mixed';
