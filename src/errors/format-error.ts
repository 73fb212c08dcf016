import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError } from './app-error';

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
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      return { ...base, ...formatAppError(original) };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = original.extensions.validationErrors?.flatMap((e) => Object.values(e.constraints ?? {})) ?? [];
      return {
        ...base,
        message: problems.length ? `Invalid argument: ${problems.join('; ')}` : formatted.message,
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
      return options.development ? formatted : { ...base, extensions: { code } };
    }

    options.logUnexpected(original);
    if (options.development) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
