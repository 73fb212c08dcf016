import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv';

/** The shared real-data folder, beside the project (../shared/data). */
export const SHARED_DATA = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');

/**
 * Path of a shared data file. When it is missing, CI (CI=true) fails loudly; elsewhere the caller gets
 * null and skips, with a message naming the missing path.
 */
export function sharedFile(relative: string): string | null {
  const file = path.join(SHARED_DATA, relative);
  if (fs.existsSync(file)) return file;
  if (process.env.CI === 'true') throw new Error(`Missing shared data file ${file} (required in CI)`);
  console.warn(`Skipping: shared data file ${file} is missing`);
  return null;
}

/** Minimal RFC 4180 CSV reader for the reference files (quoted fields, commas and quotes inside). */
export function readCsv(file: string): Array<Record<string, string>> {
  const [header, ...body] = readCsvRows(file);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The records of a CSV file as arrays of fields (blank lines left out). */
export function readCsvRows(file: string): string[][] {
  return parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
}
