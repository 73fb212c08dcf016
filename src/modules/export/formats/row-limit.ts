import { AppError, ErrorCode } from '../../../errors/app-error';
import type { TableFormat } from './table-format';

/** A format that cannot hold more than `maxRows` data rows (xlsx: a sheet's 1,048,576 rows less the header). */
export interface RowLimitedFormat extends TableFormat {
  readonly maxRows: number;
}

/** The most data rows a format holds, or null when it has no limit. */
export function rowLimitOf(format: TableFormat): number | null {
  return 'maxRows' in format && typeof format.maxRows === 'number' ? format.maxRows : null;
}

/** The error for an export longer than its format holds: EXPORT_TOO_LARGE, with the format and its limit. */
export function exportTooLarge(format: TableFormat, maxRows: number, rows: number | null): AppError {
  const counted = rows === null ? 'more rows' : `${rows.toLocaleString('en-US')} rows`;
  return new AppError(
    ErrorCode.EXPORT_TOO_LARGE,
    `This export has ${counted}; ${format.id} holds at most ${maxRows.toLocaleString('en-US')}: ` +
      'narrow the query, pass a limit, or choose csv, tsv, jsonl or parquet',
    { format: format.id, maxRows, ...(rows === null ? {} : { rows }) },
  );
}

/**
 * For the pipeline, before the first byte is sent: throws EXPORT_TOO_LARGE when `rows` (the list's count, or
 * the `limit` when smaller) exceeds what the format holds. The format's encoder checks again as it writes,
 * so that an export whose count was not known ends as an aborted download, never as a whole-looking file.
 */
export function assertRowsFit(format: TableFormat, rows: number): void {
  const maxRows = rowLimitOf(format);
  if (maxRows !== null && rows > maxRows) throw exportTooLarge(format, maxRows, rows);
}
