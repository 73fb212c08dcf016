import pg from 'pg';
import { isDatabaseUnavailable } from './database-errors';

export interface WaitOptions {
  /** Give up after this long (ms); the caller then exits with the last error. */
  maxWaitMs: number;
  /** First pause between attempts (ms); doubled after each failure up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  log: (message: string) => void;
  /** Stops waiting (SIGTERM during start-up). */
  signal?: AbortSignal;
}

/** The URL without its password, for log lines. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Waits until the PostgreSQL server at `url` accepts a connection and answers `select 1`, with bounded
 * exponential backoff (0.25 s doubling to 5 s) and one log line per failed attempt. A server that is
 * down when tradegraph starts (a restart, an orchestrator starting both at once) is waited for instead of
 * ending the process; an error that is not about reachability (a wrong password, a missing database)
 * fails at once, since waiting cannot mend it.
 */
export async function waitForDatabase(url: string, options: WaitOptions): Promise<void> {
  const started = Date.now();
  let delay = options.initialDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5000;
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      if (attempt > 1) options.log(`PostgreSQL at ${redactUrl(url)} is reachable after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const waited = Date.now() - started;
      if (waited + delay > options.maxWaitMs || options.signal?.aborted) {
        throw new Error(
          `PostgreSQL at ${redactUrl(url)} was not reachable within ${Math.round(waited / 1000)} s (${attempt} attempts): ${(error as Error).message}`,
          { cause: error },
        );
      }
      options.log(
        `PostgreSQL at ${redactUrl(url)} is not reachable (${(error as Error).message}); attempt ${attempt}, retrying in ${(delay / 1000).toFixed(2)} s`,
      );
      await sleep(delay, options.signal);
      delay = Math.min(delay * 2, maxDelay);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
