import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config/config';
import { createFormatError } from '../errors/format-error';
import type { GraphQLContext } from './context';
import { costParseOptions, costValidationRules } from './cost';
import { KnownOperationTypesRule } from './operation-type-rule';
import { warningsPlugin } from './warnings-plugin';

/** Header names that mark a request as not a browser's simple cross-site request (Apollo's CSRF prevention). */
export const CSRF_SAFE_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'];

/**
 * Parsed and validated documents kept for reuse, sized by their JSON length. An AST in memory is ~10 times
 * its JSON (every token and location is an object): Apollo's default of 30 MiB let a stream of distinct
 * documents (a fuzzer, a client that inlines values instead of sending variables) hold ~300 MB of heap.
 * 3 MiB still keeps the few hundred operations BI tools and the explorer repeat.
 */
const DOCUMENT_CACHE_BYTES = 3 * 2 ** 20;

/** Query texts registered by automatic persisted queries (APQ), by their SHA-256: the same order of size as the documents. */
export const PERSISTED_QUERY_BYTES = 3 * 2 ** 20;

/** The Apollo server of the API, shared by HTTP and by the CSV export command. */
export function createApollo(
  schema: GraphQLSchema,
  config: AppConfig,
  logUnexpected: (error: unknown) => void,
  plugins: ApolloServerPlugin<GraphQLContext>[] = [],
  persistedQueries: KeyValueCache<string> = new InMemoryLRUCache({ maxSize: PERSISTED_QUERY_BYTES }),
) {
  const development = config.nodeEnv === 'development';
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: development,
    formatError: createFormatError({ development, logUnexpected }),
    // A document of more tokens than this is refused while it is being parsed, before it costs memory.
    parseOptions: costParseOptions(config.cost),
    documentStore: new InMemoryLRUCache({ maxSize: DOCUMENT_CACHE_BYTES }),
    // Automatic persisted queries: a client (a BI tool's GET URL) sends the query's SHA-256 instead of its text
    // once the server knows it. Apollo's default store is unbounded in entries; this one is bounded in bytes.
    persistedQueries: { cache: persistedQueries },
    validationRules: [KnownOperationTypesRule, ...costValidationRules(config.cost)],
    // A browser may send a "simple" cross-site request (no preflight) with the user's network position;
    // Apollo refuses those unless they carry a header no simple request can: JSON POSTs (the explorer, every
    // client library) and requests with an API key pass, a bare GET needs `Apollo-Require-Preflight: true`.
    csrfPrevention: { requestHeaders: CSRF_SAFE_HEADERS },
    // Whoever embeds the server owns SIGINT/SIGTERM and stops HTTP and the database in order.
    stopOnTerminationSignals: false,
    // Cache-Control is the response cache's to set (src/server/response-cache.ts); Apollo's plugin would also
    // wrap every field resolver to collect cache hints nobody declares.
    // The warnings plugin before the others: `extensions.warnings` comes before the edge plugin's `extensions.cost`,
    // as the response cache's front writes a cached answer.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), warningsPlugin(), ...plugins],
  });
}
