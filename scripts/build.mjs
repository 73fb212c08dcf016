// Builds dist/ (tsc -p tsconfig.build.json, incremental) when the sources changed since the last successful
// build, so that the commands (scripts/cli.mjs) and `npm start` run compiled JavaScript that is never stale.
//
// "Changed" is a signature of every file under src/, migrations/ and seeds/ and the tsconfig files (its path,
// size and mtime; a file deleted or renamed changes the list of paths), compared with the one stored in
// dist/.build-stamp.json after the last build that succeeded. About 300 stat calls: a few milliseconds.
// Plain JavaScript on purpose: it must run before anything is compiled.
//
//   node scripts/build.mjs           build if stale (prestart)
//   node scripts/build.mjs --force   always run tsc (npm run build)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The exit codes of src/cli/run-cli.ts (EXIT), which this file cannot import before it is compiled. */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2, INVALID_INPUT: 3 };

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the build reads: compiled directories and the compiler's configuration. */
const SOURCE_DIRS = ['src', 'migrations', 'seeds'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json'];

/** A build that failed, with the compiler's output; the launcher prints it and exits 1. */
export class BuildError extends Error {}

/** The signature of the build's inputs under `base` (see the top of this file). */
export function sourceSignature(base = root) {
  const hash = createHash('sha1');
  // A directory counts by the names in it (not its own mtime, which a copy or a checkout sets at will).
  const add = (rel) => {
    const stat = fs.statSync(path.join(base, rel), { throwIfNoEntry: false });
    if (!stat) hash.update(`${rel}\0missing\n`);
    else if (stat.isDirectory()) {
      hash.update(`${rel}/\n`);
      for (const name of fs.readdirSync(path.join(base, rel)).sort()) add(`${rel}/${name}`);
    } else hash.update(`${rel}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const entry of [...SOURCE_FILES, ...SOURCE_DIRS]) add(entry);
  return hash.digest('hex');
}

const stampFile = (base) => path.join(base, 'dist', '.build-stamp.json');

/** True when dist/ was built from the sources as they are now. */
export function isBuilt(base = root) {
  try {
    return JSON.parse(fs.readFileSync(stampFile(base), 'utf8')).signature === sourceSignature(base);
  } catch {
    return false;
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Holds dist/.build.lock (a directory: mkdir is atomic) while `fn` runs, so that two commands started
 * together (parallel test files, a CLI beside `npm start`) do not both write dist/. A lock whose process
 * is gone is taken over.
 */
function withBuildLock(base, fn) {
  const lock = path.join(base, 'dist', '.build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (!lockHolderAlive(lock)) fs.rmSync(lock, { recursive: true, force: true });
      else if (waited > 10 * 60_000)
        throw new BuildError(`another build has held ${lock} for 10 minutes; remove it if no build is running`);
      else sleep(100);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function lockHolderAlive(lock) {
  let pid;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    // Created but not yet written by its owner, or an owner that died in between: give it a moment.
    const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return age < 5_000;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Deletes compiled files in dist/ whose source is gone (tsc never does): a migration deleted or renamed in
 * src would otherwise still run from dist/migrations.
 */
function pruneOrphans(base) {
  for (const dir of SOURCE_DIRS) {
    const out = path.join(base, 'dist', dir);
    if (!fs.existsSync(out)) continue;
    for (const rel of fs.readdirSync(out, { recursive: true })) {
      const file = path.join(out, rel);
      if (fs.statSync(file).isDirectory()) continue;
      const source = path.join(base, dir, rel.replace(/\.js\.map$|\.js$|\.d\.ts$/, '.ts'));
      if (!fs.existsSync(source)) fs.rmSync(file);
    }
  }
}

/**
 * Runs the incremental build unless dist/ is current (or `force`). Returns whether it compiled; throws a
 * BuildError with the compiler's messages when the code does not compile (nothing is stamped, so the next
 * run tries again).
 */
export function ensureBuilt({ base = root, force = false, log = (message) => process.stderr.write(`${message}\n`) } = {}) {
  if (!force && isBuilt(base)) return false;
  return withBuildLock(base, () => {
    if (!force && isBuilt(base)) return false; // built by whoever held the lock
    const signature = sourceSignature(base); // before compiling: an edit made during the build is seen next time
    log('Compiling src/ to dist/ (sources changed since the last build)…');
    const tsc = createRequire(path.join(base, 'package.json')).resolve('typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: base, encoding: 'utf8' });
    if (result.status !== 0) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() || result.error?.message || `tsc exited with ${result.status}`;
      throw new BuildError(`the TypeScript build failed (tsc -p tsconfig.build.json):\n${output}`);
    }
    pruneOrphans(base);
    fs.writeFileSync(stampFile(base), JSON.stringify({ signature, builtAt: new Date().toISOString() }) + '\n');
    return true;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const built = ensureBuilt({ force: process.argv.includes('--force') });
    if (!built) process.stderr.write('dist/ is up to date.\n');
  } catch (error) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = EXIT.FAILURE;
  }
}
