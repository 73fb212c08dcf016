import type { BulkSession } from '../../../database/bulk/bulk-session';

/**
 * Runs `work` with a temporary table `table` (columns as DDL) to stage one file's rows in, dropping it
 * afterwards. runImport loads every file of a command in one transaction, so the next file's target must
 * find the name free again: ON COMMIT DROP alone frees it only at commit.
 */
export async function withStaging<T>(session: BulkSession, table: string, columns: string, work: () => Promise<T>): Promise<T> {
  await session.query(`create temp table ${table} (${columns}) on commit drop`);
  const result = await work();
  await session.query(`drop table ${table}`);
  return result;
}

/**
 * The first key (by line) that a staged file repeats, with the lines holding it in order, or undefined:
 * a dataset holds one row per key, and the error names the line that repeats it.
 */
export async function firstRepeatedKey<K extends object>(
  session: BulkSession,
  table: string,
  keyColumns: readonly string[],
  lineColumn: string,
): Promise<(K & { lines: number[] }) | undefined> {
  const keys = keyColumns.join(', ');
  const [row] = await session.query<K & { lines: number[] }>(
    `select ${keys}, array_agg(${lineColumn} order by ${lineColumn}) as lines from ${table}
     group by ${keys} having count(*) > 1 order by min(${lineColumn}) limit 1`,
  );
  return row;
}
