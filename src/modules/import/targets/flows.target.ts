import type { BulkSession } from '../../../database/bulk/bulk-session';
import type { CopyValue } from '../../../database/bulk/copy-format';
import { sql } from '../../../database/sql';
import { ensureProductCodes } from '../../product/placeholder-products';
import { attachFlowPartition, createFlowStaging, flowCopyColumns } from '../../trade-flow/trade-flow.partition';
import { buildTradeRollups } from '../../trade-flow/trade-rollups';
import { ImportError } from '../import-error';
import type { FlowRecord } from '../types';
import type { Lined } from '../validated-rows';
import { firstRepeatedKey } from './staging';
import { stageTimer } from './stage-timer';

/**
 * Loads a dataset's flows as its own partition of trade_flow (see trade-flow.partition.ts): COPY into a
 * plain table that also keeps each row's source line, so that duplicates can be reported by line;
 * creates product codes the nomenclature does not have yet (with their headings and chapters); then
 * attaches the table, which builds its indexes and validates its foreign keys in one pass each.
 */
export async function loadFlows(
  session: BulkSession,
  file: string,
  datasetId: number,
  hsRevisionLabel: string,
  rows: AsyncIterable<Lined<FlowRecord>>,
  /** Seconds spent in each stage, for the summary. */
  stages: Record<string, number> = {},
): Promise<number> {
  const stage = stageTimer(stages);
  const table = await createFlowStaging(session, datasetId, ['source_line']);
  const written = await session.copy(
    table,
    flowCopyColumns(['source_line']),
    (async function* (): AsyncGenerator<readonly CopyValue[]> {
      for await (const { line, row } of rows)
        yield [datasetId, row.year, row.exporter, row.importer, row.product, row.valueUsd, row.quantityTons, line];
    })(),
  );
  stage('read + COPY');

  // The natural-key index, built here so that ATTACH reuses it; if it cannot be built, a key is
  // duplicated, and only then is the table searched for the lines that repeat it.
  await session.query(sql`savepoint flow_natural_key`);
  try {
    await session.query(sql`create unique index on ${table} (dataset_id, year, exporter_id, importer_id, product_code)`);
    await session.query(sql`release savepoint flow_natural_key`);
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await session.query(sql`rollback to savepoint flow_natural_key`);
    const d = (await firstRepeatedKey<{ year: number; exporter_id: string; importer_id: string; product_code: string }>(
      session,
      table,
      ['year', 'exporter_id', 'importer_id', 'product_code'],
      'source_line',
    ))!;
    throw new ImportError(
      file,
      d.lines[1],
      `duplicate flow ${d.year} ${d.exporter_id} → ${d.importer_id} HS ${d.product_code}: also on line ${d.lines[0]}; a dataset holds one value per year, exporter, importer and product`,
    );
  }
  stage('natural key');

  await ensureProductCodes(session, sql`select distinct product_code as code from ${table}`, hsRevisionLabel);
  stage('new product codes');

  await attachFlowPartition(session, datasetId, ['source_line']);
  stage('attach (indexes, foreign keys)');
  await buildTradeRollups(session, datasetId, stage);
  return written;
}
