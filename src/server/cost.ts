import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config/config';
import { operationCost } from '../graphql/cost';

/** Costs remembered per document: enough for the variable sets a dashboard or BI tool repeats. */
const COSTS_PER_DOCUMENT = 256;

/** Variables longer than this (as JSON) are priced every time rather than kept as a key. */
const MAX_REMEMBERED_VARIABLES = 2048;

/**
 * The static cost of an operation under this server's page-size maximum (see src/graphql/cost).
 *
 * A cost depends on nothing but the document, the operation and the variables, and pricing walks the whole
 * document (a tenth of a cached answer's server time was spent here): so it is remembered per parsed document
 * (Apollo reuses one per query text), for the most recent COSTS_PER_DOCUMENT variable sets. A request answered
 * from the response cache is thus charged the cost its answer was charged when it was computed.
 */
export function createCostFunction(schema: GraphQLSchema, config: AppConfig) {
  const remembered = new WeakMap<DocumentNode, Map<string, number>>();
  return (document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number => {
    const key = `${operationName ?? ''}\n${JSON.stringify(variables ?? {})}`;
    let costs = remembered.get(document);
    const known = costs?.get(key);
    if (known !== undefined) return known;
    const cost = operationCost(schema, document, variables, operationName, { maxPageSize: config.maxPageSize });
    if (key.length > MAX_REMEMBERED_VARIABLES) return cost;
    if (!costs) remembered.set(document, (costs = new Map()));
    if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
    costs.set(key, cost);
    return cost;
  };
}
