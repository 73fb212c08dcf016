/**
 * SQL condition on flow `f` implementing METRICS.md's HS roll-up at level `level` (2, 4 or 6): a flow
 * counts towards its `level`-digit product only when no other flow of the same dataset, year, exporter
 * and importer has a code that is a shorter prefix of its own and at least `level` digits long — so a
 * heading and its own subheadings are never added, while codes of different branches still are. Codes
 * shorter than `level` cannot be split and do not count. `mixedLevels` false (a dataset of HS-6 codes
 * only, like BACI) skips the ancestor test, which can never match there.
 */
export function hsRollupCondition(level: number, mixedLevels: boolean): string {
  const base = `length(f.product_code) >= ${level}`;
  if (!mixedLevels) return base;
  return `${base} and not exists (
      select 1 from trade_flow a where a.dataset_id = f.dataset_id and a.year = f.year and a.exporter_id = f.exporter_id
        and a.importer_id = f.importer_id and length(a.product_code) >= ${level} and length(a.product_code) < length(f.product_code)
        and f.product_code like a.product_code || '%')`;
}

/**
 * SQL (one parameter: the dataset id) telling whether a dataset mixes HS levels (Comtrade) or not (BACI);
 * an index probe on the partial index trade_flow_coarse_codes.
 */
export const MIXED_LEVELS_SQL = 'select exists (select 1 from trade_flow where dataset_id = ? and length(product_code) < 6) as mixed';
