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

/** How long /ready waits for the database before calling it unreachable. */
const READY_TIMEOUT_MS = 2000;

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
  return async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (isShuttingDown()) {
      res.status(503).json({ status: 'unavailable', reason: 'shutting_down' });
      return;
    }
    try {
      // The migrator compares this build's migration files with the applied ones in the database.
      const pending = await withTimeout(orm.getMigrator().getPendingMigrations(), READY_TIMEOUT_MS);
      if (pending.length > 0) {
        res.status(503).json({ status: 'unavailable', reason: 'migrations' });
        return;
      }
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database' });
    }
  };
}
