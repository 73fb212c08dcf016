import type { IncomingMessage } from 'node:http';

/** The endpoints metrics are broken down by; anything else (explorer assets, 404s) is `other`. */
export type Route = 'graphql' | 'csv' | 'health' | 'ready' | 'metrics' | 'other';

const OWN_ROUTE = /^\/(graphql|csv|health|ready|metrics)\/?$/;

/** Longest path written to the log: paths are chosen by the client. */
const MAX_LOGGED_PATH = 256;

/**
 * The request's path without its query string (`GET /graphql?query=…&variables=…` and `/csv?…` carry the
 * user's values, which never reach the log at info level), cut to 256 characters. Express's `originalUrl`
 * is used when present, so a middleware mounted under a prefix still sees the whole path.
 */
export function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  const url = req.originalUrl ?? req.url ?? '/';
  const end = url.indexOf('?');
  const path = end === -1 ? url : url.slice(0, end);
  return path.length > MAX_LOGGED_PATH ? path.slice(0, MAX_LOGGED_PATH) : path;
}

/** The metrics route of a path (`/graphql` or `/graphql/` is `graphql`; `/explorer/assets/…` is `other`). */
export function routeOf(path: string): Route {
  const match = OWN_ROUTE.exec(path);
  return match ? (match[1] as Route) : 'other';
}
