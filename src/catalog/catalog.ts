import type { CatalogCountry, CatalogDataset, CatalogRows, DefaultDatasetMark } from './catalog.sql';
import { onLocalDataChange } from './data-changes';

export type { CatalogCountry, CatalogDataset, DefaultDatasetMark } from './catalog.sql';

/**
 * What the database holds, as of one data version: the datasets (what each holds, the shape of its rows),
 * the countries with their regions, the groups with their members, the HS codes. Arguments are checked and
 * queries shaped from it without a statement; it never changes (a change of the data makes a new one).
 */
export class CatalogSnapshot {
  /** The data version (`data_version`): changes with every committed write of a data table. */
  readonly version: string;
  readonly datasets: readonly CatalogDataset[];
  /** The default trade dataset as marked (by name, and version when given); null when none is (see modules/dataset/trade-dataset.ts). */
  readonly defaultMark: DefaultDatasetMark | null;
  private readonly datasetsById: ReadonlyMap<number, CatalogDataset>;
  private readonly countries: ReadonlyMap<string, CatalogCountry>;
  private readonly groups: ReadonlyMap<string, readonly string[]>;
  private readonly products: ReadonlySet<string>;
  private readonly regions: Readonly<Record<'region' | 'sub_region', readonly string[]>>;

  constructor(rows: CatalogRows) {
    this.version = rows.version;
    this.datasets = rows.datasets;
    this.defaultMark = rows.defaultMark;
    this.datasetsById = new Map(rows.datasets.map((d) => [d.id, d]));
    this.countries = new Map(rows.countries.map((c) => [c.id, c]));
    this.groups = new Map(Object.entries(rows.groups));
    this.products = new Set(rows.products === '' ? [] : rows.products.split(','));
    // Once per snapshot, not per filter that names a region.
    const names = (pick: (c: CatalogCountry) => string | null) =>
      [...new Set(rows.countries.map(pick).filter((n): n is string => n !== null))].sort();
    this.regions = { region: names((c) => c.region), sub_region: names((c) => c.subRegion) };
  }

  dataset(id: number): CatalogDataset | undefined {
    return this.datasetsById.get(id);
  }

  country(id: string): CatalogCountry | undefined {
    return this.countries.get(id);
  }

  /** A group's members (ids in order), by its code as stored (upper case); undefined when there is no such group. */
  groupMembers(code: string): readonly string[] | undefined {
    return this.groups.get(code);
  }

  groupCodes(): string[] {
    return [...this.groups.keys()].sort();
  }

  hasProduct(code: string): boolean {
    return this.products.has(code);
  }

  /** The UN M49 names of a level that some country has, in order. */
  regionNames(level: 'region' | 'sub_region'): readonly string[] {
    return this.regions[level];
  }
}

/** How a catalog learns that the database changed under it (PostgreSQL's LISTEN, see ./data-watcher). */
export interface DataWatcher {
  /** Whether a change would be heard now: while false, nothing is kept between requests. */
  readonly live: boolean;
  /** Starts listening; `changed` is called on every notification and whenever listening starts or stops. */
  start(changed: () => void): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The process-wide catalog: one snapshot, read in one statement when first needed after a change, shared by
 * every request. It is dropped when this process commits a write (./data-changes) and when another process
 * does (a `DataWatcher`). Without a live watcher on a shared server (its LISTEN connection is down or not up
 * yet), a snapshot serves one request only, so that a change is never missed.
 */
export class Catalog {
  private current: Promise<CatalogSnapshot> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly read: () => Promise<CatalogRows>,
    /** Absent where no other process writes the database (the embedded one, a CLI's short run). */
    private readonly watcher?: DataWatcher,
  ) {}

  /** Subscribes to this process's writes and starts the watcher. */
  async start(): Promise<void> {
    this.unsubscribe = onLocalDataChange(() => this.invalidate());
    await this.watcher?.start(() => this.invalidate());
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.watcher?.stop();
  }

  /** The current snapshot: the one in memory, or read now (concurrent callers share one read). */
  snapshot(): Promise<CatalogSnapshot> {
    if (this.current) return this.current;
    const loading = this.read().then((rows) => new CatalogSnapshot(rows));
    // A failed read is not kept: the next request tries again.
    loading.catch(() => this.current === loading && this.invalidate());
    if (!this.watcher || this.watcher.live) this.current = loading;
    return loading;
  }

  /** Drops the snapshot: the next request reads the database again. */
  invalidate(): void {
    this.current = undefined;
  }
}
