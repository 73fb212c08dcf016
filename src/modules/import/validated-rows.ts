import fs from 'node:fs';
import { ImportError } from './import-error';
import { readRecords } from './read-records';
import type { FormatContext, OpenedFormat, SourceFormat, SourceRecord } from './types';
import { CsvSyntaxError } from './csv-records';

/** A mapped row with the line it came from. */
export interface Lined<T> {
  line: number;
  row: T;
}

/** What happened to the records of one file. */
export interface FileStats {
  file: string;
  records: number;
  loaded: number;
  rejected: number;
  /** Skipped records by reason (e.g. "partner is World, a total"). */
  skipped: Map<string, number>;
  checksum?: string;
  metadata: Record<string, string>;
}

export interface ValidationOptions {
  /** Load valid rows and report invalid ones instead of stopping at the first. */
  skipInvalid: boolean;
  /** Where rejected records go (CSV: file, line, reason, record) when skipping. */
  report?: RejectReport;
  onRecord?: (bytesRead: number, totalBytes: number, records: number) => void;
}

/** A CSV report of rejected records. */
export class RejectReport {
  private readonly out: fs.WriteStream;
  count = 0;

  constructor(readonly path: string) {
    this.out = fs.createWriteStream(path);
    this.out.write('file,line,reason,record\n');
  }

  add(file: string, record: SourceRecord, reason: string): void {
    this.count++;
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    this.out.write(`${q(file)},${record.line},${q(reason)},${q(record.fields.join(','))}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.out.end(resolve));
  }
}

const HEADER_WINDOW = 5;

/**
 * Streams the valid rows of `file` as `format` maps them, in the reader's batches (one async step per
 * batch, not per row: a BACI release has 10 million rows; a batch may be empty). Throws ImportError at the
 * first invalid record (file and line named) unless skipping, and when the layout is not recognised.
 */
export async function* validatedBatches<T>(
  file: string,
  format: SourceFormat<T>,
  context: FormatContext,
  options: ValidationOptions,
  stats: FileStats,
): AsyncGenerator<Array<Lined<T>>> {
  const stream = readRecords(file);
  const head: SourceRecord[] = [];
  let opened: OpenedFormat<T> | undefined;
  const iterator = stream.batches[Symbol.asyncIterator]();

  /** The valid rows of `records`, counted in `stats`. */
  const handle = (records: readonly SourceRecord[]): Array<Lined<T>> => {
    const rows: Array<Lined<T>> = [];
    const map = opened!.map;
    for (const record of records) {
      stats.records++;
      const parsed = map(record);
      if (parsed.kind === 'row') {
        stats.loaded++;
        rows.push({ line: record.line, row: parsed.row });
      } else if (parsed.kind === 'skip') {
        stats.skipped.set(parsed.reason, (stats.skipped.get(parsed.reason) ?? 0) + 1);
      } else {
        if (!options.skipInvalid) throw new ImportError(file, record.line, parsed.reason);
        stats.rejected++;
        options.report?.add(file, record, parsed.reason);
      }
    }
    return rows;
  };

  try {
    let rest: SourceRecord[] = [];
    while (head.length < HEADER_WINDOW) {
      const next = await iterator.next();
      if (next.done) break;
      const take = HEADER_WINDOW - head.length;
      head.push(...next.value.slice(0, take));
      rest = next.value.slice(take);
    }
    if (head.length === 0) throw new ImportError(file, null, 'the file is empty');
    const result = format.open(head, context);
    if ('error' in result) throw new ImportError(file, result.line, result.error);
    opened = result;
    stats.metadata = result.metadata;
    yield handle([...head.slice(result.headerIndex + 1), ...rest]);
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const rows = handle(next.value);
      options.onRecord?.(stream.bytesRead(), stream.totalBytes, stats.records);
      yield rows;
    }
    stats.checksum = await stream.checksum();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // An unclosed quote in a truncated file… carries the line the reader stopped at.
    if (error instanceof CsvSyntaxError) throw new ImportError(file, error.line, `malformed CSV: ${error.message}`);
    throw error;
  } finally {
    // Stopping early (an invalid record, a failed COPY) must still close the file.
    await iterator.return?.();
  }
}

/** The rows of validatedBatches one by one, for loaders of small files. */
export async function* eachRow<T>(batches: AsyncIterable<Array<Lined<T>>>): AsyncGenerator<Lined<T>> {
  for await (const batch of batches) yield* batch;
}

/** Fresh stats for a file. */
export function newStats(file: string): FileStats {
  return { file, records: 0, loaded: 0, rejected: 0, skipped: new Map(), metadata: {} };
}
