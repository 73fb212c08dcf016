import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context';

/**
 * Puts the operation's warnings (ctx.warnings, ./warnings.ts) into its answer as `extensions.warnings`: a list of
 * `{ code, message, path }`, present only when there is one. An answer without data (a request error) has none.
 */
export function warningsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          if (body.kind !== 'single') return;
          const result = body.singleResult;
          const warnings = ctx.contextValue?.warnings?.list() ?? [];
          if (warnings.length === 0 || result.data === null || result.data === undefined) return;
          result.extensions = { ...result.extensions, warnings };
        },
      };
    },
  };
}
