import { readCsvRows } from './shared-data';

/** One factory row of a Nike manufacturing-map export, as the file writes it. */
export interface NikeFactoryRow {
  name: string;
  address: string;
  /** The `Country/Region` (2021) or `Country / Region` (2023, 2025) column, trimmed. */
  countryName: string;
  /** `Total Workers`; null when the row gives none. */
  workers: number | null;
  /** The `Nike, Inc. Brand(s)` column split at commas, upper case ("NIKE, Converse" → NIKE, CONVERSE). */
  brands: string[];
}

/** The rows of one brand (`NIKE`, `CONVERSE`), as the brand column names them. */
export const ofBrand = (rows: readonly NikeFactoryRow[], brand: string) => rows.filter((r) => r.brands.includes(brand));

/**
 * The factory rows of a Nike export, read straight from the file (banner on line 1, header on line 2),
 * for computations independent of the importer.
 */
export function readNikeFactories(file: string): NikeFactoryRow[] {
  const [, header, ...rows] = readCsvRows(file);
  const column = (pattern: RegExp) => {
    const at = header.findIndex((h) => pattern.test(h.trim()));
    if (at < 0) throw new Error(`${file}: no column ${pattern}`);
    return at;
  };
  const [name, address, country, workers, brands] = [
    /^Factory Name$/,
    /^Address$/,
    /^Country ?\/ ?Region$/,
    /^Total Workers$/,
    /^Nike, Inc\. Brand\(s\)$/,
  ].map(column);
  return rows.map((r) => ({
    name: r[name],
    address: r[address],
    countryName: r[country].trim(),
    workers: r[workers].trim() === '' ? null : Number(r[workers]),
    brands: r[brands].split(',').map((b) => b.trim().toUpperCase()),
  }));
}

/** Workers summed by `key` over the rows that give workers; the others are counted as unknown, never weighed. */
export function workersBy(
  rows: readonly NikeFactoryRow[],
  key: (row: NikeFactoryRow) => string,
): { weights: Map<string, number>; unknown: number } {
  const weights = new Map<string, number>();
  let unknown = 0;
  for (const row of rows) {
    if (row.workers === null) unknown++;
    else weights.set(key(row), (weights.get(key(row)) ?? 0) + row.workers);
  }
  return { weights, unknown };
}
