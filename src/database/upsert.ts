import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A knex query on `table` that runs inside the EntityManager's current transaction, if it has one.
 * (`em.getKnex()` alone is not bound to the transaction; on the one-connection embedded database an
 * unbound query inside a transaction would wait for the connection forever.)
 */
export function tableQuery(em: EntityManager, table: string) {
  const query = em.getKnex()(table);
  const trx = em.getTransactionContext();
  return trx ? query.transacting(trx) : query;
}

/**
 * Inserts rows (snake_case column names) or, on a key conflict, updates them: seeding the same reference
 * data twice leaves one copy. Batched so a statement never exceeds PostgreSQL's 65,535 parameters.
 */
export async function upsertRows(
  em: EntityManager,
  table: string,
  rows: Array<Record<string, unknown>>,
  conflictColumns: string[],
  mode: 'merge' | 'ignore' = 'merge',
): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]).length;
  const batch = Math.max(1, Math.floor(60_000 / perRow));
  for (let i = 0; i < rows.length; i += batch) {
    const insert = tableQuery(em, table)
      .insert(rows.slice(i, i + batch))
      .onConflict(conflictColumns);
    await (mode === 'merge' ? insert.merge() : insert.ignore());
  }
}
