/**
 * Stable error codes returned in `extensions.code`. Clients may switch on them; never rename one.
 */
export enum ErrorCode {
  /** A country code that is not three letters (ISO 3166-1 alpha-3). */
  MALFORMED_COUNTRY_CODE = 'MALFORMED_COUNTRY_CODE',
  /** A well-formed country code that no country in the database has. */
  UNKNOWN_COUNTRY = 'UNKNOWN_COUNTRY',
  /** A country group code that does not exist. */
  UNKNOWN_COUNTRY_GROUP = 'UNKNOWN_COUNTRY_GROUP',
  /** An HS code that is not 2, 4 or 6 digits. */
  MALFORMED_HS_CODE = 'MALFORMED_HS_CODE',
  /** A well-formed HS code that is not in the product table. */
  UNKNOWN_PRODUCT = 'UNKNOWN_PRODUCT',
  /** A product type code that does not exist. */
  UNKNOWN_PRODUCT_TYPE = 'UNKNOWN_PRODUCT_TYPE',
  /** A dataset id that does not exist. */
  UNKNOWN_DATASET = 'UNKNOWN_DATASET',
  /** A brand id that does not exist (where a brand must exist, e.g. a filter). */
  UNKNOWN_BRAND = 'UNKNOWN_BRAND',
  /** A manufacturer id that does not exist (where one must exist, e.g. a disruption scenario). */
  UNKNOWN_MANUFACTURER = 'UNKNOWN_MANUFACTURER',
  /** A facility id that does not exist (where one must exist, e.g. a disruption scenario). */
  UNKNOWN_FACILITY = 'UNKNOWN_FACILITY',
  /** `first` larger than the maximum page size. */
  PAGE_SIZE_TOO_LARGE = 'PAGE_SIZE_TOO_LARGE',
  /** `first` below zero. */
  INVALID_PAGE_SIZE = 'INVALID_PAGE_SIZE',
  /** An `after` cursor this connection did not issue. */
  BAD_CURSOR = 'BAD_CURSOR',
  /** A year outside 1950–2100, or a year range whose start is after its end. */
  YEAR_OUT_OF_RANGE = 'YEAR_OUT_OF_RANGE',
  /** An export `format` that does not exist (`details.formats` lists those that do). */
  UNKNOWN_FORMAT = 'UNKNOWN_FORMAT',
  /** Any other argument that cannot be used as given (the message says which and why). */
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  /** The operation's static cost, depth, aliases, directives or tokens exceed the server's limits (HTTP 400). */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The client spent its cost budget for the current window (HTTP 429 with Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The request ran past its deadline (REQUEST_TIMEOUT_MS); its statements were cancelled. */
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  /** PostgreSQL cannot be reached right now (HTTP 503 with Retry-After); try again shortly. */
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  /** No valid API key: missing where anonymous access is off, unknown, malformed or revoked (HTTP 401). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The API key's role may not do this (HTTP 403). */
  FORBIDDEN = 'FORBIDDEN',
  /** An export longer than its format holds (xlsx: 1,048,575 data rows); `details` name the format and `maxRows`. */
  EXPORT_TOO_LARGE = 'EXPORT_TOO_LARGE',
  /** The server is shutting down and takes no new work (HTTP 503). */
  SHUTTING_DOWN = 'SHUTTING_DOWN',
}

/**
 * An error the client caused and can fix. Features throw it with a code; the server's single
 * `formatError` turns it into a GraphQL error with `extensions.code`, so resolvers never catch.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable context, e.g. `{ argument: 'first', max: 500 }`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}
