import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config/config';
import { createFormatError } from '../errors/format-error';
import type { GraphQLContext } from './context';

/** The Apollo server of the API, shared by HTTP and by the CSV export command. */
export function createApollo(schema: GraphQLSchema, config: AppConfig, log: (message: string) => void, plugins: ApolloServerPlugin<GraphQLContext>[] = []) {
  const development = config.nodeEnv === 'development';
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: development,
    formatError: createFormatError({ development, logUnexpected: (error) => log(`Unexpected error: ${error instanceof Error ? error.stack : String(error)}`) }),
    // The API is read-only (queries only) and uses no cookies or auth, so there is nothing for a forged
    // cross-site request to do; BI tools (Excel, Power BI) send plain GETs without preflight headers.
    csrfPrevention: false,
    // Whoever embeds the server owns SIGINT/SIGTERM and stops HTTP and the database in order.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), ...plugins],
  });
}
