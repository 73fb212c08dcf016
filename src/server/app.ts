import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { AppConfig } from '../config/config';
import { createFormatError } from '../errors/format-error';
import type { GraphQLContext } from '../graphql/context';
import { createLoaders } from '../graphql/loaders';
import { createSchema } from '../graphql/schema';
import { EXPLORER_ASSETS_PATH, explorerAssets, explorerHtml, wantsExplorer } from './explorer';
import { healthHandler } from './health';

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
  /** Stops accepting requests and drains the ones in flight. */
  stop(): Promise<void>;
}

export interface AppOptions {
  config: AppConfig;
  orm: MikroORM;
  databaseKind: 'embedded' | 'server';
  log?: (message: string) => void;
}

/** Wires Express, Apollo Server and the explorer; does not listen (see `listen`). */
export async function createApp({ config, orm, databaseKind, log = console.error }: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const development = config.nodeEnv === 'development';

  const apollo = new ApolloServer<GraphQLContext>({
    schema: await createSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: development,
    formatError: createFormatError({ development, logUnexpected: (error) => log(`Unexpected error: ${error instanceof Error ? error.stack : String(error)}`) }),
    // The API is read-only (queries only) and uses no cookies or auth, so there is nothing for a forged
    // cross-site request to do; BI tools (Excel, Power BI) send plain GETs without preflight headers.
    csrfPrevention: false,
    // main.ts owns SIGINT/SIGTERM and stops HTTP and the database in order; Apollo must not race it.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  app.get('/health', healthHandler(orm, databaseKind));
  app.use(EXPLORER_ASSETS_PATH, explorerAssets());
  app.get('/graphql', (req, res, next) => {
    if (!wantsExplorer(req)) return next();
    res.type('html').send(explorerHtml('/graphql'));
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async () => {
        // One identity map per request: entities never leak between requests.
        const em = orm.em.fork();
        return { em, loaders: createLoaders(em), config };
      },
    }),
  );
  app.get('/', (_req, res) => res.redirect('/graphql'));

  return {
    httpServer,
    apollo,
    async stop() {
      await apollo.stop();
    },
  };
}

/** Starts listening; resolves with the bound port (useful with port 0). */
export function listen(app: App, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    app.httpServer.once('error', reject);
    app.httpServer.listen(port, host, () => {
      const address = app.httpServer.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
