import { AsyncLocalStorage } from 'node:async_hooks';
import type { AbortReason } from './observability/in-flight';
import type { BudgetCharge } from './rate-limit';

/**
 * What the server knows about one HTTP request while it runs: filled in by the edge (request id,
 * deadline), the cost analysis (cost), the access check (role) and the database hooks (statements and
 * their time), and read by the request log and the metrics when the answer has gone.
 */
export interface RequestState {
  /** X-Request-Id as the client sent it (when sane), else a fresh UUID; echoed in the answer. */
  id: string;
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** Aborted when the deadline passes, the client disconnects or the server shuts down; reason says which. */
  readonly signal: AbortSignal;
  /** The signal's reason once aborted, read without making the signal. */
  readonly abortReason: AbortReason | undefined;
  operationName?: string;
  /** Static cost of the operation (when it got that far). */
  cost?: number;
  /** The caller's role; 'anonymous' when no key was sent. */
  role?: string;
  /** Whose budget the request is charged to: `key:<id>` for an API key, `ip:<address>` otherwise. */
  client?: string;
  /** SQL statements sent for this request, and the time spent waiting for them (ms). */
  statements: number;
  dbTimeMs: number;
  /** Whether the response cache answered ('hit') or had to run the operation ('miss'); absent when it could not be cached. */
  cache?: 'hit' | 'miss';
  /** True when the response cache's front answered (cache-front.ts), before GraphQL. */
  cacheFront?: boolean;
  /**
   * The normalised document's hash and resolved operation name of an answer the response cache stored or
   * found, which its front (cache-front.ts) learns the request text by.
   */
  cachedDocument?: { documentHash: string; operationName: string };
  /**
   * Set (empty) by the GraphQL endpoint, which writes Apollo's serialised answer itself: when nothing is to be
   * stored, the response cache leaves the answer it would tag here instead of serialising its data a second
   * time, and the endpoint sets the ETag from the body Apollo wrote (response-cache.ts `etagOfBody`).
   */
  bodyTag?: { result?: { data?: unknown; extensions?: unknown } };
  /** A charge of the operation's cost the cache's front already made (and was refused): the edge plugin reports it instead of charging again. */
  precharged?: { cost: number; charge: BudgetCharge };
  /** extensions.code of every error in the answer, for the log and the metrics. */
  errorCodes: string[];
}

/**
 * The request a piece of code runs for. Set by the edge around each request, so that database hooks (which
 * fire deep inside the ORM) can account statements to it and cancel them with it.
 */
export const requestStorage = new AsyncLocalStorage<RequestState>();

export function currentRequest(): RequestState | undefined {
  return requestStorage.getStore();
}
