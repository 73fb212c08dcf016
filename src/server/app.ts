import http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { AppConfig } from '../config/config';
import { createApollo } from '../graphql/apollo';
import type { GraphQLContext } from '../graphql/context';
import { createContext } from '../graphql/create-context';
import { createSchema } from '../graphql/schema';
import { EXPLORER_ASSETS_PATH, explorerAssets, explorerHtml, wantsExplorer } from './explorer';
import { csvHandler } from './csv-route';
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
  const schema = await createSchema();
  const apollo = createApollo(schema, config, log, [ApolloServerPluginDrainHttpServer({ httpServer })]);
  await apollo.start();

  app.get('/health', healthHandler(orm, databaseKind));
  app.get('/csv', csvHandler(apollo, schema, orm, config));
  app.use(EXPLORER_ASSETS_PATH, explorerAssets());
  app.get('/graphql', (req, res, next) => {
    if (!wantsExplorer(req)) return next();
    res.type('html').send(explorerHtml('/graphql'));
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      // One identity map per request: entities never leak between requests.
      context: async () => createContext(orm, config, { role: 'reader', keyId: null, name: null }),
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
