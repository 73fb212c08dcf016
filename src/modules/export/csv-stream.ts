import type { Sql } from '../../database/sql';

/**
 * How a resolver hands a CSV export a table PostgreSQL can write out itself (`copy (…) to stdout`), row by
 * row as it computes them, instead of rows read into memory and through GraphQL. Present in the context
 * of a CSV export only; a resolver that cannot serve the selection this way ignores it (the export then
 * pages through its rows).
 */
export interface CsvStreamSlot {
  /** At most this many rows (the export's `limit`); absent or null for every row. */
  limit?: number | null;
  /**
   * Whether text cells a spreadsheet would run as a formula are neutralised in the statement (the CSV that
   * PostgreSQL writes is the file); false when the rows go through a format's encoder, which does its own.
   */
  neutralise?: boolean;
  /**
   * Set by the resolver of the table's rows (instead of reading them): the statement whose output columns
   * are the given row fields, in their order, with values written as the API writes them (text cells that
   * a spreadsheet would run as a formula neutralised, see formula.ts).
   */
  statement?: (fields: readonly string[]) => Sql;
}
