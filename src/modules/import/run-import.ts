import fs from 'node:fs';
import type { Database } from '../../database/database';
import { withBulkSession, type BulkSession } from '../../database/bulk/bulk-session';
import { sql } from '../../database/sql';
import { parseBaciCountryCodes } from './formats/baci-countries';
import { datasetNaming, hsRevisionOf, IMPORT_FORMATS } from './formats/registry';
import { createDataset, finishDataset, loadedUnderName, removeDatasets } from './dataset-registry';
import { ImportError } from './import-error';
import { fileChecksum } from './read-records';
import type { FlowsOptions, FormatContext } from './types';
import { newStats, RejectReport, validatedBatches, type FileStats } from './validated-rows';

export interface ImportRequest {
  format: string;
  files: string[];
  /** BACI's country-code table (numeric → ISO3). */
  countriesFile?: string;
  disclosedAt?: string;
  brand?: string;
  /** The flows format's columns and units. */
  flows?: FlowsOptions;
  dataset?: string;
  version?: string;
  licence?: string;
  skipInvalid?: boolean;
  /** Where rejected records are written with --skip-invalid (default `<first file>.rejected.csv`). */
  reportFile?: string;
  onProgress?: (file: string, rows: number, bytesRead: number, totalBytes: number) => void;
}

export interface FileResult extends FileStats {
  datasetId: number | null;
  /** True when this exact file was loaded before: nothing changed. */
  unchanged: boolean;
  /** Datasets this load replaced (older releases under the same name). */
  replaced: number[];
  /** Seconds per stage, where the format's target reports them. */
  stages: Record<string, number>;
  seconds: number;
}

export interface ImportResult {
  files: FileResult[];
  reportFile: string | null;
  rejected: number;
}

async function formatContext(session: BulkSession, request: ImportRequest): Promise<FormatContext> {
  const rows = await session.query<{ id: string; numeric_code: number }>(sql`select trim(id) as id, numeric_code from country`);
  if (rows.length === 0) throw new ImportError('(database)', null, 'no countries loaded: run `npm run seed -- reference` first', 'failure');
  let sourceCountryCodes: Map<number, string> | undefined;
  if (request.countriesFile) {
    try {
      sourceCountryCodes = parseBaciCountryCodes(fs.readFileSync(request.countriesFile, 'utf8'));
    } catch (error) {
      throw new ImportError(request.countriesFile, null, error instanceof Error ? error.message : String(error));
    }
  }
  return {
    countries: new Set(rows.map((r) => r.id)),
    countriesByNumeric: new Map(rows.map((r) => [r.numeric_code, r.id])),
    sourceCountryCodes,
    disclosedAt: request.disclosedAt,
    brand: request.brand,
    flows: request.flows,
  };
}

/**
 * Imports files of one format in ONE transaction: all of them load, or nothing changes. A file already
 * loaded (same dataset name, same SHA-256) is left as it is; a different file under the same dataset
 * name (a newer release, a correction) replaces the old one's rows atomically.
 */
export async function runImport(db: Pick<Database, 'url' | 'embedded'>, request: ImportRequest): Promise<ImportResult> {
  const entry = IMPORT_FORMATS[request.format];
  if (!entry) throw new ImportError(request.format, null, `unknown format; use one of ${Object.keys(IMPORT_FORMATS).join(', ')}`, 'usage');
  for (const file of request.files) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ImportError(file, null, 'no such file', 'usage');
  }
  const report = request.skipInvalid ? new RejectReport(request.reportFile ?? `${request.files[0]}.rejected.csv`) : undefined;
  try {
    const files = await withBulkSession(db, async (session) => {
      const context = await formatContext(session, request);
      const results: FileResult[] = [];
      for (const file of request.files) results.push(await importFile(session, file, context, request, report));
      return results;
    });
    return { files, reportFile: report?.path ?? null, rejected: report?.count ?? 0 };
  } finally {
    await report?.close();
  }
}

async function importFile(
  session: BulkSession,
  file: string,
  context: FormatContext,
  request: ImportRequest,
  report?: RejectReport,
): Promise<FileResult> {
  const entry = IMPORT_FORMATS[request.format];
  const started = Date.now();
  const checksum = await fileChecksum(file);
  const stats = newStats(file);
  const { name } = datasetNaming(entry, file, {}, request);
  const previous = await loadedUnderName(session, name);
  const same = previous.find((d) => d.checksum === checksum);
  if (same)
    return { ...stats, checksum, datasetId: same.id, unchanged: true, replaced: [], stages: {}, seconds: (Date.now() - started) / 1000 };

  const hsRevision = hsRevisionOf(file);
  const datasetId = await createDataset(session, {
    kind: entry.kind,
    name,
    // The final version (it may come from inside the file) is set once the rows are in.
    version: `loading ${checksum.slice(0, 12)}`,
    file: file.split('/').slice(-1)[0],
    licence: request.licence ?? entry.licence,
    checksum,
    hsRevision,
  });
  const batches = validatedBatches(
    file,
    entry.format,
    context,
    {
      skipInvalid: request.skipInvalid ?? false,
      report,
      onRecord: (bytesRead, totalBytes, records) => request.onProgress?.(file, records, bytesRead, totalBytes),
    },
    stats,
  );
  const stages: Record<string, number> = {};
  const loaded = await entry.load(
    { session, file, datasetId, hsLabel: hsRevision ? `HS${hsRevision}` : 'HS (unknown revision)', stages },
    batches as AsyncIterable<never[]>,
  );
  if (stats.checksum !== checksum) throw new ImportError(file, null, 'the file changed while it was being imported; nothing was imported');
  const { version } = datasetNaming(entry, file, stats.metadata, request);
  const replaced = previous.map((d) => d.id);
  await removeDatasets(session, replaced);
  await finishDataset(session, datasetId, version, loaded);
  return { ...stats, datasetId, unchanged: false, replaced, stages, seconds: (Date.now() - started) / 1000 };
}
