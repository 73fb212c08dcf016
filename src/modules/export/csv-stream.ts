import type { Sql } from '../../database/sql';

/**
 * How a resolver hands GET /csv a table PostgreSQL can write out itself (`copy (…) to stdout`), row by
 * row as it computes them, instead of rows read into memory and through GraphQL. Present in the context
 * of a CSV request only; a resolver that cannot serve the selection this way ignores it.
 */
export interface CsvStreamSlot {
  /**
   * Set by the resolver of the table's rows (instead of reading them): the statement whose output columns
   * are the given row fields, in their order, with values written as the API writes them.
   */
  statement?: (fields: readonly string[]) => Sql;
}
