import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config/config';
import { createFormatError } from '../errors/format-error';
import type { GraphQLContext } from './context';
import { costValidationRules } from './cost';
import { KnownOperationTypesRule } from './operation-type-rule';

/** Header names that mark a request as not a browser's simple cross-site request (Apollo's CSRF prevention). */
export const CSRF_SAFE_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'];

/** The Apollo server of the API, shared by HTTP and by the CSV export command. */
export function createApollo(schema: GraphQLSchema, config: AppConfig, logUnexpected: (error: unknown) => void, plugins: ApolloServerPlugin<GraphQLContext>[] = []) {
  const development = config.nodeEnv === 'development';
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: development,
    formatError: createFormatError({ development, logUnexpected }),
    // A document of more tokens than this is refused while it is being parsed, before it costs memory.
    parseOptions: { maxTokens: config.cost.maxTokens },
    validationRules: [KnownOperationTypesRule, ...costValidationRules(config.cost)],
    // A browser may send a "simple" cross-site request (no preflight) with the user's network position;
    // Apollo refuses those unless they carry a header no simple request can: JSON POSTs (the explorer, every
    // client library) and requests with an API key pass, a bare GET needs `Apollo-Require-Preflight: true`.
    csrfPrevention: { requestHeaders: CSRF_SAFE_HEADERS },
    // Whoever embeds the server owns SIGINT/SIGTERM and stops HTTP and the database in order.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), ...plugins],
  });
}
