import type { EntityManager } from '@mikro-orm/postgresql';

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

/** What the queries of a dataset's flows need to know about it. */
export interface FlowShape {
  /** It mixes HS levels (Comtrade) or not (BACI): switches the roll-up's ancestor test on. */
  mixed: boolean;
  /** Its world exports are materialised in trade_world_export (built at load for datasets of HS-6 codes alone). */
  worldRollup: boolean;
}

/** Reads a dataset's FlowShape in one statement of two index probes (trade_flow_coarse_codes and a primary key). */
export async function readFlowShape(connection: Pick<ReturnType<EntityManager['getConnection']>, 'execute'>, datasetId: number): Promise<FlowShape> {
  const [row] = await connection.execute<Array<{ mixed: boolean; world_rollup: boolean }>>(
    `select exists (select 1 from trade_flow where dataset_id = ? and length(product_code) < 6) as mixed,
            exists (select 1 from trade_world_export where dataset_id = ?) as world_rollup`,
    [datasetId, datasetId],
  );
  return { mixed: row.mixed, worldRollup: row.world_rollup };
}

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
