import { once } from 'node:events';
import { constants, createGzip } from 'node:zlib';

/** How long compressed bytes may wait inside zlib before they are flushed to the client (a slow export still shows progress). */
export const GZIP_FLUSH_MS = 1000;

/**
 * A stream of bytes gzipped as it comes (node:zlib), in constant memory: zlib keeps its window and what
 * it has not emitted yet, this keeps only the output of the chunk just written. Output is flushed
 * (Z_SYNC_FLUSH) when `flushMs` have passed since the last flush, so that a client sees rows arrive during a
 * long export while most chunks still compress as one stream. A failure of the source is thrown as it is.
 */
export async function* gzipChunks(source: AsyncIterable<Buffer>, flushMs = GZIP_FLUSH_MS): AsyncGenerator<Buffer> {
  const gzip = createGzip();
  const out: Buffer[] = [];
  let failure: Error | undefined;
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  gzip.on('error', (error) => (failure = error));
  let flushed = Date.now();
  try {
    for await (const chunk of source) {
      if (!gzip.write(chunk)) await once(gzip, 'drain');
      if (Date.now() - flushed >= flushMs) {
        await new Promise<void>((resolve) => gzip.flush(constants.Z_SYNC_FLUSH, () => resolve()));
        flushed = Date.now();
      }
      if (failure) throw failure;
      while (out.length) yield out.shift()!;
    }
    gzip.end();
    await once(gzip, 'end');
    if (failure) throw failure;
    while (out.length) yield out.shift()!;
  } finally {
    gzip.destroy();
  }
}
