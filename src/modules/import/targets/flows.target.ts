import type { BulkSession, CopyChunk } from '../../../database/bulk/bulk-session';
import { copyNumber, copyString } from '../../../database/bulk/copy-format';
import { sql } from '../../../database/sql';
import { ensureProductCodes } from '../../product/placeholder-products';
import { attachFlowPartition, buildFlowNaturalKey, createFlowStaging, flowCopyColumns } from '../../trade-flow/trade-flow.partition';
import { buildTradeRollups } from '../../trade-flow/trade-rollups';
import { ImportError } from '../import-error';
import type { FlowRecord } from '../types';
import type { Lined } from '../validated-rows';
import { firstRepeatedKey } from './staging';
import { stageTimer } from './stage-timer';

/** Rows per chunk of COPY text (~40 bytes a row). */
const CHUNK_ROWS = 5_000;

/**
 * The rows as COPY text, in chunks: one template per row rather than an array of values for the generic
 * encoder, and one async step per batch of the reader's rather than three per row; this runs 10 million times.
 */
async function* copyText(datasetId: number, batches: AsyncIterable<Array<Lined<FlowRecord>>>): AsyncGenerator<CopyChunk> {
  const prefix = `${copyNumber(datasetId)}\t`;
  let text = '';
  let n = 0;
  for await (const batch of batches) {
    for (const { line, row } of batch) {
      const tons = row.quantityTons === null ? '\\N' : copyNumber(row.quantityTons);
      text += `${prefix}${row.year}\t${copyString(row.exporter)}\t${copyString(row.importer)}\t${copyString(row.product)}\t${copyNumber(row.valueUsd)}\t${tons}\t${line}\n`;
      n++;
    }
    if (n >= CHUNK_ROWS) {
      yield { text, rows: n };
      [text, n] = ['', 0];
    }
  }
  if (n > 0) yield { text, rows: n };
}

/**
 * Loads a dataset's flows as its own partition of trade_flow (see trade-flow.partition.ts): COPY into a
 * plain table that also keeps each row's source line, so that duplicates can be reported by line;
 * creates product codes the nomenclature does not have yet (with their headings and chapters); then
 * builds the table's indexes and validates its foreign keys (one pass each) and attaches it.
 */
export async function loadFlows(
  session: BulkSession,
  file: string,
  datasetId: number,
  hsRevisionLabel: string,
  batches: AsyncIterable<Array<Lined<FlowRecord>>>,
  /** Seconds spent in each stage, for the summary. */
  stages: Record<string, number> = {},
): Promise<number> {
  const stage = stageTimer(stages);
  const table = await createFlowStaging(session, datasetId, ['source_line']);
  const written = await session.copyText(table, flowCopyColumns(['source_line']), copyText(datasetId, batches));
  stage('read + COPY');

  // The natural-key index, built first (attachFlowPartition makes it the partition's natural-key
  // constraint, which ATTACH adopts); if it cannot be built, a key is duplicated, and only then is the
  // table searched for the lines that repeat it.
  await session.query(sql`savepoint flow_natural_key`);
  try {
    await buildFlowNaturalKey(session, datasetId);
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
  stage('indexes + foreign keys + attach');
  await buildTradeRollups(session, datasetId, stage);
  return written;
}
