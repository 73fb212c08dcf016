import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ParseOptions, ValidationContext, ValidationRule } from 'graphql';
import { queryTooComplexError, type CostLimitKind } from './cost-errors';

/** The static limits of config.cost, checked before any SQL runs. */
export interface CostLimits {
  maxCost: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

/** graphql-armor says what it found only in its message ("… limit of 12 exceeded, found 15."). */
const foundIn = (error: GraphQLError, limit: number): number => Number(/found (-?\d+)/.exec(error.message)?.[1] ?? limit + 1);

/** Reports graphql-armor's rejection as a QUERY_TOO_COMPLEX error instead of throwing its own. */
const reportAs = (kind: CostLimitKind, limit: number) => ({
  propagateOnRejection: false,
  exposeLimits: true,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(queryTooComplexError(kind, foundIn(error, limit), limit)),
  ],
});

/**
 * graphql-armor's depth, alias and directive rules with these limits, reporting QUERY_TOO_COMPLEX
 * (queryTooComplexError) through the validation context. Depth counts field levels (`{ a { b } }` is 2)
 * through fragment spreads and inline fragments, which add no level of their own (flattenFragments);
 * `__schema` introspection (GraphiQL's query) is not counted. Fragments are counted once each, so a
 * fragment cycle ends (graphql's NoFragmentCycles rule, among the specified rules, refuses it).
 */
export function costValidationRules(limits: Pick<CostLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...reportAs('depth', limits.maxDepth) }),
    maxAliasesRule({ n: limits.maxAliases, ...reportAs('aliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs('directives', limits.maxDirectives) }),
  ] as unknown as ValidationRule[];
}

/** graphql-js's own token limit, for Apollo's `parseOptions`: a longer document fails to parse (GRAPHQL_PARSE_FAILED). */
export function costParseOptions(limits: Pick<CostLimits, 'maxTokens'>): ParseOptions {
  return { maxTokens: limits.maxTokens };
}
