import type { BulkSession } from '../../database/bulk/bulk-session';
import { buildGroupMarkets } from './group-market.partition';
import { buildWorldExports, flowsMixLevels } from './trade-flow.partition';
import { buildImportMarkets } from './trade-market.partition';
import { buildCountryYearTotals } from './trade-totals.partition';

/**
 * Builds every table derived from dataset `datasetId`'s flows (what the analytics read instead of scanning
 * the flows), in the loader's transaction, once the dataset's partition is attached: the one entry point
 * every flow loader calls, so a new rollup is built by all of them. `stage` (optional) is called after
 * each rollup with its name, for the import's stage timings.
 */
export async function buildTradeRollups(
  session: BulkSession,
  datasetId: number,
  stage: (name: string) => void = () => undefined,
): Promise<void> {
  // A dataset that mixes HS levels (Comtrade) gets no rollup: a sum over importers or exporters cannot follow
  // METRICS.md's per-flow roll-up there, and its figures are read from the flows.
  if (await flowsMixLevels(session, datasetId)) return;
  await buildWorldExports(session, datasetId);
  stage('world exports rollup');
  await buildImportMarkets(session, datasetId);
  stage('import markets');
  await buildCountryYearTotals(session, datasetId);
  stage('exporter and importer totals');
  await buildGroupMarkets(session, datasetId);
  stage('group import markets');
}
