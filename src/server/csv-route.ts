import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Catalog } from '../catalog/catalog';
import type { AppConfig } from '../config/config';
import { AppError } from '../errors/app-error';
import type { GraphQLContext } from '../graphql/context';
import { createContext } from '../graphql/create-context';
import { runCsvQuery } from '../modules/export/run-csv-query';
import { sendJsonError } from './http-errors';
import { requestStateOf } from './observability/request-context';
import { httpStatusOf, type HttpStatus } from './http-status';
import { httpOf, type Identify } from './viewer';

/** The status of a CSV request that failed: the first error with an HTTP meaning of its own, else 400. */
function statusOfErrors(errors: readonly GraphQLFormattedError[]): HttpStatus {
  for (const error of errors) {
    const mapped = httpStatusOf(String(error.extensions?.code ?? ''), error.extensions?.retryAfterSeconds);
    if (mapped) return mapped;
  }
  return { status: 400, headers: {} };
}

/**
 * GET /csv?query=…&variables=…&operationName=… — any list query as CSV, for Excel, Power BI and Tableau
 * ("From Web" with no code). Errors are answered as JSON with their stable codes: HTTP 400 for the
 * client's mistakes, 401 without a valid key, 429 over the budget, 503 while the database is away, 504
 * past the deadline (a CSV has no partial answer to give).
 */
export function csvHandler(
  server: ApolloServer<GraphQLContext>,
  schema: GraphQLSchema,
  orm: MikroORM,
  catalog: Catalog,
  config: AppConfig,
  identify: Identify,
): RequestHandler {
  return async (req, res) => {
    const query = typeof req.query.query === 'string' ? req.query.query : undefined;
    if (!query) {
      sendJsonError(
        res,
        400,
        'BAD_REQUEST',
        'Pass the GraphQL query in the `query` parameter, e.g. /csv?query={countries(first:10){nodes{id name}}}',
      );
      return;
    }
    const state = requestStateOf(res);
    let contextValue: GraphQLContext;
    try {
      contextValue = createContext(orm, catalog, config, await identify(req, state), state);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const { status, headers } = httpOf(error);
      sendJsonError(res, status, error.code, error.message, headers);
      return;
    }
    const result = await runCsvQuery(
      server,
      schema,
      {
        query,
        variables: req.query.variables,
        operationName: typeof req.query.operationName === 'string' ? req.query.operationName : undefined,
      },
      contextValue,
    );
    if (!result.ok) {
      const { status, headers } = statusOfErrors(result.errors);
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.status(status).json({ errors: result.errors });
      return;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${result.name}.csv"`);
    // Data changes only when a dataset is imported; let BI refreshes and proxies reuse an answer briefly,
    // but never let a shared cache hand one key's answer to another client.
    res.setHeader('Cache-Control', req.headers.authorization ? 'private, max-age=60' : 'public, max-age=60');
    res.send(result.csv);
  };
}
