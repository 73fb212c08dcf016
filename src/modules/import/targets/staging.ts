import type { BulkSession } from '../../../database/bulk/bulk-session';
import { ident, join, sql, type Sql } from '../../../database/sql';

/** The temporary tables import targets stage a file's rows in, one per target. */
export const STAGING_TABLES = ['import_disclosure', 'import_export_total', 'import_osh_facility', 'import_product'] as const;
export type StagingTable = (typeof STAGING_TABLES)[number];

/** A staging table's name, as SQL text. */
export function stagingTable(name: StagingTable): Sql {
  return ident(name, STAGING_TABLES);
}

/**
 * Runs `work` with a temporary table `table` (`columns` a constant fragment of column DDL) to stage one
 * file's rows in, dropping it afterwards. runImport loads every file of a command in one transaction, so
 * the next file's target must find the name free again: ON COMMIT DROP alone frees it only at commit.
 */
export async function withStaging<T>(session: BulkSession, table: Sql, columns: Sql, work: () => Promise<T>): Promise<T> {
  await session.query(sql`create temp table ${table} (${columns}) on commit drop`);
  const result = await work();
  await session.query(sql`drop table ${table}`);
  return result;
}

/** Columns that hold a staged row's source line. */
const LINE_COLUMNS = ['line', 'source_line'] as const;

/**
 * The first key (by line) that a staged file repeats, with the lines holding it in order, or undefined:
 * a dataset holds one row per key, and the error names the line that repeats it. The key columns are the
 * row type's own property names.
 */
export async function firstRepeatedKey<K extends object>(
  session: BulkSession,
  table: Sql,
  keyColumns: ReadonlyArray<keyof K & string>,
  lineColumn: (typeof LINE_COLUMNS)[number],
): Promise<(K & { lines: number[] }) | undefined> {
  const keys = join(keyColumns.map((column) => ident(column, keyColumns)));
  const line = ident(lineColumn, LINE_COLUMNS);
  const [row] = await session.query<K & { lines: number[] }>(
    sql`select ${keys}, array_agg(${line} order by ${line}) as lines from ${table}
     group by ${keys} having count(*) > 1 order by min(${line}) limit 1`,
  );
  return row;
}
