import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from './sql';

/**
 * Runs a statement written with the `sql` tag on the EntityManager's connection (inside its transaction,
 * if it has one) and returns its rows as `R`.
 *
 * `R` is the shape the statement's select list gives (column aliases are the row's property names): this is
 * the one place a database row is asserted to a type. Each `*.sql.ts` pairs its statement with its row type
 * and the function that maps rows to domain values, so a caller never sees a raw row.
 */
export async function queryRows<R extends object>(em: EntityManager, statement: Sql): Promise<R[]> {
  const { sql, params } = statement.toMikro();
  return em.getConnection().execute<R[]>(sql, params, 'all', em.getTransactionContext());
}

/** The single row of a statement that returns exactly one (an aggregate without GROUP BY). */
export async function queryRow<R extends object>(em: EntityManager, statement: Sql): Promise<R> {
  const rows = await queryRows<R>(em, statement);
  if (rows.length !== 1) throw new Error(`queryRow: expected one row, got ${rows.length}`);
  return rows[0];
}
