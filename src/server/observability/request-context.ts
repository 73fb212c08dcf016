import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { IncomingMessage } from 'node:http';
import type { NodeHandler } from '../node-handler';
import { requestStorage, type RequestState } from '../request-state';
import type { InFlightRequests } from './in-flight';

/** An id we are willing to log and echo: short, and no characters that could forge log lines or headers. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's X-Request-Id when it is sane (≤ 128 chars of `[A-Za-z0-9._:-]`), else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** The state {@link requestContext} attached to this response, if it ran. */
export function requestStateOf(res: { locals?: Record<string, unknown> }): RequestState | undefined {
  return res.locals?.requestState as RequestState | undefined;
}

export interface RequestContextOptions {
  inFlight: InFlightRequests;
  /** Deadline of one request (config.requestTimeoutMs), or a deadline per request (e.g. longer for downloads). */
  timeoutMs: number | ((req: IncomingMessage) => number);
  /** Called when a request is aborted (its deadline, its client, the shutdown): e.g. to cancel its statements. */
  onAbort?: (state: RequestState) => void;
}

/**
 * First middleware of the chain: creates the request's {@link RequestState} (id, start time, signal),
 * stores it in `res.locals.requestState`, echoes the id in `X-Request-Id`, and runs the rest of the chain
 * inside `requestStorage`, so that code deep in the ORM finds the request it works for.
 */
export function requestContext({ inFlight, timeoutMs, onAbort }: RequestContextOptions): NodeHandler {
  return (req, res, next) => {
    const abort = inFlight.track(res, typeof timeoutMs === 'function' ? timeoutMs(req) : timeoutMs, onAbort && (() => onAbort(state)));
    const state: RequestState = {
      id: requestIdFrom(req.headers['x-request-id']),
      startedAt: performance.now(),
      // Made when first read (see RequestAbort): most requests end without anyone needing a signal.
      get signal() {
        return abort.signal;
      },
      get abortReason() {
        return abort.reason;
      },
      statements: 0,
      dbTimeMs: 0,
      errorCodes: [],
    };
    (res.locals ??= {}).requestState = state;
    res.setHeader('X-Request-Id', state.id);
    requestStorage.run(state, next);
  };
}
