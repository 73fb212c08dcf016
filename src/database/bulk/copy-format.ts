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
      line += copyNumber(value);
    } else if (typeof value === 'boolean') line += value ? 't' : 'f';
    else line += copyString(value);
  }
  return line + '\n';
}

/**
 * A string as a COPY text field: escaped only when it holds a backslash, tab or line break, which a scan of
 * its char codes finds faster than a regular expression (most fields, codes and names, hold none).
 */
export function copyString(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 92 || c === 9 || c === 10 || c === 13)
      return value.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));
  }
  return value;
}

/** A finite number as a COPY text field (COPY has no text for NaN or ±Infinity in numeric columns). */
export function copyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot COPY a non-finite number (${value})`);
  return String(value);
}
