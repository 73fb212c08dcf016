import { parse } from 'csv-parse/sync';
import { buildCountryRows } from '../../seeds/data/countries';
import { FORMER_COUNTRIES } from '../../seeds/data/former-countries';
import { readRecords } from '../../src/modules/import/read-records';
import type { FormatContext, OpenedFormat, Parsed, SourceFormat, SourceRecord } from '../../src/modules/import/types';

/**
 * Runs a source format the way the import pipeline does (`open` on the first five records, `map` on every
 * record after the header), without a database. Files are read as the pipeline reads them (readRecords,
 * i.e. the streaming csvRecords reader); hand-written lines in a test go through csv-parse synchronously,
 * which reads well-formed CSV exactly as csvRecords does (test/unit/csv-records.test.ts checks that).
 */

/**
 * The reference countries as `npm run seed -- reference` loads them: 249 ISO codes (TWN included) and the
 * former countries older trade data reports (ANT, SCG, YUG, SUN, DDR).
 */
export function referenceContext(extra: Partial<FormatContext> = {}): FormatContext {
  const countries = [...buildCountryRows(), ...FORMER_COUNTRIES];
  return {
    countries: new Set(countries.map((c) => c.id)),
    countriesByNumeric: new Map(countries.map((c) => [c.numericCode, c.id])),
    ...extra,
  };
}

/** Records of hand-written CSV text with their line numbers (no field of these spans lines). */
export function csvRecords(text: string): SourceRecord[] {
  const parsed = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as Array<{
    record: string[];
    info: { lines: number };
  }>;
  return parsed.map(({ record, info }) => ({ line: info.lines, fields: record }));
}

/** Every record of a file, streamed by the pipeline's reader, with the line each starts on. */
export async function fileRecords(file: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readRecords(file).records) records.push(record);
  return records;
}

/** Opens the format on the first records, failing the test with the format's message when it refuses. */
export function openFormat<T>(
  format: SourceFormat<T>,
  records: SourceRecord[],
  context: FormatContext = referenceContext(),
): OpenedFormat<T> {
  const opened = format.open(records.slice(0, 5), context);
  if ('error' in opened) throw new Error(`line ${opened.line}: ${opened.error}`);
  return opened;
}

/** Everything a format made of a file. */
export interface FormatRun<T> {
  rows: Array<{ line: number; row: T }>;
  skipped: Map<string, number>;
  invalid: Array<{ line: number; reason: string }>;
  metadata: Record<string, string>;
}

export function runFormat<T>(format: SourceFormat<T>, records: SourceRecord[], context: FormatContext = referenceContext()): FormatRun<T> {
  const opened = openFormat(format, records, context);
  const run: FormatRun<T> = { rows: [], skipped: new Map(), invalid: [], metadata: opened.metadata };
  for (const record of records.slice(opened.headerIndex + 1)) {
    const parsed = opened.map(record);
    if (parsed.kind === 'row') run.rows.push({ line: record.line, row: parsed.row });
    else if (parsed.kind === 'skip') run.skipped.set(parsed.reason, (run.skipped.get(parsed.reason) ?? 0) + 1);
    else run.invalid.push({ line: record.line, reason: parsed.reason });
  }
  return run;
}

/** Maps hand-written lines (header first) and returns what became of the data line(s). */
export function mapLines<T>(format: SourceFormat<T>, lines: string[], context?: FormatContext): Array<Parsed<T>> {
  const records = csvRecords(lines.join('\n'));
  const opened = openFormat(format, records, context);
  return records.slice(opened.headerIndex + 1).map((record) => opened.map(record));
}

/** The one data line's result. */
export function mapOne<T>(format: SourceFormat<T>, header: string, line: string, context?: FormatContext): Parsed<T> {
  return mapLines(format, [header, line], context)[0];
}
