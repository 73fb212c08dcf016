import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { parse } from 'csv-parse';
import type { SourceRecord } from './types';

/** A file being read: its records as they stream, and (once read to the end) its SHA-256 and size. */
export interface RecordStream {
  records: AsyncIterable<SourceRecord>;
  /** Resolves after the last record with the hex SHA-256 of the bytes read. */
  checksum(): Promise<string>;
  bytesRead(): number;
  totalBytes: number;
}

/** SHA-256 of a whole file, streamed (used to recognise a release already loaded before reading it). */
export async function fileChecksum(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Streams the CSV records of `file` with their line numbers, in constant memory. RFC 4180 quoting;
 * ragged rows are passed on (the format decides); a truncated quoted field fails with its line.
 */
export function readRecords(file: string): RecordStream {
  const totalBytes = fs.statSync(file).size;
  const hash = createHash('sha256');
  let bytes = 0;
  let digest: string | undefined;
  const input = fs.createReadStream(file);
  input.on('data', (chunk) => {
    hash.update(chunk as Buffer);
    bytes += chunk.length;
  });
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, record_delimiter: ['\r\n', '\n', '\r'] }));
  input.on('error', (error) => parser.destroy(error));

  async function* records(): AsyncGenerator<SourceRecord> {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is where the record ends; a quoted field with line breaks started that many lines earlier.
      let breaks = 0;
      for (const field of record) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) breaks++;
      yield { line: info.lines - breaks, fields: record };
    }
    digest = hash.digest('hex');
  }

  return {
    records: records(),
    checksum: async () => {
      if (digest === undefined) throw new Error('checksum() is known only after the last record');
      return digest;
    },
    bytesRead: () => bytes,
    totalBytes,
  };
}
