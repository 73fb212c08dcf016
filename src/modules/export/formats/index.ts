import { AppError, ErrorCode } from '../../../errors/app-error';
import { BINARY_FORMATS } from './binary-formats';
import { csvFormat, tsvFormat } from './delimited';
import { jsonlFormat } from './jsonl';
import type { TableFormat } from './table-format';

export type { TableFormat } from './table-format';
export { assertRowsFit, rowLimitOf, type RowLimitedFormat } from './row-limit';

/** Every export format by its `format` parameter's value; csv is the default. */
export const FORMATS: ReadonlyMap<string, TableFormat> = new Map(
  [csvFormat, tsvFormat, jsonlFormat, ...BINARY_FORMATS].map((f) => [f.id, f]),
);

export const DEFAULT_FORMAT = csvFormat;

/** The format named (case-insensitive), the default when none is; UNKNOWN_FORMAT listing the formats otherwise. */
export function formatById(id: string | undefined, argument = 'format'): TableFormat {
  if (id === undefined || id === '') return DEFAULT_FORMAT;
  const format = FORMATS.get(id.toLowerCase());
  if (format) return format;
  const formats = [...FORMATS.keys()];
  throw new AppError(ErrorCode.UNKNOWN_FORMAT, `${argument}: unknown format "${id}"; the formats are ${formats.join(', ')}.`, {
    argument,
    value: id,
    formats,
  });
}

/** The format a file name's extension names ("flows.tsv" → tsv), or undefined for another extension. */
export function formatOfFile(file: string): TableFormat | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
  return [...FORMATS.values()].find((f) => f.extension === extension);
}
