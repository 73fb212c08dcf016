/**
 * Test harness of the disclosure and facility formats (nike, brand-disclosures, open-supply-hub): records
 * with the line they START on (as the contract says), the whole outcome of a file by kind, tallies.
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import worldCountries from 'world-countries';
import { readRecords as streamRecords } from '../../../src/modules/import/read-records';
import type { FormatContext, OpenedFormat, Parsed, SourceFormat, SourceRecord } from '../../../src/modules/import/types';

/** The countries our seed loads (world-countries' officially assigned codes), as the pipeline's context. */
export function testContext(overrides: Partial<FormatContext> = {}): FormatContext {
  const countries = new Set(worldCountries.filter((c) => c.status === 'officially-assigned').map((c) => c.cca3));
  return { countries, countriesByNumeric: new Map(), ...overrides };
}

/**
 * Hand-written CSV text → records as the pipeline's reader makes them (ragged rows allowed, nothing
 * trimmed), each with the 1-based line it starts on. Parsed synchronously with csv-parse, which reads
 * well-formed CSV as csvRecords does (test/unit/csv-records.test.ts); it reports the line a record ends
 * on, so the line breaks inside its quoted fields are subtracted.
 */
export function recordsOf(text: string | Buffer): SourceRecord[] {
  const parsed = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as Array<{
    record: string[];
    info: { lines: number };
  }>;
  return parsed.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0),
    fields: record,
  }));
}

/** Every record of a file, read as the import pipeline reads it (readRecords → csvRecords, streamed). */
export async function readRecords(file: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of streamRecords(file).records) records.push(record);
  return records;
}

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');

/** Opens `format` on the first five records as the pipeline does; fails the test on an open error. */
export function openOn<T>(format: SourceFormat<T>, records: SourceRecord[], context = testContext()): OpenedFormat<T> {
  const opened = format.open(records.slice(0, 5), context);
  if ('error' in opened) throw new Error(`line ${opened.line}: ${opened.error}`);
  return opened;
}

/** What a format made of a whole file. */
export interface Outcome<T> {
  opened: OpenedFormat<T>;
  rows: Array<{ line: number; row: T }>;
  skipped: Array<{ line: number; reason: string }>;
  invalid: Array<{ line: number; reason: string }>;
}

/** Opens the format and maps every record after the header, sorting the results by kind. */
export function runFormat<T>(format: SourceFormat<T>, records: SourceRecord[], context = testContext()): Outcome<T> {
  const opened = openOn(format, records, context);
  const outcome: Outcome<T> = { opened, rows: [], skipped: [], invalid: [] };
  for (const record of records.slice(opened.headerIndex + 1)) {
    const parsed: Parsed<T> = opened.map(record);
    if (parsed.kind === 'row') outcome.rows.push({ line: record.line, row: parsed.row });
    else (parsed.kind === 'skip' ? outcome.skipped : outcome.invalid).push({ line: record.line, reason: parsed.reason });
  }
  return outcome;
}

/** Counts of `key` over rows, e.g. rows per brand. */
export function tally<T>(rows: ReadonlyArray<{ row: T }>, key: (row: T) => string | number | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { row } of rows) {
    const k = String(key(row));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}
