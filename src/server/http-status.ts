import { ErrorCode } from '../errors/app-error';

/** Seconds a client should wait before retrying while the database is unavailable or the server stops. */
export const RETRY_AFTER_SECONDS = 1;

/** An HTTP status with the headers that go with it. */
export interface HttpStatus {
  status: number;
  headers: Record<string, string>;
}

/**
 * The one table of error codes with an HTTP meaning of their own (401, 403, 429, 503, 504), used by every
 * route: GraphQL request errors, the CSV route, identification. Null for codes that have none (a client's
 * bad argument is 400 on a request error, 200 beside data in an executed operation).
 */
export function httpStatusOf(code: string, retryAfterSeconds?: unknown): HttpStatus | null {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="tradegraph"' } };
    case ErrorCode.FORBIDDEN:
      return { status: 403, headers: {} };
    case ErrorCode.RATE_LIMITED:
      return { status: 429, headers: { 'Retry-After': String(retryAfterSeconds ?? 60) } };
    case ErrorCode.DATABASE_UNAVAILABLE:
      return { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } };
    case ErrorCode.SHUTTING_DOWN:
      return { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), Connection: 'close' } };
    // Only where there is no partial answer to give (the CSV route, before execution); an executed GraphQL
    // operation past its deadline is an execution result (edge-plugin.ts).
    case ErrorCode.QUERY_TIMEOUT:
      return { status: 504, headers: {} };
    default:
      return null;
  }
}
