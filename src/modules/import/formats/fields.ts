/**
 * Small helpers shared by the disclosure and facility formats: header lookup, text clean-up and counts.
 */

/** A value or the human reason it could not be read. */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The form in which header names are compared: accents stripped, lower case, every run of other characters
 * as one "_" ("Country / Region" and "Country/Region" → "country_region", "contributor (list)" →
 * "contributor_list", "OS ID" → "os_id").
 */
export function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Names a column of HS product codes goes by in the files we read (the generic formats add their own after these). */
export const HS_PRODUCT_COLUMN_NAMES = [
  'product',
  'product_code',
  'hs_product_code',
  'hs_code',
  'hs',
  'hs92',
  'hs96',
  'hs02',
  'hs07',
  'hs12',
  'hs17',
  'hs22',
] as const;

/**
 * Index of each wanted column in `header` (−1 when absent). Each column is given by its accepted names
 * (any spelling that `headerKey` makes equal); the first name found wins.
 */
export function columnIndexes<K extends string>(header: readonly string[], wanted: Record<K, readonly string[]>): Record<K, number> {
  const keys = header.map(headerKey);
  const indexes = {} as Record<K, number>;
  for (const column of Object.keys(wanted) as K[]) {
    const found = wanted[column].map((name) => keys.indexOf(headerKey(name))).find((i) => i >= 0);
    indexes[column] = found ?? -1;
  }
  return indexes;
}

/** Trimmed text with inner runs of white space collapsed (sources pad and double-space values); null when empty. */
export function cleanText(value: string | undefined): string | null {
  if (value === undefined) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** The cleaned value of column `index` of a record (null when the column is absent or the record short). */
export function fieldAt(fields: readonly string[], index: number): string | null {
  return index < 0 ? null : cleanText(fields[index]);
}

/** True when every field is empty or white space (a trailing ",,,," line of a spreadsheet export). */
export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/** Head counts are stored as int (facility.workers_min/max, sourcing_link.workers_min/max). */
export const MAX_INT = 2_147_483_647;

/**
 * A head count: digits, optionally with thousands separators ("1,250"); empty → null. Anything else
 * (text, decimals, negatives) is not a count, and the reason names the column and the value.
 */
export function readCount(value: string | null, column: string): Read<number | null> {
  if (value === null) return { ok: true, value: null };
  if (/^\d+$/.test(value) || /^\d{1,3}(,\d{3})+$/.test(value)) {
    const n = Number(value.replace(/,/g, ''));
    if (n <= MAX_INT) return { ok: true, value: n };
    return { ok: false, reason: `column ${column}: "${value}" is out of range (at most ${MAX_INT.toLocaleString('en-US')} workers)` };
  }
  const kind = /^-?\d+(\.\d+)?$/.test(value) ? 'a whole number of workers' : 'a number';
  return { ok: false, reason: `column ${column}: "${value}" is not ${kind}` };
}

/** Where the header is among the first records, with the index of every wanted column. */
export interface LocatedHeader<K extends string> {
  index: number;
  columns: Record<K, number>;
}

/**
 * The first record (within the first ones a format sees) that has every `required` column, with the
 * indexes of all `wanted` columns in it; null when none has.
 */
export function findHeader<K extends string>(
  records: ReadonlyArray<{ fields: string[] }>,
  wanted: Record<K, readonly string[]>,
  required: readonly NoInfer<K>[],
): LocatedHeader<K> | null {
  for (let index = 0; index < records.length; index++) {
    const columns = columnIndexes(records[index].fields, wanted);
    if (required.every((c) => columns[c] >= 0)) return { index, columns };
  }
  return null;
}
