import type { EntityManager } from '@mikro-orm/postgresql';
import { copyCsvOut, type CopyOptions } from '../../database/query';
import type { Sql } from '../../database/sql';

const LF = 0x0a;
const CRLF = Buffer.from('\r\n');

/**
 * PostgreSQL's CSV lines end in LF; RFC 4180 (and the rest of the export) ends them in CRLF. `lineEnd`
 * replaces each LF: CRLF, or trailing cells and CRLF (the provenance columns every row carries).
 */
export function crlfLines(chunk: Buffer, lineEnd: Buffer = CRLF): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, from)) {
    parts.push(chunk.subarray(from, at), lineEnd);
    from = at + 1;
  }
  if (from === 0) return chunk;
  parts.push(chunk.subarray(from));
  return Buffer.concat(parts);
}

/**
 * A streamed table as CSV: the header line, then the statement's rows as PostgreSQL writes them, each
 * line ended by `lineEnd` (by default CRLF). The statement's fields never hold a line break (see the
 * resolver that made it), so every LF ends a row.
 */
export async function* streamedCsv(
  em: EntityManager,
  header: Buffer | string,
  statement: Sql,
  lineEnd?: Buffer,
  options?: CopyOptions,
): AsyncGenerator<Buffer> {
  yield typeof header === 'string' ? Buffer.from(header, 'utf8') : header;
  for await (const chunk of copyCsvOut(em, statement, options)) yield crlfLines(chunk, lineEnd);
}
