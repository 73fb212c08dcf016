import { parse, specifiedRules, validate, type GraphQLError, type GraphQLSchema } from 'graphql';
import { costValidationRules, operationCost } from '../../../src/graphql/cost';
import { loadConfig } from '../../../src/config/config';

/** The limits a server gets when no MAX_QUERY_* variable is set. */
export const DEFAULTS = { ...loadConfig({}, '/srv/tradegraph').cost, maxPageSize: loadConfig({}, '/srv/tradegraph').maxPageSize };

/** Cost of a query under the default page size. */
export const costOf = (schema: GraphQLSchema, query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  operationCost(schema, parse(query), variables, operationName, { maxPageSize: DEFAULTS.maxPageSize });

/** graphql's own rules plus the cost rules under the default limits, as the server validates. */
export const validateWithLimits = (schema: GraphQLSchema, query: string): readonly GraphQLError[] =>
  validate(schema, parse(query), [...specifiedRules, ...costValidationRules(DEFAULTS)]);

/** A selection nested `levels` deep: `wrap(i, inner)` builds level i around the level below it. */
export function nested(levels: number, leaf: string, wrap: (level: number, inner: string) => string): string {
  let selection = leaf;
  for (let level = levels - 1; level >= 1; level--) selection = wrap(level, selection);
  return selection;
}

/** Milliseconds one call takes, as the best of `runs` (for the benchmark-style logs, never asserted). */
export function timeMs(run: () => unknown, runs = 5): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return Math.round(best * 100) / 100;
}
