import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

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
