import 'reflect-metadata';
import { start } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './server/observability/logger';

/** `npm start`: serve the API (and, on the embedded database, migrate and seed it first). */
async function main(): Promise<void> {
  const began = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const logger = createLogger(config);
  const where =
    config.database.kind === 'embedded' ? `embedded PostgreSQL (PGlite) in ${config.database.dataDir}` : 'PostgreSQL at DATABASE_URL';
  logger.info(`tradegraph starting on ${where}…`);

  // A signal during start-up (still waiting for PostgreSQL, say) ends the wait; afterwards it stops the server.
  const starting = new AbortController();
  let stop: (() => Promise<void>) | undefined; // eslint-disable-line prefer-const -- assigned once start-up has finished, read by the signal handler declared before it
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!stop) {
      logger.info(`${signal} received during start-up; exiting`);
      starting.abort();
      process.exit(0);
    }
    logger.info(`${signal} received: no new requests; in-flight ones get ${config.shutdownGraceMs} ms to finish`);
    // Never hang on the way out: past the grace period and the cancellation, the process exits anyway.
    const force = setTimeout(() => {
      logger.error('Shutdown did not finish in time; exiting anyway.');
      process.exit(1);
    }, config.shutdownGraceMs + 10_000);
    force.unref();
    try {
      await stop();
      logger.info('Stopped.');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const running = await start(config, { logger, signal: starting.signal });
  stop = running.stop;
  const base = `http://localhost:${running.port}`;
  logger.info(`tradegraph ready in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  logger.info(`  GraphQL API and explorer: ${base}/graphql`);
  logger.info(`  Liveness / readiness:     ${base}/health, ${base}/ready; metrics: ${base}/metrics`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
