import { withBulkSession } from '../../src/database/bulk/bulk-session';
import type { Database } from '../../src/database/database';
import { DatasetKind } from '../../src/modules/dataset/dataset-kind';
import { createDataset } from '../../src/modules/import/dataset-registry';
import { runImport } from '../../src/modules/import/run-import';
import { loadFlowPartition } from '../../src/modules/trade-flow/trade-flow.partition';
import { buildTradeRollups } from '../../src/modules/trade-flow/trade-rollups';
import { sharedFile } from './shared-data';

/** The real trade files the rollup tests load (null where missing outside CI: the test skips). */
export const TRADE_FILES = {
  baci: sharedFile('trade/BACI_HS92_Y2021_V202301_exporters_AFG_ZAF.csv'),
  baciCountries: sharedFile('trade/BACI_country_codes_V202301.csv'),
  comtradeEu: sharedFile('trade/comtrade_eu27_wood_imports_2018-2022.csv'),
};

/** Imports a real file through the importer (as `npm run import` would) and returns its dataset's id. */
export async function importTradeFile(db: Database, format: 'baci' | 'comtrade', file: string): Promise<number> {
  const countriesFile = format === 'baci' ? TRADE_FILES.baciCountries! : undefined;
  const imported = await runImport(db, { format, files: [file], ...(countriesFile ? { countriesFile } : {}) });
  return imported.files[0].datasetId!;
}

/** A flow to load: year, exporter, importer, product, value in USD, and quantity in tonnes (null or left out: none). */
export type FlowTuple = [number, string, string, string, number, (number | null)?];

/**
 * Loads `rows` as a new synthetic dataset of its own through the flow loader and the rollups, in one
 * transaction, and returns its id; `fail` throws after the rollups, so that the whole load rolls back.
 */
export async function loadFlowDataset(db: Database, name: string, rows: readonly FlowTuple[], fail = false): Promise<number> {
  let id = 0;
  await withBulkSession(db, async (session) => {
    id = await createDataset(session, {
      kind: DatasetKind.SYNTHETIC,
      name,
      version: '1',
      file: `${name}.csv`,
      licence: null,
      checksum: name,
    });
    await loadFlowPartition(
      session,
      id,
      rows.map(([year, exporter, importer, product, value, quantity]) => [id, year, exporter, importer, product, value, quantity ?? null]),
    );
    await buildTradeRollups(session, id);
    if (fail) throw new Error('the load fails after its rollups');
  });
  return id;
}
