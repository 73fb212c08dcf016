import { Gauge, type Registry } from 'prom-client';
import type { DatasetStats, PoolStats } from './database-sources';

/** How the database gauges read the database: both optional (a server without them omits the series). */
export interface DatabaseSources {
  /** Pool counts, read synchronously at each scrape (see `poolStatsOf`). */
  pool?: () => PoolStats | undefined;
  /** The `dataset` table by kind (see `datasetStatsOf`). */
  datasets?: () => Promise<DatasetStats[]>;
  /** Longest a scrape waits for `datasets` before leaving its series out (default 1000 ms). */
  datasetsTimeoutMs?: number;
}

/** Resolves with undefined when the promise rejects or takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms).unref();
  });
  try {
    return await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Registers the gauges read from the database at scrape time: pool in use / waiting / size, and
 * datasets, rows and last import by kind. A scrape never fails or hangs on the database: when the
 * dataset statement fails or outlasts the time box, those series are left out of that scrape. At most
 * one dataset statement runs at a time: a scrape that finds one still running waits on it.
 */
export function registerDatabaseGauges(prefix: string, registry: Registry, sources: DatabaseSources): void {
  const { pool, datasets } = sources;
  if (pool) {
    const poolGauge = (name: string, help: string, read: (s: PoolStats) => number) =>
      new Gauge({
        name: `${prefix}${name}`,
        help,
        registers: [registry],
        collect() {
          // A closed ORM has no pool: keep the last value rather than claim zero connections.
          const stats = pool();
          if (stats) this.set(read(stats));
        },
      });
    poolGauge('db_pool_in_use', 'Database connections checked out by a statement or transaction.', (s) => s.used);
    poolGauge('db_pool_waiting', 'Requests for a database connection waiting for one to be free.', (s) => s.pending);
    poolGauge('db_pool_size', 'Open database connections (in use and idle).', (s) => s.used + s.free);
  }
  if (!datasets) return;

  const timeoutMs = sources.datasetsTimeoutMs ?? 1000;
  let running: Promise<DatasetStats[]> | undefined;
  let scrape: Promise<DatasetStats[] | undefined> | undefined;
  // The three gauges are collected in the same tick of one scrape: they share one read.
  const snapshot = () => {
    if (!running) {
      running = Promise.resolve().then(datasets);
      running.then(
        () => (running = undefined),
        () => (running = undefined),
      );
    }
    scrape ??= within(running, timeoutMs).finally(() => (scrape = undefined));
    return scrape;
  };
  const datasetGauge = (name: string, help: string, read: (s: DatasetStats) => number) =>
    new Gauge({
      name: `${prefix}${name}`,
      help,
      labelNames: ['kind'],
      registers: [registry],
      async collect() {
        const stats = await snapshot();
        this.reset();
        for (const s of stats ?? []) this.set({ kind: s.kind }, read(s));
      },
    });
  datasetGauge('datasets', 'Datasets loaded, by kind (from the dataset table).', (s) => s.datasets);
  datasetGauge('dataset_rows', 'Rows loaded, by dataset kind.', (s) => s.rows);
  datasetGauge('last_import_timestamp_seconds', 'When the latest load of each dataset kind finished (Unix time).', (s) => s.lastImportedAt);
}
