import { parse } from 'csv-parse/sync';

/** An export read back as records (column name → value as the file holds it: text for csv/tsv, JSON values for jsonl). */
export type ExportRecord = Record<string, unknown>;

/**
 * Readers of the text export formats, independent of the writers: csv-parse for csv (RFC 4180) and tsv (no
 * quoting), JSON.parse per line for jsonl. A leading UTF-8 BOM is refused: a test that wants one says so.
 */
export const TEXT_READERS: Record<string, (body: Buffer) => ExportRecord[]> = {
  csv: (body) => parse(body, { columns: true, bom: false, record_delimiter: '\r\n' }) as ExportRecord[],
  tsv: (body) => parse(body, { columns: true, delimiter: '\t', quote: false, record_delimiter: '\r\n' }) as ExportRecord[],
  jsonl: (body) =>
    body
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as ExportRecord),
};
