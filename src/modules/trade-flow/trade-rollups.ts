import type { BulkSession } from '../../database/bulk/bulk-session';
import { buildWorldExports } from './trade-flow.partition';
import { buildImportMarkets } from './trade-market.partition';

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
  await buildWorldExports(session, datasetId);
  stage('world exports rollup');
  await buildImportMarkets(session, datasetId);
  stage('import markets');
}
