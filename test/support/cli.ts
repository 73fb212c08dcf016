import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase } from './test-database';

/** The project root (where package.json and scripts/ are). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Runs a command as `npm run <name> -- …` does (scripts/cli.mjs: the compiled JavaScript of src/cli/<name>.ts,
 * rebuilt first when src/ changed), in the project root, with `env` (the test's database), and waits for it.
 */
export function runCommand(name: string, args: readonly string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'cli.mjs'), name, ...args], {
    cwd: PROJECT_ROOT,
    env,
    encoding: 'utf8',
    // A first run after an edit compiles dist/ (incremental tsc) before the command starts.
    timeout: 240_000,
  });
}

/**
 * The environment a CLI test's commands run in: a database of the test's own on the DATABASE_URL server
 * (migrated on use), or an embedded one on disk under `dir` — a command is a process of its own, so an
 * in-memory database would not be the one it opens. `drop` removes the server's database afterwards.
 */
export async function cliDatabase(dir: string): Promise<{ env: NodeJS.ProcessEnv; drop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase();
    return { env: { ...process.env, ...database.env, MIGRATE_ON_START: 'true' }, drop: () => database.drop() };
  }
  const env: NodeJS.ProcessEnv = { ...process.env, TRADEGRAPH_DATA_DIR: path.join(dir, 'db') };
  delete env.DATABASE_URL;
  return { env, drop: async () => undefined };
}
