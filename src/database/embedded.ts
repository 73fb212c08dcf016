import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** A running in-process PostgreSQL (PGlite) reachable over the PostgreSQL wire protocol on loopback. */
export interface EmbeddedPostgres {
  /** postgres:// URL for `pg` and MikroORM. The server accepts one connection at a time. */
  url: string;
  /** The PGlite instance itself, for bulk loads that bypass the socket (COPY from a blob). */
  db: PGlite;
  stop(): Promise<void>;
}

const LOCK_FILE = 'tradegraph.lock';

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** ` (node dist/src/main.js)`: the command line of a process, when the system tells it (Linux's /proc). */
function commandOf(pid: number): string {
  try {
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return command ? ` (${command.length > 120 ? `${command.slice(0, 117)}...` : command})` : '';
  } catch {
    return '';
  }
}

/**
 * A PGlite data directory must be owned by one process at a time: two writers corrupt it.
 * The lock file holds the owner's pid; a lock left by a dead process is taken over.
 */
function acquireLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  try {
    const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
    if (owner && owner !== process.pid && processIsAlive(owner)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${owner}${commandOf(owner)}: an embedded (PGlite) data ` +
          'directory belongs to one process at a time, so a command cannot run beside a server on it. Stop that process, ' +
          'run the command, then start the server again; or, with the server running, use its API (GET /csv for exports, ' +
          'createApiKey for keys); or run the server and the commands on a PostgreSQL server (DATABASE_URL), which they can ' +
          'share; or set TRADEGRAPH_DATA_DIR to another directory.',
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.writeFileSync(lockPath, String(process.pid));
  return () => fs.rmSync(lockPath, { force: true });
}

/**
 * Starts PGlite on `dataDir` (created if missing; `memory://` for a throw-away database) and exposes it
 * on a free loopback port through pglite-socket.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const inMemory = dataDir.startsWith('memory://');
  let releaseLock = () => undefined as void;
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireLock(dataDir);
  }
  try {
    const db = await PGlite.create(inMemory ? undefined : dataDir);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    return {
      url: `postgres://postgres@${server.getServerConn()}/postgres`,
      db,
      async stop() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
