import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { findWithParent } from '../database/raw';
import { ident, list, sql, type Sql } from '../database/sql';

/** Largest batch one SQL statement is given; DataLoader splits bigger batches. */
export const MAX_BATCH = 1000;

/** Orders `rows` to match `keys` (one row or null per key), as DataLoader requires. */
export function alignOne<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): Array<V | null> {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Groups `rows` by parent key, in the order of `keys` (an empty list for a parent without rows). */
export function alignMany<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const byKey = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

/**
 * DataLoaders that also depend on field arguments (e.g. a disclosure date, a limit): one loader per
 * distinct argument value, created on first use, so each argument value costs one statement per level.
 */
export class LoaderFamily<A, K, V> {
  private readonly loaders = new Map<string, DataLoader<K, V>>();

  constructor(private readonly create: (args: A) => DataLoader<K, V>) {}

  /** The loader for these arguments. */
  with(args: A): DataLoader<K, V> {
    const id = JSON.stringify(args);
    let loader = this.loaders.get(id);
    if (!loader) {
      loader = this.create(args);
      this.loaders.set(id, loader);
    }
    return loader;
  }
}

/**
 * A loader of entities by primary key: one `WHERE key IN (…)` per batch, null for a key with no row.
 */
export function byPrimaryKey<T extends object, K extends string | number>(
  em: EntityManager,
  entity: EntityName<T>,
  key: keyof T & string,
): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(
    async (keys) =>
      alignOne(keys, await em.find(entity, { [key]: { $in: [...keys] } } as FilterQuery<T>), (row) => row[key] as unknown as K),
    { maxBatchSize: MAX_BATCH },
  );
}

/**
 * A loader of entity lists by parent key, from one SQL statement per batch. `statement(keys)` selects
 * `__parent` plus the entity's columns for those parent keys (e.g. `… where t.brand_id in (${list(keys)})`).
 */
export function listByParent<K, T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  statement: (keys: readonly K[]) => Sql,
): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(
    async (keys) => {
      const rows = await findWithParent<K, T>(em, entity, statement(keys));
      return alignMany(keys, rows, (r) => (typeof r.parent === 'string' ? (r.parent.trim() as K) : r.parent)).map((children) =>
        children.map((r) => r.entity),
      );
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** The child tables `firstChildrenByParent` may read, and their parent foreign keys (pasted as identifiers). */
const CHILD_TABLES = ['facility', 'brand'] as const;
const PARENT_COLUMNS = ['country_id', 'hq_country_id', 'manufacturer_id'] as const;

/**
 * A family of loaders (one per `limit`) of the first `limit` rows of `table` per parent foreign key, by id,
 * each batch in one statement (row_number() over the parent).
 */
export function firstChildrenByParent<K, T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  table: (typeof CHILD_TABLES)[number],
  parentColumn: (typeof PARENT_COLUMNS)[number],
) {
  const from = ident(table, CHILD_TABLES);
  const parent = sql`t.${ident(parentColumn, PARENT_COLUMNS)}`;
  return new LoaderFamily<{ limit: number }, K, T[]>(({ limit }) =>
    listByParent<K, T>(
      em,
      entity,
      (keys) => sql`select * from (
            select ${parent} as __parent, t.*, row_number() over (partition by ${parent} order by t.id) as __rn
            from ${from} t where ${parent} in (${list(keys)})
          ) s where s.__rn <= ${limit} order by s.__parent, s.__rn`,
    ),
  );
}
