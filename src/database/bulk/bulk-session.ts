import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../database';
import { ident, join, sql, type Sql } from '../sql';
import { localDataChanged } from '../../catalog/data-changes';
import { encodeCopyRow, type CopyValue } from './copy-format';

/**
 * One transaction for a bulk load: statements and COPY of streamed rows, committed together or not at
 * all. On a PostgreSQL server it uses COPY FROM STDIN on its own connection; on the embedded database
 * (whose socket serves one connection and cannot relay COPY FROM STDIN) it uses PGlite's own COPY from a
 * blob, in chunks so memory stays bounded.
 */
export interface BulkSession {
  /**
   * Runs a statement written with the `sql` tag and returns its rows as `R`, the shape its select list
   * gives: as with `queryRows`, the one place a bulk session's row is typed.
   */
  query<R extends object = Record<string, unknown>>(statement: Sql): Promise<R[]>;
  /**
   * Streams rows (sync or async) into `table (columns)`, both names the code owns (`ident`, `columnList`);
   * returns the number of rows written.
   */
  copy(table: Sql, columns: Sql, rows: RowSource, onProgress?: (rows: number) => void): Promise<number>;
  /**
   * Like copy, for rows the caller has already encoded as COPY text (encodeCopyRow, or a loader's own
   * encoder for rows it knows need no escaping): chunks of whole lines with their row counts. Streams
   * them as they come, with backpressure; returns the number of rows written.
   */
  copyText(table: Sql, columns: Sql, chunks: AsyncIterable<CopyChunk>, onProgress?: (rows: number) => void): Promise<number>;
}

/** Rows already in COPY text format: whole lines, each ending in a newline. */
export interface CopyChunk {
  text: string;
  rows: number;
}

/** A column list pasted into COPY or DDL: each name one of `names`, a constant of the caller's. */
export function columnList<T extends string>(names: readonly T[]): Sql {
  return join(names.map((name) => ident(name, names)));
}

/** Rows per COPY chunk on the embedded database (each chunk is built in memory as text). */
const PGLITE_CHUNK_ROWS = 50_000;
/** Rows per write to the COPY stream on a server. */
const SERVER_CHUNK_ROWS = 5_000;

/** COPY's text: it takes no bindings, so table and columns must be names only (no values). */
function copySql(table: Sql, columns: Sql, source: Sql): string {
  const { text, values } = sql`COPY ${table} (${columns}) FROM ${source}`.toPg();
  if (values.length > 0) throw new TypeError('COPY: table and columns must be names, not values');
  return text;
}

/** Rows for COPY, from an array, a generator or an async stream (a file being parsed). */
export type RowSource = Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>;

async function* chunks(rows: RowSource, size: number): AsyncGenerator<CopyChunk> {
  let chunk: string[] = [];
  for await (const row of rows) {
    chunk.push(encodeCopyRow(row));
    if (chunk.length >= size) {
      yield { text: chunk.join(''), rows: chunk.length };
      chunk = [];
    }
  }
  if (chunk.length > 0) yield { text: chunk.join(''), rows: chunk.length };
}

function pgliteSession(tx: Transaction): BulkSession {
  const session: BulkSession = {
    async query<R>(statement: Sql) {
      const { text, values } = statement.toPg();
      return (await tx.query<R>(text, values)).rows;
    },
    copy: (table, columns, rows, onProgress) => session.copyText(table, columns, chunks(rows, PGLITE_CHUNK_ROWS), onProgress),
    async copyText(table, columns, source, onProgress) {
      let total = 0;
      let blob: string[] = [];
      let rows = 0;
      const flush = async () => {
        await tx.query(copySql(table, columns, sql`'/dev/blob'`), [], { blob: new Blob(blob) });
        total += rows;
        [blob, rows] = [[], 0];
        onProgress?.(total);
      };
      for await (const chunk of source) {
        blob.push(chunk.text);
        rows += chunk.rows;
        if (rows >= PGLITE_CHUNK_ROWS) await flush();
      }
      if (rows > 0) await flush();
      return total;
    },
  };
  return session;
}

function serverSession(client: pg.Client): BulkSession {
  const session: BulkSession = {
    async query<R>(statement: Sql) {
      const { text, values } = statement.toPg();
      return (await client.query(text, values)).rows as R[];
    },
    copy: (table, columns, rows, onProgress) => session.copyText(table, columns, chunks(rows, SERVER_CHUNK_ROWS), onProgress),
    async copyText(table, columns, source, onProgress) {
      let total = 0;
      const text = Readable.from(
        (async function* () {
          for await (const chunk of source) {
            total += chunk.rows;
            onProgress?.(total);
            yield chunk.text;
          }
        })(),
      );
      await pipeline(text, client.query(copyFrom(copySql(table, columns, sql`STDIN`))));
      return total;
    },
  };
  return session;
}

/**
 * Run after every committed load: the planner's statistics of what was just written. Without them a
 * freshly loaded table looks empty to the planner, which then picks nested loops that re-aggregate a
 * CTE per row — on the embedded database, which runs no autovacuum to fix it later, GeoDep over the
 * 60,000-flow demo took 50 s instead of well under a second. ANALYZE samples a fixed number of rows per
 * table, so it costs about a second even at 10 million flows.
 */
const REFRESH_STATISTICS = 'analyze';

/**
 * Runs `work` in one transaction of a bulk session on `database`; rolls back everything if it throws. Once
 * committed, this process's catalogs are told at once (other processes hear PostgreSQL's notification).
 */
export async function withBulkSession<T>(
  database: Pick<Database, 'url' | 'embedded'>,
  work: (session: BulkSession) => Promise<T>,
): Promise<T> {
  if (database.embedded) {
    const db: PGlite = database.embedded.db;
    const result = await db.transaction((tx) => work(pgliteSession(tx)));
    localDataChanged();
    await db.query(REFRESH_STATISTICS);
    return result;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const result = await work(serverSession(client));
    await client.query('COMMIT');
    localDataChanged();
    await client.query(REFRESH_STATISTICS);
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
