import 'reflect-metadata';
import { start } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';

/** `npm start`: serve the API (and, on the embedded database, migrate and seed it first). */
async function main(): Promise<void> {
  const began = Date.now();
  const config = loadConfig();
  const where = config.database.kind === 'embedded' ? `embedded PostgreSQL (PGlite) in ${config.database.dataDir}` : 'PostgreSQL at DATABASE_URL';
  console.log(`tradegraph starting on ${where}…`);
  const running = await start(config);
  const base = `http://localhost:${running.port}`;
  console.log(`tradegraph ready in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  console.log(`  GraphQL API and explorer: ${base}/graphql`);
  console.log(`  Health:                   ${base}/health`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down…`);
    // Never hang on the way out: in-flight requests get a grace period, then the process exits anyway.
    const force = setTimeout(() => {
      console.error('Shutdown took over 15 s; exiting anyway.');
      process.exit(1);
    }, 15_000);
    force.unref();
    await running.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
