import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler, Response } from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Catalog } from '../catalog/catalog';
import type { AppConfig } from '../config/config';
import { abortedRequestError } from '../database/statement-tracker';
import { AppError } from '../errors/app-error';
import { classifyFailure, formatAppError } from '../errors/format-error';
import type { GraphQLContext } from '../graphql/context';
import { createContext } from '../graphql/create-context';
import { warningsHeader } from '../graphql/warnings';
import { runCsvQuery } from '../modules/export/run-csv-query';
import { streamedCsv } from '../modules/export/stream-csv';
import { rejectionReason } from './edge-plugin';
import { sendJsonError } from './http-errors';
import { requestStateOf } from './observability/request-context';
import { httpStatusOf, type HttpStatus } from './http-status';
import type { RejectionReason } from './observability/metrics';
import type { RequestState } from './request-state';
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
  onRejection?: (reason: RejectionReason) => void,
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
    // What a JSON answer says in extensions.warnings (a level the dataset lacks…), for a table that has no room for it.
    const warnings = warningsHeader(contextValue.warnings.list());
    const headers = {
      ...(warnings && { 'X-Tradegraph-Warnings': warnings }),
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.name}.csv"`,
      // Data changes only when a dataset is imported; let BI refreshes and proxies reuse an answer briefly,
      // but never let a shared cache hand one key's answer to another client.
      'Cache-Control': req.headers.authorization ? 'private, max-age=60' : 'public, max-age=60',
    };
    if ('statement' in result) {
      await sendStreamed(res, streamedCsv(contextValue.em, result.header, result.statement), headers, state, onRejection);
      return;
    }
    res.set(headers).send(result.csv);
  };
}

/** Where a failure of a streamed CSV goes: the request's codes (log, metrics) and the rejection counter. */
function recordFailure(state: RequestState | undefined, error: GraphQLFormattedError, onRejection?: (reason: RejectionReason) => void) {
  if (state) state.errorCodes = [String(error.extensions?.code)];
  const reason = state?.signal.reason === 'client_closed' ? null : rejectionReason([error]);
  if (reason) onRejection?.(reason);
}

/** Writes a chunk, waiting while the client's socket is full (a slow client slows PostgreSQL down, memory stays flat). */
function write(res: Response, chunk: Buffer): Promise<void> {
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the client closed the connection'));
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

/**
 * Answers a streamed CSV: nothing is sent before PostgreSQL has answered with its first rows (or all of
 * them), so that until then a failure (deadline, database away) is still a JSON error with its status, as
 * for any CSV. Once rows have gone out, a failure or the deadline cuts the response off without the last
 * chunk of its chunked body: the download fails (curl: "transfer closed with outstanding read data
 * remaining", browsers and BI tools: a network error) instead of leaving a shorter table that reads as
 * whole.
 */
export async function sendStreamed(
  res: Response,
  lines: AsyncGenerator<Buffer>,
  headers: Record<string, string>,
  state?: RequestState,
  onRejection?: (reason: RejectionReason) => void,
): Promise<void> {
  const checkDeadline = () => {
    if (state?.signal.aborted) throw abortedRequestError(state);
  };
  const failure = (error: unknown) => {
    const known = classifyFailure(error);
    if (!known) throw error;
    const formatted = formatAppError(known);
    recordFailure(state, formatted, onRejection);
    return formatted;
  };
  const head: Buffer[] = [];
  let ended = false;
  try {
    for (let i = 0; i < 2 && !ended; i++) {
      const next = await lines.next();
      if (next.done) ended = true;
      else head.push(next.value);
    }
    checkDeadline();
  } catch (error) {
    await lines.return(undefined);
    const formatted = failure(error);
    const { status, headers: errorHeaders } = statusOfErrors([formatted]);
    for (const [name, value] of Object.entries(errorHeaders)) res.setHeader(name, value);
    res.status(status).json({ errors: [formatted] });
    return;
  }
  res.status(200).set(headers);
  try {
    for (const chunk of head) await write(res, chunk);
    if (!ended) {
      for await (const chunk of lines) {
        checkDeadline();
        await write(res, chunk);
      }
    }
    checkDeadline();
    res.end();
  } catch (error) {
    res.destroy();
    // A client that went away is the request's abort (client_closed), not a failure of the server.
    failure(state?.signal.aborted ? abortedRequestError(state) : error);
  }
}
