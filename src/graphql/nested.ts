import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type Sql } from '../database/sql';
import { LoaderFamily, listByParent } from './loader-utils';
import { checkFirst } from './pagination';

/** Default and maximum number of items in a nested list field (e.g. `Country.facilities`). */
export const NESTED_DEFAULT = 100;
export const NESTED_MAX = 1000;

/** How many items a list field returns when `first` is absent, and the most it returns. */
export interface ListBound {
  readonly default: number;
  readonly max: number;
}

/** The bound of most nested lists. */
export const NESTED_BOUND: ListBound = { default: NESTED_DEFAULT, max: NESTED_MAX };

const NESTED_ADVICE = 'a nested list is not paged: use the root connection to page further';

/** Validates the `first` argument of a nested list field. */
export function nestedLimit(first: number | null | undefined): number {
  return boundedFirst(first, NESTED_BOUND);
}

/** `first` of a list with its own bound: the default when absent, PAGE_SIZE_TOO_LARGE above the maximum. */
export function boundedFirst(first: number | null | undefined, bound: ListBound): number {
  if (first == null) return bound.default;
  return checkFirst(first, bound.max, NESTED_ADVICE);
}

/** Description of a `first` argument with this bound; `order` says which items come first. */
export function firstDescription(bound: ListBound, order = 'in the order of the list'): string {
  return `At most this many items, the first ones ${order} (default ${bound.default}, max ${bound.max}).`;
}

export const NESTED_FIRST_DESCRIPTION = firstDescription(NESTED_BOUND, 'by id');

/**
 * A family of loaders (one per `limit`) of the first `limit` children of each parent, each batch in one
 * statement. `children(keys)` selects `__parent` and the entity's columns (as for `listByParent`); the rows
 * are numbered per parent by `orderBy` (columns of that select, e.g. sql`s.id`), so the limit applies to each
 * parent and never to the batch as a whole.
 */
export function firstPerParent<K, T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  children: (keys: readonly K[]) => Sql,
  orderBy: Sql,
) {
  return new LoaderFamily<{ limit: number }, K, T[]>(({ limit }) =>
    listByParent<K, T>(
      em,
      entity,
      (keys) => sql`select * from (
          select s.*, row_number() over (partition by s.__parent order by ${orderBy}) as __rn from (${children(keys)}) s
        ) r where r.__rn <= ${limit} order by r.__parent, r.__rn`,
    ),
  );
}
