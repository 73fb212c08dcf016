import { GraphQLError, type ASTNode } from 'graphql';
import { AppError, ErrorCode } from '../../errors/app-error';

/** Which limit an operation went over. */
export type CostLimitKind = 'cost' | 'depth' | 'aliases' | 'directives' | 'nodes';

/** Thousands separators without building an Intl formatter per call (toLocaleString does, slowly). */
const FIGURES = new Intl.NumberFormat('en');

/**
 * The error of an operation over one of the static limits: a GraphQLError (so a validation rule can report
 * it) whose `extensions` carry `code: QUERY_TOO_COMPLEX`, the limit and what was found, and whose
 * `originalError` is the matching AppError (so the one formatError maps it like any other AppError, even
 * after Apollo re-wraps validation errors as GRAPHQL_VALIDATION_FAILED).
 */
export function queryTooComplexError(kind: CostLimitKind, found: number, limit: number, nodes?: readonly ASTNode[]): GraphQLError {
  const message = {
    cost: `Query cost ${FIGURES.format(found)} exceeds the limit of ${FIGURES.format(limit)}: ask for fewer or smaller lists (first, top), fewer years, or split the query.`,
    depth: `Query depth ${found} exceeds the limit of ${limit}.`,
    aliases: `Query has ${found} aliases, more than the limit of ${limit}.`,
    directives: `Query has ${found} directives, more than the limit of ${limit}.`,
    nodes: `Query selects more than ${FIGURES.format(limit)} fields once its fragments are expanded.`,
  }[kind];
  const details = { kind, found, limit };
  return new GraphQLError(message, {
    nodes,
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...details },
    originalError: new AppError(ErrorCode.QUERY_TOO_COMPLEX, message, details),
  });
}

/**
 * The variables cannot be coerced to the operation's variable types (a wrong type, a missing required
 * variable): execution would refuse them too. `errors` are graphql-js's own errors, to answer as
 * BAD_USER_INPUT; no cost is computed.
 */
export class VariableCoercionError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'VariableCoercionError';
  }
}
