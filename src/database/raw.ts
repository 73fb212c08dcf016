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

export interface LimitedChildrenQuery<K> {
  table: string;
  parentColumn: string;
  parentKeys: readonly K[];
  /** At most this many children per parent, the first ones by `orderColumn`. */
  limit: number;
  orderColumn?: string;
}

/** Loads up to `limit` children per parent in one statement (row_number() over the parent partition). */
export function findChildrenLimited<K, T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  query: LimitedChildrenQuery<K>,
): Promise<Array<ParentedEntity<K, T>>> {
  const order = query.orderColumn ?? 'id';
  const list = query.parentKeys.map(() => '?').join(', ');
  const sql = `select * from (
      select t.${query.parentColumn} as __parent, t.*,
             row_number() over (partition by t.${query.parentColumn} order by t.${order}) as __rn
      from ${query.table} t where t.${query.parentColumn} in (${list})
    ) s where s.__rn <= ? order by s.__parent, s.__rn`;
  return findWithParent<K, T>(em, entity, sql, [...query.parentKeys, query.limit]);
}
