import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import type { EntityDictionary, EntityName } from '@mikro-orm/core';
import { queryRows } from './query';
import type { Sql } from './sql';

/** A child row loaded for a parent key by a batched statement. */
export interface ParentedEntity<K, T> {
  parent: K;
  entity: T;
}

/** A row of such a statement: the entity's columns, its parent key and (when numbered per parent) `__rn`. */
type ParentedRow<K, T> = { __parent: K; __rn?: unknown } & EntityDictionary<T>;

/**
 * Runs a batched statement whose rows are full rows of `entity` plus a `__parent` column, and maps them to
 * managed entities. This is how one statement serves every parent of a DataLoader batch.
 */
export async function findWithParent<K, T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  statement: Sql,
): Promise<Array<ParentedEntity<K, T>>> {
  const rows = await queryRows<ParentedRow<K, T>>(em, statement);
  // The rest of a generic row is an Omit<…> TypeScript cannot relate back to the entity's columns.
  return rows.map(({ __parent, __rn, ...columns }) => ({ parent: __parent, entity: em.map(entity, columns as EntityDictionary<T>) }));
}

/**
 * Adds a condition written with the `sql` tag to a QueryBuilder's where clause (ANDed with the others), its
 * bindings with it. The QueryBuilder's alias is the table's name in the condition.
 */
export function andWhereSql<T extends object>(qb: QueryBuilder<T>, condition: Sql): QueryBuilder<T> {
  const { sql, params } = condition.toMikro();
  return qb.andWhere(sql, params);
}
