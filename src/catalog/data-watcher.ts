import pg from 'pg';
import type { DataWatcher } from './catalog';
import { localDataChanged } from './data-changes';

/** The channel `bump_data_version()` notifies when a transaction that wrote a data table commits. */
export const DATA_CHANNEL = 'tradegraph_data';

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;

/**
 * LISTEN on a connection of its own to a PostgreSQL server, so that this process hears every other
 * process's committed writes (imports by the CLI, other API nodes). The connection is outside the pool:
 * it is held for the life of the process and never runs a query. When it breaks (a restart of PostgreSQL,
 * a network cut), `live` turns false — the catalog then reads afresh for every request, since changes
 * made meanwhile would go unheard — and it reconnects with a doubling delay, capped.
 */
export class PgDataWatcher implements DataWatcher {
  private client: pg.Client | undefined;
  private changed: () => void = () => undefined;
  private stopped = false;
  private retryMs = RETRY_MIN_MS;
  private timer: NodeJS.Timeout | undefined;
  live = false;

  constructor(
    private readonly url: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  async start(changed: () => void): Promise<void> {
    this.changed = changed;
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'tradegraph data watcher' });
    // An error event without a listener would crash the process; a broken connection is handled by 'end'.
    client.on('error', () => undefined);
    client.on('notification', () => this.changed());
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`listen ${DATA_CHANNEL}`);
    } catch (error) {
      this.log(`Data watcher: cannot listen (${(error as Error).message}); retrying in ${this.retryMs} ms`);
      if (this.client === client) {
        this.client = undefined;
        this.retry();
      }
      await client.end().catch(() => undefined);
      return;
    }
    if (this.client !== client || this.stopped) return;
    this.live = true;
    this.retryMs = RETRY_MIN_MS;
    // Whatever changed while nobody listened.
    this.changed();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    const wasLive = this.live;
    this.live = false;
    if (wasLive) this.changed();
    this.retry();
  }

  private retry(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    this.live = false;
    await client?.end().catch(() => undefined);
  }
}

/** The part of a pooled `pg` connection the hook below uses. */
export interface ListeningConnection {
  on(event: 'notification', listener: (message: { channel: string }) => void): unknown;
  query(text: string): Promise<unknown>;
}

/**
 * For the pool's `afterCreate`: every pooled connection LISTENs too. A session hears its own notifications,
 * and before its statement's answer, so a write this process sends through its pool (autocommit SQL, not
 * just flushes and bulk loads) drops its catalogs before the writer goes on. It is also the only way to hear
 * writes on the embedded database, whose one session the socket serves (PGlite's own `listen` does not see
 * statements that come through the socket).
 */
export function listenOnPooledConnection<C extends ListeningConnection>(
  connection: C,
  done: (error: Error | null, connection: C) => void,
): void {
  connection.on('notification', (message) => {
    if (message.channel === DATA_CHANNEL) localDataChanged();
  });
  connection.query(`listen ${DATA_CHANNEL}`).then(
    () => done(null, connection),
    (error: Error) => done(error, connection),
  );
}
