import type { Dictionary } from '@mikro-orm/core';
import type { QueryBuilder } from '@mikro-orm/postgresql';
import { decodeCursor, resolvePageSize, toConnection, type CursorKey, type PageArgs } from './pagination';

export interface KeysetOptions<T> {
  /** Property (primary key) the connection is ordered and keyed by. */
  keyProperty: string;
  keyKind: 'string' | 'number';
  keyOf: (row: T) => CursorKey;
  maxPageSize: number;
}

/**
 * Keyset pagination over a filtered query: ordered by the primary key, `after` resumes strictly after
 * the cursor's key, so pages never skip or repeat a row even while rows are added. The total count
 * runs only if the client selects `totalCount`.
 */
export async function paginate<T extends object>(qb: QueryBuilder<T>, args: PageArgs, options: KeysetOptions<T>) {
  const first = resolvePageSize(args.first, options.maxPageSize);
  const after = args.after != null ? decodeCursor(args.after, options.keyKind) : undefined;
  const countQuery = qb.clone();
  // Conditions keyed by a property name known only at run time: MikroORM takes them as a Dictionary.
  const resumeAfter: Dictionary = { [options.keyProperty]: { $gt: after } };
  const byKey: Dictionary = { [options.keyProperty]: 'asc' };
  if (after !== undefined) qb.andWhere(resumeAfter);
  qb.orderBy(byKey).limit(first + 1);
  const rows = await qb.getResultList();
  return toConnection(rows, first, after !== undefined, options.keyOf, () => countQuery.getCount());
}
