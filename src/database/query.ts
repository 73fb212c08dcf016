import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import { to as copyTo } from 'pg-copy-streams';
import { sql, type Sql, type SqlValue } from './sql';
import type { PooledClient, StatementTracker } from './statement-tracker';

/** A pooled `pg` client as knex hands it out. */
interface PgConnection extends PooledClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  query<S extends Readable>(stream: S): S;
}

/** knex's client, the part that lends pooled connections (the pool keeps its size and acquire timeout). */
interface KnexPool {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/** How statements outside a transaction go straight to a pooled connection of one database. */
export interface DirectPath {
  /** Named prepared statements (a PostgreSQL server); false for the embedded PGlite (unnamed, still bound). */
  prepare: boolean;
  tracker?: StatementTracker;
  /** The ORM logger's `[query]` line, for the statement counting of tests and debugging. */
  onQuery?: (message: string) => void;
}

const directPaths = new WeakMap<object, DirectPath>();

/** Lets queryRows send statements of this ORM's connection straight to its pool (see {@link queryRows}). */
export function enableDirectPath(knex: Knex, path: DirectPath): void {
  directPaths.set(knex, path);
}

/** Prepared statement names by text: a short hash, computed once per text. */
const names = new Map<string, string>();
const NAMES_MAX = 5000;

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    if (names.size >= NAMES_MAX) names.clear();
    name = `tg_${createHash('sha1').update(text).digest('base64url').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

const INT4 = 2 ** 31;
const INT8 = 2n ** 63n;

/**
 * The type PostgreSQL gives the literal MikroORM/knex would have inlined for this value, as a cast of its
 * placeholder: a bound value is otherwise of unknown type, which an uncast `select $1` reads as text where
 * the inlined literal `7` was an integer. Integers are int4 / int8 / numeric by their size, other numbers
 * numeric, booleans boolean; strings, dates and nulls were quoted literals (unknown) and stay untyped.
 */
function literalCast(value: SqlValue): string {
  if (typeof value === 'boolean') return '::boolean';
  if (typeof value === 'bigint')
    return value >= -INT8 && value < INT8 ? (value >= -INT4 && value < INT4 ? '::int4' : '::int8') : '::numeric';
  if (typeof value !== 'number') return '';
  if (!Number.isInteger(value)) return '::numeric';
  if (value >= -INT4 && value < INT4) return '::int4';
  return Number.isSafeInteger(value) ? '::int8' : '::numeric';
}

/** `$1…$n` text with each placeholder typed as the inlined literal was (see {@link literalCast}). */
function typedText(statement: Sql): string {
  return statement.strings.reduce((text, s, i) => `${text}$${i}${literalCast(statement.values[i - 1])}${s}`);
}

/** How one statement is sent. */
export interface QueryOptions {
  /**
   * Plan it for its values at every execution (an unnamed statement), never with the generic plan PostgreSQL
   * switches a named prepared statement to after five executions: for analytic statements over ranges of
   * years, products or members, whose generic plan (row counts guessed without the values, partitions pruned
   * only at run time) can be a hundred times slower than the plan for the values; their planning (a few ms) is
   * nothing next to their execution.
   */
  replan?: boolean;
}

async function queryDirect<R>(knex: Knex, path: DirectPath, statement: Sql, options: QueryOptions): Promise<R[]> {
  const text = typedText(statement);
  const values = [...statement.values];
  const pool = knex.client as unknown as KnexPool;
  // What MikroORM's onQuery does on the ORM path: an aborted request sends nothing more.
  path.tracker?.beforeQuery(text);
  const connection = await pool.acquireConnection();
  const started = Date.now();
  let failed = false;
  try {
    const finished = path.tracker?.started(connection, text);
    // knex's own event, for whoever listens to it (debugging, tests); without a query uid, which the
    // tracker reads as "not one of knex's" (this statement is accounted above).
    knex.emit('query', { sql: text, bindings: values, method: 'raw', __knexUid: connection.__knexUid });
    try {
      const named = path.prepare && !options.replan;
      const result = await connection.query(named ? { name: statementName(text), text, values } : { text, values });
      finished?.();
      return result.rows as R[];
    } catch (error) {
      failed = true;
      finished?.(error as { code?: string; message?: string });
      throw error;
    }
  } finally {
    await pool.releaseConnection(connection);
    path.onQuery?.(`[query] ${text} [took ${Date.now() - started} ms${failed ? ', failed' : ''}]`);
  }
}

/**
 * Runs a statement written with the `sql` tag on the EntityManager's connection (inside its transaction,
 * if it has one) and returns its rows as `R`.
 *
 * Outside a transaction, on a database opened with a direct path (the API server), the statement goes
 * straight to a pooled `pg` connection as a prepared statement with bound values, named by a hash of its
 * text on a PostgreSQL server (parsed once per connection; planned for its values until PostgreSQL settles on a
 * generic plan, unless `options.replan`): it skips MikroORM and knex, which
 * inline the values into the text client-side (~ms per statement). The same connections (same type
 * parsers), the same pool (size, acquire timeout) and the same statement accounting and cancellation.
 *
 * `R` is the shape the statement's select list gives (column aliases are the row's property names): this is
 * the one place a database row is asserted to a type. Each `*.sql.ts` pairs its statement with its row type
 * and the function that maps rows to domain values, so a caller never sees a raw row.
 */
export async function queryRows<R extends object>(em: EntityManager, statement: Sql, options: QueryOptions = {}): Promise<R[]> {
  const transaction = em.getTransactionContext();
  const connection = em.getConnection();
  if (!transaction) {
    const knex = connection.getKnex();
    const path = directPaths.get(knex);
    if (path) return queryDirect<R>(knex, path, statement, options);
  }
  const { sql, params } = statement.toMikro();
  return connection.execute<R[]>(sql, params, 'all', transaction);
}

/** The single row of a statement that returns exactly one (an aggregate without GROUP BY). */
export async function queryRow<R extends object>(em: EntityManager, statement: Sql): Promise<R> {
  const rows = await queryRows<R>(em, statement);
  if (rows.length !== 1) throw new Error(`queryRow: expected one row, got ${rows.length}`);
  return rows[0];
}

/**
 * Runs `copy (statement) to stdout (format csv)` on a pooled connection and yields its output as
 * PostgreSQL sends it (whole CSV lines, LF-terminated, no header), so that memory stays flat whatever the
 * number of rows: the fastest way out of a PostgreSQL server. It is accounted, refused after its request was
 * aborted and cancelled with it like every statement (see {@link queryRows}); the embedded PGlite runs it
 * too, through its socket, but computes the whole output before it sends any.
 *
 * Stopping early (a consumer that returns) never hands a connection still in COPY back to the pool: the
 * rest is read and dropped, which a cancelled statement (the request was aborted) makes short.
 *
 * `statementTimeoutMs` replaces the pooled connection's statement_timeout (the interactive deadline) for
 * this one statement on a PostgreSQL server, and the connection's own is restored before it goes back to the
 * pool: an export's deadline is its own (EXPORT_TIMEOUT_MS).
 */
export async function* copyCsvOut(em: EntityManager, statement: Sql, options: CopyOptions = {}): AsyncGenerator<Buffer> {
  const knex = em.getConnection().getKnex();
  const path = directPaths.get(knex);
  const text = sql`copy (${statement}) to stdout (format csv)`.toLiteral();
  const pool = knex.client as unknown as KnexPool;
  path?.tracker?.beforeQuery(text);
  const connection = await pool.acquireConnection();
  const started = Date.now();
  // PGlite has no statement_timeout to replace (database.ts); a server's pooled connections have one.
  const ownTimeout = options.statementTimeoutMs !== undefined && path?.prepare === true;
  let failed = false;
  let finished: ((error?: { code?: string; message?: string }) => void) | undefined;
  let output: Readable | undefined;
  try {
    finished = path?.tracker?.started(connection, text);
    knex.emit('query', { sql: text, bindings: [], method: 'raw', __knexUid: connection.__knexUid });
    if (ownTimeout) await connection.query({ text: `set statement_timeout = ${Math.floor(options.statementTimeoutMs!)}`, values: [] });
    output = connection.query(copyTo(text));
    // Not destroyed when the consumer stops: a COPY left half read would break the pooled connection.
    for await (const chunk of output.iterator({ destroyOnReturn: false })) yield chunk as Buffer;
  } catch (error) {
    failed = true;
    finished?.(error as { code?: string; message?: string });
    finished = undefined;
    throw error;
  } finally {
    // Still running while the rest is dropped, so that an abort of its request can still cancel it.
    if (output && !output.readableEnded && !output.destroyed) await drain(output);
    finished?.();
    if (ownTimeout) await connection.query({ text: 'reset statement_timeout', values: [] }).catch(() => undefined);
    await pool.releaseConnection(connection);
    path?.onQuery?.(`[query] ${text} [took ${Date.now() - started} ms${failed ? ', failed' : ''}]`);
  }
}

export interface CopyOptions {
  /** statement_timeout of this statement (ms) instead of the pooled connection's. */
  statementTimeoutMs?: number;
}

/** Reads a stream to its end (or error), dropping what it gives. */
async function drain(stream: Readable): Promise<void> {
  stream.resume();
  // Failed or cancelled, the statement has ended too: the connection is ready for the next one either way.
  await finished(stream).catch(() => undefined);
}
