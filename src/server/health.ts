import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';

/** GET /health: 200 when the database answers, 503 otherwise. For load balancers and orchestration. */
export function healthHandler(orm: MikroORM, databaseKind: 'embedded' | 'server'): RequestHandler {
  return async (_req, res) => {
    const started = Date.now();
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.setHeader('Cache-Control', 'no-store');
      res.json({ status: 'ok', database: databaseKind, latencyMs: Date.now() - started });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', database: databaseKind, error: error instanceof Error ? error.message : String(error) });
    }
  };
}
