import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { CostOptions } from './cost-model';
import { costEstimator, type CostRun } from './cost-estimator';
import { queryTooComplexError, VariableCoercionError } from './cost-errors';

/** Fields an operation may select once its fragments are expanded (graphql-query-complexity's default). */
export const MAX_EXPANDED_FIELDS = 10_000;

/**
 * The static cost of the operation `operationName` (or the only one) of a validated document, with its
 * variables coerced as execution coerces them (COST_TABLE, cost-estimator.ts). Runs no SQL.
 *
 * Throws VariableCoercionError when the variables cannot be coerced, and a QUERY_TOO_COMPLEX GraphQLError
 * (queryTooComplexError 'nodes') when the fragments expand past MAX_EXPANDED_FIELDS selections. Returns 0
 * when the document has no such operation (execution then refuses it).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  options: CostOptions,
): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) throw new VariableCoercionError(coerced.errors);

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const run: CostRun = { options, fragments, priced: new WeakMap() };
  // Only the chosen operation: graphql-query-complexity would add up every operation of the document.
  const single: DocumentNode = {
    ...document,
    definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION),
  };
  try {
    return getComplexity({
      schema,
      query: single,
      variables: variables ?? {},
      estimators: [costEstimator(run)],
      maxQueryNodes: MAX_EXPANDED_FIELDS,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw queryTooComplexError('nodes', MAX_EXPANDED_FIELDS, MAX_EXPANDED_FIELDS);
    }
    throw error;
  }
}
