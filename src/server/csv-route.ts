import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import accepts from 'accepts';
import fresh from 'fresh';
import type { RequestHandler, Response } from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Catalog } from '../catalog/catalog';
import type { AppConfig } from '../config/config';
import { abortedRequestError } from '../database/statement-tracker';
import { AppError, ErrorCode } from '../errors/app-error';
import { classifyFailure, formatAppError } from '../errors/format-error';
import type { GraphQLContext } from '../graphql/context';
import { createContext } from '../graphql/create-context';
import { formatById, type TableFormat } from '../modules/export/formats';
import type { ExportProvenance } from '../modules/export/formats/table-format';
import { warningsHeader } from '../graphql/warnings';
import { gzipChunks } from '../modules/export/gzip';
import { parseLimit } from '../modules/export/export-options';
import { runExport } from '../modules/export/run-export';
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

/** Whether a request is for the export route (it gets the export deadline, EXPORT_TIMEOUT_MS). */
export function isCsvPath(url: string | undefined): boolean {
  return url === '/csv' || Boolean(url?.startsWith('/csv?'));
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** `bom=1`: start the file with a UTF-8 byte order mark (Excel then reads it as UTF-8). */
function parseBom(raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new AppError(ErrorCode.INVALID_ARGUMENT, `bom must be 1 or 0 (got "${raw}").`, { argument: 'bom', value: raw });
}

/**
 * The datasets of an export as one header value: a JSON array of {id, kind, name, version, file,
 * checksum, licence, importedAt}, characters outside ASCII escaped (\uXXXX) so the header stays valid.
 */
export function datasetsHeader(provenance: ExportProvenance): string {
  return JSON.stringify(provenance.datasets).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A weak ETag of an export: the data version, the viewer's role, the parameters and the encoding; null without a version. */
async function exportEtag(catalog: Catalog, params: Record<string, unknown>, role: string, gzip: boolean): Promise<string | null> {
  let version: string;
  try {
    version = (await catalog.snapshot()).version;
  } catch {
    return null;
  }
  const keys = ['query', 'variables', 'operationName', 'format', 'limit', 'bom'];
  const hash = createHash('sha256')
    .update(JSON.stringify([version, role, gzip, ...keys.map((k) => params[k] ?? null)]))
    .digest('base64url')
    .slice(0, 27);
  return `W/"${hash}"`;
}

/**
 * GET /csv?query=…&variables=…&operationName=…&format=…&limit=…&bom=1 — every row of any list query as a
 * file (csv by default, tsv, jsonl), for Excel, Power BI and Tableau ("From Web" with no code), gzipped
 * when the client accepts it. Errors are answered as JSON with their stable codes: HTTP 400 for the
 * client's mistakes (UNKNOWN_FORMAT lists the formats), 401 without a valid key, 429 over the budget,
 * 503 while the database is away, 504 past the deadline (an export has no partial answer to give).
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
    const query = text(req.query.query);
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
    let options: { format: TableFormat; limit: number | null; bom: boolean };
    try {
      options = {
        format: formatById(text(req.query.format)),
        limit: parseLimit(text(req.query.limit)),
        bom: parseBom(text(req.query.bom)),
      };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // As the API's own errors: the code and its details (UNKNOWN_FORMAT lists the formats).
      res.status(400).json({ errors: [formatAppError(error)] });
      return;
    }
    let newContext: () => GraphQLContext;
    let viewerRole: string;
    try {
      const viewer = await identify(req, state);
      newContext = () => createContext(orm, catalog, config, viewer, state);
      viewerRole = viewer.role ?? '';
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const { status, headers } = httpOf(error);
      sendJsonError(res, status, error.code, error.message, headers);
      return;
    }
    const gzip = accepts(req).encoding(['identity', 'gzip']) === 'gzip';
    // The file is a function of the data version and of the request: its ETag is known before any row is
    // read, so a BI refresh of unchanged data is a 304 without running the export.
    const etag = await exportEtag(catalog, req.query, viewerRole, gzip);
    if (etag && fresh(req.headers, { etag })) {
      res.status(304).set({ ETag: etag, Vary: 'Accept-Encoding' }).end();
      return;
    }
    const result = await runExport(
      server,
      schema,
      {
        query,
        variables: req.query.variables,
        operationName: text(req.query.operationName),
        ...options,
        statementTimeoutMs: config.exportTimeoutMs,
      },
      newContext,
    );
    if (!result.ok) {
      const { status, headers } = statusOfErrors(result.errors);
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.status(status).json({ errors: result.errors });
      return;
    }
    // What a JSON answer says in extensions.warnings (a level the dataset lacks…), for a file that has no room for it.
    const warnings = warningsHeader(result.warnings);
    const headers: Record<string, string> = {
      'Content-Type': options.format.contentType,
      'Content-Disposition': `attachment; filename="${result.name}.${options.format.extension}"`,
      Vary: 'Accept-Encoding',
      'X-Tradegraph-Datasets': datasetsHeader(result.provenance),
      ...(warnings && { 'X-Tradegraph-Warnings': warnings }),
      // Data changes only when a dataset is imported; let BI refreshes and proxies reuse an answer briefly,
      // but never let a shared cache hand one key's answer to another client.
      'Cache-Control': req.headers.authorization ? 'private, max-age=60' : 'public, max-age=60',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      ...(etag ? { ETag: etag } : {}),
    };
    await sendStreamed(res, gzip ? gzipChunks(result.body) : result.body, headers, state, onRejection);
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
