import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { csvRecords } from './csv-records';
import type { SourceRecord } from './types';

/** A file being read: its records as they stream, and (once read to the end) its SHA-256 and size. */
export interface RecordStream {
  records: AsyncIterable<SourceRecord>;
  /**
   * The same records in the reader's batches (one per 64K-character slice of the file): for loaders of
   * millions of rows, which then pay one async step per batch instead of one per record. Read either this
   * or `records`, not both.
   */
  batches: AsyncIterable<SourceRecord[]>;
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
 * ragged rows are passed on (the format decides); a truncated quoted field fails with its line (CsvSyntaxError).
 */
export function readRecords(file: string): RecordStream {
  const totalBytes = fs.statSync(file).size;
  const hash = createHash('sha256');
  let bytes = 0;
  let digest: string | undefined;
  async function* bytesOf(): AsyncGenerator<Buffer> {
    for await (const chunk of fs.createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }

  // One record per next(), as callers expect, but served from the current batch by a plain iterator: an
  // async generator's per-record microtask hops cost a quarter of the throughput.
  const batches = csvRecords(bytesOf());
  let batch: SourceRecord[] = [];
  let index = 0;
  let refilling: Promise<IteratorResult<SourceRecord>> | undefined;
  async function refill(): Promise<IteratorResult<SourceRecord>> {
    while (index === batch.length) {
      const next = await batches.next();
      if (next.done) {
        digest ??= hash.digest('hex');
        return { done: true, value: undefined };
      }
      [batch, index] = [next.value, 0];
    }
    return { done: false, value: batch[index++] };
  }
  const records: AsyncIterableIterator<SourceRecord> = {
    next() {
      // A next() called before the previous one settled waits for it, so no record is skipped.
      if (refilling) return refilling.then(() => records.next());
      if (index < batch.length) return Promise.resolve({ done: false, value: batch[index++] });
      refilling = refill().finally(() => (refilling = undefined));
      return refilling;
    },
    async return() {
      await batches.return(undefined);
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };

  const batchesWithDigest: AsyncIterable<SourceRecord[]> = {
    [Symbol.asyncIterator]: () => ({
      async next() {
        const next = await batches.next();
        if (next.done) digest ??= hash.digest('hex');
        return next;
      },
      async return() {
        await batches.return(undefined);
        return { done: true, value: undefined };
      },
    }),
  };

  return {
    records,
    batches: batchesWithDigest,
    checksum: async () => {
      if (digest === undefined) throw new Error('checksum() is known only after the last record');
      return digest;
    },
    bytesRead: () => bytes,
    totalBytes,
  };
}
