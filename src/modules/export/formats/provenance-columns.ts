import type { ExportProvenance } from './table-format';

/**
 * The provenance every row of a flat file carries, whether or not the query selected it: the dataset(s)
 * the list was computed from, as three trailing columns. A list computed from several datasets (trade
 * flows of every dataset) names each, joined with "; " in that order. The rest of the provenance (file,
 * checksum, licence, import time) is in the response's X-Tradegraph-Datasets header and the formats
 * with metadata.
 */
export const PROVENANCE_COLUMNS = ['dataset.id', 'dataset.name', 'dataset.version'] as const;

/** The values of {@link PROVENANCE_COLUMNS}, the same on every row; empty where no dataset was used (reference data). */
export function provenanceValues(provenance: ExportProvenance): string[] {
  const joined = (pick: (d: ExportProvenance['datasets'][number]) => string) => provenance.datasets.map(pick).join('; ');
  return [joined((d) => d.id), joined((d) => d.name), joined((d) => d.version)];
}
