import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Level, Logger } from 'pino';
import type { NodeHandler } from '../node-handler';
import { requestIdFrom, requestStateOf } from './request-context';
import { pathOf } from './route';

/** A finished request's status: the HTTP status, or 'aborted' when the client left before the answer was complete. */
export type RequestOutcome = number | 'aborted';

/**
 * What a request that ended leaves in the log: one line, no headers, bodies, query strings or variables.
 * (`reqId` is there too.)
 */
export interface RequestLine {
  method: string;
  path: string;
  status: RequestOutcome;
  durationMs: number;
  operationName?: string;
  cost?: number;
  dbTimeMs?: number;
  statements?: number;
  role?: string;
  /** 'hit' when the response cache answered, 'miss' when it could have but had to run the operation. */
  cache?: 'hit' | 'miss';
  errorCodes?: string[];
}

/** 'aborted' when the response closed before it finished (the client hung up), else its HTTP status. */
export function outcomeOf(res: ServerResponse): RequestOutcome {
  return res.writableFinished ? res.statusCode : 'aborted';
}

/**
 * Level of a request's line: a failure of ours (5xx) is an error; a client's mistake or refusal (4xx) is a
 * warning, which still leaves it out of error alerts; everything else, aborted requests included (clients
 * cancel queries all the time), is info.
 */
export function levelOf(outcome: RequestOutcome): Level {
  if (outcome === 'aborted') return 'info';
  if (outcome >= 500) return 'error';
  if (outcome >= 400) return 'warn';
  return 'info';
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Builds the log line of a request that ended, from its response and the RequestState the edge filled in;
 * `fallbackDurationMs` serves when no state was attached (requestContext not mounted).
 */
export function requestLine(
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse & { locals?: Record<string, unknown> },
  fallbackDurationMs: number,
): RequestLine {
  const state = requestStateOf(res);
  const line: RequestLine = {
    method: req.method ?? '',
    path: pathOf(req),
    status: outcomeOf(res),
    durationMs: state ? tenths(performance.now() - state.startedAt) : fallbackDurationMs,
  };
  if (!state) return line;
  return {
    ...line,
    operationName: state.operationName,
    cost: state.cost,
    dbTimeMs: tenths(state.dbTimeMs),
    statements: state.statements,
    role: state.role,
    cache: state.cache,
    errorCodes: state.errorCodes.length ? state.errorCodes : undefined,
  };
}

/**
 * The request log: one JSON line per request when its response finishes or the client aborts it (never
 * both), at the level {@link levelOf} chooses, with the request's id as `reqId`. Mount it after
 * `requestContext`, whose id it uses (it falls back to the same X-Request-Id rule when mounted alone).
 *
 * Written on the response's own events rather than through pino-http, which builds a child logger for
 * every request: measured at ~5 % of the server's CPU on small requests, for a binding only this line needs.
 */
export function requestLog(logger: Logger): NodeHandler {
  return (req, res, next) => {
    const started = performance.now();
    const reqId = requestStateOf(res)?.id ?? requestIdFrom(req.headers['x-request-id']);
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      // The level first: at LOG_LEVEL=warn most requests write nothing, and their line need not be built.
      const level = levelOf(outcomeOf(res));
      if (!logger.isLevelEnabled(level)) return;
      const line = requestLine(req, res, Math.round((performance.now() - started) * 10) / 10);
      const failed = typeof line.status === 'number' && line.status >= 500;
      logger[level]({ reqId, ...line }, line.status === 'aborted' ? 'request aborted' : failed ? 'request failed' : 'request completed');
    };
    res.once('finish', write);
    res.once('close', write);
    next();
  };
}
