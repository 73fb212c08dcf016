/**
 * Failures of the database itself, told apart from failures of a statement: the one place that decides
 * whether an error means "PostgreSQL cannot be reached right now" (retry shortly) or "this statement was
 * cancelled" (a deadline).
 */

/** Socket-level error codes of a connection that failed or broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/**
 * SQLSTATEs of a server that is going away or not taking connections: 57P01 admin_shutdown (a restart),
 * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, recovering), 53300 too_many_connections,
 * and class 08, connection exceptions.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Messages node-postgres and knex give for a connection that broke or could not be had. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /connection (?:is )?(?:closed|ended)/i,
  /Client has encountered a connection error/i,
  /Timeout acquiring a connection/i,
  /server closed the connection unexpectedly/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
];

/** The error and every error it wraps (`cause`, `previous`), outermost first. */
function chain(error: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && out.length < 8) {
    out.push(current as Record<string, unknown>);
    const next = (current as { cause?: unknown; previous?: unknown }).cause ?? (current as { previous?: unknown }).previous;
    if (next === current) break;
    current = next;
  }
  return out;
}

/** True when the error says PostgreSQL cannot be reached or is not serving: connection refused, lost, restarting. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some((e) => {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08/.test(code))) return true;
    if (e.name === 'KnexTimeoutError') return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true; // AggregateError (dual-stack connect)
    // An error PostgreSQL itself answered (a SQLSTATE) is about its statement, whatever its text says.
    if (code && /^[0-9A-Z]{5}$/.test(code)) return false;
    const message = typeof e.message === 'string' ? e.message : '';
    return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
  });
}

/** True when PostgreSQL cancelled the statement (57014: statement_timeout, or pg_cancel_backend). */
export function isStatementCancelled(error: unknown): boolean {
  return chain(error).some((e) => e.code === '57014');
}

/** True for text that PostgreSQL cannot store (a NUL byte, 22021 / 22P05), i.e. bad input, not a failure. */
export function isUnrepresentableText(error: unknown): boolean {
  return chain(error).some((e) => e.code === '22021' || e.code === '22P05');
}
