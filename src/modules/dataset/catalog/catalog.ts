import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * What the API knows about the database's datasets and reference data, read once per version.
 * Immutable: a reload builds a new snapshot.
 */
export interface CatalogSnapshot {
  /** The catalog version this snapshot was read at (changes whenever an import or seed commits). */
  readonly version: string;
}

/**
 * The process-wide catalog: one per process (server bootstrap, CLI export, test app) over one ORM.
 * (Skeleton committed first so that the response cache can code against it; loading follows.)
 */
export class Catalog {
  private snapshot: CatalogSnapshot | null = null;
  private loading: Promise<CatalogSnapshot> | null = null;
  private readonly listeners = new Set<(version: string) => void>();

  constructor(private readonly orm: MikroORM) {}

  /** The current snapshot (loaded on first use, reloaded after an invalidation). */
  current(): Promise<CatalogSnapshot> {
    if (this.snapshot) return Promise.resolve(this.snapshot);
    this.loading ??= this.load();
    return this.loading;
  }

  /** The version of the snapshot in memory, or null before the first load: synchronous, for cache keys. */
  versionNow(): string | null {
    return this.snapshot?.version ?? null;
  }

  /** Drops the snapshot (the next current() reloads); called after a local commit and on NOTIFY. */
  invalidate(): void {
    this.snapshot = null;
    this.loading = null;
  }

  /** Called after every change of version (listener returns an unsubscribe). */
  onChange(listener: (version: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async load(): Promise<CatalogSnapshot> {
    void this.orm;
    const snapshot: CatalogSnapshot = { version: '0' };
    this.snapshot = snapshot;
    return snapshot;
  }
}
