import type { ApolloServer } from '@apollo/server';
import { getOperationAST, parse, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { formatAppError } from '../../errors/format-error';
import type { Sql } from '../../database/sql';
import type { GraphQLContext } from '../../graphql/context';
import { csvLine } from './csv-format';
import type { CsvStreamSlot } from './csv-stream';
import { tabulate } from './tabulate';

export interface CsvQuery {
  query: string;
  /** The variables as given: a JSON object's text (a URL parameter, a CLI option), or nothing. */
  variables?: unknown;
  operationName?: string;
}

export type CsvResult =
  | { ok: true; name: string; csv: string; rows: number }
  /** A table its resolver left for PostgreSQL to write (see CsvStreamSlot): the header line and the statement of its rows. */
  | { ok: true; name: string; header: string; statement: Sql }
  | { ok: false; errors: readonly GraphQLFormattedError[] };

/**
 * Runs a GraphQL query through the same server (same validation, resolvers, limits and error codes as
 * the API) and lays its one root list out as CSV: header row, then one line per row. A resolver that can
 * have PostgreSQL write its rows (tradeAggregate) leaves its statement instead of the rows, and the
 * result is that statement, to stream (see stream-csv.ts): all checks have passed by then.
 */
export async function runCsvQuery(
  server: ApolloServer<GraphQLContext>,
  schema: GraphQLSchema,
  request: CsvQuery,
  contextValue: GraphQLContext,
): Promise<CsvResult> {
  try {
    // A CSV is a read: an export URL must never run a write (a link or a BI refresh would repeat it).
    const document = parseOrNull(request.query);
    const operation = document ? getOperationAST(document, request.operationName) : null;
    if (operation && operation.operation !== 'query') {
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `only queries can be exported (this is a ${operation.operation})`, {
        argument: 'query',
      });
    }
    const slot: CsvStreamSlot = {};
    contextValue.csvStream = slot;
    const response = await server.executeOperation(
      { query: request.query, variables: parseVariables(request.variables), operationName: request.operationName },
      { contextValue },
    );
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported for CSV');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) return { ok: false, errors };
    const table = tabulate(schema, parse(request.query), (data ?? {}) as Record<string, unknown>, request.operationName);
    if (slot.statement) {
      return {
        ok: true,
        name: table.name,
        header: csvLine(table.columns),
        statement: slot.statement(table.fields.map((f) => f.join('.'))),
      };
    }
    return { ok: true, name: table.name, rows: table.rows.length, csv: csvLine(table.columns) + table.rows.map(csvLine).join('') };
  } catch (error) {
    // Errors of the CSV layer itself (variables, table shape) are answered like the API's own.
    if (error instanceof AppError) return { ok: false, errors: [formatAppError(error)] };
    throw error;
  }
}

/** The document, or null when it does not parse (the server then answers the syntax error itself). */
function parseOrNull(query: string): DocumentNode | null {
  try {
    return parse(query, { maxTokens: 100_000 });
  } catch {
    return null;
  }
}

/** Parses the `variables` of a CSV request (URL parameter or CLI option). */
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
