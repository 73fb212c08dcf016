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

/**
 * SQL condition, with its bindings, that `column` (an HS code: digits only) starts with `code`, written
 * so that a btree index on the column serves it. `LIKE 'p%'` uses such an index only under the C
 * collation, which PostgreSQL servers seldom have (C.UTF-8 and en_US are not): a 6-digit code (the
 * longest) is an equality, a shorter one the range [p, p + 1) — the same codes, since every collation
 * orders strings of digits alike — kept next to the LIKE so the result never depends on it.
 */
export function hsPrefixSql(column: string, code: string): { sql: string; params: string[] } {
  if (code === '') return { sql: 'true', params: [] };
  if (code.length === 6) return { sql: `${column} = ?`, params: [code] };
  const next = String(Number(code) + 1).padStart(code.length, '0');
  if (next.length > code.length) return { sql: `${column} >= ? and ${column} like ?`, params: [code, `${code}%`] };
  return { sql: `${column} >= ? and ${column} < ? and ${column} like ?`, params: [code, next, `${code}%`] };
}
