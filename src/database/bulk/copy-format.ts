/** A value COPY can write: null becomes \N. */
export type CopyValue = string | number | boolean | null | undefined;

/**
 * Encodes one row in PostgreSQL's COPY text format (tab-separated, `\N` for null, backslash escapes),
 * the format both the server's COPY FROM STDIN and PGlite's COPY FROM '/dev/blob' read.
 */
export function encodeCopyRow(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += '\t';
    const value = values[i];
    if (value === null || value === undefined) line += '\\N';
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`Cannot COPY a non-finite number (${value})`);
      line += String(value);
    } else if (typeof value === 'boolean') line += value ? 't' : 'f';
    else line += value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
  }
  return line + '\n';
}
