import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * An operation whose type the schema does not have (`mutation { … }` while there are no mutations, any
 * `subscription`) is a validation error (GRAPHQL_VALIDATION_FAILED, HTTP 400), as graphql-js 17's
 * KnownOperationTypesRule makes it; graphql-js 16 only fails at execution, which Apollo reports as an
 * internal error.
 */
export const KnownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root =
      node.operation === 'query'
        ? schema.getQueryType()
        : node.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!root) {
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: node }));
    }
  },
});
