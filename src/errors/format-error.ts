import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable, isStatementCancelled, isUnrepresentableText } from '../database/database-errors';
import { AppError, ErrorCode } from './app-error';

/** Codes Apollo and graphql-js assign themselves; passed through as they are. */
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Codes the server's edge raises itself as GraphQL errors, with machine-readable extensions kept. */
const EDGE_CODES = new Set<string>([
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.RATE_LIMITED,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.DATABASE_UNAVAILABLE,
  ErrorCode.SHUTTING_DOWN,
  ErrorCode.QUERY_TIMEOUT,
]);

/** Database failures as clients see them: what happened and what to do, never the SQL or the host. */
export const DATABASE_UNAVAILABLE_ERROR = new AppError(
  ErrorCode.DATABASE_UNAVAILABLE,
  'The database is unavailable right now; retry in a moment.',
);
const TIMEOUT_ERROR = new AppError(
  ErrorCode.QUERY_TIMEOUT,
  'The request ran past its deadline and its statements were cancelled; ask for less (a narrower filter, a smaller page) or retry later.',
);
const SHUTDOWN_ERROR = new AppError(
  ErrorCode.SHUTTING_DOWN,
  'The server is shutting down; the request was cancelled. Retry on another instance.',
);
const BAD_TEXT_ERROR = new AppError(ErrorCode.INVALID_ARGUMENT, 'A text argument holds a character the database cannot store.');

/**
 * The one classification of failures that are not bugs: a database that cannot be reached, a statement
 * cancelled by its deadline, text PostgreSQL cannot hold. Returns the AppError clients see, or null.
 */
export function classifyFailure(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  // The ORM re-wraps an error thrown while it runs a query (DriverException copies its fields): an
  // AppError the statement tracker threw (a request already aborted) keeps its code that way.
  const code = (error as { code?: unknown } | null)?.code;
  if (code === ErrorCode.QUERY_TIMEOUT) return TIMEOUT_ERROR;
  if (code === ErrorCode.SHUTTING_DOWN) return SHUTDOWN_ERROR;
  if (isStatementCancelled(error)) return TIMEOUT_ERROR;
  if (isDatabaseUnavailable(error)) return DATABASE_UNAVAILABLE_ERROR;
  if (isUnrepresentableText(error)) return BAD_TEXT_ERROR;
  return null;
}

/**
 * An AppError that a GraphQL error wraps, at any depth: Apollo wraps validation errors again
 * (GRAPHQL_VALIDATION_FAILED) around the rule's own error, which carries the limit's AppError.
 */
function appErrorWithin(error: unknown): AppError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current instanceof AppError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

export interface FormatErrorOptions {
  /** Development mode keeps messages and stack traces of unexpected errors. */
  development: boolean;
  /** Where unexpected errors are reported (they are hidden from the client). */
  logUnexpected: (error: unknown) => void;
}

/** An AppError as clients see it, wherever it is answered (GraphQL, CSV): its message, code and details. */
export function formatAppError(error: AppError): GraphQLFormattedError {
  return { message: error.message, extensions: { code: error.code, ...error.details } };
}

/**
 * The one place where errors become GraphQL errors. Known errors keep their message and get a stable
 * `extensions.code`; anything unexpected is logged and answered with a generic INTERNAL_SERVER_ERROR.
 */
export function createFormatError(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = appErrorWithin(error) ?? unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    const known = classifyFailure(original);
    if (known) {
      return { ...base, ...formatAppError(known), message: known === original ? formatted.message : known.message };
    }
    const code = formatted.extensions?.code;
    // graphql-js stops parsing at MAX_QUERY_TOKENS with a syntax error ("more that N tokens", sic); it is the
    // token limit, not bad syntax.
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? /more tha[nt] (\d+) tokens/.exec(formatted.message) : null;
    if (tokens) {
      const max = Number(tokens[1]);
      return {
        message: `Query has more than ${max} tokens, the limit; send a smaller document.`,
        extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, kind: 'tokens', found: max + 1, limit: max },
      };
    }
    if (original instanceof GraphQLError && typeof code === 'string' && EDGE_CODES.has(code)) {
      const { http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = original.extensions.validationErrors?.flatMap((e) => Object.values(e.constraints ?? {})) ?? [];
      return {
        ...base,
        message: problems.length ? `Invalid argument: ${problems.join('; ')}` : formatted.message,
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
      return options.development ? formatted : { ...base, extensions: { code } };
    }

    options.logUnexpected(original);
    if (options.development) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
