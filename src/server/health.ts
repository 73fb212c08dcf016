import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';

/**
 * GET /health — liveness: 200 while the process serves HTTP, whatever the database does (an orchestrator
 * restarts a process that fails this; restarting tradegraph never mends PostgreSQL). Says nothing about
 * internals.
 */
export function healthHandler(isShuttingDown: () => boolean): RequestHandler {
  return (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (isShuttingDown()) res.status(503).json({ status: 'shutting_down' });
    else res.json({ status: 'ok' });
  };
}

/** How long /ready waits for the database before calling it unreachable, and reuses an answer. */
const READY_TIMEOUT_MS = 2000;
const READY_CACHE_MS = 1000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * GET /ready — readiness: 200 `{status: "ready"}` when the database answers and every migration of this
 * build has been applied; else 503 with a one-word reason (`database`, `migrations`, `shutting_down`) —
 * never a host, a message or a stack. A load balancer sends traffic only to ready processes.
 */
export function readyHandler(orm: MikroORM, isShuttingDown: () => boolean): RequestHandler {
  // One check at a time, shared by the probes that arrive while it runs, and a 'ready' reused for a second:
  // a flood of probes costs the database about one check a second, not one per probe (each reads the
  // migration table; the embedded database has one connection). A failure is never reused, so the probe
  // after PostgreSQL comes back sees it.
  let running: Promise<'ready' | 'database' | 'migrations'> | undefined;
  let readyAt = -Infinity;
  const readiness = async () => {
    if (Date.now() - readyAt < READY_CACHE_MS) return 'ready' as const;
    running ??= withTimeout(orm.getMigrator().getPendingMigrations(), READY_TIMEOUT_MS)
      .then(
        (pending) => (pending.length > 0 ? ('migrations' as const) : ('ready' as const)),
        () => 'database' as const,
      )
      .then((state) => {
        if (state === 'ready') readyAt = Date.now();
        running = undefined;
        return state;
      });
    return running;
  };
  return async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (isShuttingDown()) {
      res.status(503).json({ status: 'unavailable', reason: 'shutting_down' });
      return;
    }
    // The migrator compares this build's migration files with the applied ones in the database.
    const state = await readiness();
    if (state === 'ready') res.json({ status: 'ready' });
    else res.status(503).json({ status: 'unavailable', reason: state });
  };
}
