import type { ApolloServer } from '@apollo/server';
import { parse, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { csvLine } from './csv-format';
import { tabulate } from './tabulate';

export interface CsvQuery {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export type CsvResult = { ok: true; name: string; csv: string; rows: number } | { ok: false; errors: readonly GraphQLFormattedError[] };

/**
 * Runs a GraphQL query through the same server (same validation, resolvers, limits and error codes as
 * the API) and lays its one root list out as CSV: header row, then one line per row.
 */
export async function runCsvQuery(server: ApolloServer<GraphQLContext>, schema: GraphQLSchema, request: CsvQuery, contextValue: GraphQLContext): Promise<CsvResult> {
  const response = await server.executeOperation(
    { query: request.query, variables: request.variables, operationName: request.operationName },
    { contextValue },
  );
  if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported for CSV');
  const { data, errors } = response.body.singleResult;
  if (errors?.length) return { ok: false, errors };
  try {
    const table = tabulate(schema, parse(request.query), (data ?? {}) as Record<string, unknown>, request.operationName);
    return { ok: true, name: table.name, rows: table.rows.length, csv: csvLine(table.columns) + table.rows.map(csvLine).join('') };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, errors: [{ message: error.message, extensions: { code: error.code } }] };
    throw error;
  }
}

/** Parses the `variables` parameter of a CSV URL. */
export function parseVariables(raw: unknown): Record<string, unknown> | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    const value = JSON.parse(String(raw));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AppError(ErrorCode.INVALID_ARGUMENT, 'variables must be a JSON object', { argument: 'variables' });
}
