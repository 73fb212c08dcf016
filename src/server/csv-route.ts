import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config/config';
import type { GraphQLContext } from '../graphql/context';
import { createContext } from '../graphql/create-context';
import { runCsvQuery } from '../modules/export/run-csv-query';

/**
 * GET /csv?query=…&variables=…&operationName=… — any list query as CSV, for Excel, Power BI and Tableau
 * ("From Web" with no code). Errors are answered as JSON with HTTP 400 and their stable codes.
 */
export function csvHandler(server: ApolloServer<GraphQLContext>, schema: GraphQLSchema, orm: MikroORM, config: AppConfig): RequestHandler {
  return async (req, res) => {
    const query = typeof req.query.query === 'string' ? req.query.query : undefined;
    if (!query) {
      res.status(400).json({ errors: [{ message: 'Pass the GraphQL query in the `query` parameter, e.g. /csv?query={countries(first:10){nodes{id name}}}', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const result = await runCsvQuery(
      server,
      schema,
      { query, variables: req.query.variables, operationName: typeof req.query.operationName === 'string' ? req.query.operationName : undefined },
      createContext(orm, config, { role: 'reader', keyId: null, name: null }),
    );
    if (!result.ok) {
      res.status(400).json({ errors: result.errors });
      return;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${result.name}.csv"`);
    // Data changes only when a dataset is imported; let BI refreshes and proxies reuse an answer briefly.
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.send(result.csv);
  };
}
