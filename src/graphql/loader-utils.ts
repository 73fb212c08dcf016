import DataLoader from 'dataloader';

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

/** `?, ?, ?` for `n` bindings of an IN list. */
export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
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
