import type { EntityManager } from '@mikro-orm/postgresql';
import { copyCsvOut } from '../../database/query';
import type { Sql } from '../../database/sql';

const LF = 0x0a;
const CRLF = Buffer.from('\r\n');

/** PostgreSQL's CSV lines end in LF; RFC 4180 (and the rest of the export) ends them in CRLF. */
export function crlfLines(chunk: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, from)) {
    parts.push(chunk.subarray(from, at), CRLF);
    from = at + 1;
  }
  if (from === 0) return chunk;
  parts.push(chunk.subarray(from));
  return Buffer.concat(parts);
}

/**
 * A streamed table as CSV: the header line, then the statement's rows as PostgreSQL writes them. The
 * statement's fields never hold a line break (see the resolver that made it), so every LF ends a row.
 */
export async function* streamedCsv(em: EntityManager, header: string, statement: Sql): AsyncGenerator<Buffer> {
  yield Buffer.from(header, 'utf8');
  for await (const chunk of copyCsvOut(em, statement)) yield crlfLines(chunk);
}
