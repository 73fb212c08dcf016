import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { AppConfig } from '../config/config';
import { ErrorCode } from '../errors/app-error';
import type { GraphQLContext } from '../graphql/context';
import { findNulCharacter } from '../graphql/text-input';
import { queryTooComplexError, VariableCoercionError } from '../graphql/cost';
import { httpStatusOf, type HttpStatus } from './http-status';
import type { CostBudgets, BudgetCharge } from './rate-limit';
import type { RejectionReason } from './observability/metrics';

function omitCode(extensions: Record<string, unknown>): Record<string, unknown> {
  const { code: _code, ...rest } = extensions;
  return rest;
}

export interface EdgePluginOptions {
  config: AppConfig;
  /**
   * The operation's static cost from its document and raw variables; throws a GraphQLError (code
   * BAD_USER_INPUT) when the variables cannot be coerced.
   */
  costOf(document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number;
  /** Cost budgets per client; absent for local tools (the CLI export), which have no client to charge. */
  budgets?: CostBudgets;
  /** Counts a rejected request by reason (metrics). */
  onRejection?(reason: RejectionReason): void;
}

/** The cost report every accepted answer carries in `extensions.cost` (as GitHub's and Shopify's do). */
interface CostReport {
  requested: number;
  limit: number;
  budget?: { limit: number; remaining: number; resetSeconds: number };
}

function requestError(
  message: string,
  code: string,
  status: number,
  extra: Record<string, unknown> = {},
  headers: Array<[string, string]> = [],
) {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status, headers: new Map(headers) } } });
}

/**
 * The HTTP status an answer gets from its error codes. Request errors keep the status they were given;
 * these codes have a meaning of their own for clients and proxies, wherever in the operation they arose.
 */
function statusFor(codes: string[], dataIsNull: boolean): HttpStatus | null {
  for (const code of [ErrorCode.DATABASE_UNAVAILABLE, ErrorCode.SHUTTING_DOWN]) if (codes.includes(code)) return httpStatusOf(code);
  // A field that needs a key (an admin's list, a write) fails alone; the whole answer is 401 / 403 only when nothing else ran.
  if (dataIsNull) for (const code of [ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN]) if (codes.includes(code)) return httpStatusOf(code);
  return null;
}

/**
 * Codes of GraphQL-over-HTTP "request errors" of a well-formed request: the document or its variables
 * cannot be executed. A malformed request (`query` not a string, no query: BAD_REQUEST) is not one and
 * keeps its 4xx whatever the media type.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  ErrorCode.QUERY_TOO_COMPLEX,
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The server's edge inside Apollo: refuses NUL characters before any SQL; computes the operation's
 * static cost once it is parsed and validated and refuses it over MAX_QUERY_COST (QUERY_TOO_COMPLEX),
 * before any resolver runs; charges the cost to the client's budget (RATE_LIMITED, HTTP 429 and
 * Retry-After); reports the cost in `extensions.cost`; and gives answers the HTTP status their error
 * codes mean (401, 403, 429, 503 with Retry-After).
 *
 * Request errors answered as `application/json` keep HTTP 200, as GraphQL over HTTP asks of that legacy
 * media type (clients that accept `application/graphql-response+json` get 400).
 */
export function edgePlugin(options: EdgePluginOptions): ApolloServerPlugin<GraphQLContext> {
  const limit = options.config.cost.maxCost;
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
      let report: CostReport | undefined;
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async didResolveOperation(ctx) {
          const state = ctx.contextValue.request;
          if (state) state.operationName = ctx.operationName ?? undefined;
          const variables = ctx.request.variables;
          const nul = findNulCharacter(ctx.document, variables);
          if (nul) {
            throw requestError(
              `The NUL character (U+0000) cannot be stored or searched for; remove it from ${nul}.`,
              'BAD_USER_INPUT',
              400,
            );
          }
          let cost: number;
          try {
            cost = options.costOf(ctx.document, variables, ctx.operationName ?? undefined);
          } catch (error) {
            if (error instanceof VariableCoercionError) {
              throw requestError(error.message, 'BAD_USER_INPUT', 400);
            }
            if (error instanceof GraphQLError && error.extensions.code === ErrorCode.QUERY_TOO_COMPLEX) {
              throw requestError(error.message, ErrorCode.QUERY_TOO_COMPLEX, 400, omitCode(error.extensions));
            }
            throw error;
          }
          if (state) state.cost = cost;
          report = { requested: cost, limit };
          if (cost > limit) {
            const tooComplex = queryTooComplexError('cost', cost, limit);
            throw requestError(tooComplex.message, ErrorCode.QUERY_TOO_COMPLEX, 400, { ...omitCode(tooComplex.extensions), cost, limit });
          }
          if (state?.client && options.budgets) {
            // The cache's front charged this request already when it found the answer but the budget refused it.
            const charge: BudgetCharge =
              state.precharged?.cost === cost ? state.precharged.charge : await options.budgets.charge(state.client, cost);
            report.budget = { limit: charge.limit, remaining: charge.remaining, resetSeconds: charge.resetSeconds };
            if (!charge.allowed) {
              throw requestError(
                `Rate limited: this client spent its ${charge.limit} cost points for the current window of ${options.config.rateLimit.windowSeconds} s; retry in ${charge.resetSeconds} s.`,
                ErrorCode.RATE_LIMITED,
                429,
                { retryAfterSeconds: charge.resetSeconds, cost, budget: charge.limit },
                [['retry-after', String(charge.resetSeconds)]],
              );
            }
          }
        },
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          if (body.kind !== 'single') return;
          const result = body.singleResult;
          const state = ctx.contextValue?.request;
          if (state?.abortReason === 'timeout') {
            // Past its deadline a request has no answer, even where a statement could not be cancelled in
            // time (the embedded database runs each to its end): the same code on both engines.
            result.data = null;
            result.errors = [
              {
                message: `The request ran past its deadline of ${options.config.requestTimeoutMs} ms and was cancelled; ask for less (a narrower filter, a smaller page) or retry later.`,
                extensions: { code: ErrorCode.QUERY_TIMEOUT },
              },
            ];
          } else if (state?.abortReason === 'shutdown') {
            // Cancelled past the shutdown's grace period. A statement PostgreSQL cancelled reads as 57014, like
            // a deadline's (QUERY_TIMEOUT, "ask for less"); the client should retry elsewhere instead.
            result.data = null;
            result.errors = [
              {
                message: 'The server is shutting down and cancelled the request; retry on another instance.',
                extensions: { code: ErrorCode.SHUTTING_DOWN },
              },
            ];
          }
          const errors: readonly GraphQLFormattedError[] = result.errors ?? [];
          const codes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          if (state) state.errorCodes = codes;
          // A client that hung up is not a rejection: nobody reads this answer (the request log says "aborted").
          const reason = state?.abortReason === 'client_closed' ? null : rejectionReason(errors);
          if (reason) options.onRejection?.(reason);
          // Every operation that ran (even with field errors), was answered from the response cache or was refused by
          // its budget reports its cost.
          if (report && (executed || state?.cache === 'hit' || codes.includes(ErrorCode.RATE_LIMITED))) {
            result.extensions = { ...result.extensions, cost: report };
          }
          const mapped = statusFor(codes, result.data === null || result.data === undefined);
          if (mapped) {
            ctx.response.http.status = mapped.status;
            for (const [name, value] of Object.entries(mapped.headers)) ctx.response.http.headers.set(name.toLowerCase(), value);
          } else if (
            ctx.response.http.status === 400 &&
            codes.length > 0 &&
            codes.every((c) => REQUEST_ERROR_CODES.has(c)) &&
            prefersLegacyJson(ctx)
          ) {
            ctx.response.http.status = 200;
          }
        },
      };
    },
  };
}

/**
 * Why the edge refused or cut short an operation, for the `rejections_total` metric; null when it ran.
 * QUERY_TOO_COMPLEX says which limit (`kind`: cost, depth, aliases, directives, tokens, nodes).
 */
export function rejectionReason(errors: readonly GraphQLFormattedError[]): RejectionReason | null {
  for (const error of errors) {
    const code = error.extensions?.code;
    if (code === ErrorCode.QUERY_TOO_COMPLEX) {
      const kind = String(error.extensions?.kind ?? 'cost');
      return kind === 'depth' || kind === 'aliases' || kind === 'directives' || kind === 'tokens' ? kind : 'cost';
    }
    if (code === ErrorCode.RATE_LIMITED) return 'rate_limit';
    if (code === ErrorCode.QUERY_TIMEOUT) return 'timeout';
    if (code === ErrorCode.DATABASE_UNAVAILABLE) return 'database_unavailable';
    if (code === ErrorCode.UNAUTHENTICATED || code === ErrorCode.FORBIDDEN) return 'auth';
    if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_REQUEST') {
      return 'bad_request';
    }
  }
  return null;
}

/** True when the client accepts application/json but not application/graphql-response+json (or sent no Accept). */
function prefersLegacyJson(ctx: GraphQLRequestContext<GraphQLContext>): boolean {
  const accept = ctx.request.http?.headers.get('accept');
  if (!ctx.request.http) return false;
  if (!accept) return true;
  return !/application\/graphql-response\+json/i.test(accept) && /(application\/json|\*\/\*|application\/\*)/i.test(accept);
}
