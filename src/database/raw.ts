import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';

/** A child row loaded for a parent key by a batched statement. */
export interface ParentedEntity<K, T> {
  parent: K;
  entity: T;
}

/**
 * Runs a batched SQL statement whose rows are full rows of `entity` plus a `__parent` column, and maps
 * them to managed entities. This is how one statement serves every parent of a DataLoader batch.
 */
export async function findWithParent<K, T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  sql: string,
  params: unknown[],
): Promise<Array<ParentedEntity<K, T>>> {
  const rows: Array<Record<string, unknown>> = await em.getConnection().execute(sql, params as never[], 'all');
  return rows.map(({ __parent, __rn, ...columns }) => ({ parent: __parent as K, entity: em.map(entity, columns as never) as T }));
}
