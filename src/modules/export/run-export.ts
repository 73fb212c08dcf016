import type { ApolloServer } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { getOperationAST, parse, print, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { CatalogDataset } from '../../catalog/catalog';
import { copyCsvOut, type CopyOptions } from '../../database/query';
import type { Sql } from '../../database/sql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { formatAppError } from '../../errors/format-error';
import type { AnswerWarning } from '../../errors/warning-code';
import type { GraphQLContext } from '../../graphql/context';
import { AGGREGATE_MAX_ROWS } from '../trade-aggregate/trade-aggregate.page';
import { RCA_MAX_ROWS } from '../specialisation/rca.resolver';
import type { DatasetsUsed } from '../dataset/datasets-used';
import type { CsvStreamSlot } from './csv-stream';
import { csvCell, UTF8_BOM } from './formats/delimited';
import { assertRowsFit, rowLimitOf } from './formats/row-limit';
import { PROVENANCE_COLUMNS, provenanceValues } from './formats/provenance-columns';
import type { ExportColumn, ExportProvenance, RowBatch, TableFormat } from './formats/table-format';
import { AFTER_VARIABLE, PAGE_INFO_ALIAS, pagedDocument, TOTAL_ALIAS } from './page-document';
import { copyCsvRows, streamedCsv } from './stream-csv';
import { tableShape, type TableShape } from './tabulate';

export interface ExportRequest {
  query: string;
  /** The variables as given: a JSON object's text (a URL parameter, a CLI option), or nothing. */
  variables?: unknown;
  operationName?: string;
  format: TableFormat;
  /** At most this many rows; null or absent for every row. */
  limit?: number | null;
  bom?: boolean;
  /** The deadline of the one COPY statement of a streamed CSV (ms), instead of the interactive one. */
  statementTimeoutMs?: number;
}

export type ExportResult =
  | {
      ok: true;
      /** The root field ("tradeAggregate"): the file's name. */
      name: string;
      columns: readonly ExportColumn[];
      provenance: ExportProvenance;
      /** What the first page's answer said besides its data (extensions.warnings): a file has no room for it. */
      warnings: readonly AnswerWarning[];
      /** The file, as it comes: a failure while it streams is thrown from here (the download must then fail). */
      body: AsyncGenerator<Buffer>;
    }
  | { ok: false; errors: readonly GraphQLFormattedError[] };

/** Largest page of a paged type, where it is not the connections' (config.maxPageSize). */
const PAGE_SIZES: Record<string, number> = { TradeAggregate: AGGREGATE_MAX_ROWS, RcaPage: RCA_MAX_ROWS };

/**
 * Runs an export: the query's one list of rows, every row of it (at most `limit`), in the format asked.
 *
 * A list that comes in pages (a connection, a page of aggregate rows) is read page by page by keyset —
 * `after: endCursor`, at the API's largest page unless the query gives `first` — each page a GraphQL
 * operation of its own through the same server (same validation, cost, budget, limits and error codes as
 * the API), each with a fresh context (its own identity map and loaders), so memory holds one page at a
 * time whatever the number of rows. A CSV of a table PostgreSQL can write itself (tradeAggregate's own
 * columns) is one `copy … to stdout` instead (see CsvStreamSlot).
 *
 * The first page runs before anything is returned: its errors are the answer (a JSON error with a status);
 * a later page's failure is thrown from `body`, which the caller turns into an aborted download.
 */
export async function runExport(
  server: ApolloServer<GraphQLContext>,
  schema: GraphQLSchema,
  request: ExportRequest,
  newContext: () => GraphQLContext,
): Promise<ExportResult> {
  try {
    const document = parseOrNull(request.query);
    // Unparseable: the server answers the syntax error itself.
    if (!document) return { ok: false, errors: await errorsOf(server, { query: request.query }, newContext()) };
    const operation = getOperationAST(document, request.operationName);
    // An export is a read: an export URL must never run a write (a link or a BI refresh would repeat it).
    if (operation && operation.operation !== 'query') {
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `only queries can be exported (this is a ${operation.operation})`, {
        argument: 'query',
      });
    }
    const variables = parseVariables(request.variables);
    let shape: TableShape;
    try {
      shape = tableShape(schema, document, request.operationName);
    } catch (error) {
      // The API's own errors (validation, arguments) come first: a table is only laid out for a valid query.
      const errors = await errorsOf(server, { query: request.query, variables, operationName: request.operationName }, newContext());
      if (errors.length) return { ok: false, errors };
      throw error;
    }
    const pageSize = shape.paged ? (PAGE_SIZES[shape.paged.type.name] ?? newContext().config.maxPageSize) : 0;
    const paged = shape.paged && operation ? pagedDocument(document, operation, shape.paged.node, pageSize, variables) : null;
    const query = paged ? print(paged.document) : request.query;
    // A format that holds a limited number of rows (xlsx) is refused before the first byte when the list is
    // longer: the first page also asks the list's totalCount, where the list has one and no limit settles it.
    const maxRows = rowLimitOf(request.format);
    const countFirst =
      paged !== null &&
      maxRows !== null &&
      (request.limit ?? Infinity) > maxRows &&
      paged.startCursor === null &&
      'totalCount' in shape.paged!.type.getFields();
    const firstQuery = countFirst
      ? print(pagedDocument(document, operation!, shape.paged!.node, pageSize, variables, true).document)
      : query;
    const datasetsUsed: DatasetsUsed = new Map();
    const limit = request.limit ?? null;
    // A table PostgreSQL can write itself is one COPY whatever the format: its output is the file for a CSV
    // (formula cells neutralised in the statement), else rows read back for the format's encoder.
    const copiesCsv = request.format.id === 'csv';
    const slot: CsvStreamSlot = { limit, neutralise: copiesCsv };

    const runPage = async (after: string | null, first: boolean) => {
      const contextValue = newContext();
      contextValue.datasetsUsed = datasetsUsed;
      if (first && slot) contextValue.csvStream = slot;
      const pageVariables = paged ? { ...variables, [AFTER_VARIABLE]: after } : variables;
      const response = await server.executeOperation(
        { query: first ? firstQuery : query, variables: pageVariables, operationName: request.operationName },
        { contextValue },
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported for exports');
      const { data, errors } = response.body.singleResult;
      return { data: (data ?? {}) as Record<string, unknown>, errors, em: contextValue.em, warnings: contextValue.warnings };
    };

    const page = await runPage(paged?.startCursor ?? null, true);
    if (page.errors?.length) return { ok: false, errors: page.errors };
    if (countFirst) {
      const total = valueAt(page.data, shape.paged!.path, TOTAL_ALIAS);
      if (typeof total === 'number') assertRowsFit(request.format, total);
    }
    const provenance: ExportProvenance = {
      datasets: [...datasetsUsed.values()].map(provenanceOf),
      exportedAt: new Date().toISOString(),
      source: shape.paged?.node.name.value ?? shape.name,
    };
    const base = { ok: true as const, name: shape.name, columns: shape.columns, provenance, warnings: page.warnings.list() };
    const copyOptions = { statementTimeoutMs: request.statementTimeoutMs };
    if (slot.statement && !copiesCsv) {
      const statement = slot.statement(shape.fields.map((f) => f.join('.')));
      const rows = copiedBatches(page.em, statement, shape.columns, copyOptions);
      return { ...base, body: encoded(request.format, shape.columns, provenance, rows, request.bom ?? false) };
    }
    if (slot.statement) {
      // The header and each row's provenance cells as the CSV format writes them.
      const header = Buffer.from([...shape.columns.map((c) => c.name), ...PROVENANCE_COLUMNS].map(csvCell).join(',') + '\r\n');
      const lineEnd = Buffer.from(`,${provenanceValues(provenance).map(csvCell).join(',')}\r\n`);
      const statement = slot.statement(shape.fields.map((f) => f.join('.')));
      return {
        ...base,
        body: streamedCsv(page.em, request.bom ? Buffer.concat([UTF8_BOM, header]) : header, statement, lineEnd, copyOptions),
      };
    }

    async function* batches(): AsyncGenerator<RowBatch> {
      let remaining = limit ?? Infinity;
      let current = page;
      for (;;) {
        const rows = shape.rowsOf(current.data).slice(0, remaining);
        remaining -= rows.length;
        if (rows.length) yield rows.map((row) => row.map(cellOf));
        const info = paged ? pageInfoAt(current.data, shape.paged!.path) : null;
        if (!info?.hasNextPage || !info.endCursor || remaining <= 0) return;
        current = await runPage(info.endCursor, false);
        if (current.errors?.length) throw pageFailure(current.errors);
      }
    }
    return { ...base, body: encoded(request.format, shape.columns, provenance, batches(), request.bom ?? false) };
  } catch (error) {
    // Errors of the export layer itself (variables, table shape) are answered like the API's own.
    if (error instanceof AppError) return { ok: false, errors: [formatAppError(error)] };
    throw error;
  }
}

/** Rows a format's encoder takes at a time when they come from a COPY. */
const COPY_BATCH_ROWS = 5_000;

/**
 * The rows of a COPY statement (CSV text from PostgreSQL) as cells of their columns' types, in batches: a
 * table of any size read in constant memory, with no GraphQL execution per row (see copyCsvRows).
 */
async function* copiedBatches(
  em: EntityManager,
  statement: Sql,
  columns: readonly ExportColumn[],
  options: CopyOptions,
): AsyncGenerator<RowBatch> {
  const cell = columns.map((c) => CELL_OF_TYPE[c.type]);
  let batch: (string | number | boolean | null)[][] = [];
  for await (const record of copyCsvRows(copyCsvOut(em, statement, options))) {
    batch.push(record.map((value, j) => (value === null ? null : cell[j](value))));
    if (batch.length === COPY_BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** A COPY cell's text as the value the API gives for its column type (numbers as the doubles it returns). */
const CELL_OF_TYPE: Record<ExportColumn['type'], (text: string) => string | number | boolean> = {
  text: (t) => t,
  code: (t) => t,
  datetime: (t) => t,
  integer: Number,
  decimal: Number,
  float: Number,
  boolean: (t) => t === 't' || t === 'true',
};

async function* encoded(
  format: TableFormat,
  columns: readonly ExportColumn[],
  provenance: ExportProvenance,
  batches: AsyncIterable<RowBatch>,
  bom: boolean,
): AsyncGenerator<Buffer> {
  for await (const chunk of format.encode(columns, provenance, batches, { bom }))
    yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** The errors of a request run as it is (for a query that cannot be laid out or paged). */
async function errorsOf(
  server: ApolloServer<GraphQLContext>,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  contextValue: GraphQLContext,
): Promise<readonly GraphQLFormattedError[]> {
  const response = await server.executeOperation(request, { contextValue });
  return response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
}

/** What the export selected under `alias` on the paged field (at `path`), from a page's result. */
function valueAt(data: Record<string, unknown>, path: readonly string[], alias: string): unknown {
  let value: unknown = data;
  for (const key of path) value = value == null ? null : (value as Record<string, unknown>)[key];
  return value == null ? null : (value as Record<string, unknown>)[alias];
}

/** The page info the export selected on the paged field, from a page's result. */
function pageInfoAt(data: Record<string, unknown>, path: readonly string[]): { hasNextPage: boolean; endCursor: string | null } | null {
  return (valueAt(data, path, PAGE_INFO_ALIAS) as { hasNextPage: boolean; endCursor: string | null } | null) ?? null;
}

/** A later page's errors as the failure that aborts the download (its code and message, as the API gave them). */
function pageFailure(errors: readonly GraphQLFormattedError[]): AppError {
  const { code, ...details } = errors[0].extensions ?? {};
  return new AppError(String(code ?? 'INTERNAL_SERVER_ERROR') as ErrorCode, errors[0].message, details);
}

/** A cell as formats take it: strings, finite numbers, booleans, null. */
function cellOf(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function provenanceOf(d: CatalogDataset): ExportProvenance['datasets'][number] {
  return {
    id: String(d.id),
    kind: d.kind,
    name: d.name,
    version: d.version,
    file: d.file,
    checksum: d.checksum,
    licence: d.licence,
    importedAt: new Date(d.importedAt).toISOString(),
  };
}

/** The document, or null when it does not parse (the server then answers the syntax error itself). */
function parseOrNull(query: string): DocumentNode | null {
  try {
    return parse(query, { maxTokens: 100_000 });
  } catch {
    return null;
  }
}

/** Parses the `variables` of an export (URL parameter or CLI option). */
function parseVariables(raw: unknown): Record<string, unknown> | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    const value = JSON.parse(String(raw));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AppError(ErrorCode.INVALID_ARGUMENT, 'variables must be a JSON object', { argument: 'variables' });
}
