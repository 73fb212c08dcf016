import type { Knex } from '@mikro-orm/knex';
import pg from 'pg';
import { AppError, ErrorCode } from '../errors/app-error';
import { currentRequest, type RequestState } from '../server/request-state';

/** The parts of a pooled `pg` client the tracker uses. */
export interface PooledClient {
  __knexUid?: string;
  processID?: number;
  once(event: 'end', listener: () => void): unknown;
}

interface RunningStatement {
  request: RequestState;
  connectionUid: string;
  sql: string;
  startedAt: number;
}

interface QueryEvent {
  __knexUid?: string;
  __knexQueryUid?: string;
  sql?: string;
}

/**
 * Cancels the statement only if that backend is still running it: between reading the running set and
 * the cancel's arrival, the statement may have finished and its connection gone to another request,
 * which may even run the same text (the same batched loader): so the statement must also have started
 * before the cancel was decided ($3, epoch ms; the API server and PostgreSQL are assumed to share a clock
 * to within the time a statement takes to start). pg_stat_activity.query is the statement's text,
 * truncated to track_activity_query_size.
 */
const CANCEL_SQL = `select pg_cancel_backend(pid) as cancelled from pg_stat_activity
  where pid = $1 and state = 'active' and query <> '' and starts_with($2, query) and query_start <= to_timestamp($3::float8 / 1000)`;

/** Thrown instead of sending a statement for a request that has already been aborted. */
export function abortedRequestError(request: RequestState): AppError {
  const reason = request.abortReason;
  if (reason === 'timeout') return new AppError(ErrorCode.QUERY_TIMEOUT, `The request ran past its deadline and was cancelled.`);
  if (reason === 'shutdown') return new AppError(ErrorCode.SHUTTING_DOWN, 'The server is shutting down; the request was cancelled.');
  return new AppError(ErrorCode.QUERY_TIMEOUT, 'The request was cancelled (the client went away).');
}

/**
 * Accounts every SQL statement to the HTTP request it runs for (through the request's AsyncLocalStorage),
 * refuses statements of a request that was aborted, and cancels a request's running statements inside
 * PostgreSQL (`pg_cancel_backend`) when it is aborted: a deadline, a client that went away, a shutdown.
 *
 * It hooks three places: the pool's `afterCreate` (to know each pooled connection's backend pid),
 * MikroORM's `onQuery` (runs just before a statement is sent, in the caller's async context) and knex's
 * query events (start, response, error).
 */
export class StatementTracker {
  private readonly connections = new Map<string, PooledClient>();
  private readonly running = new Map<string, RunningStatement>();
  private knex?: Knex;
  private directStatements = 0;

  constructor(
    /**
     * Where cancels are sent from (a connection of their own, so they work while the pool is exhausted);
     * null for the embedded database, which has one connection and cannot be reached from a second one.
     */
    private readonly cancelUrl: string | null,
    private readonly onStatementTimeout: () => void = () => undefined,
  ) {}

  /** For the pool's `afterCreate`: remembers the connection until it ends. */
  readonly afterCreate = (connection: PooledClient, done: (error: Error | null, connection: PooledClient) => void): void => {
    const uid = connection.__knexUid;
    if (uid) {
      this.connections.set(uid, connection);
      connection.once('end', () => this.connections.delete(uid));
    }
    done(null, connection);
  };

  /** For MikroORM's `onQuery`: a request that was aborted sends nothing more. */
  readonly beforeQuery = (sql: string): string => {
    const request = currentRequest();
    if (request?.abortReason) throw abortedRequestError(request);
    return sql;
  };

  /** Listens to the knex instance's query events. */
  attach(knex: Knex): void {
    this.knex = knex;
    knex.on('query', (event: QueryEvent) => {
      if (!event.__knexQueryUid || !event.__knexUid) return;
      // `beforeQuery` runs before a statement waits for a pooled connection; one that got its connection
      // only after its request was aborted is refused here, just before it would be sent (knex runs this
      // listener synchronously and rejects the query with what it throws).
      this.begin(event.__knexQueryUid, event.__knexUid, event.sql ?? '');
    });
    const finished = (event: QueryEvent | undefined, error?: { code?: string; message?: string }) => {
      if (event?.__knexQueryUid) this.end(event.__knexQueryUid, error);
    };
    knex.on('query-response', (_response: unknown, event: QueryEvent) => finished(event));
    knex.on('query-error', (error: { code?: string; message?: string }, event: QueryEvent) => finished(event, error));
  }

  /**
   * For statements sent straight to a pooled connection (queryRows' prepared path, which bypasses knex's
   * query events): refuses a statement of an aborted request, accounts it to the request and returns what
   * to call when it finished (with its error, if any).
   */
  started(connection: PooledClient, sql: string): (error?: { code?: string; message?: string }) => void {
    const uid = `direct:${++this.directStatements}`;
    this.begin(uid, connection.__knexUid ?? '', sql);
    return (error) => this.end(uid, error);
  }

  /** A statement of the current request starts (refused if the request was aborted): counted and kept as running. */
  private begin(uid: string, connectionUid: string, sql: string): void {
    const request = currentRequest();
    if (!request) return;
    if (request.abortReason) throw abortedRequestError(request);
    request.statements++;
    this.running.set(uid, { request, connectionUid, sql, startedAt: performance.now() });
  }

  /** A running statement finished: its database time goes to its request; a statement timeout is counted. */
  private end(uid: string, error?: { code?: string; message?: string }): void {
    const statement = this.running.get(uid);
    if (!statement) return;
    this.running.delete(uid);
    statement.request.dbTimeMs += performance.now() - statement.startedAt;
    if (error?.code === '57014' && /statement timeout/.test(error.message ?? '')) this.onStatementTimeout();
  }

  /**
   * Cancels the request's running statements inside PostgreSQL, over a connection of its own. Resolves
   * with the number of statements PostgreSQL agreed to cancel; never throws (a database that is down has
   * nothing running).
   */
  async cancel(request: RequestState): Promise<number> {
    if (!this.cancelUrl) return 0;
    const decidedAt = Date.now();
    const targets = [...this.running.entries()]
      .filter(([, s]) => s.request === request)
      .map(([uid, s]) => ({ uid, pid: this.connections.get(s.connectionUid)?.processID, sql: s.sql }))
      .filter((t): t is { uid: string; pid: number; sql: string } => t.pid !== undefined);
    if (targets.length === 0) return 0;
    const client = new pg.Client({ connectionString: this.cancelUrl, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      let cancelled = 0;
      for (const target of targets) {
        // Finished while the cancel connection was being opened: nothing of this request to cancel there.
        if (!this.running.has(target.uid)) continue;
        const result = await client.query<{ cancelled: boolean }>(CANCEL_SQL, [target.pid, target.sql, decidedAt]);
        if (result.rows[0]?.cancelled) cancelled++;
      }
      return cancelled;
    } catch {
      return 0;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
