import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config/config';
import { operationCost } from '../graphql/cost';

/** The static cost of an operation under this server's page-size maximum (see src/graphql/cost). */
export function createCostFunction(schema: GraphQLSchema, config: AppConfig) {
  return (document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number =>
    operationCost(schema, document, variables, operationName, { maxPageSize: config.maxPageSize });
}
