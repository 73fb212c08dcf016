import { empty, ident, int, sql, type Sql } from '../../database/sql';

/** What the queries of a dataset's trade rows (flows or exporter totals) need to know about it: the catalog's datasets carry it (src/catalog). */
export interface FlowShape {
  /** It mixes HS levels (Comtrade) or not (BACI): switches the roll-up's ancestor test on. */
  mixed: boolean;
  /** Its world exports are materialised in trade_world_export (built at load for datasets of HS-6 codes alone). */
  worldRollup: boolean;
  /** It has a partition of trade_import_market (built at load for datasets of HS-6 codes alone); see `readsImportMarkets`. */
  importMarkets: boolean;
}

/**
 * Whether import-source figures of a dataset of this shape may come from trade_import_market: it has the
 * partition, and its codes are of one level (a mixed dataset never gets one, but its export totals may make it
 * mixed too). Where not, they come from the flows.
 */
export function readsImportMarkets(shape: FlowShape): boolean {
  return shape.importMarkets && !shape.mixed;
}

/**
 * SQL condition on row `f` implementing METRICS.md's HS roll-up at level `level` (2, 4 or 6): a row
 * counts towards its `level`-digit product only when no other row of the same dataset, year, exporter
 * and importer has a code that is a shorter prefix of its own and at least `level` digits long — so a
 * heading and its own subheadings are never added, while codes of different branches still are. Codes
 * shorter than `level` cannot be split and do not count. `mixedLevels` false (a dataset of HS-6 codes
 * only, like BACI) skips the ancestor test, which can never match there. `table` is where the rows are:
 * trade_flow, or export_total, whose rows have no importer (the test then matches exporters alone).
 */
export function hsRollup(level: number, mixedLevels: boolean, table: 'trade_flow' | 'export_total' = 'trade_flow'): Sql {
  const n = int(level, { min: 2, max: 6 });
  const base = sql`length(f.product_code) >= ${n}`;
  if (!mixedLevels) return base;
  const sameImporter = table === 'trade_flow' ? sql`and a.importer_id = f.importer_id` : empty;
  return sql`${base} and not exists (
      select 1 from ${ident(table, ['trade_flow', 'export_total'])} a where a.dataset_id = f.dataset_id and a.year = f.year and a.exporter_id = f.exporter_id
        ${sameImporter} and length(a.product_code) >= ${n} and length(a.product_code) < length(f.product_code)
        and f.product_code like a.product_code || '%')`;
}

/**
 * SQL condition that `column` (an HS code: digits only) starts with `code`, written so that a btree index
 * on the column serves it. `LIKE 'p%'` uses such an index only under the C collation, which PostgreSQL
 * servers seldom have (C.UTF-8 and en_US are not): a 6-digit code (the longest) is an equality, a shorter
 * one the range [p, p + 1) — the same codes, since every collation orders strings of digits alike — kept
 * next to the LIKE so the result never depends on it.
 */
export function hsPrefix(column: Sql, code: string): Sql {
  if (code === '') return sql`true`;
  if (code.length === 6) return sql`${column} = ${code}`;
  const next = String(Number(code) + 1).padStart(code.length, '0');
  if (next.length > code.length) return sql`${column} >= ${code} and ${column} like ${`${code}%`}`;
  return sql`${column} >= ${code} and ${column} < ${next} and ${column} like ${`${code}%`}`;
}
